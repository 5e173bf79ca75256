import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyzeFile } from '../../../src/cli/analyzeFile';
import { createEngine } from '../../../src/cli/engine';
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
    const analyze = createEngine(root, DEFAULT_CONFIG);
    const inThread = files.map((absolutePath) => analyzeFile({ absolutePath, ...job, analyze }));
    assert.strictEqual(inThread.filter((result) => result.findings.length === 2).length, 40, 'each route leaks to a log and an AI call');

    let filesDone = 0;
    const onWorkers = await scanOnWorkers(files, { workerScript: SOURCE_WORKER, workerCount: 3, job, execArgv: TSX, onFileDone: () => filesDone++ });
    assert.deepStrictEqual(onWorkers, inThread);
    assert.strictEqual(filesDone, files.length);
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
