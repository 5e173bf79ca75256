import { createHash } from 'node:crypto';
import type { PhiGuardConfig } from '../config/config';
import { exportableNamesOrWords, namesExportedByText, starReexportSpecifiers } from '../text/exportableNames';
import { withReexportingBarrels } from './barrelMoves';
import type { SharedAnalysis } from './projectAnalyzer';

/**
 * A run's finished analyses as plain (structured-cloneable) data, with what a later run must check before it trusts
 * any of them (see ProjectAnalyzer.restoreAnalyses): a file's analysis is reused only for the same text, the same
 * configuration, the same modules named by its imports, the same summaries of the modules it read, and, behind a
 * barrel it looked names up through (`export * from`), the same names exported by the modules that barrel re-exports.
 */
export interface PersistedAnalyses {
  readonly analyses: readonly PersistedAnalysis[];
  /** Barrel → the modules its `export * from` name, each with exportedNamesStamp of its text then ('' if it could not be read). */
  readonly starTargets: readonly (readonly [barrel: string, targets: readonly (readonly [file: string, names: string])[]])[];
}

export interface PersistedAnalysis extends SharedAnalysis {
  /** configStamp of the configuration the file was analysed with. */
  readonly config: string;
}

/** What a restore did: how many analyses it took, and why it took none, if it took none. */
export interface RestoreOutcome {
  readonly restored: number;
  readonly offered: number;
}

/**
 * What a barrel's look-ups can learn from a module it re-exports without analysing it: the names its exports can
 * declare (see ProjectAnalyzer.starIndex) and, for a module that re-exports in turn, the modules its `export * from`
 * name, in order (a look-up passes over such a module when nothing it re-exports can export the name: see
 * ProjectAnalyzer.mayExport). An edit that leaves these alone (a function's body) cannot make a name found further down
 * the barrel come from this module instead.
 */
export function exportedNamesStamp(text: string | undefined): string {
  if (text === undefined) return '';
  const names = namesExportedByText(text);
  const view = names === 'reexports' ? ['*', ...starReexportSpecifiers(text), '', ...[...exportableNamesOrWords(text)].sort()] : [...names].sort();
  return createHash('sha1').update(view.join('\n')).digest('hex');
}

/**
 * The barrels of an earlier run whose look-ups may now find a name elsewhere: one of the modules it re-exports with
 * `export * from` exports other names (see exportedNamesStamp), or is such a barrel itself (a look-up passed over a
 * nested barrel that could not export the name then, and so did not depend on it: see ProjectAnalyzer.mayExport).
 */
export function movedBarrelsOf(starTargets: PersistedAnalyses['starTargets'], namesStamp: (file: string) => string): Set<string> {
  const moved: string[] = [];
  const reexportedBy = new Map<string, string[]>();
  for (const [barrel, targets] of starTargets) {
    for (const [file] of targets) {
      const barrels = reexportedBy.get(file);
      if (barrels) barrels.push(barrel);
      else reexportedBy.set(file, [barrel]);
    }
    if (targets.some(([file, names]) => namesStamp(file) !== names)) moved.push(barrel);
  }
  return withReexportingBarrels(moved, (module) => reexportedBy.get(module) ?? []);
}

/**
 * Whether `value` has the shape persistAnalyses gives an analysis (its parts the engine reads first: a result with its
 * lists, and the stamps the checks compare). A cache file is read by the same engine that wrote it; this guards
 * against one edited or damaged in a way its serializer did not notice.
 */
export function isPersistedAnalysis(value: unknown): value is PersistedAnalysis {
  if (typeof value !== 'object' || value === null) return false;
  const analysis = value as Partial<Record<keyof PersistedAnalysis, unknown>>;
  const strings = [analysis.file, analysis.hash, analysis.fingerprint, analysis.config, analysis.prisma].every((part) => typeof part === 'string');
  const result = analysis.result as Partial<Record<string, unknown>> | undefined;
  const lists = typeof result === 'object' && result !== null && ['findings', 'suppressed', 'suppressionProblems', 'parseProblems', 'sinkSites'].every((key) => Array.isArray(result[key]));
  const deps = Array.isArray(analysis.deps) && analysis.deps.every((dep) => Array.isArray(dep) && typeof dep[0] === 'string' && typeof dep[1] === 'string');
  const resolved = Array.isArray(analysis.resolved) && analysis.resolved.every((pair) => Array.isArray(pair) && typeof pair[0] === 'string' && typeof pair[1] === 'string');
  const reexportTargets = analysis.reexportTargets === undefined || (Array.isArray(analysis.reexportTargets) && analysis.reexportTargets.every((target) => typeof target === 'string'));
  return strings && lists && deps && resolved && reexportTargets && Array.isArray(analysis.unresolved);
}

const stamps = new WeakMap<PhiGuardConfig, string>();

/** A configuration's identity for reuse: two runs analyse alike only with equal configurations (each object hashed once). */
export function configStamp(config: PhiGuardConfig): string {
  let stamp = stamps.get(config);
  if (stamp === undefined) stamps.set(config, (stamp = createHash('sha1').update(JSON.stringify(config)).digest('hex')));
  return stamp;
}

/**
 * `ours` with what another writer of the same cache file put there meanwhile (`theirs`, read just before writing: the
 * ESLint plugin's other threads under `--concurrency`, each of which analysed different files). A file's analysis is
 * ours unless ours is only what we restored from the cache (`restoredByUs`) and theirs exists, which is then as new or
 * newer. A barrel's star targets go with its analysis. Every analysis is checked again when restored, so a union of
 * two writers' valid analyses is a valid cache.
 */
export function mergePersistedAnalyses(ours: PersistedAnalyses, restoredByUs: ReadonlySet<string>, theirs: PersistedAnalyses): PersistedAnalyses {
  const theirFiles = new Set(theirs.analyses.map((analysis) => analysis.file));
  const keepOurs = (file: string) => !restoredByUs.has(file) || !theirFiles.has(file);
  const ourFiles = new Set(ours.analyses.filter((analysis) => keepOurs(analysis.file)).map((analysis) => analysis.file));
  return {
    analyses: [...ours.analyses.filter((analysis) => ourFiles.has(analysis.file)), ...theirs.analyses.filter((analysis) => !ourFiles.has(analysis.file))],
    starTargets: [...ours.starTargets.filter(([barrel]) => ourFiles.has(barrel)), ...theirs.starTargets.filter(([barrel]) => !ourFiles.has(barrel))],
  };
}
