import { createHash } from 'crypto';
import type { FileFlows } from './fileFlows';

// 2: entries carry the hashes of the modules their cross-file analysis read.
const FORMAT = 2;

export interface CacheEntry {
  readonly hash: string;
  /** Absolute path → content hash of every project module the file's cross-file analysis used (directly or not). */
  readonly dependencies: Readonly<Record<string, string>>;
  readonly flows: FileFlows;
}

/**
 * The workspace scan's on-disk cache (a JSON file in the extension's workspace storage): a file's flows are reused
 * while its path, its content hash (which includes its policy), the engine version and the content of every module
 * it imports (directly or not) are unchanged. The analysis worker checks the module hashes (see AnalysisService).
 */
export class FlowCache {
  private entries = new Map<string, CacheEntry>();
  private changed = false;

  constructor(private readonly engineVersion: string) {}

  /** Replaces the contents with a saved cache; a cache of another engine version or format is ignored. */
  load(text: string | undefined): void {
    this.entries.clear();
    if (!text) return;
    try {
      const saved = JSON.parse(text) as { format?: unknown; engine?: unknown; entries?: unknown };
      if (saved.format !== FORMAT || saved.engine !== this.engineVersion || typeof saved.entries !== 'object' || saved.entries === null) return;
      for (const [path, entry] of Object.entries(saved.entries as Record<string, unknown>)) {
        if (isEntry(entry)) this.entries.set(path, entry);
      }
    } catch {
      // A damaged cache only costs a full scan.
    }
  }

  get(path: string, hash: string): FileFlows | undefined {
    const entry = this.entries.get(path);
    return entry && entry.hash === hash ? entry.flows : undefined;
  }

  /** The whole entry, for the worker to check against disk. */
  entry(path: string): CacheEntry | undefined {
    return this.entries.get(path);
  }

  set(path: string, hash: string, flows: FileFlows, dependencies: Readonly<Record<string, string>> = {}): void {
    this.entries.set(path, { hash, dependencies, flows });
    this.changed = true;
  }

  /** Cached files (their keys) whose flows used `file` (an absolute path): they need a new analysis when it changes. */
  dependentsOf(file: string): string[] {
    return [...this.entries].filter(([, entry]) => Object.hasOwn(entry.dependencies, file)).map(([path]) => path);
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

  /** The JSON to save, or `undefined` if nothing changed since the last call. */
  takeChanges(): string | undefined {
    if (!this.changed) return undefined;
    this.changed = false;
    return JSON.stringify({ format: FORMAT, engine: this.engineVersion, entries: Object.fromEntries(this.entries) });
  }
}

/** The cache key of one file's content under one policy. */
export function contentHash(text: string, policyFingerprint: string): string {
  return createHash('sha256').update(policyFingerprint).update('\u0000').update(text).digest('hex');
}

function isEntry(value: unknown): value is CacheEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as { hash?: unknown; dependencies?: unknown; flows?: { flows?: unknown; inventory?: unknown; uri?: unknown } };
  const dependencies = entry.dependencies;
  const validDependencies = typeof dependencies === 'object' && dependencies !== null && Object.values(dependencies).every((hash) => typeof hash === 'string');
  return typeof entry.hash === 'string' && validDependencies && typeof entry.flows?.uri === 'string' && Array.isArray(entry.flows.flows) && typeof entry.flows.inventory === 'object';
}
