import * as assert from 'assert';
import * as path from 'path';
import { collectFiles } from '../../../src/cli/collectFiles';
import { scanFiles } from '../../../src/cli/scanFiles';
import { DEFAULT_CONFIG, type PhiGuardConfig } from '../../../src/core';
import { fakeAnalyzer } from './fakeAnalyzer';
import { MIXED_PROJECT, materialize, removeTree } from './fixtures/fixtureTrees';

const SOURCE_WORKER = path.resolve(__dirname, '../../../src/cli/scanWorker.ts');

describe('cli scanFiles', () => {
  let root: string;
  afterEach(() => removeTree(root));

  it('applies default severities (log is a warning), config overrides and `off`, and sorts by file and position', async () => {
    root = materialize({ files: { 'b.ts': 'const name = 1;\nlog(name); ai(name);\n', 'a.ts': 'const mrn = 1;\nurl(mrn);\nstore(mrn);\n' } });
    const files = ['b.ts', 'a.ts'].map((f) => path.join(root, f));
    const run = (config: PhiGuardConfig) => scanFiles({ files, cwd: root, root, config, jobs: 1, analyze: fakeAnalyzer });

    const byDefault = await run(DEFAULT_CONFIG);
    assert.deepStrictEqual(
      byDefault.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule} ${f.severity}`),
      ['a.ts:2:5 no-phi-in-url error', 'a.ts:3:7 no-unencrypted-phi-storage error', 'b.ts:2:5 no-phi-in-logs warning', 'b.ts:2:15 no-phi-to-ai error'],
    );
    assert.strictEqual(byDefault.filesScanned, 2);
    assert.strictEqual(byDefault.linesScanned, 7);

    const configured = await run({ ...DEFAULT_CONFIG, severity: { 'no-phi-in-logs': 'error', 'no-phi-in-url': 'off', 'no-phi-to-ai': 'warning' } });
    assert.deepStrictEqual(
      configured.findings.map((f) => `${f.rule} ${f.severity}`),
      ['no-unencrypted-phi-storage error', 'no-phi-in-logs error', 'no-phi-to-ai warning'],
    );
  });

  it('reports progress once per file', async () => {
    root = materialize({ files: { 'a.ts': '', 'b.ts': '', 'c.ts': '' } });
    const calls: string[] = [];
    await scanFiles({ files: ['a.ts', 'b.ts', 'c.ts'].map((f) => path.join(root, f)), cwd: root, root, config: DEFAULT_CONFIG, jobs: 1, analyze: fakeAnalyzer, onProgress: (done, total) => calls.push(`${done}/${total}`) });
    assert.deepStrictEqual(calls, ['1/3', '2/3', '3/3']);
  });

  it('gives the same report on worker threads as in this thread, unreadable files and syntax errors included', async () => {
    root = materialize(MIXED_PROJECT);
    const { files } = collectFiles({ paths: ['.'], cwd: root, config: DEFAULT_CONFIG, root });
    const inThread = await scanFiles({ files, cwd: root, root, config: DEFAULT_CONFIG, jobs: 1 });
    let progressCalls = 0;
    const onWorkers = await scanFiles({
      files,
      cwd: root,
      root,
      config: DEFAULT_CONFIG,
      jobs: 2,
      workerScript: SOURCE_WORKER,
      workerExecArgv: ['--require', 'tsx/cjs'],
      minFilesForWorkers: 1,
      onProgress: () => progressCalls++,
    });
    assert.deepStrictEqual(onWorkers, inThread);
    assert.strictEqual(progressCalls, files.length);
    assert.strictEqual(inThread.filesScanned, files.length);
    assert.strictEqual(inThread.filesAnalysed, files.length - 1);
    assert.deepStrictEqual(inThread.notices.filter((n) => n.kind === 'unreadable').map((n) => n.file), ['src/dangling.ts']);
    assert.deepStrictEqual([...new Set(inThread.notices.filter((n) => n.kind === 'syntax-error').map((n) => n.file))], ['src/broken-syntax.ts']);
  });

  it('follows PHI into the project\'s own modules (crossFile), in this thread and on workers alike', async () => {
    root = materialize({
      files: {
        'src/ai.ts': [
          "import OpenAI from 'openai';",
          'const openai = new OpenAI();',
          'export async function ask(question: string) {',
          "  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: question }] });",
          '}',
          '',
        ].join('\n'),
        'src/visit.ts': "import { ask } from './ai';\nexport async function summarize(patient: { firstName: string }) {\n  return ask(`Chart for ${patient.firstName}`);\n}\n",
      },
    });
    const files = ['src/ai.ts', 'src/visit.ts'].map((f) => path.join(root, f));
    const inThread = await scanFiles({ files, cwd: root, root, config: DEFAULT_CONFIG, jobs: 1 });
    const onWorkers = await scanFiles({ files, cwd: root, root, config: DEFAULT_CONFIG, jobs: 2, workerScript: SOURCE_WORKER, workerExecArgv: ['--require', 'tsx/cjs'], minFilesForWorkers: 1 });
    assert.deepStrictEqual(onWorkers, inThread);
    assert.deepStrictEqual(inThread.findings.map((f) => `${f.file}:${f.line} ${f.rule}`), ['src/visit.ts:3 no-phi-to-ai']);
    const steps = inThread.findings[0].flow.map((step) => `${step.file}:${step.line}`);
    assert.strictEqual(steps[0], 'src/visit.ts:3');
    assert.strictEqual(steps[steps.length - 1], 'src/ai.ts:4', 'the flow ends at the sink in the imported module');

    const singleFile = await scanFiles({ files, cwd: root, root, config: { ...DEFAULT_CONFIG, crossFile: false }, jobs: 1 });
    assert.deepStrictEqual(singleFile.findings, []);
  });

  it('gives the same report when two or three threads share their analyses (barrels, import cycles) as in this thread', async () => {
    const tree: Record<string, string> = {
      'src/lib/ai.ts': "import OpenAI from 'openai';\nconst openai = new OpenAI();\nexport async function ask(q: string) {\n  return openai.chat.completions.create({ model: 'x', messages: [{ role: 'user', content: q }] });\n}\n",
      'src/lib/log.ts': 'export function logIt(x: unknown) { console.log(x); }\n',
      'src/lib/index.ts': "export * from './ai';\nexport * from './log';\n",
      'src/cycle/a.ts': "import { again } from './b';\nimport { logIt } from '../lib';\nexport function note(x: unknown) { logIt(x); }\nexport function f(ssn: string) { again(ssn); }\n",
      'src/cycle/b.ts': "import { note } from './a';\nexport function again(v: unknown) { note(v); }\nexport function g(mrn: string) { note(mrn); }\n",
    };
    // Enough files for three threads (batches of 8), each importing the shared modules.
    for (let i = 0; i < 24; i++) {
      tree[`src/routes/r${i}.ts`] = i % 2 === 0
        ? `import { ask } from '../lib';\nexport async function r${i}(patient: { diagnosis: string }) {\n  return ask(patient.diagnosis);\n}\n`
        : `import { again } from '../cycle/b';\nexport function r${i}(patient: { dob: string }) {\n  again(patient.dob);\n}\n`;
    }
    root = materialize({ files: tree });
    const { files } = collectFiles({ paths: ['.'], cwd: root, config: DEFAULT_CONFIG, root });
    const inThread = await scanFiles({ files, cwd: root, root, config: DEFAULT_CONFIG, jobs: 1 });
    assert.strictEqual(inThread.findings.filter((f) => f.file.startsWith('src/routes/')).length, 24, 'every route reaches a sink through the shared modules');
    for (const jobs of [2, 3]) {
      const onWorkers = await scanFiles({ files, cwd: root, root, config: DEFAULT_CONFIG, jobs, workerScript: SOURCE_WORKER, workerExecArgv: ['--require', 'tsx/cjs'], minFilesForWorkers: 1 });
      assert.deepStrictEqual(onWorkers, inThread, `--jobs ${jobs}`);
    }
  });

  it('falls back to this thread when the worker bundle is missing', async () => {
    root = materialize({ files: { 'a.ts': 'const name = 1;\nai(name);\n' } });
    const report = await scanFiles({ files: [path.join(root, 'a.ts')], cwd: root, root, config: DEFAULT_CONFIG, jobs: 2, workerScript: path.join(root, 'missing.js'), minFilesForWorkers: 1 });
    assert.strictEqual(report.filesAnalysed, 1);
  });
});
