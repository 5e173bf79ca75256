import * as assert from 'assert';
import { addNotPhiName } from '../../../src/extension/notPhiNameEdit';
import { addAllowedCategory } from '../../../src/extension/allowedCategoryEdit';

describe('mark as not PHI (.phi-guard.json)', () => {
  it('creates the file when there is none', () => {
    const result = addNotPhiName(undefined, 'ssnLength', '/w/.phi-guard.json');
    assert.deepStrictEqual(result, { ok: true, changed: true, text: '{\n  "notPhiNames": [\n    "ssnLength"\n  ]\n}\n' });
  });

  it('appends to notPhiNames and keeps every other key, their order and their formatting', () => {
    const existing = '{\n    "phiNames": { "chartNumber": "mrn" },\n    "notPhiNames": ["dobFormat"],\n    "maxFileSizeKb": 512\n}\n';
    const result = addNotPhiName(existing, 'ssnLength', 'cfg');
    assert.ok(result.ok && result.changed);
    assert.deepStrictEqual(Object.keys(JSON.parse(result.text)), ['phiNames', 'notPhiNames', 'maxFileSizeKb']);
    assert.deepStrictEqual(JSON.parse(result.text), { phiNames: { chartNumber: 'mrn' }, notPhiNames: ['dobFormat', 'ssnLength'], maxFileSizeKb: 512 });
    assert.ok(result.text.startsWith('{\n    "phiNames": { "chartNumber": "mrn" },\n    "notPhiNames": ['), result.text);
    assert.ok(result.text.endsWith('}\n'));
  });

  it('adds the key to a file without it', () => {
    const result = addNotPhiName('{"severity":{"no-phi-in-logs":"off"}}', 'x', 'cfg');
    assert.ok(result.ok);
    assert.deepStrictEqual(JSON.parse(result.text), { severity: { 'no-phi-in-logs': 'off' }, notPhiNames: ['x'] });
  });

  it('leaves the file alone when the name is already there (names are case-insensitive)', () => {
    const existing = '{ "notPhiNames": ["SSNLength"] }';
    assert.deepStrictEqual(addNotPhiName(existing, 'ssnLength', 'cfg'), { ok: true, changed: false, text: existing });
  });

  it('refuses to rewrite a broken file and says where it is broken', () => {
    const result = addNotPhiName('{\n  "notPhiNames": [\n}', 'x', '/w/.phi-guard.json');
    assert.ok(!result.ok);
    assert.match(result.message, /^\/w\/\.phi-guard\.json:3: not valid JSON/);
  });

  it('keeps the comments and trailing commas a team wrote (the file is read like tsconfig.json)', () => {
    const existing = '{\n  // names reviewed with compliance\n  "notPhiNames": ["dobFormat",],\n}\n';
    const result = addNotPhiName(existing, 'ssnLength', 'cfg');
    assert.ok(result.ok && result.changed, JSON.stringify(result));
    assert.ok(result.text.includes('// names reviewed with compliance'), result.text);
    assert.match(result.text, /"dobFormat",\s*"ssnLength"/);
  });

  it('refuses notPhiNames that is not an array of strings', () => {
    const result = addNotPhiName('{ "notPhiNames": "ssn" }', 'x', 'cfg');
    assert.ok(!result.ok);
    assert.match(result.message, /"notPhiNames" must be an array of strings/);
  });
});

describe('allow a PHI category through a rule (.phi-guard.json)', () => {
  it('creates the file, or the key, with the rule and the category', () => {
    assert.deepStrictEqual(addAllowedCategory(undefined, 'no-phi-in-logs', 'other-id', 'cfg'), { ok: true, changed: true, text: '{\n  "allowedCategories": {\n    "no-phi-in-logs": [\n      "other-id"\n    ]\n  }\n}\n' });
    const result = addAllowedCategory('{\n  "notPhiNames": ["x"]\n}\n', 'no-phi-in-logs', 'other-id', 'cfg');
    assert.ok(result.ok && result.changed);
    assert.deepStrictEqual(JSON.parse(result.text), { notPhiNames: ['x'], allowedCategories: { 'no-phi-in-logs': ['other-id'] } });
  });

  it("adds to the rule's list under the key as the file spells it, and leaves a category already there", () => {
    const prefixed = '{ "allowedCategories": { "phi-guard/no-phi-in-logs": ["date"], "no-phi-to-ai": ["other-id"] } }';
    const result = addAllowedCategory(prefixed, 'no-phi-in-logs', 'other-id', 'cfg');
    assert.ok(result.ok && result.changed);
    assert.deepStrictEqual(JSON.parse(result.text), { allowedCategories: { 'phi-guard/no-phi-in-logs': ['date', 'other-id'], 'no-phi-to-ai': ['other-id'] } });
    const another = addAllowedCategory(prefixed, 'no-unencrypted-phi-storage', 'other-id', 'cfg');
    assert.ok(another.ok);
    assert.deepStrictEqual(JSON.parse(another.text).allowedCategories['no-unencrypted-phi-storage'], ['other-id']);
    assert.deepStrictEqual(addAllowedCategory(prefixed, 'no-phi-to-ai', 'other-id', 'cfg'), { ok: true, changed: false, text: prefixed });
  });

  it('refuses a key of the wrong shape and says which', () => {
    const notObject = addAllowedCategory('{ "allowedCategories": ["other-id"] }', 'no-phi-in-logs', 'other-id', '/w/.phi-guard.json');
    assert.ok(!notObject.ok);
    assert.match(notObject.message, /^\/w\/\.phi-guard\.json: "allowedCategories" must be an object keyed by rule names; fix it, then try again\.$/);
    const notList = addAllowedCategory('{ "allowedCategories": { "no-phi-in-logs": "other-id" } }', 'no-phi-in-logs', 'other-id', 'cfg');
    assert.ok(!notList.ok);
    assert.match(notList.message, /must map 'no-phi-in-logs' to an array of PHI categories/);
  });
});
