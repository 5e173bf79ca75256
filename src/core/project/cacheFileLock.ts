import * as fs from 'node:fs';

// A lock beside a cache file, for writers that read the file, add to what they read and write it back (the ESLint
// plugin's threads under `--concurrency`, see PersistentAnalyses): the second writer must read the first's file, not
// the one both started from. A file created exclusively (`wx`) is the lock; writers wait for it synchronously, as they
// run in a process's `exit` handler, where nothing asynchronous runs.

export interface FileLockOptions {
  /** How long to wait for another writer's lock before giving up. */
  readonly waitMs?: number;
  /** A lock older than this was left by a writer that died while holding it: it is taken over. */
  readonly staleMs?: number;
}

const DEFAULT_WAIT_MS = 15_000;
const DEFAULT_STALE_MS = 60_000;
const POLL_MS = 25;

/** What withFileLock gave: the action's value, or why the lock could not be had (the action did not run). */
export type Locked<T> = { readonly value: T } | { readonly problem: string };

/** Runs `action` holding `lockFile` (created, then removed), waiting for another holder to finish first. */
export function withFileLock<T>(lockFile: string, action: () => T, options: FileLockOptions = {}): Locked<T> {
  const waitMs = options.waitMs ?? DEFAULT_WAIT_MS;
  const staleMs = options.staleMs ?? DEFAULT_STALE_MS;
  const deadline = Date.now() + waitMs;
  for (;;) {
    const taken = tryTake(lockFile, staleMs);
    if (taken === true) break;
    if (taken !== false) return { problem: taken };
    if (Date.now() >= deadline) return { problem: `another writer has held ${lockFile} for over ${Math.round(waitMs / 1000)} s; delete it if no ESLint run is writing the cache` };
    sleep(POLL_MS);
  }
  try {
    return { value: action() };
  } finally {
    try {
      fs.rmSync(lockFile, { force: true });
    } catch {
      // Left behind: the next writer takes it over once it is stale.
    }
  }
}

/** true: taken; false: held by another writer; a string: the system's reason it cannot be taken at all. */
function tryTake(lockFile: string, staleMs: number): boolean | string {
  try {
    fs.writeFileSync(lockFile, `${process.pid}\n`, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return (error as Error).message;
  }
  try {
    if (Date.now() - fs.statSync(lockFile).mtimeMs > staleMs) fs.rmSync(lockFile, { force: true });
  } catch {
    // Released meanwhile: the next try takes it.
  }
  return false;
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/** Blocks this thread for `ms` (no event loop runs in an `exit` handler to wait on). */
function sleep(ms: number): void {
  Atomics.wait(pause, 0, 0, ms);
}
