import * as assert from 'assert';
import { contentHash, FlowCache } from '../../../../src/extension/dataFlow/flowCache';
import { analysed, SUMMARY_TS } from './fixtures';

const record = analysed('src/summary.ts', SUMMARY_TS);

describe('FlowCache (workspace scan cache on disk)', () => {
  it('returns a file only for the same path and content hash', () => {
    const cache = new FlowCache('1.0.0+1');
    const hash = contentHash(SUMMARY_TS, '{}');
    cache.set(record.uri, hash, record);
    assert.strictEqual(cache.get(record.uri, hash), record);
    assert.strictEqual(cache.get(record.uri, contentHash(`${SUMMARY_TS} `, '{}')), undefined);
    assert.strictEqual(cache.get('file:///other.ts', hash), undefined);
  });

  it('changes the hash with the policy, not only the text', () => {
    assert.notStrictEqual(contentHash('x', '{"phiNames":{}}'), contentHash('x', '{}'));
    assert.strictEqual(contentHash('x', '{}'), contentHash('x', '{}'));
  });

  it('survives a save and load with the same engine, and is dropped for another engine version', () => {
    const cache = new FlowCache('1.0.0+1');
    cache.set(record.uri, 'h', record);
    const saved = cache.takeChanges()!;
    assert.strictEqual(cache.takeChanges(), undefined, 'nothing new to save');
    const same = new FlowCache('1.0.0+1');
    same.load(saved);
    assert.deepStrictEqual(same.get(record.uri, 'h'), record);
    const newer = new FlowCache('1.0.1+2');
    newer.load(saved);
    assert.strictEqual(newer.size, 0);
  });

  it('keeps the hashes of the modules a file depends on, and names the files that depend on a module', () => {
    const cache = new FlowCache('v');
    cache.set('file:///ws/route.ts', 'h1', record, { '/ws/audit.ts': 'a', '/ws/util.ts': 'u' });
    cache.set('file:///ws/other.ts', 'h2', record, { '/ws/util.ts': 'u' });
    cache.set('file:///ws/audit.ts', 'h3', record);
    assert.deepStrictEqual(cache.dependentsOf('/ws/audit.ts'), ['file:///ws/route.ts']);
    assert.deepStrictEqual(cache.dependentsOf('/ws/util.ts').sort(), ['file:///ws/other.ts', 'file:///ws/route.ts']);
    assert.deepStrictEqual(cache.dependentsOf('/ws/route.ts'), []);
    const reloaded = new FlowCache('v');
    reloaded.load(cache.takeChanges());
    assert.deepStrictEqual(reloaded.entry('file:///ws/route.ts')?.dependencies, { '/ws/audit.ts': 'a', '/ws/util.ts': 'u' });
  });

  it('drops a cache saved before entries had dependencies (single-file results)', () => {
    const cache = new FlowCache('v');
    cache.load(JSON.stringify({ format: 1, engine: 'v', entries: { 'file:///ws/a.ts': { hash: 'h', flows: record } } }));
    assert.strictEqual(cache.size, 0);
  });

  it('ignores a damaged file and forgets paths that are gone', () => {
    const cache = new FlowCache('v');
    cache.load('{"format":1,"engine":"v","entries":{"a":{"hash":"h"},"b":');
    assert.strictEqual(cache.size, 0);
    cache.set('a', 'h', record);
    cache.set('b', 'h', record);
    cache.retain(new Set(['b']));
    assert.strictEqual(cache.size, 1);
    assert.ok(cache.get('b', 'h'));
  });
});
