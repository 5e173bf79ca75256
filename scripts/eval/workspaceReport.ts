/** Report of the cross-file workspaces: the usual metrics table and lists, then recall with and without imports. */
import { SINK_CATEGORIES } from './labels';
import { formatReport, table } from './report';
import type { Counts, Metrics } from './score';
import { formatRatio } from './score';

export interface RecallRow {
  /** A sink category or 'overall'. */
  readonly name: string;
  readonly positives: number;
  /** Recall with the workspace's ProjectAnalyzer (imports followed). */
  readonly crossFile: number | null;
  /** Recall of the same files analysed alone (analyzeSource, no imports). */
  readonly alone: number | null;
}

function row(name: string, crossFile: Counts, alone: Counts): RecallRow {
  return { name, positives: crossFile.positives, crossFile: crossFile.recall, alone: alone.recall };
}

/** Recall per category and overall, with imports and without; both metrics must come from the same files and labels. */
export function recallComparison(crossFile: Metrics, alone: Metrics): RecallRow[] {
  if (crossFile.overall.positives !== alone.overall.positives) {
    throw new Error(`recall comparison needs the same labels in both runs (${crossFile.overall.positives} vs ${alone.overall.positives})`);
  }
  return [
    ...SINK_CATEGORIES.map((category) => row(category, crossFile.byCategory[category], alone.byCategory[category])),
    row('overall', crossFile.overall, alone.overall),
  ];
}

/** Percentage points gained by following imports, e.g. `+42.0 pt`; `n/a` when either recall is unknown. */
export function formatGain(row: RecallRow): string {
  if (row.crossFile === null || row.alone === null) return 'n/a';
  const points = (row.crossFile - row.alone) * 100;
  return `${points >= 0 ? '+' : ''}${points.toFixed(1)} pt`;
}

/** `workspaces` is the number of workspace folders; `limit` caps the FN/FP lists (undefined lists all). */
export function formatWorkspaceReport(crossFile: Metrics, alone: Metrics, workspaces: number, limit: number | undefined): string {
  const rows = recallComparison(crossFile, alone);
  const comparison = table([
    ['category', 'labels', 'recall (cross-file)', 'recall (each file alone)', 'gained'],
    ...rows.map((r) => [r.name, String(r.positives), formatRatio(r.crossFile), formatRatio(r.alone), formatGain(r)]),
  ]);
  return [
    formatReport(crossFile, limit, `PHI Guard cross-file workspaces: ${workspaces} workspaces, ${crossFile.files} files`),
    '',
    `Without imports (each file analysed alone with analyzeSource): precision ${formatRatio(alone.overall.precision)}, ${alone.overall.fp} FP`,
    comparison,
  ].join('\n');
}
