import * as assert from 'assert';
import type * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { DEFAULT_CONFIG } from '../../../src/core/config/config';
import type { FromWorker, ToWorker } from '../../../src/extension/analysisWorker/protocol';
import { loadEngine } from '../../../src/extension/loadEngine';

const repo = path.join(__dirname, '..', '..', '..');
// esbuild.js is the build script itself (CommonJS); its bundles' options are what `npm run build` uses.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { builds } = require(path.join(repo, 'esbuild.js')) as { builds: esbuild.BuildOptions[] };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { build } = require('esbuild') as typeof esbuild;

async function bundle(outfile: string, outdir: string): Promise<esbuild.BuildResult<{ metafile: true }>> {
  const options = builds.find((b) => b.outfile === outfile);
  assert.ok(options, `esbuild.js builds ${outfile}`);
  return build({ ...options, absWorkingDir: repo, outfile: path.join(outdir, path.basename(outfile)), sourcemap: false, metafile: true });
}

const holdsEngine = (result: esbuild.BuildResult<{ metafile: true }>): string[] =>
  Object.keys(result.metafile.inputs).filter((input) => input.includes('node_modules/typescript/') || input === 'src/core/analysis/interpreter.ts');

describe('the extension bundles', function () {
  this.timeout(60_000);
  let outdir: string;
  before(async () => {
    outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-bundles-'));
    await bundle('dist/engineParts.js', outdir);
  });
  after(() => fs.rmSync(outdir, { recursive: true, force: true }));

  it('activate without TypeScript or the analysis: dist/extension.js holds neither, and requires the engine beside it', async () => {
    const result = await bundle('dist/extension.js', outdir);
    assert.deepEqual(holdsEngine(result), []);
    assert.match(fs.readFileSync(path.join(outdir, 'extension.js'), 'utf8'), /require\("\.\/engineParts\.js"\)/);
  });

  it('load the extension host\'s bundle without requiring the engine (no static import of it)', async () => {
    // Built alone in a folder with no engineParts.js: a require() of it while the bundle loads would throw.
    const alone = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-extension-alone-'));
    const restore = stubModule('vscode', vscodeStub());
    try {
      await bundle('dist/extension.js', alone);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const extension = require(path.join(alone, 'extension.js')) as { activate?: unknown };
      assert.equal(typeof extension.activate, 'function');
    } finally {
      restore();
      fs.rmSync(alone, { recursive: true, force: true });
    }
  });

  it('give the engine the source module gives, from dist/engineParts.js', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const bundled = require(path.join(outdir, 'engineParts.js')) as Record<string, unknown>;
    const fromSource = loadEngine();
    assert.deepEqual(Object.keys(bundled).sort(), Object.keys(fromSource).sort());
    assert.ok(Object.keys(fromSource).length >= 4);
    for (const name of Object.keys(fromSource)) assert.equal(typeof bundled[name], 'function', name);
    const parsed = (bundled.parseFile as typeof fromSource.parseFile)('a.ts', 'const x = ;');
    assert.equal(parsed.syntaxErrors.length, 1);
  });

  it('run the analysis worker from its entry and the engine beside it, which it does not carry itself', async () => {
    const result = await bundle('dist/analysisWorker.js', outdir);
    assert.deepEqual(holdsEngine(result), []);
    // Node's compile cache (22.1 and later) stood in for, to see the worker turn it on before the engine loads and
    // write it after its first analysis.
    const calls = path.join(outdir, 'compile-cache-calls.txt');
    const probe = path.join(outdir, 'compileCacheProbe.js');
    fs.writeFileSync(probe, `const m = require('module'), fs = require('fs');
const note = (call) => fs.appendFileSync(${JSON.stringify(calls)}, call + '\\n');
m.enableCompileCache = () => { note('enable' + (Object.keys(require.cache).some((f) => f.endsWith('engineParts.js')) ? ' after the engine' : '')); return { status: 0 }; };
m.flushCompileCache = () => note('flush');
`);
    const worker = new Worker(path.join(outdir, 'analysisWorker.js'), { execArgv: ['--require', probe] });
    try {
      const reply = new Promise<FromWorker>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      const message: ToWorker = {
        id: 1,
        request: { kind: 'analyzeDocument', file: '/w/a.ts', fileName: '/w/a.ts', text: 'const patient = getPatient();\nconsole.log(patient.ssn);\n', config: DEFAULT_CONFIG },
        overlays: [],
      };
      worker.postMessage(message);
      const answer = await reply;
      assert.equal(answer.type, 'response', JSON.stringify(answer));
      assert.match(JSON.stringify(answer), /no-phi-in-logs/);
      await new Promise((resolve) => setTimeout(resolve, 200)); // the flush follows the answer
      assert.deepEqual(fs.readFileSync(calls, 'utf8').split('\n').filter(Boolean), ['enable', 'flush']);
    } finally {
      await worker.terminate();
    }
  });
});

/** Every value `vscode` exports, by the names in its type declarations: a stand-in whose every member is one too. */
function vscodeStub(): Record<string, unknown> {
  const member: unknown = new Proxy(function stub() {}, { get: (_target, key) => (key === 'then' ? undefined : member), apply: () => member, construct: () => member as object });
  const declarations = fs.readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8');
  return Object.fromEntries([...declarations.matchAll(/export (?:class|enum|namespace|const|function|let|var) (\w+)/g)].map((match) => [match[1], member]));
}

/** Makes `require(name)` give `value` until the returned function is called. */
function stubModule(name: string, value: unknown): () => void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Module = require('module') as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = Module._load;
  Module._load = function (request: string, ...rest: unknown[]) {
    return request === name ? value : original.call(this, request, ...rest);
  };
  return () => {
    Module._load = original;
  };
}
