import * as assert from 'assert';
import type * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { onDemandEngine } from '../../../src/extension/onDemandEngine';

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

describe('the extension host bundles', function () {
  this.timeout(60_000);
  let outdir: string;
  before(() => {
    outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-bundles-'));
  });
  after(() => fs.rmSync(outdir, { recursive: true, force: true }));

  it('activate without TypeScript or the analysis: dist/extension.js holds neither, and requires the on-demand bundle beside it', async () => {
    const result = await bundle('dist/extension.js', outdir);
    const bundled = Object.keys(result.metafile.inputs);
    assert.deepEqual(bundled.filter((input) => input.includes('node_modules/typescript/') || input === 'src/core/analysis/interpreter.ts'), []);
    const text = fs.readFileSync(path.join(outdir, 'extension.js'), 'utf8');
    assert.match(text, /require\("\.\/onDemandEngineParts\.js"\)/);
  });

  it('load the on-demand parts from that bundle as the source module gives them', async () => {
    await bundle('dist/onDemandEngineParts.js', outdir);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const bundled = require(path.join(outdir, 'onDemandEngineParts.js')) as Record<string, unknown>;
    const fromSource = onDemandEngine();
    assert.deepEqual(Object.keys(bundled).sort(), Object.keys(fromSource).sort());
    assert.ok(Object.keys(fromSource).length >= 4);
    for (const name of Object.keys(fromSource)) assert.equal(typeof bundled[name], 'function', name);
    const parsed = (bundled.parseFile as typeof fromSource.parseFile)('a.ts', 'const x = ;');
    assert.equal(parsed.syntaxErrors.length, 1);
  });
});
