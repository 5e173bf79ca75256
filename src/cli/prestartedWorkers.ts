import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { SOURCE_EXTENSIONS } from './sourceExtensions';

/** Below this many files, starting a worker (each loads TypeScript and warms up its own engine) costs more than it saves. */
export const MIN_FILES_FOR_WORKERS = 200;

/** The bundled worker next to the running CLI bundle (`dist/cli.js` → `dist/scanWorker.js`). */
export function defaultWorkerScript(): string {
  return path.join(__dirname, 'scanWorker.js');
}

/**
 * A scan worker started before the scan knows its files: it loads its bundle and TypeScript (about a third of a second)
 * while the main thread loads its own and walks the workspace, then waits for its job (see ScanWorkerData). Events
 * before the scan adopts it are recorded, so that a worker that failed to start is not waited for.
 */
export class PrestartedWorker {
  /** `waiting` for a job, `adopted` by a scan (which ends it), or `gone`: stopped, or failed before a scan adopted it. */
  private state: 'waiting' | 'adopted' | 'gone' = 'waiting';
  private readonly noteGone = (): void => {
    this.state = 'gone';
  };

  constructor(readonly worker: Worker) {
    worker.once('error', this.noteGone);
    worker.once('exit', this.noteGone);
    // Until adopted it does not keep the process alive: a run that ends early (a usage error) exits as before.
    worker.unref();
  }

  /** The worker, for the scan to give a job to; undefined if it is gone (the scan then starts a new one). */
  adopt(): Worker | undefined {
    if (this.state !== 'waiting') return undefined;
    this.state = 'adopted';
    this.stopListening();
    this.worker.ref();
    return this.worker;
  }

  /** Stops a worker no scan adopted: too few files for threads, or a run that ended before its scan. */
  stop(): void {
    if (this.state !== 'waiting') return;
    this.state = 'gone';
    this.stopListening();
    this.worker.on('error', () => undefined); // one that fails as it is stopped has nothing left to report
    void this.worker.terminate();
  }

  private stopListening(): void {
    this.worker.off('error', this.noteGone);
    this.worker.off('exit', this.noteGone);
  }
}

/** Starts `count` scan workers from `workerScript` with no job yet. */
export function prestartScanWorkers(count: number, workerScript: string, execArgv: readonly string[] = []): PrestartedWorker[] {
  return Array.from({ length: Math.max(0, count) }, () => new PrestartedWorker(new Worker(workerScript, { execArgv: [...execArgv] })));
}

/**
 * Whether a scan of `paths` (as given on the command line) may have enough files for worker threads: source files
 * counted up to MIN_FILES_FOR_WORKERS, outside `node_modules` and dot-folders. A guess, made before the engine loads:
 * the scan's own walk (with the configuration's include and exclude, and .gitignore) decides, and stops a worker it
 * does not need. A small package or a pre-commit hook's staged files start none (starting one costs a small scan
 * about 30 ms).
 */
export function mayNeedWorkers(paths: readonly string[], cwd: string): boolean {
  let found = 0;
  const pending = (paths.length > 0 ? paths : ['.']).map((given) => path.resolve(cwd, given));
  for (let current = pending.pop(); current !== undefined; current = pending.pop()) {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(current, { withFileTypes: true });
    } catch {
      // A file, or a path the scan will report.
      if (++found >= MIN_FILES_FOR_WORKERS) return true;
      continue;
    }
    for (const entry of entries) {
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) pending.push(path.join(current, entry.name));
      } else if (SOURCE_EXTENSIONS.includes(path.extname(entry.name).toLowerCase()) && ++found >= MIN_FILES_FOR_WORKERS) {
        return true;
      }
    }
  }
  return false;
}
