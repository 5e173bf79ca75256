import fc from 'fast-check';
import * as assert from 'node:assert/strict';
import { classifyName, normalizedWords } from '../../../src/core/names/classifyName';
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

  it('expands compounds and joins look-alike pairs into the words the rules are written in, and nothing else', () => {
    assert.deepEqual(normalizedWords('patientFirstname'), ['patient', 'first', 'name']);
    assert.deepEqual(normalizedWords('patientIDs'), ['patient', 'id']);
    assert.deepEqual(normalizedWords('patient_ids'), ['patient', 'id']);
    assert.deepEqual(normalizedWords('userNameField'), ['username', 'field']);
    // Words that are also Object.prototype's keys are words like any other.
    assert.deepEqual(normalizedWords('constructorFullname'), ['constructor', 'full', 'name']);
    assert.deepEqual(classifyName('constructor_first_name')?.words, ['constructor', 'first', 'name']);
  });

  it('splits any identifier as the regular-expression definition of the word rules does', () => {
    // The rules as they were first written: separators, then lower→Upper, ABc → A Bc (but ABs, an acronym's plural,
    // stays one word), letter↔digit.
    const byRegExps = (identifier: string) => identifier.split(/[^A-Za-z0-9]+/).filter(Boolean).flatMap((chunk) =>
      chunk.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z](?!s(?![a-z]))[a-z])/g, '$1 $2')
        .replace(/([A-Za-z])([0-9])/g, '$1 $2').replace(/([0-9])([A-Za-z])/g, '$1 $2')
        .split(' ').filter(Boolean).map((word) => word.toLowerCase()));
    const identifier = fc.array(fc.constantFrom(...'aAbBzZsS09_-$. é'), { minLength: 1, maxLength: 12 }).map((chars) => chars.join(''));
    fc.assert(fc.property(identifier, (name) => assert.deepStrictEqual(splitWords(name), byRegExps(name), name)), { numRuns: 5000 });
    for (const name of ['SSNNumber', 'patientDOB2', 'ip4Address', 'ABcDEf', 'A1BCd', 'x__y', '', 'patientIDs', 'URLsList', 'IDsAndSSNs', 'ABsz']) assert.deepStrictEqual(splitWords(name), byRegExps(name), name);
  });

  it('takes a name that starts with a verb for an operation, not the data it works on', () => {
    for (const name of ['addPatientNote', 'updateAddress', 'submitLabResults', 'getPatientNotes', 'deleteProfilePicture', 'onPatientPhoneChange']) {
      assert.equal(classifyName(name), undefined, name);
    }
    for (const [name, category] of [['updatedAddress', 'geographic'], ['patientAddress', 'geographic'], ['newPatientPhone', 'phone'], ['labResults', 'lab-result']] as const) {
      assert.equal(classifyName(name)?.category, category, name);
    }
  });

  it('leaves the look-alikes from the peers\' bug trackers alone', () => {
    for (const name of ['fileName', 'hostname', 'className', 'displayName', 'tooltip', 'zipFile', 'updatedAt', 'dateFormat', 'emailTemplate', 'ssnPattern', 'ipcRenderer', 'skipCount', 'dicomUid', 'cold']) {
      assert.equal(classifyName(name), undefined, name);
    }
  });
});
