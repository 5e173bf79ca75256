import { createHash } from 'crypto';
import * as path from 'path';
import type { FileInput } from '../analysisWorker/protocol';
import { DependencyTable, type Dependency } from './dependencyTable';
import type { FileFlows } from './fileFlows';

// 5: the table's files also record the module each of their resolved imports named (relative to the file's folder), so
// that a file created beside one (or a tsconfig changed) invalidates the entries that rest on it. 4: the table's files also record their imports that named no project module and the schema.prisma their analysis
// read, and each entry refers to its own file there too, so a created module or a changed schema invalidates the
// entries it affects. 3: one table of (module path, hash) pairs for the whole cache, entries refer to it by index;
// files the engine skips are cached too. (2 stored every entry's module paths and hashes in the entry: 40 MB on a
// 3,880-file repo.)
const FORMAT = 5;

interface EntryBase {
  readonly hash: string;
  /** Id (see `dependency`) of the file itself as its analysis saw it; `undefined` for an entry made without it. */
  readonly self: number | undefined;
  /**
   * Ids of every other file the result depends on: the project modules the file's cross-file analysis used, directly
   * or not, and the schema.prisma files its and their analyses read.
   */
  readonly dependencies: readonly number[];
}

/** A file's flows, or the engine's notice that it skipped the file (minified, too large). */
export type CacheEntry = EntryBase & ({ readonly flows: FileFlows; readonly skipped?: undefined } | { readonly skipped: string; readonly flows?: undefined });

/** What a new entry depends on besides its own content (see ScanInputs); all of it is optional for tests. */
export interface EntryInputs {
  readonly self?: FileInput;
  readonly dependencies?: readonly FileInput[];
}

/**
 * A dependency as saved: [path, hash] for one without imports or schema lookup (a schema.prisma, a file analysed
 * alone), else [path, hash, unresolved specifiers, schema.prisma read ('' for none, null for no lookup)], and, when
 * it has imports that named a project module, [specifier, that module relative to the file's folder] pairs.
 */
type SavedDependency =
  | readonly [string, string]
  | readonly [string, string, readonly string[], string | null]
  | readonly [string, string, readonly string[], string | null, readonly (readonly [string, string])[]];

/** What format 4 saves: `files` holds each dependency once; entries list indices into it. */
interface SavedCache {
  readonly format: typeof FORMAT;
  readonly engine: string;
  readonly files: readonly SavedDependency[];
  readonly entries: Record<string, SavedEntry>;
}

type SavedEntry = { readonly hash: string; readonly self?: number; readonly dependencies: readonly number[] } & ({ readonly flows: FileFlows } | { readonly skipped: string });

