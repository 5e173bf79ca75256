/** Human-readable evaluation report: metrics table, label counts, then the FN and FP lists. */
import type { SinkCategory } from '../../src/core/index';
import { SINK_CATEGORIES } from './labels';
import type { Counts, Metrics, Mismatch } from './score';
import { formatRatio } from './score';

export function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => row[col].length)));
  return rows
    .map((row) => row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col]))).join('  '))
    .join('\n');
}

function metricsRow(name: string, c: Counts): string[] {
  return [name, String(c.positives), String(c.tp), String(c.fp), String(c.fn), formatRatio(c.precision), formatRatio(c.recall)];
}

const DETAIL_MAX = 110;

function shorten(text: string): string {
  return text.length <= DETAIL_MAX ? text : `${text.slice(0, DETAIL_MAX - 1)}…`;
}

function mismatchLine(m: Mismatch): string {
  const note = m.onOkLabel ? ' (line is labelled ok)' : '';
  return `  ${m.file}:${m.line} [${m.category}] ${shorten(m.detail)}${note}`;
}

function mismatchList(title: string, items: readonly Mismatch[], limit: number | undefined): string[] {
  if (items.length === 0) return [`${title}: none`];
  const shown = limit === undefined ? items : items.slice(0, limit);
  const lines = [`${title} (${items.length}):`, ...shown.map(mismatchLine)];
  if (shown.length < items.length) lines.push(`  … ${items.length - shown.length} more (run with --all to list them)`);
  return lines;
}

/** `limit` caps each list; undefined lists everything. `heading` is the first line (the cross-file report names its own). */
export function formatReport(metrics: Metrics, limit: number | undefined, heading = `PHI Guard corpus evaluation: ${metrics.files} files`): string {
  const rows = [
    ['category', 'labels', 'TP', 'FP', 'FN', 'precision', 'recall'],
    ...SINK_CATEGORIES.map((category: SinkCategory) => metricsRow(category, metrics.byCategory[category])),
    metricsRow('overall', metrics.overall),
  ];
  const labelRows = [
    ['category', 'expect (positive)', 'ok (negative)'],
    ...SINK_CATEGORIES.map((category) => {
      const c = metrics.byCategory[category];
      return [category, String(c.positives), String(c.negatives)];
    }),
    ['total', String(metrics.overall.positives), String(metrics.overall.negatives)],
  ];
  return [
    heading,
    '',
    table(rows),
    '',
    'Labels:',
    table(labelRows),
    '',
    ...mismatchList('False negatives', metrics.falseNegatives, limit),
    '',
    ...mismatchList('False positives', metrics.falsePositives, limit),
  ].join('\n');
}
