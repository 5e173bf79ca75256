import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_CONFIG, analyzeSource, configJsonSchema, mergeConfigObject, parseConfigText } from '../../../src/core';
import { ConfigResolver, isFileIncluded, loadConfigFile } from '../../../src/core/config/loadConfig';
import { SCHEMA_PATH, schemaText } from '../../../scripts/generate-schema';

describe('.phi-guard.json', () => {
  it('applies valid keys', () => {
    const { config, problems } = parseConfigText('/p/.phi-guard.json', JSON.stringify({ notPhiNames: ['cold'], phiNames: { mbrNo: 'health-plan' }, sanitizers: ['scrubForVendor'] }));
    assert.deepEqual(problems, []);
    assert.deepEqual(config.notPhiNames, ['cold']);
    const result = analyzeSource({ fileName: 'a.ts', text: 'console.log(mbrNo, cold, scrubForVendor(patient.ssn));', config });
    assert.deepEqual(result.findings.map((f) => f.expression), ['mbrNo']);
  });

  it('names the file, line and column of a wrong type and keeps the default for that key only', () => {
    const text = '{\n  "notPhiNames": "cold",\n  "sanitizers": ["x"]\n}';
    const { config, problems } = parseConfigText('/p/.phi-guard.json', text);
    assert.equal(problems.length, 1);
    assert.match(problems[0]!.message, /^\/p\/\.phi-guard\.json:2:3: 'notPhiNames' must be an array of strings; using the default/);
    assert.deepEqual(config.notPhiNames, DEFAULT_CONFIG.notPhiNames);
    assert.deepEqual(config.sanitizers, ['x']);
  });

  it('reports unknown keys, bad categories and invalid JSON', () => {
    const unknown = parseConfigText('c.json', '{ "phiName": {} }').problems[0]!;
    assert.match(unknown.message, /^c\.json:1:3: unknown key 'phiName' \(known keys: phiNames, notPhiNames, [^)]*\); it is ignored\.$/);
    // The same problem without what a caller that goes on uses instead (the CLI stops).
    assert.match(unknown.fault, /^c\.json:1:3: unknown key 'phiName' \(known keys: [^)]*\)$/);
    assert.match(parseConfigText('c.json', '{ "phiNames": { "x": "secret" } }').problems[0]!.message, /'secret' \(for 'x'\) is not one of name, geographic/);
    const broken = parseConfigText('c.json', '{ "notPhiNames": [ }');
    assert.match(broken.problems[0]!.message, /^c\.json:1:\d+: invalid JSON/);
    assert.equal(broken.config, DEFAULT_CONFIG);
    // The first error, where it is and what the reader expected there, in words.
    const commaMissing = parseConfigText('c.json', '{\n  "crossFile": true\n  "maxFileSizeKb": 10\n}').problems[0]!;
    assert.equal(commaMissing.message, "c.json:3:3: invalid JSON (comma expected); using the default configuration.");
    assert.equal(commaMissing.fault, 'c.json:3:3: invalid JSON (comma expected)');
    assert.match(parseConfigText('c.json', '[]').problems[0]!.message, /^c\.json:1:1: the configuration must be a JSON object/);
  });

  it('reads comments, trailing commas and a byte order mark as tsconfig.json does, and still places problems', () => {
    const text = '\ufeff{\n  // names of this project\n  "notPhiNames": ["cold",], /* kept */\n  "maxFileSizeKb": "big",\n}\n';
    const { config, problems } = parseConfigText('/p/.phi-guard.json', text);
    assert.deepEqual(config.notPhiNames, ['cold']);
    assert.equal(config.maxFileSizeKb, DEFAULT_CONFIG.maxFileSizeKb);
    assert.deepEqual(problems.map((p) => [p.line, p.column]), [[4, 3]]);
    assert.match(problems[0]!.message, /'maxFileSizeKb' must be a positive number/);
    // Columns on the first line as an editor counts them: the byte order mark is not a character of the line.
    assert.match(parseConfigText('c.json', '\ufeff{ "phiName": {} }').problems[0]!.message, /^c\.json:1:3: unknown key 'phiName'/);
  });

  it('gives values as JSON.parse does: plain objects, a `__proto__` key an own property', () => {
    const { config, problems } = parseConfigText('c.json', '{ "phiNames": { "dx": "diagnosis", "__proto__": "name" } }');
    assert.deepEqual(problems, []);
    assert.deepStrictEqual(config.phiNames, JSON.parse('{ "dx": "diagnosis", "__proto__": "name" }'));
    assert.equal(Object.getPrototypeOf(config.phiNames), Object.prototype);
    assert.deepEqual(Object.keys(config.phiNames), ['dx', '__proto__']);
  });

  it('loads a commented config file without throwing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-jsonc-'));
    try {
      fs.writeFileSync(path.join(dir, '.phi-guard.json'), '{\n  // CI and editor share this\n  "crossFile": false,\n}\n');
      const loaded = loadConfigFile(path.join(dir, '.phi-guard.json'));
      assert.deepEqual(loaded.problems, []);
      assert.equal(loaded.config.crossFile, false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('validates ESLint settings overrides the same way', () => {
    const { config, problems } = mergeConfigObject(DEFAULT_CONFIG, { notPhiNames: ['a'], maxFileSizeKb: -1 }, 'settings["phi-guard"]');
    assert.deepEqual(config.notPhiNames, ['a']);
    assert.equal(config.maxFileSizeKb, DEFAULT_CONFIG.maxFileSizeKb);
    assert.match(problems[0]!.message, /settings\["phi-guard"\]\.maxFileSizeKb must be a positive number/);
  });

  it('is found from a nested file, cached per folder, and its globs select files', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-config-'));
    fs.mkdirSync(path.join(root, 'src', 'deep'), { recursive: true });
    fs.writeFileSync(path.join(root, '.phi-guard.json'), JSON.stringify({ exclude: ['src/generated/**'] }));
    const loaded = new ConfigResolver().forFile(path.join(root, 'src', 'deep', 'a.ts'));
    assert.equal(loaded.file, path.join(root, '.phi-guard.json'));
    assert.equal(isFileIncluded(path.join(root, 'src', 'deep', 'a.ts'), loaded), true);
    assert.equal(isFileIncluded(path.join(root, 'src', 'generated', 'b.ts'), loaded), false);
    assert.equal(isFileIncluded(path.join(root, 'README.md'), loaded), false);
  });

  it('answers each folder from the nearest config file: a nested one wins below it, one file is read once', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-config-'));
    fs.mkdirSync(path.join(root, 'apps', 'web', 'src'), { recursive: true });
    fs.mkdirSync(path.join(root, 'packages', 'api', 'src', 'routes'), { recursive: true });
    fs.writeFileSync(path.join(root, '.phi-guard.json'), JSON.stringify({ notPhiNames: ['rootName'] }));
    fs.writeFileSync(path.join(root, 'packages', 'api', '.phi-guard.json'), JSON.stringify({ notPhiNames: ['apiName'] }));
    const resolver = new ConfigResolver();
    const routes = resolver.forFile(path.join(root, 'packages', 'api', 'src', 'routes', 'a.ts'));
    const api = resolver.forFile(path.join(root, 'packages', 'api', 'b.ts'));
    const web = resolver.forFile(path.join(root, 'apps', 'web', 'src', 'c.ts'));
    const top = resolver.forFile(path.join(root, 'd.ts'));
    assert.deepEqual(routes.config.notPhiNames, ['apiName']);
    assert.equal(routes, api, 'the folders under packages/api share its one loaded file');
    assert.deepEqual(web.config.notPhiNames, ['rootName']);
    assert.equal(web, top, 'apps/web/src climbs to the root file, loaded once');
    const outside = resolver.forFile(path.join(os.tmpdir(), 'phi-guard-no-config-here', 'e.ts'));
    assert.equal(outside.file === undefined || !outside.file.startsWith(root), true);
  });

  it('leaves test code out by default, and only test code: it runs on synthetic data', () => {
    const loaded = { config: DEFAULT_CONFIG, problems: [], file: '/repo/.phi-guard.json' };
    const scanned = (file: string) => isFileIncluded(`/repo/${file}`, loaded);
    for (const file of ['src/visit.ts', 'src/testing/visit.ts', 'src/contest.ts', 'src/latest.tsx', 'src/spec/visit.ts', 'apps/e2e-report.ts']) assert.equal(scanned(file), true, file);
    for (const file of ['src/visit.test.ts', 'src/Visit.spec.tsx', 'test/visit.ts', 'packages/api/tests/visit.ts', 'src/__tests__/visit.ts', 'src/__mocks__/db.js', 'apps/web/e2e/login.ts']) assert.equal(scanned(file), false, file);
    const own = { ...loaded, config: { ...DEFAULT_CONFIG, exclude: ['**/dist/**'] } };
    assert.equal(isFileIncluded('/repo/test/visit.ts', own), true, 'an exclude of the project\'s own replaces the defaults');
  });

  it('reports an unreadable file and keeps the defaults', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-config-'));
    const asDirectory = path.join(dir, '.phi-guard.json');
    fs.mkdirSync(asDirectory);
    const loaded = loadConfigFile(asDirectory);
    assert.equal(loaded.config, DEFAULT_CONFIG);
    assert.match(loaded.problems[0]!.message, /cannot read the configuration/);
  });

  it('ships a JSON Schema generated from the same description (run `npm run generate` after changing keys)', () => {
    assert.equal(fs.readFileSync(SCHEMA_PATH, 'utf8'), schemaText());
  });

  it('reads allowedCategories by rule, with or without the ESLint prefix, and names a wrong rule or category', () => {
    const { config, problems } = parseConfigText('c.json', JSON.stringify({ allowedCategories: { 'phi-guard/no-phi-in-logs': ['other-id'] } }));
    assert.deepEqual(problems, []);
    assert.deepEqual(config.allowedCategories, { 'no-phi-in-logs': ['other-id'] });
    const text = '{\n  "allowedCategories": { "no-phi-in-log": ["other-id"] },\n  "notPhiNames": ["cold"]\n}';
    const wrongRule = parseConfigText('/p/.phi-guard.json', text);
    assert.match(wrongRule.problems[0]!.message, /^\/p\/\.phi-guard\.json:2:3: 'allowedCategories' must be an object keyed by rule names; 'no-phi-in-log' is not one of no-phi-to-ai, no-phi-in-logs/);
    assert.deepEqual(wrongRule.config.allowedCategories, {});
    assert.deepEqual(wrongRule.config.notPhiNames, ['cold']);
    const wrongCategory = mergeConfigObject(DEFAULT_CONFIG, { allowedCategories: { 'no-phi-in-url': ['patient-id'] } }, 'settings["phi-guard"]');
    assert.match(wrongCategory.problems[0]!.message, /allowedCategories must be an array of PHI categories for 'no-phi-in-url' \(got \["patient-id"\]; categories: name, /);
    const schema = (configJsonSchema() as { properties: { allowedCategories: { properties: Record<string, unknown> } } }).properties.allowedCategories.properties;
    assert.ok(schema['no-phi-in-logs'] && schema['phi-guard/no-phi-in-logs']);
  });

  it('has the schema accept every severity key the loader accepts, with or without the ESLint prefix', () => {
    const severity = (configJsonSchema() as { properties: { severity: { properties: Record<string, unknown> } } }).properties.severity.properties;
    for (const key of ['no-phi-in-logs', 'phi-guard/no-phi-in-logs', 'phi-guard/no-phi-to-ai']) {
      assert.deepEqual(parseConfigText('c.json', JSON.stringify({ severity: { [key]: 'off' } })).problems, [], key);
      assert.ok(severity[key], key);
    }
  });
});
