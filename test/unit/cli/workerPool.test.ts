import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyzeFile } from '../../../src/cli/analyzeFile';
import { createEngine } from '../../../src/cli/engine';
import { mayNeedWorkers, MIN_FILES_FOR_WORKERS, prestartScanWorkers } from '../../../src/cli/prestartedWorkers';
import { scanOnWorkers } from '../../../src/cli/workerPool';
import { DEFAULT_CONFIG } from '../../../src/core';
import { materialize, removeTree } from './fixtures/fixtureTrees';

const SOURCE_WORKER = path.resolve(__dirname, '../../../src/cli/scanWorker.ts');
const TSX = ['--require', 'tsx/cjs'];

/** Routes that all import the same helper modules, one of them through an import cycle. */
function sharedModulesProject(routes: number): Record<string, string> {
  const tree: Record<string, string> = {
    'src/lib/ai.ts': "import OpenAI from 'openai';\nconst openai = new OpenAI();\nexport async function ask(q: string) {\n  return openai.chat.completions.create({ model: 'x', messages: [{ role: 'user', content: q }] });\n}\n",
    'src/lib/log.ts': "import { note } from './notes';\nexport function logIt(x: unknown) { note(x); }\n",
    'src/lib/notes.ts': "import { logIt } from './log';\nexport function note(x: unknown) { console.log(x); }\nexport function again(mrn: string) { logIt(mrn); }\n",
    'src/lib/index.ts': "export * from './ai';\nexport * from './log';\n",
  };
  for (let i = 0; i < routes; i++) {
    tree[`src/routes/r${String(i).padStart(2, '0')}.ts`] = `import { ask, logIt } from '../lib';\nexport async function r${i}(patient: { diagnosis: string; ssn: string }) {\n  logIt(patient.ssn);\n  return ask(patient.diagnosis);\n}\n`;
  }
  return tree;
}

describe('cli scanOnWorkers', () => {
  let root: string;
  afterEach(() => removeTree(root));

  it('analyses every file once on workers alone, which share their analyses, with the results of one thread', async () => {
    root = materialize({ files: sharedModulesProject(40) });
    const files = fs.readdirSync(path.join(root, 'src/routes')).map((name) => path.join(root, 'src/routes', name));
    files.push(...['ai', 'index', 'log', 'notes'].map((name) => path.join(root, 'src/lib', `${name}.ts`)));
    const job = { cwd: root, root, config: DEFAULT_CONFIG };
    const analyze = createEngine(root, () => DEFAULT_CONFIG);
    const inThread = files.map((absolutePath) => analyzeFile({ absolutePath, ...job, analyze }));
    assert.strictEqual(inThread.filter((result) => result.findings.length === 2).length, 40, 'each route leaks to a log and an AI call');

    let filesDone = 0;
    const onWorkers = await scanOnWorkers(files, { workerScript: SOURCE_WORKER, workerCount: 3, job, execArgv: TSX, onFileDone: () => filesDone++ });
    assert.deepStrictEqual(onWorkers, inThread);
    assert.strictEqual(filesDone, files.length);
  });

  it('gives its job to a worker started before the files were known, and stops the ones it does not need', async () => {
    root = materialize({ files: sharedModulesProject(24) });
    const files = fs.readdirSync(path.join(root, 'src/routes')).map((name) => path.join(root, 'src/routes', name));
    const job = { cwd: root, root, config: DEFAULT_CONFIG };
    const analyze = createEngine(root, () => DEFAULT_CONFIG);
    const inThread = files.map((absolutePath) => analyzeFile({ absolutePath, ...job, analyze }));

    const prestarted = prestartScanWorkers(3, SOURCE_WORKER, TSX);
    const exits = prestarted.map((started) => new Promise<number>((resolve) => started.worker.once('exit', resolve)));
    // Two workers for three batches (8 files each) with the main thread: the third started one is not needed.
    const results = await scanOnWorkers(files, {
      // No worker can be started from this script: the two the scan uses must be the ones started ahead.
      workerScript: path.join(root, 'no-such-worker.js'), workerCount: 2, job, execArgv: TSX, prestarted,
      mainThreadAnalyzer: (peers) => {
        const inMain = createEngine(root, () => DEFAULT_CONFIG, peers);
        return (absolutePath) => analyzeFile({ absolutePath, ...job, analyze: inMain });
      },
    });
    assert.deepStrictEqual(results, inThread);
    await Promise.all(exits); // every started worker ends: the two that worked, and the one stopped
  });

  it('starts a new worker in place of one that failed before the scan could give it a job', async () => {
    root = materialize({ files: { 'a.ts': "export const a = (patient: { ssn: string }) => console.log(patient.ssn);\n", 'failing-worker.js': "throw new Error('no TypeScript here');\n" } });
    const files = Array.from({ length: 16 }, () => path.join(root, 'a.ts'));
    const [broken] = prestartScanWorkers(1, path.join(root, 'failing-worker.js'));
    await new Promise((resolve) => broken!.worker.once('exit', resolve));
    const results = await scanOnWorkers(files, { workerScript: SOURCE_WORKER, workerCount: 1, job: { cwd: root, root, config: DEFAULT_CONFIG }, execArgv: TSX, prestarted: [broken!] });
    assert.strictEqual(results.length, 16);
    assert.ok(results.every((result) => result.findings.length === 1));
  });

  it('starts workers ahead only for a scan that may have enough files for them', () => {
    const many = Object.fromEntries(Array.from({ length: MIN_FILES_FOR_WORKERS }, (_, i) => [`big/src/f${i}.ts`, 'export {};\n']));
    const ignored = Object.fromEntries(Array.from({ length: MIN_FILES_FOR_WORKERS }, (_, i) => [`small/node_modules/p/f${i}.js`, '']));
    root = materialize({ files: { ...many, ...ignored, 'small/src/a.ts': 'export {};\n', 'small/src/b.ts': 'export {};\n', 'small/README.md': '' } });
    assert.strictEqual(mayNeedWorkers(['small/src/a.ts', 'small/src/b.ts'], root), false, 'two staged files');
    assert.strictEqual(mayNeedWorkers(['small'], root), false, 'a small package (its node_modules not counted)');
    assert.strictEqual(mayNeedWorkers(['big'], root), true, 'a large folder');
    assert.strictEqual(mayNeedWorkers([], root), true, 'the working directory, with the large folder in it');
    assert.strictEqual(mayNeedWorkers(Array.from({ length: MIN_FILES_FOR_WORKERS }, () => 'small/src/a.ts'), root), true, 'many files');
  });

  it('rejects, naming the problem, when a worker fails', async () => {
    root = materialize({ files: { 'a.ts': 'export const a = 1;\n', 'failing-worker.js': "throw new Error('no TypeScript here');\n" } });
    const files = Array.from({ length: 20 }, () => path.join(root, 'a.ts'));
    await assert.rejects(
      scanOnWorkers(files, { workerScript: path.join(root, 'failing-worker.js'), workerCount: 1, job: { cwd: root, root, config: DEFAULT_CONFIG } }),
      /a scan worker failed: no TypeScript here/,
    );
  });
});
