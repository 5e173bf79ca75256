import * as assert from 'node:assert/strict';
import type { Label } from '../../../scripts/eval/labels';
import { formatReport } from '../../../scripts/eval/report';
import type { LineFinding, ScoredFile, Thresholds } from '../../../scripts/eval/score';
import { score, thresholdFailures } from '../../../scripts/eval/score';

const expect = (line: number, category: Label['category']): Label => ({ kind: 'expect', category, line, source: `line ${line}` });
const ok = (line: number, category: Label['category']): Label => ({ kind: 'ok', category, line, source: `line ${line}` });
const found = (line: number, category: LineFinding['category']): LineFinding => ({ line, category, message: `PHI at ${line}` });
const THRESHOLDS: Thresholds = { minPrecision: 0.95, minRecall: 0.9 };

describe('eval: score', () => {
  it('counts TP, FN and FP per category and overall', () => {
    const files: ScoredFile[] = [
      {
        file: 'a.ts',
        labels: [expect(1, 'log'), expect(2, 'log'), expect(3, 'url'), ok(4, 'storage')],
        findings: [found(1, 'log'), found(3, 'url'), found(5, 'ai')],
      },
      { file: 'b.ts', labels: [expect(1, 'ai')], findings: [found(1, 'ai')] },
    ];
    const m = score(files);
    assert.equal(m.files, 2);
    assert.deepEqual(
      { ...m.byCategory.log },
      { positives: 2, negatives: 0, tp: 1, fp: 0, fn: 1, precision: 1, recall: 0.5 },
    );
    assert.deepEqual(
      { ...m.byCategory.ai },
      { positives: 1, negatives: 0, tp: 1, fp: 1, fn: 0, precision: 0.5, recall: 1 },
    );
    assert.equal(m.byCategory.storage.negatives, 1);
    assert.equal(m.byCategory.storage.precision, null);
    assert.equal(m.byCategory.storage.recall, null);
    assert.deepEqual({ ...m.overall }, { positives: 4, negatives: 1, tp: 3, fp: 1, fn: 1, precision: 0.75, recall: 0.75 });
    assert.deepEqual(m.falseNegatives, [{ file: 'a.ts', line: 2, category: 'log', detail: 'line 2' }]);
    assert.deepEqual(m.falsePositives, [{ file: 'a.ts', line: 5, category: 'ai', detail: 'PHI at 5', onOkLabel: false }]);
  });

  it('needs the category to match: a log finding on an expect-url line is an FP and the url label an FN', () => {
    const m = score([{ file: 'c.ts', labels: [expect(7, 'url')], findings: [found(7, 'log')] }]);
    assert.equal(m.overall.tp, 0);
    assert.deepEqual(m.falseNegatives.map((x) => [x.line, x.category]), [[7, 'url']]);
    assert.deepEqual(m.falsePositives.map((x) => [x.line, x.category]), [[7, 'log']]);
  });

  it('counts a finding on an ok-labelled line as an FP and marks it', () => {
    const m = score([{ file: 'd.ts', labels: [ok(2, 'storage')], findings: [found(2, 'storage')] }]);
    assert.equal(m.byCategory.storage.fp, 1);
    assert.equal(m.falsePositives[0].onOkLabel, true);
  });

  it('counts several findings of one category on one line once', () => {
    const m = score([
      { file: 'e.ts', labels: [expect(1, 'log')], findings: [found(1, 'log'), found(1, 'log'), found(9, 'log'), found(9, 'log')] },
    ]);
    assert.equal(m.overall.tp, 1);
    assert.equal(m.overall.fp, 1);
  });

  it('sorts mismatches by file, then line', () => {
    const m = score([
      { file: 'z.ts', labels: [expect(1, 'ai')], findings: [] },
      { file: 'a.ts', labels: [expect(9, 'ai'), expect(2, 'log')], findings: [] },
    ]);
    assert.deepEqual(m.falseNegatives.map((x) => `${x.file}:${x.line}`), ['a.ts:2', 'a.ts:9', 'z.ts:1']);
  });
});

describe('eval: thresholdFailures', () => {
  const metricsWith = (tp: number, fp: number, fn: number) =>
    score([
      {
        file: 'f.ts',
        labels: Array.from({ length: tp + fn }, (_, i) => expect(i + 1, 'log')),
        findings: [
          ...Array.from({ length: tp }, (_, i) => found(i + 1, 'log')),
          ...Array.from({ length: fp }, (_, i) => found(1000 + i, 'log')),
        ],
      },
    ]);

  it('passes at or above both thresholds', () => {
    assert.deepEqual(thresholdFailures(metricsWith(95, 5, 5), THRESHOLDS), []);
  });

  it('fails when precision is too low', () => {
    const failures = thresholdFailures(metricsWith(94, 6, 0), THRESHOLDS);
    assert.equal(failures.length, 1);
    assert.match(failures[0], /precision 94\.0%/);
  });

  it('fails when recall is too low, including when the engine reports nothing', () => {
    assert.match(thresholdFailures(metricsWith(89, 0, 11), THRESHOLDS)[0], /recall 89\.0%/);
    assert.deepEqual(thresholdFailures(metricsWith(0, 0, 10), THRESHOLDS), ['recall 0.0% is below 90.0%']);
  });

  it('fails when there is nothing to measure', () => {
    assert.match(thresholdFailures(metricsWith(0, 0, 0), THRESHOLDS)[0], /no expect labels/);
  });
});

describe('eval: formatReport', () => {
  const m = score([
    {
      file: 'g.ts',
      labels: [expect(1, 'log'), expect(2, 'log'), expect(3, 'log'), ok(4, 'url')],
      findings: [found(1, 'log'), found(4, 'url')],
    },
  ]);

  it('prints the table, the label counts and the mismatches', () => {
    const report = formatReport(m, undefined);
    assert.match(report, /^log\s+3\s+1\s+0\s+2\s+100\.0%\s+33\.3%$/m);
    assert.match(report, /^overall\s+3\s+1\s+1\s+2\s+50\.0%\s+33\.3%$/m);
    assert.match(report, /^url\s+0\s+1$/m);
    assert.match(report, /^ {2}g\.ts:2 \[log\] line 2$/m);
    assert.match(report, /^ {2}g\.ts:4 \[url\] PHI at 4 \(line is labelled ok\)$/m);
  });

  it('caps each list and says how many were left out', () => {
    const report = formatReport(m, 1);
    assert.doesNotMatch(report, /g\.ts:3/);
    assert.match(report, /1 more \(run with --all/);
  });
});
