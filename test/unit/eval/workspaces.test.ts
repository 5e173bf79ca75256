import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeSource, DEFAULT_CONFIG } from '../../../src/core/index';
import { evaluateWorkspace, evaluateWorkspaces, listWorkspaces, loadWorkspaceConfig, scoreAnalysis } from '../../../scripts/eval/workspaces';

function writeFiles(root: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(root, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
}

// A wrapper that forwards its parameter to console.log, and a caller that passes PHI into it.
const WRAPPER_WORKSPACE = {
  'src/audit.ts': ['export function audit(message: string): void {', '  console.log(message);', '}', ''].join('\n'),
  'src/visit.ts': [
    "import { audit } from './audit';",
    '',
    'export function close(patient: { email: string; visitId: string }): void {',
    '  audit(patient.email); // expect: log',
    '  audit(patient.visitId); // ok: log',
    '}',
    '',
  ].join('\n'),
};

describe('eval: cross-file workspaces', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-workspaces-'));
  });
  afterEach(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  describe('listWorkspaces', () => {
    it('lists the immediate sub-folders, sorted, and ignores files', () => {
      writeFiles(tmp, { 'zeta/a.ts': '', 'alpha/nested/b.ts': '', 'README.md': '# not a workspace' });
      assert.deepEqual(listWorkspaces(tmp), [path.join(tmp, 'alpha'), path.join(tmp, 'zeta')]);
    });
  });

  describe('loadWorkspaceConfig', () => {
    it('uses the defaults without a .phi-guard.json', () => {
      assert.deepEqual(loadWorkspaceConfig(tmp), { config: DEFAULT_CONFIG, problems: [] });
    });

    it("reads the workspace's .phi-guard.json", () => {
      writeFiles(tmp, { '.phi-guard.json': JSON.stringify({ phiNames: { dx: 'diagnosis' } }) });
      const { config, problems } = loadWorkspaceConfig(tmp);
      assert.deepEqual(problems, []);
      assert.deepEqual(config.phiNames, { dx: 'diagnosis' });
    });

    it('reports a broken .phi-guard.json with its file name', () => {
      writeFiles(tmp, { '.phi-guard.json': '{ "phiNames": ' });
      const { problems } = loadWorkspaceConfig(tmp);
      assert.ok(problems.length > 0);
      assert.ok(problems.every((p) => p.includes('.phi-guard.json')), problems.join('\n'));
    });
  });

  describe('scoreAnalysis', () => {
    it('reduces findings to lines and keeps the labels', () => {
      const text = ['export function f(patient: { ssn: string }) {', '  console.log(patient.ssn); // expect: log', '}', ''].join('\n');
      const { scored, problems } = scoreAnalysis('f.ts', text, analyzeSource({ fileName: 'f.ts', text }));
      assert.deepEqual(problems, []);
      assert.equal(scored.file, 'f.ts');
      assert.deepEqual(scored.labels.map((l) => [l.kind, l.category, l.line]), [['expect', 'log', 2]]);
      assert.deepEqual(scored.findings.map((f) => [f.line, f.category]), [[2, 'log']]);
    });

    it('reports malformed labels, syntax errors and skipped files with file and line', () => {
      const text = ['const a = ;', 'console.log(a); // expect: logs', ''].join('\n');
      const { problems } = scoreAnalysis('broken.ts', text, analyzeSource({ fileName: 'broken.ts', text }));
      assert.ok(problems.some((p) => p.startsWith('broken.ts:1: syntax error')), problems.join('\n'));
      assert.ok(problems.some((p) => p.startsWith("broken.ts:2: unknown category 'logs'")), problems.join('\n'));

      const big = `export const padding = '${'x'.repeat(2048)}';\n`;
      const skipped = scoreAnalysis('big.ts', big, analyzeSource({ fileName: 'big.ts', text: big, config: { ...DEFAULT_CONFIG, maxFileSizeKb: 1 } }));
      assert.ok(skipped.problems.some((p) => p.startsWith('big.ts: skipped by the engine')), skipped.problems.join('\n'));
    });
  });

  describe('evaluateWorkspace', () => {
    it('finds the call-site flow with imports and not without them', () => {
      const workspace = path.join(tmp, 'wrapper');
      writeFiles(workspace, WRAPPER_WORKSPACE);
      const result = evaluateWorkspace(workspace, tmp);
      assert.deepEqual(result.problems, []);
      assert.deepEqual(result.crossFile.map((f) => f.file), ['wrapper/src/audit.ts', 'wrapper/src/visit.ts']);
      const visitWithImports = result.crossFile.find((f) => f.file === 'wrapper/src/visit.ts')!;
      const visitAlone = result.alone.find((f) => f.file === 'wrapper/src/visit.ts')!;
      assert.deepEqual(visitWithImports.findings.map((f) => [f.line, f.category]), [[4, 'log']]);
      assert.deepEqual(visitAlone.findings, []);
      assert.deepEqual(visitAlone.labels, visitWithImports.labels);
    });

    it("analyses with the workspace's .phi-guard.json", () => {
      const workspace = path.join(tmp, 'configured');
      writeFiles(workspace, {
        '.phi-guard.json': JSON.stringify({ phiNames: { dx: 'diagnosis' } }),
        'log.ts': 'export function note(text: string): void {\n  console.info(text);\n}\n',
        'visit.ts': "import { note } from './log';\n\nexport function f(visit: { dx: string }): void {\n  note(visit.dx);\n}\n",
      });
      const visit = evaluateWorkspace(workspace, tmp).crossFile.find((f) => f.file === 'configured/visit.ts')!;
      assert.deepEqual(visit.findings.map((f) => [f.line, f.category]), [[4, 'log']]);
    });

    it('reports a workspace without source files', () => {
      const workspace = path.join(tmp, 'empty');
      writeFiles(workspace, { 'package.json': '{}' });
      assert.deepEqual(evaluateWorkspace(workspace, tmp).problems, ['empty: workspace without source files; add them or delete the folder']);
    });
  });

  describe('evaluateWorkspaces', () => {
    it('keeps workspaces apart: a module is only found from its own workspace', () => {
      writeFiles(path.join(tmp, 'a'), WRAPPER_WORKSPACE);
      // Same caller, but this workspace has no audit module: the import does not resolve, so nothing is reported.
      writeFiles(path.join(tmp, 'b'), { 'src/visit.ts': WRAPPER_WORKSPACE['src/visit.ts'] });
      const result = evaluateWorkspaces(tmp, tmp);
      const findingsOf = (file: string) => result.crossFile.find((f) => f.file === file)!.findings.length;
      assert.equal(findingsOf('a/src/visit.ts'), 1);
      assert.equal(findingsOf('b/src/visit.ts'), 0);
      assert.equal(result.alone.length, result.crossFile.length);
    });
  });
});
