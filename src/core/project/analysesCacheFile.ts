import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { threadId } from 'node:worker_threads';
import type { PersistedAnalyses } from './persistedAnalyses';

// A file of persisted analyses (see ProjectAnalyzer.persistAnalyses), as `phi-guard scan --cache` and the ESLint
// plugin's `phi-guard/cache` setting keep them: Node's serialization, stamped with the engine that wrote it.

const DAMAGED = 'it is not a PHI Guard cache, or it is damaged';

/** Bumped when the file's layout changes. */
const CACHE_FORMAT = 1;

interface CacheFile {
  readonly format: number;
  /** The engine that made the analyses (see codeIdentity): another engine's are never reused. */
  readonly engine: string;
  /** Node's serializer writes the file; an older Node may not read a newer one's. */
  readonly node: string;
  readonly persisted: PersistedAnalyses;
}

/** What reading a cache gave: the analyses, or nothing (with `problem`, why, when the file exists and is unusable). */
export interface ReadCache {
  readonly persisted?: PersistedAnalyses;
  readonly problem?: string;
}

/**
 * Which engine made a cache: `version` and the code of the running bundle, so that a rebuilt engine with the same
 * version number (a development build) does not reuse analyses an older one made.
 */
export function codeIdentity(version: string, bundle: string): string {
  let code: string;
  try {
    code = createHash('sha1').update(fs.readFileSync(bundle)).digest('hex');
  } catch {
    code = 'unknown';
  }
  return `${version}+${code}`;
}

/** A cache location as given (a file, or a folder to put `defaultName` in), from `cwd`. */
export function cacheFileAt(cwd: string, location: string | undefined, defaultName: string): string {
  const given = path.resolve(cwd, location ?? defaultName);
  try {
    if (fs.statSync(given).isDirectory()) return path.join(given, defaultName);
  } catch {
    // Not there yet: a file to create.
  }
  return given;
}

/** The analyses an earlier run left in `file`. No file, or one another engine or Node wrote, is no cache and no problem. */
export function readAnalysesCache(file: string, engine: string): ReadCache {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return {};
    return { problem: `it could not be read (${(error as Error).message})` };
  }
  let cache: Partial<CacheFile>;
  try {
    cache = v8.deserialize(bytes) as Partial<CacheFile>;
  } catch {
    return { problem: DAMAGED };
  }
  if (typeof cache !== 'object' || cache === null || cache.format === undefined) return { problem: DAMAGED };
  if (cache.format !== CACHE_FORMAT || cache.engine !== engine || cache.node !== process.version) return {};
  const persisted = cache.persisted;
  if (!persisted || !Array.isArray(persisted.analyses) || !Array.isArray(persisted.starTargets)) return { problem: DAMAGED };
  return { persisted };
}

/** The file's size, change time and inode, to tell later whether another writer replaced it; undefined when there is none. */
export function cacheFileStamp(file: string): string | undefined {
  try {
    const stat = fs.statSync(file);
    return `${stat.size}:${stat.mtimeMs}:${stat.ino}`;
  } catch {
    return undefined;
  }
}

/** Writes the cache whole or not at all (a temporary file renamed over it); returns the system's error, if any. */
export function writeAnalysesCache(file: string, engine: string, persisted: PersistedAnalyses): string | undefined {
  const cache: CacheFile = { format: CACHE_FORMAT, engine, node: process.version, persisted };
  // One per thread: the ESLint plugin's threads under `--concurrency` share a process id and may write at once.
  const temporary = `${file}.${process.pid}-${threadId}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(temporary, v8.serialize(cache));
    fs.renameSync(temporary, file);
    return undefined;
  } catch (error) {
    try {
      fs.rmSync(temporary, { force: true });
    } catch {
      // Left behind; the next write replaces it.
    }
    return (error as Error).message;
  }
}
