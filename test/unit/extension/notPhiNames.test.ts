import * as assert from 'assert';
import { addNotPhiName } from '../../../src/extension/notPhiNames';

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

  it('refuses notPhiNames that is not an array of strings', () => {
    const result = addNotPhiName('{ "notPhiNames": "ssn" }', 'x', 'cfg');
    assert.ok(!result.ok);
    assert.match(result.message, /"notPhiNames" must be an array of strings/);
  });
});
