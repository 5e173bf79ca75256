import * as assert from 'node:assert/strict';
import { SerialWrites } from '../../../../src/extension/dataFlow/serialWrites';

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('SerialWrites', () => {
  it('finishes writes in the order they were asked for, a slow first one before a quick second, and leaves the newest', async () => {
    const writes = new SerialWrites();
    let state = 'a';
    let disk = '';
    const events: string[] = [];
    // Each write reads what to write when it starts, as the data-flow cache does.
    const write = (ms: number) => async () => {
      const content = state;
      events.push(`start ${content}`);
      await delay(ms);
      disk = content;
      events.push(`end ${content}`);
    };
    const first = writes.run(write(30));
    await delay(5); // the first write is under way when the state changes and the second is asked for
    state = 'b';
    const second = writes.run(write(0));
    await Promise.all([first, second]);
    assert.deepEqual(events, ['start a', 'end a', 'start b', 'end b']);
    assert.equal(disk, 'b');
  });

  it('goes on after a failed write, and the failure reaches only its own caller', async () => {
    const writes = new SerialWrites();
    const failed = writes.run(() => Promise.reject(new Error('disk full')));
    let ran = false;
    const next = writes.run(async () => {
      ran = true;
    });
    await assert.rejects(failed, /disk full/);
    await next;
    assert.ok(ran);
  });
});