/**
 * The workspace scan's on-disk cache (a JSON file in the extension's workspace storage): a file's flows (or its
 * skip notice) are reused while its path, its content hash (which includes its policy), the engine version and
 * every file the result depends on (see `dependency`) are as recorded: each still has the same content, each import
 * that named no project module still names none, and each analysis would still read the same schema.prisma. The
 * analysis worker checks them against disk (see `cacheCheck`, `WorkspaceFlowIndex` and `AnalysisService`).
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
      if (saved.format !== FORMAT || saved.engine !== this.engineVersion || !Array.isArray(saved.files) || typeof saved.entries !== 'object' || saved.entries === null) return;
      // Saved index → id in this session's table; `undefined` for a damaged one (entries using it are dropped).
      const ids = saved.files.map((file: unknown) => {
        const dependency = savedDependency(file);
        return dependency && this.dependencyTable.idOf(dependency);
      });
      for (const [path, entry] of Object.entries(saved.entries as Record<string, unknown>)) {
        if (!isSavedEntry(entry)) continue;
        const dependencies = entry.dependencies.map((index) => ids[index]);
        const self = entry.self === undefined ? undefined : ids[entry.self];
        if (dependencies.some((id) => id === undefined) || (entry.self !== undefined && self === undefined)) continue;
        const base = { hash: entry.hash, self, dependencies: dependencies as number[] };
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

  /** The whole entry: flows or skip notice, and the ids of the files to check against disk. */
  entry(path: string): CacheEntry | undefined {
    return this.entries.get(path);
  }

  /** The cached files (their keys). */
  keys(): string[] {
    return [...this.entries.keys()];
  }

  /** What the analysis saw of a file behind a dependency id. */
  dependency(id: number): Dependency {
    return this.dependencyTable.get(id);
  }

  /** The ids of an entry's own file and its dependencies. */
  idsOf(entry: CacheEntry): readonly number[] {
    return entry.self === undefined ? entry.dependencies : [entry.self, ...entry.dependencies];
  }

  /** The files (own and dependencies) of the given entries, each once: what the worker checks before a scan. */
  dependencyIdsOf(paths: Iterable<string>): number[] {
    const ids = new Set<number>();
    for (const path of paths) {
      const entry = this.entries.get(path);
      if (entry) for (const id of this.idsOf(entry)) ids.add(id);
    }
    return [...ids];
  }

  /** Caches a file's flows with what the result depends on. */
  set(path: string, hash: string, flows: FileFlows, inputs: EntryInputs = {}): void {
    this.entries.set(path, { ...this.base(hash, inputs), flows });
    this.changed = true;
  }

  /** Caches the engine's notice that it skipped the file, so an unchanged file is not read and measured again. */
  setSkipped(path: string, hash: string, notice: string, inputs: EntryInputs = {}): void {
    this.entries.set(path, { ...this.base(hash, inputs), skipped: notice });
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

  /** The JSON to save, or `undefined` if nothing changed since the last call. Only files still in use are saved. */
  takeChanges(): string | undefined {
    if (!this.changed) return undefined;
    this.changed = false;
    const files: SavedDependency[] = [];
    const indexById = new Map<number, number>();
    const indexOf = (id: number) => {
      let index = indexById.get(id);
      if (index === undefined) {
        const { path: file, hash, unresolved, schema, resolved = [] } = this.dependencyTable.get(id);
        const dir = path.dirname(file);
        const saved: SavedDependency = resolved.length
          ? [file, hash, unresolved, schema ?? null, resolved.map(([specifier, target]) => [specifier, path.relative(dir, target)] as const)]
          : unresolved.length || schema !== undefined
            ? [file, hash, unresolved, schema ?? null]
            : [file, hash];
        index = files.push(saved) - 1;
        indexById.set(id, index);
      }
      return index;
    };
    const entries: Record<string, SavedEntry> = {};
    for (const [path, entry] of this.entries) {
      const base = { hash: entry.hash, ...(entry.self !== undefined ? { self: indexOf(entry.self) } : {}), dependencies: entry.dependencies.map(indexOf) };
      entries[path] = entry.skipped !== undefined ? { ...base, skipped: entry.skipped } : { ...base, flows: entry.flows };
    }
    return JSON.stringify({ format: FORMAT, engine: this.engineVersion, files, entries } satisfies SavedCache);
  }

  private base(hash: string, inputs: EntryInputs): EntryBase {
    return { hash, self: inputs.self && this.dependencyTable.idOf(inputs.self), dependencies: (inputs.dependencies ?? []).map((dependency) => this.dependencyTable.idOf(dependency)) };
  }
}

/** The cache key of one file's content under one policy. */
export function contentHash(text: string, policyFingerprint: string): string {
  return createHash('sha256').update(policyFingerprint).update('\u0000').update(text).digest('hex');
}

function savedDependency(value: unknown): Dependency | undefined {
  if (!Array.isArray(value) || typeof value[0] !== 'string' || typeof value[1] !== 'string') return undefined;
  if (value.length === 2) return { path: value[0], hash: value[1], unresolved: [], schema: undefined };
  const [file, hash, unresolved, schema, resolved] = value as unknown[];
  if ((value.length !== 4 && value.length !== 5) || !Array.isArray(unresolved) || !unresolved.every((specifier) => typeof specifier === 'string') || (schema !== null && typeof schema !== 'string')) return undefined;
  const dependency = { path: file as string, hash: hash as string, unresolved: unresolved as string[], schema: (schema as string | null) ?? undefined };
  if (value.length === 4) return dependency;
  if (!Array.isArray(resolved) || !resolved.every((pair) => Array.isArray(pair) && pair.length === 2 && typeof pair[0] === 'string' && typeof pair[1] === 'string')) return undefined;
  const dir = path.dirname(file as string);
  return { ...dependency, resolved: (resolved as [string, string][]).map(([specifier, target]) => [specifier, path.resolve(dir, target)] as const) };
}

function isSavedEntry(value: unknown): value is SavedEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as { hash?: unknown; self?: unknown; dependencies?: unknown; skipped?: unknown; flows?: { flows?: unknown; inventory?: unknown; uri?: unknown } };
  const validDependencies = Array.isArray(entry.dependencies) && entry.dependencies.every((index) => Number.isInteger(index)) && (entry.self === undefined || Number.isInteger(entry.self));
  const validOutcome = typeof entry.skipped === 'string' || (!('skipped' in entry) && typeof entry.flows?.uri === 'string' && Array.isArray(entry.flows.flows) && typeof entry.flows.inventory === 'object');
  return typeof entry.hash === 'string' && validDependencies && validOutcome;
}
