import * as assert from 'assert';
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const DEID = path.resolve(__dirname, '../../../src/deid');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

/** Builds the runtime the way esbuild.js does (one neutral-platform ESM file), then bundles `entry` against it. */
async function bundleAgainstDist(entry: string): Promise<string> {
  const dist = await esbuild.build({ entryPoints: [path.join(DEID, 'index.ts')], bundle: true, write: false, platform: 'neutral', format: 'esm', mainFields: ['module', 'main'], logLevel: 'silent' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deid-'));
  fs.writeFileSync(path.join(dir, 'deid.mjs'), dist.outputFiles[0]!.text);
  fs.writeFileSync(path.join(dir, 'entry.mjs'), entry);
  try {
    const app = await esbuild.build({ entryPoints: [path.join(dir, 'entry.mjs')], bundle: true, write: false, platform: 'browser', format: 'esm', logLevel: 'silent' });
    return app.outputFiles[0]!.text;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('phi-guard/deid bundling (browser-safe, tree-shakable)', () => {
  it('uses no Node-only module or global in its sources', () => {
    for (const file of sourceFiles(DEID)) {
      const text = fs.readFileSync(file, 'utf8');
      assert.ok(!/from ['"](node:|fs|path|crypto|os|buffer)['"]|require\(|\bprocess\.|\bBuffer\b/.test(text), `${path.relative(DEID, file)} uses a Node-only API`);
    }
  });

  it('bundles for the browser with no imports left over', async () => {
    const out = await bundleAgainstDist("import { deidentify, pseudonymize } from './deid.mjs'; globalThis.x = [deidentify, pseudonymize];");
    assert.ok(!/^\s*import\s/m.test(out) && !/require\(/.test(out));
    assert.match(out, /mothersMaidenName/, 'the FHIR rules are in a bundle that uses deidentify');
  });

  it('drops what a caller does not import: encryptField alone pulls in no de-identification code', async () => {
    const out = await bundleAgainstDist("import { encryptField } from './deid.mjs'; globalThis.x = encryptField;");
    for (const marker of ['class Walker', 'mothersMaidenName', 'passesLuhn', 'RESTRICTED_ZIP3', 'Narrative removed']) {
      assert.ok(!out.includes(marker), `${marker} should have been tree-shaken`);
    }
  });
});
