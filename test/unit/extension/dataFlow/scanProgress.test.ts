import * as assert from 'assert';
import { ScanProgress, type ProgressUpdate } from '../../../../src/extension/dataFlow/scanProgress';

describe('ScanProgress (the workspace scan notification)', () => {
  it('counts out of the files the scan covers: excluded files leave the total', () => {
    const updates: ProgressUpdate[] = [];
    const progress = new ScanProgress(100, (update) => updates.push(update), 10);
    for (let i = 0; i < 100; i++) {
      if (i % 10 === 3) progress.fileExcluded();
      else progress.fileDone();
    }
    assert.strictEqual(progress.total, 90);
    assert.strictEqual(updates.at(-1)?.message, '90/90 files');
    assert.strictEqual(updates.length, 10, 'one update per 10 files settled');
    assert.ok(updates.every((update) => update.increment >= 0));
    assert.ok(Math.abs(updates.reduce((sum, update) => sum + update.increment, 0) - 100) < 1e-9, 'the bar ends full');
  });

  it('reports on request, and a scan that covers nothing is complete', () => {
    const updates: ProgressUpdate[] = [];
    const progress = new ScanProgress(2, (update) => updates.push(update));
    progress.fileExcluded();
    progress.fileDone();
    progress.flush();
    assert.deepStrictEqual(updates, [{ message: '1/1 files', increment: 100 }]);
    const empty: ProgressUpdate[] = [];
    new ScanProgress(0, (update) => empty.push(update)).flush();
    assert.deepStrictEqual(empty, [{ message: '0/0 files', increment: 100 }]);
  });
});
