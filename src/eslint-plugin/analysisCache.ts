import * as path from 'node:path';
import { analyzeSource } from '../core/analysis/analyzeSource';
import type { AnalysisResult } from '../core/analysis/analyzeSource';
import { ConfigResolver, isFileIncluded } from '../core/config/loadConfig';
import type { LoadedConfig } from '../core/config/loadConfig';
import { mergeConfigObject } from '../core/config/validateConfig';
import { ProjectAnalyzer } from '../core/project/projectAnalyzer';
import { nodeProjectHost } from '../core/project/nodeHost';
import type { ConfigProblem } from '../core/config/validateConfig';

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
  readonly sourceCode: { readonly text: string };
}

const resolver = new ConfigResolver();
const cache = new WeakMap<object, FileAnalysis>();
const projects = new Map<string, ProjectAnalyzer>();

/**
 * One project analyser per project root and settings: imported modules are analysed once per ESLint process (from
 * disk, cached by content hash), so linting a whole project costs about one extra analysis per file.
 */
function projectFor(loaded: LoadedConfig, context: LintContext): ProjectAnalyzer {
  const root = loaded.file ? path.dirname(loaded.file) : context.cwd;
  const settings = context.settings['phi-guard'];
  const key = `${root}\0${settings === undefined ? '' : JSON.stringify(settings)}`;
  let project = projects.get(key);
  if (!project) {
    project = new ProjectAnalyzer(nodeProjectHost(), root, (file) => mergeConfigObject(resolver.forFile(file).config, settings, 'settings["phi-guard"]').config);
    projects.set(key, project);
  }
  return project;
}

export function analysisFor(context: LintContext): FileAnalysis {
  const sourceCode = context.sourceCode;
  const cached = cache.get(sourceCode);
  if (cached) return cached;
  const fileName = context.filename && context.filename !== '<input>' && context.filename !== '<text>' ? context.filename : path.join(context.cwd, 'input.ts');
  const loaded: LoadedConfig = resolver.forFile(fileName);
  const merged = mergeConfigObject(loaded.config, context.settings['phi-guard'], 'settings["phi-guard"]');
  const configProblems = [...loaded.problems, ...merged.problems];
  let result: AnalysisResult | undefined;
  if (isFileIncluded(fileName, { ...loaded, config: merged.config })) {
    result = merged.config.crossFile
      ? projectFor(loaded, context).analyze(path.resolve(fileName), sourceCode.text)
      : analyzeSource({ fileName, text: sourceCode.text, config: merged.config });
  }
  const analysis = { result, configProblems };
  cache.set(sourceCode, analysis);
  return analysis;
}
