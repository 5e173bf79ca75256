/**
 * Cross-file evaluation: every folder under test/fixtures/cross-file is one small project (a workspace). Each file
 * is analysed twice: with one ProjectAnalyzer per workspace (imports followed) and alone with analyzeSource (no
 * imports), so the report shows what following imports buys. Both are scored like the single-file corpus.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AnalysisResult, PhiGuardConfig } from '../../src/core/index';
import { analyzeSource, CONFIG_FILE_NAME, DEFAULT_CONFIG, loadConfigFile, nodeProjectHost, ProjectAnalyzer } from '../../src/core/index';
import { collectCorpusFiles } from './corpus';
import { parseLabels } from './labels';
import { lineOfOffset, lineStarts } from './lineIndex';
import { toLineFindings } from './lineFindings';
import type { ScoredFile } from './score';

export interface WorkspaceEvaluation {
  /** Scored with the workspace's ProjectAnalyzer (cross-file summaries). */
  readonly crossFile: readonly ScoredFile[];
  /** The same files scored with analyzeSource alone (no imports). */
  readonly alone: readonly ScoredFile[];
  /** Fixture problems (malformed labels, syntax errors, bad config); any one makes the evaluation unusable. */
  readonly problems: readonly string[];
}

/** The workspaces under `dir`: its immediate sub-folders, sorted so reports are stable. */
export function listWorkspaces(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(dir, entry.name))
    .sort();
}

/** DEFAULT_CONFIG, or the workspace's own `.phi-guard.json` read with the core's loader (its problems name the file). */
export function loadWorkspaceConfig(workspaceDir: string): { config: PhiGuardConfig; problems: string[] } {
  const file = path.join(workspaceDir, CONFIG_FILE_NAME);
  if (!fs.existsSync(file)) return { config: DEFAULT_CONFIG, problems: [] };
  const loaded = loadConfigFile(file);
  return { config: loaded.config, problems: loaded.problems.map((p) => `${p.file}:${p.line}: ${p.message}`) };
}

/**
 * One analysed file reduced to labels and line findings, plus the fixture problems it shows. `file` is the name
 * reports use. Pure: the caller reads the file and runs the engine.
 */
export function scoreAnalysis(file: string, text: string, result: AnalysisResult): { scored: ScoredFile; problems: string[] } {
  const { labels, problems: labelProblems } = parseLabels(text);
  const problems = labelProblems.map((problem) => `${file}:${problem.line}: ${problem.message}`);
  const starts = lineStarts(text);
  for (const problem of result.parseProblems) {
    problems.push(`${file}:${lineOfOffset(starts, problem.range.start)}: syntax error (${problem.message}); every fixture must parse`);
  }
  if (result.skipped) problems.push(`${file}: skipped by the engine (${result.skipped.message}); shorten the fixture`);
  return { scored: { file, labels, findings: toLineFindings(text, result.findings) }, problems };
}

/** Analyses every source file of one workspace with and without its imports. `reportRoot` shortens file names. */
export function evaluateWorkspace(workspaceDir: string, reportRoot: string): WorkspaceEvaluation {
  const display = (absolute: string): string => path.relative(reportRoot, absolute).split(path.sep).join('/');
  const { config, problems } = loadWorkspaceConfig(workspaceDir);
  const files = collectCorpusFiles(workspaceDir).filter((file) => !file.split(path.sep).includes('node_modules'));
  if (files.length === 0) problems.push(`${display(workspaceDir)}: workspace without source files; add them or delete the folder`);

  const project = new ProjectAnalyzer(nodeProjectHost(), workspaceDir, () => config);
  const crossFile: ScoredFile[] = [];
  const alone: ScoredFile[] = [];
  for (const absolute of files) {
    const file = display(absolute);
    const text = fs.readFileSync(absolute, 'utf8');
    const projectResult = project.analyze(absolute, text);
    if (!projectResult) {
      problems.push(`${file}: the project analyzer could not read the file`);
      continue;
    }
    const withImports = scoreAnalysis(file, text, projectResult);
    problems.push(...withImports.problems);
    crossFile.push(withImports.scored);
    // The same file name as the project run, so both runs see the same file kind (.ts/.tsx/.js).
    alone.push(scoreAnalysis(file, text, analyzeSource({ fileName: absolute, text, config })).scored);
  }
  return { crossFile, alone, problems };
}

/** Every workspace under `crossFileDir`, one ProjectAnalyzer each (no summaries shared between workspaces). */
export function evaluateWorkspaces(crossFileDir: string, reportRoot: string): WorkspaceEvaluation {
  const crossFile: ScoredFile[] = [];
  const alone: ScoredFile[] = [];
  const problems: string[] = [];
  for (const workspace of listWorkspaces(crossFileDir)) {
    const result = evaluateWorkspace(workspace, reportRoot);
    crossFile.push(...result.crossFile);
    alone.push(...result.alone);
    problems.push(...result.problems);
  }
  return { crossFile, alone, problems };
}
