import { createHash } from 'crypto';
import { DependencyTable, type Dependency } from './dependencyTable';
import type { FileFlows } from './fileFlows';

// 3: one table of (module path, hash) pairs for the whole cache, entries refer to it by index; files the engine
// skips are cached too. (2 stored every entry's module paths and hashes in the entry: 40 MB on a 3,880-file repo.)
const FORMAT = 3;

interface EntryBase {
  readonly hash: string;
  /** Ids (see `dependency`) of every project module the file's cross-file analysis used, directly or not. */
  readonly dependencies: readonly number[];
}

/** A file's flows, or the engine's notice that it skipped the file (minified, too large). */
export type CacheEntry = EntryBase & ({ readonly flows: FileFlows; readonly skipped?: undefined } | { readonly skipped: string; readonly flows?: undefined });

/** What format 3 saves: `modules` holds each [path, hash] pair once; entries list indices into it. */
interface SavedCache {
  readonly format: typeof FORMAT;
  readonly engine: string;
  readonly modules: readonly (readonly [string, string])[];
  readonly entries: Record<string, SavedEntry>;
}

type SavedEntry = { readonly hash: string; readonly dependencies: readonly number[] } & ({ readonly flows: FileFlows } | { readonly skipped: string });

/**
 * The workspace scan's on-disk cache (a JSON file in the extension's workspace storage): a file's flows (or its
 * skip notice) are reused while its path, its content hash (which includes its policy), the engine version and the
 * content of every module it imports (directly or not) are unchanged. The analysis worker checks the module hashes
 * against disk (see `WorkspaceFlowIndex` and `AnalysisService`).
 */
export class FlowCache {
  private entries = new Map<string, CacheEntry>();
  private dependencyTable = new DependencyTable();
  private changed = false;

  constructor(private readonly engineVersion: string) {}

  /** Replaces the contents with a saved cache; a cache of another engine version or format is ignored. */
  load(text: string | undefined): void {
    this.entries.clear();
    this.dependencyTable = new DependencyTable();
    if (!text) return;
    try {
      const saved = JSON.parse(text) as Partial<Record<keyof SavedCache, unknown>>;
      if (saved.format !== FORMAT || saved.engine !== this.engineVersion || !Array.isArray(saved.modules) || typeof saved.entries !== 'object' || saved.entries === null) return;
      // Saved index → id in this session's table; `undefined` for a damaged pair (entries using it are dropped).
      const ids = saved.modules.map((pair: unknown) => (isPair(pair) ? this.dependencyTable.idOf(pair[0], pair[1]) : undefined));
      for (const [path, entry] of Object.entries(saved.entries as Record<string, unknown>)) {
        if (!isSavedEntry(entry)) continue;
        const dependencies = entry.dependencies.map((index) => ids[index]);
        if (dependencies.some((id) => id === undefined)) continue;
        const base = { hash: entry.hash, dependencies: dependencies as number[] };
        this.entries.set(path, 'skipped' in entry ? { ...base, skipped: entry.skipped } : { ...base, flows: entry.flows });
      }
    } catch {
      // A damaged cache only costs a full scan.
    }
  }

  get(path: string, hash: string): FileFlows | undefined {
    const entry = this.entries.get(path);
    return entry && entry.hash === hash ? entry.flows : undefined;
  }

  /** The whole entry: flows or skip notice, and the ids of the modules to check against disk. */
  entry(path: string): CacheEntry | undefined {
    return this.entries.get(path);
  }

  /** The module path and recorded hash behind a dependency id. */
  dependency(id: number): Dependency {
    return this.dependencyTable.get(id);
  }

  /** The dependencies of the given entries, each once: what the worker checks against disk before a scan. */
  dependencyIdsOf(paths: Iterable<string>): number[] {
    const ids = new Set<number>();
    for (const path of paths) for (const id of this.entries.get(path)?.dependencies ?? []) ids.add(id);
    return [...ids];
  }

  /** Caches a file's flows; `dependencies` maps module path → content hash. */
  set(path: string, hash: string, flows: FileFlows, dependencies: Readonly<Record<string, string>> = {}): void {
    this.entries.set(path, { hash, dependencies: this.idsOf(dependencies), flows });
    this.changed = true;
  }

  /** Caches the engine's notice that it skipped the file, so an unchanged file is not read and measured again. */
  setSkipped(path: string, hash: string, notice: string, dependencies: Readonly<Record<string, string>> = {}): void {
    this.entries.set(path, { hash, dependencies: this.idsOf(dependencies), skipped: notice });
    this.changed = true;
  }

  /** Cached files (their keys) whose flows used `file` (an absolute path): they need a new analysis when it changes. */
  dependentsOf(file: string): string[] {
    const ids = new Set(this.dependencyTable.idsOfPath(file));
    if (!ids.size) return [];
    return [...this.entries].filter(([, entry]) => entry.dependencies.some((id) => ids.has(id))).map(([path]) => path);
  }

  delete(path: string): void {
    if (this.entries.delete(path)) this.changed = true;
  }

  /** Keeps only the given paths (files deleted while the editor was closed go). */
  retain(paths: ReadonlySet<string>): void {
    for (const path of [...this.entries.keys()]) if (!paths.has(path)) this.delete(path);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The JSON to save, or `undefined` if nothing changed since the last call. Only pairs still in use are saved. */
  takeChanges(): string | undefined {
    if (!this.changed) return undefined;
    this.changed = false;
    const modules: (readonly [string, string])[] = [];
    const indexById = new Map<number, number>();
    const indexOf = (id: number) => {
      let index = indexById.get(id);
      if (index === undefined) {
        const { path, hash } = this.dependencyTable.get(id);
        index = modules.push([path, hash]) - 1;
        indexById.set(id, index);
      }
      return index;
    };
    const entries: Record<string, SavedEntry> = {};
    for (const [path, entry] of this.entries) {
      const dependencies = entry.dependencies.map(indexOf);
      entries[path] = entry.skipped !== undefined ? { hash: entry.hash, dependencies, skipped: entry.skipped } : { hash: entry.hash, dependencies, flows: entry.flows };
    }
    return JSON.stringify({ format: FORMAT, engine: this.engineVersion, modules, entries } satisfies SavedCache);
  }

  private idsOf(dependencies: Readonly<Record<string, string>>): number[] {
    return Object.entries(dependencies).map(([path, hash]) => this.dependencyTable.idOf(path, hash));
  }
}

/** The cache key of one file's content under one policy. */
export function contentHash(text: string, policyFingerprint: string): string {
  return createHash('sha256').update(policyFingerprint).update('\u0000').update(text).digest('hex');
}

function isPair(value: unknown): value is [string, string] {
  return Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string';
}

function isSavedEntry(value: unknown): value is SavedEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as { hash?: unknown; dependencies?: unknown; skipped?: unknown; flows?: { flows?: unknown; inventory?: unknown; uri?: unknown } };
  const validDependencies = Array.isArray(entry.dependencies) && entry.dependencies.every((index) => Number.isInteger(index));
  const validOutcome = typeof entry.skipped === 'string' || (!('skipped' in entry) && typeof entry.flows?.uri === 'string' && Array.isArray(entry.flows.flows) && typeof entry.flows.inventory === 'object');
  return typeof entry.hash === 'string' && validDependencies && validOutcome;
}
