import * as fs from 'node:fs';
import * as path from 'node:path';
import { cacheFileAt, cacheFileStamp, codeIdentity, readAnalysesCache, writeAnalysesCache } from '../core/project/analysesCacheFile';
import { type FileLockOptions, withFileLock } from '../core/project/cacheFileLock';
import { mergePersistedAnalyses, type PersistedAnalyses } from '../core/project/persistedAnalyses';
import type { ProjectAnalyzer } from '../core/project/projectAnalyzer';
import { configProblem, type ConfigProblem } from '../core/config/validateConfig';

/**
 * `settings["phi-guard/cache"]`: `true` keeps the analyses in DEFAULT_ESLINT_CACHE_FILE in ESLint's working folder, a
 * string in that file or folder (relative to it). Off by default: a plugin writes no file unless asked.
 */
export const CACHE_SETTING = 'phi-guard/cache';
export const DEFAULT_ESLINT_CACHE_FILE = '.phi-guard-eslintcache';

/** The cache file `setting` names (undefined: none), or why it names none (a configuration problem, as the others). */
export function cacheFileOf(setting: unknown, cwd: string): { readonly file?: string; readonly problem?: ConfigProblem } {
  if (setting === undefined || setting === false) return {};
  if (setting === true) return { file: cacheFileAt(cwd, undefined, DEFAULT_ESLINT_CACHE_FILE) };
  if (typeof setting === 'string' && setting.trim() !== '') return { file: cacheFileAt(cwd, setting, DEFAULT_ESLINT_CACHE_FILE) };
  const origin = `settings["${CACHE_SETTING}"]`;
  return { problem: configProblem(origin, 0, 0, `${origin} must be true, false or a file or folder path (got ${JSON.stringify(setting) ?? String(setting)})`, 'analyses are not cached') };
}

/**
 * One ESLint process's (or, under `--concurrency`, one linting thread's) use of cache files: a project analyser
 * attached to a file restores the analyses it holds (read once per thread), and when the thread ends the file keeps the
 * analyses of every analyser attached to it, unless they are all the ones restored (nothing changed). A file another
 * thread has written since this one read it is read again and merged, under a lock beside it, so each thread's work is
 * kept (see mergePersistedAnalyses). Each analysis is reused only once its file and what it read are found unchanged
 * (see ProjectAnalyzer.restoreAnalyses), so the report is the same as without the cache.
 */
export class PersistentAnalyses {
  private readonly attached = new Map<string, Set<ProjectAnalyzer>>();
  /** What this thread read from each file, with the file's stamp then (see cacheFileStamp): another stamp at the end means another writer. */
  private readonly read = new Map<string, { readonly persisted: PersistedAnalyses | undefined; readonly stamp: string | undefined }>();
  private exitHooked = false;

  /**
   * `engine`: see codeIdentity. `warn`: a problem with a cache file (the lint itself is whole), as a sentence.
   * `onExit`: runs the write when the process (or the worker thread) ends (tests call it themselves). `lock`: how
   * long to wait for another thread's write (tests shorten it).
   */
  constructor(
    private readonly engine: string,
    private readonly warn: (message: string) => void,
    private readonly onExit: (write: () => void) => void = (write) => {
      process.once('exit', write);
    },
    private readonly lock: FileLockOptions = {},
  ) {}

  attach(file: string, project: ProjectAnalyzer): void {
    let projects = this.attached.get(file);
    if (!projects) this.attached.set(file, (projects = new Set()));
    if (projects.has(project)) return;
    projects.add(project);
    const persisted = this.persistedIn(file);
    if (persisted) {
      try {
        project.restoreAnalyses(persisted);
      } catch (error) {
        this.warn(`${file}: the cache was not used: it holds data this version did not write (${error instanceof Error ? error.message : String(error)}); files are analysed afresh (the run replaces it)`);
      }
    }
    if (!this.exitHooked) {
      this.exitHooked = true;
      this.onExit(() => this.writeAll());
    }
  }

  /** Forgets an analyser made with a policy that has changed since: its analyses are not written. */
  detach(project: ProjectAnalyzer): void {
    for (const projects of this.attached.values()) projects.delete(project);
  }

  /** Writes each file's analyses (see the class). */
  writeAll(): void {
    for (const [file, projects] of this.attached) {
      const all = [...projects];
      // An ESLint process's generations end at each pause between files (see ProjectAnalyzer): every analysis it holds.
      if (all.every((project) => project.persistsAsRestored('known'))) continue;
      const persisted = all.map((project) => project.persistAnalyses('known'));
      const ours: PersistedAnalyses = { analyses: persisted.flatMap((p) => p.analyses), starTargets: persisted.flatMap((p) => p.starTargets) };
      const restored = new Set(all.flatMap((project) => [...project.restoredFiles()]));
      const problem = this.writeMerged(file, ours, restored);
      if (problem) this.warn(`${file}: the cache was not written (${problem}); the next run analyses every file afresh`);
    }
  }

  /** Writes `ours` to `file`, with what another thread wrote there since this one read it; the system's error, if any. */
  private writeMerged(file: string, ours: PersistedAnalyses, restored: ReadonlySet<string>): string | undefined {
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
    } catch (error) {
      return (error as Error).message;
    }
    const written = withFileLock(`${file}.lock`, () => {
      const stamp = cacheFileStamp(file);
      const theirs = stamp !== undefined && stamp !== this.read.get(file)?.stamp ? readAnalysesCache(file, this.engine).persisted : undefined;
      return writeAnalysesCache(file, this.engine, theirs ? mergePersistedAnalyses(ours, restored, theirs) : ours);
    }, this.lock);
    return 'problem' in written ? written.problem : written.value;
  }

  private persistedIn(file: string): PersistedAnalyses | undefined {
    const known = this.read.get(file);
    if (known) return known.persisted;
    const stamp = cacheFileStamp(file); // before reading: a write in between is then merged, not lost
    const { persisted, problem } = readAnalysesCache(file, this.engine);
    if (problem) this.warn(`${file}: the cache was not used: ${problem}; files are analysed afresh (the run replaces it)`);
    this.read.set(file, { persisted, stamp });
    return persisted;
  }
}

declare const PHI_GUARD_VERSION: string | undefined;

/** The running plugin's identity for its cache files: its version and its bundle's code. */
export function pluginEngineIdentity(): string {
  return codeIdentity(typeof PHI_GUARD_VERSION === 'string' ? PHI_GUARD_VERSION : '0.0.0', __filename);
}
