import fc from 'fast-check';
import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG } from '../../../src/core/config/config';
import type { PhiGuardConfig } from '../../../src/core/config/config';
import { NameClassifier } from '../../../src/core/analysis/sources';
import { splitWords } from '../../../src/core/names/splitWords';

const config: PhiGuardConfig = { ...DEFAULT_CONFIG, phiNames: { memberCode: 'other-id' }, notPhiNames: ['patientEmailTemplate', 'DOB'] };

/**
 * Names whose verdict depends on the object they are read from, and ones that do not; objects that make the
 * difference, some sharing first words (`clinic`, `clinicPatient`), and endpoint tables. A small pool, so that one
 * run asks about the same name in several contexts.
 */
const names = ['name', 'address', 'phone', 'email', 'patientName', 'dob', 'ssn', 'memberCode', 'patientEmailTemplate', 'data', 'patient', 'id'];
const contexts = ['patient', 'clinic', 'clinicPatient', 'patientClinic', 'hospitalPatient', 'routes', 'patientRoutes', 'user', ''];

/** How a call passes the object's words: none, a list, or a function that works them out. */
type Given = { name: string; context: string; as: 'none' | 'list' | 'function' };

function ask(classifier: NameClassifier, { name, context, as }: Given) {
  const words = splitWords(context);
  if (as === 'none') return classifier.classify(name);
  return classifier.classify(name, as === 'list' ? words : () => [...words]);
}

describe('name classifier', () => {
  it('answers every question as a fresh classifier would, whatever it was asked before', () => {
    const given = fc.record({ name: fc.constantFrom(...names), context: fc.constantFrom(...contexts), as: fc.constantFrom<Given['as']>('none', 'list', 'function') });
    fc.assert(fc.property(fc.array(given, { minLength: 1, maxLength: 60 }), (questions) => {
      const shared = new NameClassifier(config);
      for (const question of questions) {
        assert.deepStrictEqual(ask(shared, question), ask(new NameClassifier(config), question), JSON.stringify(question));
        assert.equal(shared.isNotPhi(question.name), new NameClassifier(config).isNotPhi(question.name));
      }
    }), { numRuns: 300 });
  });

  it('tells a name from the same name read from another object', () => {
    const classifier = new NameClassifier(config);
    assert.equal(classifier.classify('name', splitWords('patient'))?.categories[0], 'name');
    assert.equal(classifier.classify('name', splitWords('clinic')), undefined);
    assert.equal(classifier.classify('name', splitWords('patient'))?.categories[0], 'name');
    assert.equal(classifier.classify('patientName', () => splitWords('routes')), undefined, 'a table of endpoints');
    assert.equal(classifier.classify('accountNumber', () => splitWords('MedplumInfraConfig')), undefined, 'a field of configuration');
    assert.equal(classifier.classify('email', () => splitWords('smtpConfig')), undefined, 'a field of configuration');
    assert.equal(classifier.classify('email', () => splitWords('configPatient'))?.categories[0], 'email', 'configuration only as the last word');
    assert.equal(classifier.classify('accountNumber')?.categories[0], 'account');
    assert.equal(classifier.classify('apiWafIpSetArn'), undefined, 'an AWS resource name');
    assert.equal(classifier.classify('clientIp')?.categories[0], 'ip');
    assert.equal(classifier.classify('patientName')?.categories[0], 'name');
    assert.equal(classifier.isNotPhi('dob'), true, 'configured names are matched without regard to case');
    assert.equal(classifier.classify('dob'), undefined, 'the project says DOB is not PHI');
    assert.equal(classifier.classify('dob', () => splitWords('patient')), undefined, 'not in any context either');
    assert.equal(new NameClassifier(DEFAULT_CONFIG).classify('dob')?.categories[0], 'date', 'without that setting it is');
  });

  it('knows the callee names that de-identify: a sanitizer word, or the project\'s own sanitizers, and not an undoing word', () => {
    const classifier = new NameClassifier({ ...config, sanitizers: ['cleanForVendor', 'unmaskForAudit'] });
    assert.equal(classifier.isSanitizerName('maskSsn'), true);
    assert.equal(classifier.isSanitizerName('hashEmail'), true);
    assert.equal(classifier.isSanitizerName('cleanForVendor'), true, 'configured');
    assert.equal(new NameClassifier(config).isSanitizerName('cleanForVendor'), false, 'not without the setting');
    assert.equal(classifier.isSanitizerName('unmaskSsn'), false);
    assert.equal(classifier.isSanitizerName('unmaskForAudit'), false, 'a configured name that undoes a sanitizer is not one');
    assert.equal(classifier.isSanitizerName('formatPatient'), false);
    assert.equal(classifier.isSanitizerName('sanitizeForLogging'), true, 'a sanitize for a log');
    assert.equal(classifier.isSanitizerName('sanitizePHI'), true, 'a sanitize of PHI');
    assert.equal(classifier.isSanitizerName('sanitizeHtml'), false, 'an HTML clean-up is no redaction');
    assert.equal(classifier.isSanitizerName('sanitizeFilename'), false);
    assert.equal(classifier.isSanitizerName('logger'), false, 'a purpose word alone sanitizes nothing');
    assert.equal(classifier.isSanitizerName('maskSsn'), true, 'the same answer the second time (kept with the name)');
  });
});
