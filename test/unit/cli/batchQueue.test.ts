import * as assert from 'assert';
import { SharedBatchQueue } from '../../../src/cli/batchQueue';

describe('cli SharedBatchQueue', () => {
  it('gives each thread its own contiguous run first, then the end of the longest remaining run', () => {
    const queue = SharedBatchQueue.create(10, 3); // runs 0–2, 3–5, 6–9
    const takes = (thread: number, times: number) => Array.from({ length: times }, () => queue.take(thread));
    assert.deepStrictEqual(takes(0, 3), [0, 1, 2]);
    assert.deepStrictEqual(takes(0, 1), [9], 'thread 2 has the longest run left');
    assert.deepStrictEqual(takes(1, 1), [3]);
    assert.deepStrictEqual(takes(0, 2), [8, 5]);
    assert.deepStrictEqual([...takes(2, 3), ...takes(1, 2)], [6, 7, 4, undefined, undefined]);
  });

  it('is the same queue in every thread that opens its memory', () => {
    const queue = SharedBatchQueue.create(4, 2);
    const elsewhere = new SharedBatchQueue(queue.memory);
    assert.strictEqual(queue.take(1), 2);
    assert.strictEqual(elsewhere.take(1), 3);
    assert.strictEqual(elsewhere.take(1), 1, 'stolen from thread 0');
    assert.strictEqual(queue.take(0), 0);
    assert.strictEqual(elsewhere.take(0), undefined);
  });
});
