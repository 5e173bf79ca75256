/**
 * Scores engine findings against corpus labels. Units:
 * - a positive is one `expect: <category>` label (file, line, category);
 * - TP: a positive with at least one finding of that category on its line;
 * - FN: a positive without one;
 * - FP: a (file, line, category) with findings but no `expect` label of that category, whether or not the
 *   line carries an `ok:` label. Several findings of one category on one line count once, as labels do.
 */
import type { SinkCategory } from '../../src/core/index';
import type { Label } from './labels';
import { SINK_CATEGORIES } from './labels';

/** One engine finding reduced to what scoring needs. */
export interface LineFinding {
  /** 1-based line of `finding.range.start`. */
  readonly line: number;
  readonly category: SinkCategory;
  readonly message: string;
}

export interface ScoredFile {
  readonly file: string;
  readonly labels: readonly Label[];
  readonly findings: readonly LineFinding[];
}

export interface Mismatch {
  readonly file: string;
  readonly line: number;
  readonly category: SinkCategory;
  /** For an FN the labelled source line; for an FP the finding's message. */
  readonly detail: string;
  /** FP only: the line carries an `ok:` label of this category (a tricky negative the engine missed). */
  readonly onOkLabel?: boolean;
}

export interface Counts {
  /** `expect` labels (positives). */
  readonly positives: number;
  /** `ok` labels (tricky negatives). */
  readonly negatives: number;
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  /** TP / (TP + FP); null when the engine reported nothing. */
  readonly precision: number | null;
  /** TP / (TP + FN); null when there are no positives. */
  readonly recall: number | null;
}

export interface Metrics {
  readonly files: number;
  readonly byCategory: Readonly<Record<SinkCategory, Counts>>;
  readonly overall: Counts;
  readonly falseNegatives: readonly Mismatch[];
  readonly falsePositives: readonly Mismatch[];
}

export interface Thresholds {
  readonly minPrecision: number;
  readonly minRecall: number;
}

interface MutableCounts {
  positives: number;
  negatives: number;
  tp: number;
  fp: number;
  fn: number;
}

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

function finish(c: MutableCounts): Counts {
  return { ...c, precision: ratio(c.tp, c.tp + c.fp), recall: ratio(c.tp, c.tp + c.fn) };
}

const key = (line: number, category: SinkCategory): string => `${line}:${category}`;

export function score(files: readonly ScoredFile[]): Metrics {
  const counts = new Map<SinkCategory, MutableCounts>(
    SINK_CATEGORIES.map((c) => [c, { positives: 0, negatives: 0, tp: 0, fp: 0, fn: 0 }]),
  );
  const falseNegatives: Mismatch[] = [];
  const falsePositives: Mismatch[] = [];

  for (const { file, labels, findings } of files) {
    const expected = new Set<string>();
    const okLabelled = new Set<string>();
    for (const label of labels) {
      const c = counts.get(label.category)!;
      if (label.kind === 'expect') {
        c.positives++;
        expected.add(key(label.line, label.category));
      } else {
        c.negatives++;
        okLabelled.add(key(label.line, label.category));
      }
    }

    // First finding per (line, category): duplicates on one line are one observation.
    const reported = new Map<string, LineFinding>();
    for (const finding of findings) {
      const k = key(finding.line, finding.category);
      if (!reported.has(k)) reported.set(k, finding);
    }

    for (const label of labels) {
      if (label.kind !== 'expect') continue;
      const c = counts.get(label.category)!;
      if (reported.has(key(label.line, label.category))) c.tp++;
      else {
        c.fn++;
        falseNegatives.push({ file, line: label.line, category: label.category, detail: label.source });
      }
    }
    for (const [k, finding] of reported) {
      if (expected.has(k)) continue;
      counts.get(finding.category)!.fp++;
      falsePositives.push({
        file,
        line: finding.line,
        category: finding.category,
        detail: finding.message,
        onOkLabel: okLabelled.has(k),
      });
    }
  }

  const byLocation = (a: Mismatch, b: Mismatch): number =>
    a.file.localeCompare(b.file) || a.line - b.line || a.category.localeCompare(b.category);
  falseNegatives.sort(byLocation);
  falsePositives.sort(byLocation);

  const total: MutableCounts = { positives: 0, negatives: 0, tp: 0, fp: 0, fn: 0 };
  const byCategory = {} as Record<SinkCategory, Counts>;
  for (const category of SINK_CATEGORIES) {
    const c = counts.get(category)!;
    byCategory[category] = finish(c);
    total.positives += c.positives;
    total.negatives += c.negatives;
    total.tp += c.tp;
    total.fp += c.fp;
    total.fn += c.fn;
  }
  return { files: files.length, byCategory, overall: finish(total), falseNegatives, falsePositives };
}

/** Reasons the overall numbers miss the thresholds; empty when they pass. No findings at all counts as
 * precision 1 (nothing wrong was reported); no positives fails, because recall cannot be measured. */
export function thresholdFailures(metrics: Metrics, thresholds: Thresholds): string[] {
  const failures: string[] = [];
  const { precision, recall } = metrics.overall;
  if (precision !== null && precision < thresholds.minPrecision) {
    failures.push(`precision ${formatRatio(precision)} is below ${formatRatio(thresholds.minPrecision)}`);
  }
  if (recall === null) failures.push('the corpus has no expect labels, so recall cannot be measured');
  else if (recall < thresholds.minRecall) {
    failures.push(`recall ${formatRatio(recall)} is below ${formatRatio(thresholds.minRecall)}`);
  }
  return failures;
}

export function formatRatio(value: number | null): string {
  return value === null ? 'n/a' : `${(value * 100).toFixed(1)}%`;
}
