import * as path from 'path';
import { analyzeSource, nodeProjectHost, ProjectAnalyzer, type PhiGuardConfig } from '../core';
import type { Analyzer } from './analyzeFile';

/**
 * The engine as the CLI uses it, one per thread: with `crossFile` (the default) files are analysed through a
 * ProjectAnalyzer, so PHI is followed into the project's own imported modules exactly as the ESLint plugin and
 * the editor do; each thread keeps its own cache of module summaries for the whole scan.
 */
export function createEngine(root: string, config: PhiGuardConfig): Analyzer {
  if (!config.crossFile) return analyzeSource;
  const project = new ProjectAnalyzer(nodeProjectHost(), root, () => config);
  return (options) => project.analyze(path.resolve(options.fileName), options.text) ?? analyzeSource(options);
}
