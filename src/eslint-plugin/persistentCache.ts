import { cacheFileAt, codeIdentity, readAnalysesCache, writeAnalysesCache } from '../core/project/analysesCacheFile';
import type { PersistedAnalyses } from '../core/project/persistedAnalyses';
import type { ProjectAnalyzer } from '../core/project/projectAnalyzer';

/**
 * `settings["phi-guard/cache"]`: `true` keeps the analyses in DEFAULT_ESLINT_CACHE_FILE in ESLint's working folder, a
 * string in that file or folder (relative to it). Off by default: a plugin writes no file unless asked.
 */
export const CACHE_SETTING = 'phi-guard/cache';
export const DEFAULT_ESLINT_CACHE_FILE = '.phi-guard-eslintcache';

/** The cache file `setting` names (undefined: none), or why it names none. */
export function cacheFileOf(setting: unknown, cwd: string): { readonly file?: string; readonly problem?: string } {
  if (setting === undefined || setting === false) return {};
  if (setting === true) return { file: cacheFileAt(cwd, undefined, DEFAULT_ESLINT_CACHE_FILE) };
  if (typeof setting === 'string' && setting.trim() !== '') return { file: cacheFileAt(cwd, setting, DEFAULT_ESLINT_CACHE_FILE) };
  return { problem: `settings["${CACHE_SETTING}"] must be true, false or a file or folder path (got ${JSON.stringify(setting) ?? String(setting)}); analyses are not cached.` };
}

/**
 * One ESLint process's use of cache files: a project analyser attached to a file restores the analyses it holds (read
 * once per process), and when the process exits the file keeps the analyses of every analyser attached to it, unless
 * they are all the ones restored (nothing changed). Each analysis is reused only once its file and what it read are
 * found unchanged (see ProjectAnalyzer.restoreAnalyses), so the report is the same as without the cache.
 */
export class PersistentAnalyses {
  private readonly attached = new Map<string, Set<ProjectAnalyzer>>();
  private readonly read = new Map<string, PersistedAnalyses | undefined>();
  private exitHooked = false;

  /**
   * `engine`: see codeIdentity. `warn`: a problem with a cache file (the lint itself is whole), as a sentence.
   * `onExit`: runs the write when the process ends (tests call it themselves).
   */
  constructor(
    private readonly engine: string,
    private readonly warn: (message: string) => void,
    private readonly onExit: (write: () => void) => void = (write) => {
      process.once('exit', write);
    },
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

  /** Writes each file's analyses (see the class). */
  writeAll(): void {
    for (const [file, projects] of this.attached) {
      const all = [...projects];
      // An ESLint process's generations end at each pause between files (see ProjectAnalyzer): every analysis it holds.
      if (all.every((project) => project.persistsAsRestored('known'))) continue;
      const persisted = all.map((project) => project.persistAnalyses('known'));
      const merged: PersistedAnalyses = { analyses: persisted.flatMap((p) => p.analyses), starTargets: persisted.flatMap((p) => p.starTargets) };
      const problem = writeAnalysesCache(file, this.engine, merged);
      if (problem) this.warn(`${file}: the cache was not written (${problem}); the next run analyses every file afresh`);
    }
  }

  private persistedIn(file: string): PersistedAnalyses | undefined {
    if (this.read.has(file)) return this.read.get(file);
    const { persisted, problem } = readAnalysesCache(file, this.engine);
    if (problem) this.warn(`${file}: the cache was not used: ${problem}; files are analysed afresh (the run replaces it)`);
    this.read.set(file, persisted);
    return persisted;
  }
}

declare const PHI_GUARD_VERSION: string | undefined;

/** The running plugin's identity for its cache files: its version and its bundle's code. */
export function pluginEngineIdentity(): string {
  return codeIdentity(typeof PHI_GUARD_VERSION === 'string' ? PHI_GUARD_VERSION : '0.0.0', __filename);
}
