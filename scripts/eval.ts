/**
 * `npm run eval`: runs the engine over the labelled fixture corpus (test/fixtures/corpus) and the cross-file
 * workspaces (test/fixtures/cross-file, one ProjectAnalyzer per workspace) and scores both.
 * Flags: --all lists every FN/FP (default: the first LIST_LIMIT of each), --json prints the metrics as JSON.
 * Exit code: 0 when both meet the thresholds, 1 when either does not, 2 on a fixture or usage error.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeSource } from '../src/core/index';
import { collectCorpusFiles, loadCorpusConfig } from './eval/corpus';
import { parseLabels } from './eval/labels';
import { lineOfOffset, lineStarts } from './eval/lineIndex';
import { toLineFindings } from './eval/lineFindings';
import { formatReport } from './eval/report';
import { formatWorkspaceReport } from './eval/workspaceReport';
import { evaluateWorkspaces, listWorkspaces } from './eval/workspaces';
import type { ScoredFile, Thresholds } from './eval/score';
import { score, thresholdFailures } from './eval/score';

const THRESHOLDS: Thresholds = { minPrecision: 0.95, minRecall: 0.9 };
const LIST_LIMIT = 30;

const repoRoot = path.resolve(__dirname, '..');
const corpusDir = path.join(repoRoot, 'test', 'fixtures', 'corpus');
const crossFileDir = path.join(repoRoot, 'test', 'fixtures', 'cross-file');

function main(argv: readonly string[]): number {
  const unknown = argv.filter((arg) => arg !== '--all' && arg !== '--json');
  if (unknown.length > 0) {
    console.error(`eval: unknown argument ${unknown.join(' ')}; usage: npm run eval -- [--all] [--json]`);
    return 2;
  }
  const showAll = argv.includes('--all');
  const asJson = argv.includes('--json');

  const config = loadCorpusConfig(corpusDir);
  const corpusProblems: string[] = [];
  const scored: ScoredFile[] = [];
  for (const absolute of collectCorpusFiles(corpusDir)) {
    const file = path.relative(repoRoot, absolute).split(path.sep).join('/');
    const text = fs.readFileSync(absolute, 'utf8');
    const { labels, problems } = parseLabels(text);
    for (const problem of problems) corpusProblems.push(`${file}:${problem.line}: ${problem.message}`);

    const result = analyzeSource({ fileName: file, text, config });
    const starts = lineStarts(text);
    for (const problem of result.parseProblems) {
      corpusProblems.push(`${file}:${lineOfOffset(starts, problem.range.start)}: syntax error (${problem.message}); every fixture must parse`);
    }
    if (result.skipped) corpusProblems.push(`${file}: skipped by the engine (${result.skipped.message}); shorten the fixture`);
    scored.push({ file, labels, findings: toLineFindings(text, result.findings) });
  }

  if (scored.length === 0) {
    console.error(`eval: no fixture files under ${path.relative(repoRoot, corpusDir)}`);
    return 2;
  }
  const workspaceCount = fs.existsSync(crossFileDir) ? listWorkspaces(crossFileDir).length : 0;
  if (workspaceCount === 0) {
    console.error(`eval: no workspace folders under ${path.relative(repoRoot, crossFileDir)}`);
    return 2;
  }
  const workspaces = evaluateWorkspaces(crossFileDir, repoRoot);
  corpusProblems.push(...workspaces.problems);
  if (corpusProblems.length > 0) {
    console.error(`eval: the fixtures have ${corpusProblems.length} problem(s); fix them before scoring:`);
    for (const problem of corpusProblems) console.error(`  ${problem}`);
    return 2;
  }

  const metrics = score(scored);
  const failures = thresholdFailures(metrics, THRESHOLDS);
  const crossFileMetrics = score(workspaces.crossFile);
  const aloneMetrics = score(workspaces.alone);
  const crossFileFailures = thresholdFailures(crossFileMetrics, THRESHOLDS).map((failure) => `cross-file ${failure}`);
  if (asJson) {
    const crossFile = {
      workspaces: workspaceCount,
      passed: crossFileFailures.length === 0,
      failures: crossFileFailures,
      ...crossFileMetrics,
      alone: { overall: aloneMetrics.overall, byCategory: aloneMetrics.byCategory },
    };
    console.log(JSON.stringify({ thresholds: THRESHOLDS, passed: failures.length === 0, failures, ...metrics, crossFile }, null, 2));
  } else {
    console.log(formatReport(metrics, showAll ? undefined : LIST_LIMIT));
    console.log('');
    console.log(
      failures.length === 0
        ? `PASS: precision ≥ ${THRESHOLDS.minPrecision} and recall ≥ ${THRESHOLDS.minRecall}`
        : `FAIL: ${failures.join('; ')}`,
    );
    console.log('');
    console.log(formatWorkspaceReport(crossFileMetrics, aloneMetrics, workspaceCount, showAll ? undefined : LIST_LIMIT));
    console.log('');
    console.log(
      crossFileFailures.length === 0
        ? `PASS: cross-file precision ≥ ${THRESHOLDS.minPrecision} and recall ≥ ${THRESHOLDS.minRecall}`
        : `FAIL: ${crossFileFailures.join('; ')}`,
    );
  }
  return failures.length === 0 && crossFileFailures.length === 0 ? 0 : 1;
}

// `npm run eval | head` closes stdout early; that is not an evaluation error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.error(`eval: ${(error as Error).message}`);
  process.exitCode = 2;
}
