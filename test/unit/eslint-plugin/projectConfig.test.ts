import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ESLint, Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import plugin from '../../../src/eslint-plugin';

/** Lints real files on disk, as CI does: the plugin reads the project's .phi-guard.json next to them. */
async function lintProject(files: Record<string, string>, settings?: Record<string, unknown>) {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-eslint-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(cwd, name)), { recursive: true });
    fs.writeFileSync(path.join(cwd, name), text);
  }
  const eslint = new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tseslint.parser as never } },
      { ...plugin.configs.strict, settings: settings ? { 'phi-guard': settings } : {} },
    ],
  });
  return eslint.lintFiles(['**/*.{ts,tsx,js}']);
}

describe('ESLint plugin with a project', () => {
  it('reads .phi-guard.json: notPhiNames, excluded files', async () => {
    const results = await lintProject({
      '.phi-guard.json': JSON.stringify({ notPhiNames: ['cold'], exclude: ['generated/**'] }),
      'src/a.ts': 'console.log(cold, patient.ssn);\n',
      'generated/b.ts': 'console.log(patient.ssn);\n',
    });
    const messages = results.flatMap((r) => r.messages.map((m) => `${path.basename(r.filePath)}:${m.ruleId}:${m.column}`));
    assert.deepEqual(messages, ['a.ts:phi-guard/no-phi-in-logs:19']);
  });

  it('reports an invalid configuration once per file, with file, line and key, and still analyses', async () => {
    const results = await lintProject({ '.phi-guard.json': '{\n  "notPhiNames": 3\n}', 'a.ts': 'console.log(patient.ssn);\n' });
    const messages = results[0]!.messages;
    assert.equal(messages.length, 2);
    assert.match(messages[0]!.message, /\.phi-guard\.json:2:3: 'notPhiNames' must be an array of strings/);
    assert.equal(messages[1]!.ruleId, 'phi-guard/no-phi-in-logs');
  });

  it('reports code the engine did not follow (nested too deep) once, where it stops', async () => {
    // 250 nested blocks (typescript-estree cannot convert a chain of hundreds of calls at all: a parsing error).
    const results = await lintProject({ 'a.ts': `export function q(c: boolean) {\n${'  if (c) {\n'.repeat(250)}console.log(1);\n${'}\n'.repeat(250)}}\n` });
    assert.deepEqual(results[0]!.messages.map((m) => [m.ruleId, m.line]), [['phi-guard/no-phi-to-ai', 202]]);
    assert.match(results[0]!.messages[0]!.message, /PHI Guard did not follow this code: it is nested more than 400 levels deep/);
  });

  it('lets settings["phi-guard"] override the file', async () => {
    const results = await lintProject({ 'a.ts': 'console.log(mbrNo);\n' }, { phiNames: { mbrNo: 'health-plan' } });
    assert.equal(results[0]!.messages.length, 1);
    assert.match(results[0]!.messages[0]!.message, /Health plan beneficiary number/);
  });

  it("applies allowedCategories from .phi-guard.json: a rule lets through the categories the policy allows it", async () => {
    const results = await lintProject({
      '.phi-guard.json': JSON.stringify({ allowedCategories: { 'phi-guard/no-phi-in-logs': ['other-id'] } }),
      'a.ts': 'export function f(patientId: string, patient: { ssn: string }) {\n  console.log(`Patient/${patientId}`);\n  console.log(patient.ssn);\n  localStorage.setItem("p", patientId);\n}\n',
    });
    assert.deepEqual(results[0]!.messages.map((m) => [m.ruleId, m.line]), [['phi-guard/no-phi-in-logs', 3], ['phi-guard/no-unencrypted-phi-storage', 4]]);
  });

  it('reads an edited, created or deleted .phi-guard.json after a pause, as a long-running ESLint (vscode-eslint) must', async () => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-eslint-server-'));
    fs.mkdirSync(path.join(cwd, 'src'));
    // Logged through an imported helper: the cross-file analyser's kept analyses must go with the old policy too.
    fs.writeFileSync(path.join(cwd, 'src/log.ts'), 'export function audit(entry: unknown) {\n  console.log(entry);\n}\n');
    fs.writeFileSync(path.join(cwd, 'src/route.ts'), "import { audit } from './log';\nexport function h(mbrNo: string) {\n  audit(mbrNo);\n}\n");
    const linter = new Linter({ configType: 'flat', cwd });
    const config = [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser as never } }, plugin.configs.recommended];
    const route = fs.readFileSync(path.join(cwd, 'src/route.ts'), 'utf8');
    const lint = () => linter.verify(route, config as never, 'src/route.ts').map((m) => m.ruleId);
    const pause = () => new Promise((resolve) => setTimeout(resolve, 1_100));
    assert.deepEqual(lint(), [], '`mbrNo` is no PHI name by default');
    fs.writeFileSync(path.join(cwd, '.phi-guard.json'), JSON.stringify({ phiNames: { mbrNo: 'health-plan' } }));
    assert.deepEqual(lint(), [], 'no pause: the same run, the same policy');
    await pause();
    assert.deepEqual(lint(), ['phi-guard/no-phi-in-logs'], 'the created file applies');
    fs.writeFileSync(path.join(cwd, '.phi-guard.json'), JSON.stringify({ phiNames: { mbrNo: 'health-plan' }, notPhiNames: ['mbrNo'] }));
    await pause();
    assert.deepEqual(lint(), [], 'the edited file applies');
    fs.writeFileSync(path.join(cwd, '.phi-guard.json'), JSON.stringify({ phiNames: { mbrNo: 'health-plan' } }));
    await pause();
    assert.deepEqual(lint(), ['phi-guard/no-phi-in-logs']);
    fs.rmSync(path.join(cwd, '.phi-guard.json'));
    await pause();
    assert.deepEqual(lint(), [], 'the deleted file no longer applies');
  });

  it('analyses TSX and plain JavaScript', async () => {
    const results = await lintProject({
      'View.tsx': 'export const View = ({ patient }: { patient: { email: string } }) => { console.log(patient.email); return <div>{patient.email}</div>; };\n',
      'job.js': "const fs = require('fs');\nfunction save(ssn) { fs.writeFileSync('/tmp/x', ssn); }\n",
    });
    const byFile = Object.fromEntries(results.map((r) => [path.basename(r.filePath), r.messages.map((m) => m.ruleId)]));
    assert.deepEqual(byFile, { 'View.tsx': ['phi-guard/no-phi-in-logs'], 'job.js': ['phi-guard/no-unencrypted-phi-storage'] });
  });
});

