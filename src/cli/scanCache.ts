import type { PersistedAnalyses } from '../core';
import { cacheFileAt, codeIdentity, readAnalysesCache, writeAnalysesCache } from '../core/project/analysesCacheFile';
import type { ScanEngine } from './engine';
import { TOOL_VERSION } from './toolInfo';

/** The file `--cache` writes when `--cache-location` names none (or names a folder): in the working folder, as ESLint's `.eslintcache`. */
export const DEFAULT_CACHE_FILE = '.phi-guard-cache';

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
  const earlier = readAnalysesCache(cache.file, cache.engine);
  if (earlier.problem) notUsed(earlier.problem);
  return {
    persisted: earlier.persisted,
    close(engine) {
      if (!engine) return;
      if (engine.restoreProblem) notUsed(engine.restoreProblem);
      const persisted = engine.persist();
      const problem = persisted && writeAnalysesCache(cache.file, cache.engine, persisted);
      if (problem) cache.onProblem(`the cache was not written (${problem}); the next run analyses every file afresh`);
    },
  };
}

/** Which engine made a cache: this version and the running bundle's code (see codeIdentity). */
export function engineIdentity(bundle: string = __filename): string {
  return codeIdentity(TOOL_VERSION, bundle);
}

/** `--cache-location` as given (a file, or a folder to put DEFAULT_CACHE_FILE in), from `cwd`. */
export function cacheFilePath(cwd: string, location: string | undefined): string {
  return cacheFileAt(cwd, location, DEFAULT_CACHE_FILE);
}
