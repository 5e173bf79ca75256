import * as assert from 'node:assert/strict';
import type { Label } from '../../../scripts/eval/labels';
import type { LineFinding, ScoredFile } from '../../../scripts/eval/score';
import { score } from '../../../scripts/eval/score';
import { formatGain, formatWorkspaceReport, recallComparison } from '../../../scripts/eval/workspaceReport';

const expect = (line: number, category: Label['category']): Label => ({ kind: 'expect', category, line, source: `line ${line}` });
const found = (line: number, category: LineFinding['category']): LineFinding => ({ line, category, message: `PHI at ${line}` });

const LABELS = [expect(1, 'ai'), expect(2, 'ai'), expect(3, 'log'), expect(4, 'url')];
const withImports: ScoredFile[] = [{ file: 'ws/route.ts', labels: LABELS, findings: [found(1, 'ai'), found(2, 'ai'), found(3, 'log')] }];
const alone: ScoredFile[] = [{ file: 'ws/route.ts', labels: LABELS, findings: [found(3, 'log')] }];

describe('eval: cross-file workspace report', () => {
  it('compares recall with and without imports per category and overall', () => {
    const rows = recallComparison(score(withImports), score(alone));
    const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
    assert.deepEqual(byName.ai, { name: 'ai', positives: 2, crossFile: 1, alone: 0 });
    assert.deepEqual(byName.log, { name: 'log', positives: 1, crossFile: 1, alone: 1 });
    assert.deepEqual(byName.url, { name: 'url', positives: 1, crossFile: 0, alone: 0 });
    assert.deepEqual(byName.storage, { name: 'storage', positives: 0, crossFile: null, alone: null });
    assert.deepEqual(byName.overall, { name: 'overall', positives: 4, crossFile: 0.75, alone: 0.25 });
  });

  it('refuses to compare runs over different labels', () => {
    const other: ScoredFile[] = [{ file: 'ws/route.ts', labels: [expect(1, 'ai')], findings: [] }];
    assert.throws(() => recallComparison(score(withImports), score(other)), /same labels/);
  });

  it('formats the gain in percentage points', () => {
    assert.equal(formatGain({ name: 'ai', positives: 2, crossFile: 1, alone: 0.25 }), '+75.0 pt');
    assert.equal(formatGain({ name: 'ai', positives: 2, crossFile: 0.5, alone: 0.75 }), '-25.0 pt');
    assert.equal(formatGain({ name: 'storage', positives: 0, crossFile: null, alone: null }), 'n/a');
  });

  it('prints its own heading, the usual lists and the comparison table', () => {
    const text = formatWorkspaceReport(score(withImports), score(alone), 1, undefined);
    assert.match(text, /^PHI Guard cross-file workspaces: 1 workspaces, 1 files$/m);
    assert.doesNotMatch(text, /corpus evaluation/);
    assert.match(text, /False negatives \(1\):\n {2}ws\/route\.ts:4 \[url\] line 4/);
    assert.match(text, /^overall\s+4\s+75\.0%\s+25\.0%\s+\+50\.0 pt$/m);
  });
});
