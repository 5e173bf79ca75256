import * as assert from 'node:assert/strict';
import { classifyName } from '../../../src/core/names/classifyName';
import { NAME_RULES } from '../../../src/core/names/nameRules';
import { splitWords } from '../../../src/core/names/splitWords';

/** `patient.name` is a property read with context; `ssn` a plain name. */
function classify(example: string) {
  const dot = example.lastIndexOf('.');
  return dot > 0 ? classifyName(example.slice(dot + 1), splitWords(example.slice(0, dot))) : classifyName(example);
}

describe('name rules', () => {
  for (const rule of NAME_RULES) {
    describe(rule.category, () => {
      for (const example of rule.examples.match) {
        it(`classifies ${example} as ${rule.category}`, () => assert.equal(classify(example)?.category, rule.category));
      }
      for (const example of rule.examples.noMatch) {
        it(`does not classify ${example} as ${rule.category}`, () => assert.notEqual(classify(example)?.category, rule.category));
      }
    });
  }

  it('splits every identifier style into the same words', () => {
    for (const name of ['patientDob', 'patient_dob', 'PATIENT_DOB', 'patient-dob', 'PatientDOB']) {
      assert.deepEqual(splitWords(name), ['patient', 'dob'], name);
    }
  });

  it('leaves the look-alikes from the peers\' bug trackers alone', () => {
    for (const name of ['fileName', 'hostname', 'className', 'displayName', 'tooltip', 'zipFile', 'updatedAt', 'dateFormat', 'emailTemplate', 'ssnPattern', 'ipcRenderer', 'skipCount', 'dicomUid', 'cold']) {
      assert.equal(classifyName(name), undefined, name);
    }
  });
});
