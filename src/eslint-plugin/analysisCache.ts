import * as path from 'node:path';
import { analyzeSource } from '../core/analysis/analyzeSource';
import type { AnalysisResult } from '../core/analysis/analyzeSource';
import { ConfigResolver, isFileIncluded } from '../core/config/loadConfig';
import type { LoadedConfig } from '../core/config/loadConfig';
import { mergeConfigObject } from '../core/config/validateConfig';
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
    result = analyzeSource({ fileName, text: sourceCode.text, config: merged.config });
  }
  const analysis = { result, configProblems };
  cache.set(sourceCode, analysis);
  return analysis;
}