describe('ESLint plugin across files', () => {
  it('reports PHI handed to an imported logger wrapper, unless crossFile is off', async () => {
    const files = {
      'src/log.ts': "import pino from 'pino';\nconst logger = pino();\nexport function audit(entry: unknown) { logger.info(entry); }\n",
      'src/route.ts': "import { audit } from './log';\nexport function h(patient: { ssn: string }) { audit(patient.ssn); }\n",
    };
    const on = await lintProject(files);
    const route = on.find((r) => r.filePath.endsWith('route.ts'))!;
    assert.deepEqual(route.messages.map((m) => [m.ruleId, m.line, m.column]), [['phi-guard/no-phi-in-logs', 2, 53]]);
    const off = await lintProject({ ...files, '.phi-guard.json': JSON.stringify({ crossFile: false }) });
    assert.deepEqual(off.find((r) => r.filePath.endsWith('route.ts'))!.messages, []);
  });

  it('reads a file name relative to the Linter\'s cwd, not the process\'s, so its imports are found', () => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-linter-'));
    fs.mkdirSync(path.join(cwd, 'src'));
    fs.writeFileSync(path.join(cwd, 'src/log.ts'), "import pino from 'pino';\nconst logger = pino();\nexport function audit(entry: unknown) { logger.info(entry); }\n");
    const linter = new Linter({ configType: 'flat', cwd });
    const config = [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser as never } }, plugin.configs.recommended];
    const route = "import { audit } from './log';\nexport function h(patient: { ssn: string }) { audit(patient.ssn); }\n";
    const messages = linter.verify(route, config as never, 'src/route.ts');
    assert.deepEqual(messages.map((m) => [m.ruleId, m.line, m.column]), [['phi-guard/no-phi-in-logs', 2, 53]]);
  });
});
