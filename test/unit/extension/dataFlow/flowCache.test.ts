import * as assert from 'assert';
import type { FileInput } from '../../../../src/extension/analysisWorker/protocol';
import { contentHash, FlowCache, type EntryInputs } from '../../../../src/extension/dataFlow/flowCache';
import { analysed, SUMMARY_TS } from './fixtures';

const record = analysed('src/summary.ts', SUMMARY_TS);

/** An entry's dependencies as path → recorded hash. */
function dependenciesOf(cache: FlowCache, key: string): Record<string, string> {
  return Object.fromEntries((cache.entry(key)?.dependencies ?? []).map((id) => [cache.dependency(id).path, cache.dependency(id).hash]));
}

/** Dependencies on modules with the given content hashes (nothing unresolved, no schema lookup). */
function modules(hashes: Record<string, string>): EntryInputs {
  return { dependencies: Object.entries(hashes).map(([path, hash]) => ({ path, hash, unresolved: [], schema: undefined })) };
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
    cache.set('file:///ws/route.ts', 'h1', record, modules({ '/ws/audit.ts': 'a', '/ws/util.ts': 'u' }));
    cache.set('file:///ws/other.ts', 'h2', record, modules({ '/ws/util.ts': 'u' }));
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
    for (let i = 0; i < 50; i++) cache.set(`file:///ws/route${i}.ts`, `h${i}`, record, modules({ [util]: 'u'.repeat(64), [`/ws/own${i}.ts`]: 'o' }));
    const text = cache.takeChanges()!;
    assert.strictEqual(text.split(util).length - 1, 1, 'the shared module is written once');
    const saved = JSON.parse(text) as { format: number; files: [string, string][]; entries: Record<string, { dependencies: number[] }> };
    assert.strictEqual(saved.format, 5);
    assert.strictEqual(saved.files.length, 51);
    assert.ok(Object.values(saved.entries).every((entry) => entry.dependencies.every((index) => Number.isInteger(index))));
    const reloaded = new FlowCache('v');
    reloaded.load(text);
    assert.strictEqual(reloaded.size, 50);
    assert.deepStrictEqual(dependenciesOf(reloaded, 'file:///ws/route7.ts'), { [util]: 'u'.repeat(64), '/ws/own7.ts': 'o' });
    assert.deepStrictEqual(reloaded.get('file:///ws/route7.ts', 'h7'), record);
  });

  it('keeps the hash each entry saw: a module that changed in between is recorded twice, not overwritten', () => {
    const cache = new FlowCache('v');
    cache.set('file:///ws/old.ts', 'h1', record, modules({ '/ws/util.ts': 'before' }));
    cache.set('file:///ws/new.ts', 'h2', record, modules({ '/ws/util.ts': 'after' }));
    const reloaded = new FlowCache('v');
    reloaded.load(cache.takeChanges());
    assert.deepStrictEqual(dependenciesOf(reloaded, 'file:///ws/old.ts'), { '/ws/util.ts': 'before' });
    assert.deepStrictEqual(dependenciesOf(reloaded, 'file:///ws/new.ts'), { '/ws/util.ts': 'after' });
    assert.deepStrictEqual(reloaded.dependentsOf('/ws/util.ts').sort(), ['file:///ws/new.ts', 'file:///ws/old.ts']);
  });

  it('names each dependency to check once, and saves only the modules still in use', () => {
    const cache = new FlowCache('v');
    cache.set('file:///ws/a.ts', 'h', record, modules({ '/ws/util.ts': 'u', '/ws/gone.ts': 'g' }));
    cache.set('file:///ws/b.ts', 'h', record, modules({ '/ws/util.ts': 'u' }));
    const ids = cache.dependencyIdsOf(['file:///ws/a.ts', 'file:///ws/b.ts', 'file:///ws/unknown.ts']);
    assert.deepStrictEqual(ids.map((id) => cache.dependency(id).path).sort(), ['/ws/gone.ts', '/ws/util.ts']);
    cache.delete('file:///ws/a.ts');
    const saved = JSON.parse(cache.takeChanges()!) as { files: [string, string][] };
    assert.deepStrictEqual(saved.files, [['/ws/util.ts', 'u']]);
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

  it('drops caches of older formats (single-file results; dependencies stored in every entry; no unresolved imports; no resolved ones)', () => {
    const cache = new FlowCache('v');
    cache.load(JSON.stringify({ format: 1, engine: 'v', entries: { 'file:///ws/a.ts': { hash: 'h', flows: record } } }));
    assert.strictEqual(cache.size, 0);
    cache.load(JSON.stringify({ format: 2, engine: 'v', entries: { 'file:///ws/a.ts': { hash: 'h', dependencies: { '/ws/b.ts': 'b' }, flows: record } } }));
    assert.strictEqual(cache.size, 0);
    cache.load(JSON.stringify({ format: 3, engine: 'v', modules: [['/ws/b.ts', 'b']], entries: { 'file:///ws/a.ts': { hash: 'h', dependencies: [0], flows: record } } }));
    assert.strictEqual(cache.size, 0, 'a format 3 entry does not know its unresolved imports: it could be stale');
    cache.load(JSON.stringify({ format: 4, engine: 'v', files: [['/ws/b.ts', 'b']], entries: { 'file:///ws/a.ts': { hash: 'h', dependencies: [0], flows: record } } }));
    assert.strictEqual(cache.size, 0, 'a format 4 entry does not know which module each import named: it could be stale');
  });

  it('drops an entry that refers to a file the table does not hold, or a damaged one', () => {
    const cache = new FlowCache('v');
    const entries = {
      'file:///ws/a.ts': { hash: 'h', self: 1, dependencies: [0], flows: record },
      'file:///ws/b.ts': { hash: 'h', dependencies: [3], flows: record },
      'file:///ws/c.ts': { hash: 'h', self: 2, dependencies: [], flows: record },
    };
    const files = [['/ws/util.ts', 'u'], ['/ws/a.ts', 'a', ['./logger'], ''], ['/ws/c.ts', 'c', 'not a list', '']];
    cache.load(JSON.stringify({ format: 5, engine: 'v', files, entries }));
    assert.deepStrictEqual(dependenciesOf(cache, 'file:///ws/a.ts'), { '/ws/util.ts': 'u' });
    assert.deepStrictEqual(cache.dependency(cache.entry('file:///ws/a.ts')!.self!), { path: '/ws/a.ts', hash: 'a', unresolved: ['./logger'], schema: '' });
    assert.strictEqual(cache.entry('file:///ws/b.ts'), undefined);
    assert.strictEqual(cache.entry('file:///ws/c.ts'), undefined);
  });

  it("keeps what each file's analysis saw: its imports that named no project module and the schema.prisma it read", () => {
    const cache = new FlowCache('v');
    const input = (path: string, hash: string, unresolved: string[], schema: string | undefined): FileInput => ({ path, hash, unresolved, schema });
    const schema = input('/ws/prisma/schema.prisma', 's', [], undefined);
    const util = input('/ws/src/util.ts', 'u', ['date-fns'], '/ws/prisma/schema.prisma');
    const app = input('/ws/src/app.ts', 'a', ['./logger'], '/ws/prisma/schema.prisma');
    const page = input('/ws/src/page.ts', 'p', [], '');
    cache.set('file:///ws/src/app.ts', 'h1', record, { self: app, dependencies: [util, schema] });
    cache.setSkipped('file:///ws/src/page.ts', 'h2', 'page.ts: skipped', { self: page });
    cache.set('file:///ws/src/util.ts', 'h3', record, { self: util, dependencies: [schema] });
    const checked = cache.dependencyIdsOf(['file:///ws/src/app.ts', 'file:///ws/src/util.ts']).map((id) => cache.dependency(id).path);
    assert.deepStrictEqual(checked.sort(), [app, schema, util].map((file) => file.path).sort(), 'each file once, own files included');
    assert.deepStrictEqual(cache.dependentsOf('/ws/src/util.ts'), ['file:///ws/src/app.ts'], 'not the file itself');
    assert.deepStrictEqual(cache.dependentsOf('/ws/prisma/schema.prisma').sort(), ['file:///ws/src/app.ts', 'file:///ws/src/util.ts']);
    const text = cache.takeChanges()!;
    const saved = JSON.parse(text) as { files: unknown[][] };
    assert.deepStrictEqual(
      saved.files.map((file) => JSON.stringify(file)).sort(),
      [['/ws/prisma/schema.prisma', 's'], ['/ws/src/app.ts', 'a', ['./logger'], '/ws/prisma/schema.prisma'], ['/ws/src/page.ts', 'p', [], ''], ['/ws/src/util.ts', 'u', ['date-fns'], '/ws/prisma/schema.prisma']].map((file) => JSON.stringify(file)).sort(),
      'util once, though two entries use it',
    );
    const reloaded = new FlowCache('v');
    reloaded.load(text);
    const seen = (key: string) => reloaded.idsOf(reloaded.entry(key)!).map((id) => reloaded.dependency(id));
    assert.deepStrictEqual(seen('file:///ws/src/app.ts'), [app, util, schema]);
    assert.deepStrictEqual(seen('file:///ws/src/page.ts'), [page]);
    assert.strictEqual(reloaded.entry('file:///ws/src/page.ts')?.skipped, 'page.ts: skipped');
    assert.deepStrictEqual(seen('file:///ws/src/util.ts'), [util, schema]);
  });

  it('keeps the module each import named, saved relative to the importing file\'s folder', () => {
    const cache = new FlowCache('v');
    const route: FileInput = { path: '/ws/src/route.ts', hash: 'r', unresolved: [], schema: '', resolved: [['./lib', '/ws/src/lib/index.ts'], ['@app/util', '/ws/packages/util/src/index.ts']] };
    cache.set('file:///ws/src/route.ts', 'h', record, { self: route });
    const text = cache.takeChanges()!;
    assert.deepStrictEqual((JSON.parse(text) as { files: unknown[] }).files, [['/ws/src/route.ts', 'r', [], '', [['./lib', 'lib/index.ts'], ['@app/util', '../packages/util/src/index.ts']]]]);
    const reloaded = new FlowCache('v');
    reloaded.load(text);
    assert.deepStrictEqual(reloaded.dependency(reloaded.entry('file:///ws/src/route.ts')!.self!), route);
    const other = new FlowCache('v');
    other.set('file:///ws/src/route.ts', 'h', record, { self: { ...route, resolved: [['./lib', '/ws/src/lib.ts']] } });
    other.set('file:///ws/src/other.ts', 'h', record, { dependencies: [route] });
    assert.strictEqual(other.dependencyIdsOf(['file:///ws/src/route.ts', 'file:///ws/src/other.ts']).length, 2, 'the same file with another resolution is another dependency');
  });

  it('keeps a module as each entry saw it: one made before a missing import was created is not taken for current', () => {
    const cache = new FlowCache('v');
    const before = { path: '/ws/util.ts', hash: 'u', unresolved: ['./logger'], schema: '' };
    const after = { ...before, unresolved: [] };
    cache.set('file:///ws/old.ts', 'h1', record, { dependencies: [before] });
    cache.set('file:///ws/new.ts', 'h2', record, { dependencies: [after] });
    const reloaded = new FlowCache('v');
    reloaded.load(cache.takeChanges());
    assert.deepStrictEqual(reloaded.dependency(reloaded.entry('file:///ws/old.ts')!.dependencies[0]!), before);
    assert.deepStrictEqual(reloaded.dependency(reloaded.entry('file:///ws/new.ts')!.dependencies[0]!), after);
    assert.deepStrictEqual(reloaded.dependentsOf('/ws/util.ts').sort(), ['file:///ws/new.ts', 'file:///ws/old.ts']);
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
