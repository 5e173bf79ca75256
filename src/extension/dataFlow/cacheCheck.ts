import * as path from 'path';
import type { AnalysisClient } from '../analysisWorker/analysisClient';
import type { FlowCache } from './flowCache';

/** Whether the cache entry of a key may be reused (see `reusableEntries`). */
export type EntryCheck = (key: string) => boolean;

/** What checking the scan cache needs from the extension. */
export interface CacheCheckContext {
  readonly analysis: Pick<AnalysisClient, 'request'>;
  /** The workspace folder (its path) a cache key's file belongs to; `undefined` outside every folder. */
  readonly rootOf: (key: string) => string | undefined;
  readonly warn: (message: string) => void;
  readonly signal?: AbortSignal;
}

/** Which cache entries among `keys` may be reused (see `staleEntries`); none if a check does not finish. */
export async function reusableEntries(cache: FlowCache, keys: Iterable<string>, context: CacheCheckContext): Promise<EntryCheck> {
  const stale = await staleEntries(cache, keys, context);
  return stale ? (key) => !stale.has(key) : () => false;
}

/**
 * The cache entries among `keys` that need a new analysis because a file their result depends on changed: its
 * content hash moved, one of its imports names another project module now (or one, or none), or its analysis would
 * read another schema.prisma (or one, or none). The worker looks at each file, import and folder once, however many entries
 * refer to it. `undefined` if a check did not finish.
 */
export async function staleEntries(cache: FlowCache, keys: Iterable<string>, context: CacheCheckContext): Promise<Set<string> | undefined> {
  const keysByRoot = new Map<string | undefined, string[]>();
  for (const key of keys) {
    if (!cache.entry(key)) continue;
    const root = context.rootOf(key);
    const ofRoot = keysByRoot.get(root);
    if (ofRoot) ofRoot.push(key);
    else keysByRoot.set(root, [key]);
  }
  // All requests are queued at once: the worker answers them one after the other.
  const [changedFiles, ...unresolvedByRoot] = await Promise.all([
    changedContent(cache, [...keysByRoot.values()].flat(), context),
    ...[...keysByRoot].map(([root, ofRoot]) => (root === undefined ? Promise.resolve(new Set<number>()) : resolvedOtherwise(cache, root, ofRoot, context))),
  ]);
  if (!changedFiles || unresolvedByRoot.some((ids) => ids === undefined)) return undefined;
  const stale = new Set<string>();
  [...keysByRoot.values()].forEach((ofRoot, index) => {
    const resolvedNow = unresolvedByRoot[index]!;
    for (const key of ofRoot) if (cache.idsOf(cache.entry(key)!).some((id) => changedFiles.has(id) || resolvedNow.has(id))) stale.add(key);
  });
  return stale;
}

/** The ids of the files of `keys`' entries whose content no longer hashes as recorded; each path and hash checked once. */
async function changedContent(cache: FlowCache, keys: readonly string[], context: CacheCheckContext): Promise<Set<number> | undefined> {
  const ids = cache.dependencyIdsOf(keys);
  if (!ids.length) return new Set();
  const checks = new Distinct<readonly [string, string]>();
  const checkOf = ids.map((id) => checks.indexOf([cache.dependency(id).path, cache.dependency(id).hash]));
  const outcome = await context.analysis.request({ kind: 'checkModules', files: checks.list.map(([file]) => file), hashes: checks.list.map(([, hash]) => hash) }, requestOptions(context));
  if (outcome.status !== 'done') return failed(outcome, context);
  const changed = new Set(outcome.value.changed);
  return new Set(ids.filter((_, index) => changed.has(checkOf[index]!)));
}

/**
 * The ids of the files of `keys`' entries (all in the workspace folder `root`) whose imports or schema lookup resolve
 * otherwise now (an import that named no project module names one, one names another or none); each (folder,
 * specifier, module) and (folder, schema) checked once.
 */
async function resolvedOtherwise(cache: FlowCache, root: string, keys: readonly string[], context: CacheCheckContext): Promise<Set<number> | undefined> {
  const ids = cache.dependencyIdsOf(keys);
  const imports = new Distinct<readonly [string, string, string]>();
  const schemas = new Distinct<readonly [string, string]>();
  const checksOf = ids.map((id) => {
    const { path: file, unresolved, resolved = [], schema } = cache.dependency(id);
    const dir = path.dirname(file);
    const importChecks = [...unresolved.map((specifier) => imports.indexOf([dir, specifier, ''])), ...resolved.map(([specifier, target]) => imports.indexOf([dir, specifier, target]))];
    return { imports: importChecks, schema: schema === undefined ? undefined : schemas.indexOf([dir, schema]) };
  });
  if (!imports.list.length && !schemas.list.length) return new Set();
  const outcome = await context.analysis.request({ kind: 'checkResolution', root, imports: imports.list, schemas: schemas.list }, requestOptions(context));
  if (outcome.status !== 'done') return failed(outcome, context);
  const changedImports = new Set(outcome.value.changedImports);
  const changedSchemas = new Set(outcome.value.changedSchemas);
  return new Set(ids.filter((_, index) => {
    const checks = checksOf[index]!;
    return checks.imports.some((check) => changedImports.has(check)) || (checks.schema !== undefined && changedSchemas.has(checks.schema));
  }));
}

/** Distinct tuples of strings, in the order first seen. */
class Distinct<T extends readonly string[]> {
  readonly list: T[] = [];
  private readonly indices = new Map<string, number>();

  indexOf(tuple: T): number {
    const key = tuple.join('\u0000');
    let index = this.indices.get(key);
    if (index === undefined) this.indices.set(key, (index = this.list.push(tuple) - 1));
    return index;
  }
}

function requestOptions(context: CacheCheckContext): { priority: 'background'; signal?: AbortSignal } {
  return { priority: 'background', ...(context.signal ? { signal: context.signal } : {}) };
}

function failed(outcome: { readonly status: 'cancelled' } | { readonly status: 'failed'; readonly message: string }, context: CacheCheckContext): undefined {
  if (outcome.status === 'failed') context.warn(`The data-flow cache could not be checked (${outcome.message}); every file is analysed again.`);
  return undefined;
}
