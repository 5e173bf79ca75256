import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as v8 from 'v8';
import type { PersistedAnalyses } from '../core';
import type { ScanEngine } from './engine';
import { TOOL_VERSION } from './toolInfo';

/** The file `--cache` writes when `--cache-location` names none (or names a folder): in the working folder, as ESLint's `.eslintcache`. */
export const DEFAULT_CACHE_FILE = '.phi-guard-cache';

const DAMAGED = 'it is not a PHI Guard cache, or it is damaged';

/** Bumped when the file's layout changes. */
const CACHE_FORMAT = 1;

interface CacheFile {
  readonly format: number;
  /** The engine that made the analyses (see engineIdentity): another engine's are never reused. */
  readonly engine: string;
  /** Node's serializer writes the file; an older Node may not read a newer one's. */
  readonly node: string;
  readonly persisted: PersistedAnalyses;
}

/** What reading the cache gave: the analyses, or nothing (with `problem`, why, when the file exists and is unusable). */
export interface ReadCache {
  readonly persisted?: PersistedAnalyses;
  readonly problem?: string;
}

/** Where a run's cache is, which engine may reuse it, and where its problems are told (see openScanCache). */
export interface ScanCacheOptions {
  readonly file: string;
  readonly engine: string;
  /** The cache could not be used or written (the run itself is whole): a sentence saying why. */
  readonly onProblem: (problem: string) => void;
}

/** One run's use of the cache: what it restores from, and `close`, which keeps the run's analyses for the next. */
export interface ScanCacheSession {
  readonly persisted: PersistedAnalyses | undefined;
  close(engine: ScanEngine | undefined): void;
}

/**
 * Reads the cache for a run of `command` (\`scan\`, \`inventory\`), telling `onProblem` why one there cannot be used;
 * `close` tells why the engine could not restore it (see createEngine), and writes the engine's analyses unless they
 * are the ones it restored.
 */
export function openScanCache(cache: ScanCacheOptions, command: string): ScanCacheSession {
  const notUsed = (why: string) => cache.onProblem(`the cache was not used: ${why}; every file was analysed afresh (the ${command} replaces it)`);
  const earlier = readScanCache(cache.file, cache.engine);
  if (earlier.problem) notUsed(earlier.problem);
  return {
    persisted: earlier.persisted,
    close(engine) {
      if (!engine) return;
      if (engine.restoreProblem) notUsed(engine.restoreProblem);
      const persisted = engine.persist();
      const problem = persisted && writeScanCache(cache.file, cache.engine, persisted);
      if (problem) cache.onProblem(`the cache was not written (${problem}); the next run analyses every file afresh`);
    },
  };
}

/**
 * Which engine made a cache: the version and the code of the running bundle, so that a rebuilt engine with the same
 * version number (a development build) does not reuse analyses an older one made.
 */
export function engineIdentity(bundle: string = __filename): string {
  let code: string;
  try {
    code = createHash('sha1').update(fs.readFileSync(bundle)).digest('hex');
  } catch {
    code = 'unknown';
  }
  return `${TOOL_VERSION}+${code}`;
}

/** `--cache-location` as given (a file, or a folder to put DEFAULT_CACHE_FILE in), from `cwd`. */
export function cacheFilePath(cwd: string, location: string | undefined): string {
  const given = path.resolve(cwd, location ?? DEFAULT_CACHE_FILE);
  try {
    if (fs.statSync(given).isDirectory()) return path.join(given, DEFAULT_CACHE_FILE);
  } catch {
    // Not there yet: a file to create.
  }
  return given;
}

/** The analyses a previous scan left in `file`. No file, or one another engine or Node wrote, is no cache and no problem. */
export function readScanCache(file: string, engine: string): ReadCache {
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

/** Writes the cache whole or not at all (a temporary file renamed over it); returns the system's error, if any. */
export function writeScanCache(file: string, engine: string, persisted: PersistedAnalyses): string | undefined {
  const cache: CacheFile = { format: CACHE_FORMAT, engine, node: process.version, persisted };
  const temporary = `${file}.${process.pid}.tmp`;
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
