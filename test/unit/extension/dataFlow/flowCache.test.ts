import * as assert from 'assert';
import { contentHash, FlowCache } from '../../../../src/extension/dataFlow/flowCache';
import { analysed, SUMMARY_TS } from './fixtures';

const record = analysed('src/summary.ts', SUMMARY_TS);

/** An entry's dependencies as path → recorded hash. */
function dependenciesOf(cache: FlowCache, key: string): Record<string, string> {
  return Object.fromEntries((cache.entry(key)?.dependencies ?? []).map((id) => [cache.dependency(id).path, cache.dependency(id).hash]));
}

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
    assert.deepStrictEqual(dependenciesOf(reloaded, 'file:///ws/route.ts'), { '/ws/audit.ts': 'a', '/ws/util.ts': 'u' });
    assert.deepStrictEqual(reloaded.dependentsOf('/ws/util.ts').sort(), ['file:///ws/other.ts', 'file:///ws/route.ts']);
  });

  it('saves each module path and hash once for the whole cache; entries refer to it by index', () => {
    const cache = new FlowCache('v');
    const util = '/ws/src/very/long/path/to/a/shared/helper/util.ts';
    for (let i = 0; i < 50; i++) cache.set(`file:///ws/route${i}.ts`, `h${i}`, record, { [util]: 'u'.repeat(64), [`/ws/own${i}.ts`]: 'o' });
    const text = cache.takeChanges()!;
    assert.strictEqual(text.split(util).length - 1, 1, 'the shared module is written once');
    const saved = JSON.parse(text) as { format: number; modules: [string, string][]; entries: Record<string, { dependencies: number[] }> };
    assert.strictEqual(saved.format, 3);
    assert.strictEqual(saved.modules.length, 51);
    assert.ok(Object.values(saved.entries).every((entry) => entry.dependencies.every((index) => Number.isInteger(index))));
    const reloaded = new FlowCache('v');
    reloaded.load(text);
    assert.strictEqual(reloaded.size, 50);
    assert.deepStrictEqual(dependenciesOf(reloaded, 'file:///ws/route7.ts'), { [util]: 'u'.repeat(64), '/ws/own7.ts': 'o' });
    assert.deepStrictEqual(reloaded.get('file:///ws/route7.ts', 'h7'), record);
  });

  it('keeps the hash each entry saw: a module that changed in between is recorded twice, not overwritten', () => {
    const cache = new FlowCache('v');
    cache.set('file:///ws/old.ts', 'h1', record, { '/ws/util.ts': 'before' });
    cache.set('file:///ws/new.ts', 'h2', record, { '/ws/util.ts': 'after' });
    const reloaded = new FlowCache('v');
    reloaded.load(cache.takeChanges());
    assert.deepStrictEqual(dependenciesOf(reloaded, 'file:///ws/old.ts'), { '/ws/util.ts': 'before' });
    assert.deepStrictEqual(dependenciesOf(reloaded, 'file:///ws/new.ts'), { '/ws/util.ts': 'after' });
    assert.deepStrictEqual(reloaded.dependentsOf('/ws/util.ts').sort(), ['file:///ws/new.ts', 'file:///ws/old.ts']);
  });

  it('names each dependency to check once, and saves only the modules still in use', () => {
    const cache = new FlowCache('v');
    cache.set('file:///ws/a.ts', 'h', record, { '/ws/util.ts': 'u', '/ws/gone.ts': 'g' });
    cache.set('file:///ws/b.ts', 'h', record, { '/ws/util.ts': 'u' });
    const ids = cache.dependencyIdsOf(['file:///ws/a.ts', 'file:///ws/b.ts', 'file:///ws/unknown.ts']);
    assert.deepStrictEqual(ids.map((id) => cache.dependency(id).path).sort(), ['/ws/gone.ts', '/ws/util.ts']);
    cache.delete('file:///ws/a.ts');
    const saved = JSON.parse(cache.takeChanges()!) as { modules: [string, string][] };
    assert.deepStrictEqual(saved.modules, [['/ws/util.ts', 'u']]);
  });

  it('caches a file the engine skipped, with its notice, so an unchanged one is not analysed again', () => {
    const cache = new FlowCache('v');
    cache.setSkipped('file:///ws/bundle.min.js', 'h', 'bundle.min.js: skipped, it looks minified');
    const reloaded = new FlowCache('v');
    reloaded.load(cache.takeChanges());
    const entry = reloaded.entry('file:///ws/bundle.min.js');
    assert.strictEqual(entry?.skipped, 'bundle.min.js: skipped, it looks minified');
    assert.strictEqual(entry?.hash, 'h');
    assert.strictEqual(entry?.flows, undefined);
    assert.strictEqual(reloaded.get('file:///ws/bundle.min.js', 'h'), undefined, 'no flows to show');
    reloaded.set('file:///ws/bundle.min.js', 'h2', record);
    assert.strictEqual(reloaded.entry('file:///ws/bundle.min.js')?.skipped, undefined, 'analysed once it changed');
  });

  it('drops caches of older formats (single-file results; dependencies stored in every entry)', () => {
    const cache = new FlowCache('v');
    cache.load(JSON.stringify({ format: 1, engine: 'v', entries: { 'file:///ws/a.ts': { hash: 'h', flows: record } } }));
    assert.strictEqual(cache.size, 0);
    cache.load(JSON.stringify({ format: 2, engine: 'v', entries: { 'file:///ws/a.ts': { hash: 'h', dependencies: { '/ws/b.ts': 'b' }, flows: record } } }));
    assert.strictEqual(cache.size, 0);
  });

  it('drops an entry that refers to a module the table does not hold', () => {
    const cache = new FlowCache('v');
    const entries = { 'file:///ws/a.ts': { hash: 'h', dependencies: [0], flows: record }, 'file:///ws/b.ts': { hash: 'h', dependencies: [1], flows: record } };
    cache.load(JSON.stringify({ format: 3, engine: 'v', modules: [['/ws/util.ts', 'u']], entries }));
    assert.deepStrictEqual(dependenciesOf(cache, 'file:///ws/a.ts'), { '/ws/util.ts': 'u' });
    assert.strictEqual(cache.entry('file:///ws/b.ts'), undefined);
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
