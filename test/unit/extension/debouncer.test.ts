import * as assert from 'assert';
import { KeyedDebouncer, type Timers } from '../../../src/extension/debouncer';

/** Timers that run only when the test says so. */
function manualTimers(): Timers & { fire(): void; pending(): number } {
  let next = 0;
  const scheduled = new Map<number, () => void>();
  return {
    set: (callback) => {
      scheduled.set(++next, callback);
      return next;
    },
    clear: (handle) => void scheduled.delete(handle as number),
    fire: () => {
      const callbacks = [...scheduled.values()];
      scheduled.clear();
      for (const callback of callbacks) callback();
    },
    pending: () => scheduled.size,
  };
}

describe('keyed debouncer', () => {
  it('runs only the last action scheduled for a key', () => {
    const timers = manualTimers();
    const debouncer = new KeyedDebouncer(timers);
    const runs: string[] = [];
    for (const version of ['v1', 'v2', 'v3']) debouncer.schedule('a.ts', 300, () => runs.push(version));
    assert.ok(debouncer.isPending('a.ts'));
    timers.fire();
    assert.deepStrictEqual(runs, ['v3']);
    assert.ok(!debouncer.isPending('a.ts'));
  });

  it('keeps keys independent', () => {
    const timers = manualTimers();
    const debouncer = new KeyedDebouncer(timers);
    const runs: string[] = [];
    debouncer.schedule('a.ts', 300, () => runs.push('a'));
    debouncer.schedule('b.ts', 300, () => runs.push('b'));
    timers.fire();
    assert.deepStrictEqual(runs.sort(), ['a', 'b']);
  });

  it('cancels one key or all of them', () => {
    const timers = manualTimers();
    const debouncer = new KeyedDebouncer(timers);
    debouncer.schedule('a.ts', 300, () => assert.fail('cancelled'));
    debouncer.schedule('b.ts', 300, () => assert.fail('cancelled'));
    debouncer.cancel('a.ts');
    assert.strictEqual(timers.pending(), 1);
    debouncer.cancelAll();
    assert.strictEqual(timers.pending(), 0);
    timers.fire();
  });
});
