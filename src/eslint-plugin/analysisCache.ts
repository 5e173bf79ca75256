import * as path from 'node:path';
import { analyzeSource } from '../core/analysis/analyzeSource';
import { adoptSourceFile } from '../core/analysis/parse';
import type { AnalysisResult } from '../core/analysis/analyzeSource';
import { ConfigResolver, isFileIncluded } from '../core/config/loadConfig';
import type { LoadedConfig } from '../core/config/loadConfig';
import { mergeConfigObject } from '../core/config/validateConfig';
import { GENERATION_PAUSE_MS, ProjectAnalyzer } from '../core/project/projectAnalyzer';
import { nodeProjectHost } from '../core/project/nodeHost';
import type { ConfigProblem } from '../core/config/validateConfig';
import type { PhiGuardConfig } from '../core/config/config';
import { CACHE_SETTING, cacheFileOf, PersistentAnalyses, pluginEngineIdentity } from './persistentCache';

/** What the four rules share for one linted file: the analysis runs once, however many rules are on. */
export interface FileAnalysis {
  readonly result: AnalysisResult | undefined;
  readonly configProblems: readonly ConfigProblem[];
}

/** The subset of ESLint's rule context the adapter needs (typed here so the core never sees ESLint types). */
export interface LintContext {
  readonly filename: string;
  readonly cwd: string;
  readonly settings: Readonly<Record<string, unknown>>;
  readonly sourceCode: { readonly text: string; readonly ast: object; readonly parserServices?: { readonly esTreeNodeToTSNodeMap?: { get(node: object): unknown } } };
}

let resolver = new ConfigResolver();
/** When the last analysis ended (see refreshAfterPause). */
let lastAnalysis = 0;
const mergedConfigs = new WeakMap<PhiGuardConfig, Map<string, ReturnType<typeof mergeConfigObject>>>();

/**
 * `.phi-guard.json` with `settings["phi-guard"]` on top, the same object for the same inputs: the engine keeps its
 * name classifier per policy object, so a new object per file would rebuild it for every file.
 */
function withSettings(base: PhiGuardConfig, settings: unknown): ReturnType<typeof mergeConfigObject> {
  const key = settings === undefined ? '' : JSON.stringify(settings);
  let byKey = mergedConfigs.get(base);
  if (!byKey) mergedConfigs.set(base, (byKey = new Map()));
  let merged = byKey.get(key);
  if (!merged) byKey.set(key, (merged = mergeConfigObject(base, settings, 'settings["phi-guard"]')));
  return merged;
}
const cache = new WeakMap<object, FileAnalysis>();
const projects = new Map<string, ProjectAnalyzer>();
/** Cache files named by `settings["phi-guard/cache"]` (made when first named: the engine identity hashes the bundle). */
let persistent: PersistentAnalyses | undefined;
const cacheFiles = new Map<string, ReturnType<typeof cacheFileOf>>();

/** What `settings["phi-guard/cache"]` names from ESLint's working folder, worked out once per setting and folder. */
function cacheFileFor(context: LintContext): ReturnType<typeof cacheFileOf> {
  const setting = context.settings[CACHE_SETTING];
  if (setting === undefined) return {};
  const key = `${context.cwd}\0${JSON.stringify(setting)}`;
  let named = cacheFiles.get(key);
  if (!named) cacheFiles.set(key, (named = cacheFileOf(setting, context.cwd)));
  return named;
}

/**
 * One project analyser per project root and settings: imported modules are analysed once per ESLint process (from
 * disk, cached by content hash), so linting a whole project costs about one extra analysis per file.
 */
function projectFor(loaded: LoadedConfig, context: LintContext, cacheFile: string | undefined): ProjectAnalyzer {
  const root = loaded.file ? path.dirname(loaded.file) : context.cwd;
  const settings = context.settings['phi-guard'];
  const key = `${root}\0${settings === undefined ? '' : JSON.stringify(settings)}`;
  let project = projects.get(key);
  if (!project) {
    project = new ProjectAnalyzer(nodeProjectHost(), root, (file) => withSettings(resolver.forFile(file).config, settings).config);
    projects.set(key, project);
  }
  if (cacheFile) {
    persistent ??= new PersistentAnalyses(pluginEngineIdentity(), (message) => process.stderr.write(`phi-guard: ${message}\n`));
    persistent.attach(cacheFile, project);
  }
  return project;
}

/**
 * typescript-eslint's parser keeps the TypeScript tree it converted to ESTree: the engine walks that instead of parsing
 * the file a second time (a quarter to a third of its cost), when it came from the same TypeScript module.
 */
function parsedByTypescriptEslint(sourceCode: LintContext['sourceCode']) {
  try {
    return adoptSourceFile(sourceCode.parserServices?.esTreeNodeToTSNodeMap?.get(sourceCode.ast), sourceCode.text);
  } catch {
    return undefined;
  }
}

/**
 * After a pause, a long-lived ESLint (vscode-eslint's server, eslint_d) checks whether a `.phi-guard.json` it read
 * changed, appeared or went: then the policy is read afresh and every analysis made with the old one is dropped
 * (their project analysers, also from the cache files they were attached to). A whole-project run has no pauses.
 */
function refreshAfterPause(): void {
  if (Date.now() - lastAnalysis <= GENERATION_PAUSE_MS || !resolver.changedOnDisk()) return;
  resolver = new ConfigResolver();
  for (const project of projects.values()) persistent?.detach(project);
  projects.clear();
}

export function analysisFor(context: LintContext): FileAnalysis {
  const sourceCode = context.sourceCode;
  const cached = cache.get(sourceCode);
  if (cached) return cached;
  refreshAfterPause();
  try {
    return analyse(context, sourceCode);
  } finally {
    lastAnalysis = Date.now();
  }
}

function analyse(context: LintContext, sourceCode: LintContext['sourceCode']): FileAnalysis {
  // ESLint's `Linter` passes the filename it was given, which may be relative to its `cwd` (not the process's).
  const fileName = context.filename && context.filename !== '<input>' && context.filename !== '<text>' ? path.resolve(context.cwd, context.filename) : path.join(context.cwd, 'input.ts');
  const loaded: LoadedConfig = resolver.forFile(fileName);
  const merged = withSettings(loaded.config, context.settings['phi-guard']);
  const cacheFile = cacheFileFor(context);
  const configProblems = [...loaded.problems, ...merged.problems, ...(cacheFile.problem ? [cacheFile.problem] : [])];
  let result: AnalysisResult | undefined;
  if (isFileIncluded(fileName, { ...loaded, config: merged.config })) {
    const sourceFile = parsedByTypescriptEslint(sourceCode);
    result = merged.config.crossFile
      ? projectFor(loaded, context, cacheFile.file).analyze(path.resolve(fileName), sourceCode.text, sourceFile)
      : analyzeSource({ fileName, text: sourceCode.text, config: merged.config, sourceFile });
  }
  const analysis = { result, configProblems };
  cache.set(sourceCode, analysis);
  return analysis;
}
