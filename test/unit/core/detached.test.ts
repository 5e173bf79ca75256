import * as assert from 'assert';
import * as v8 from 'v8';
import * as vm from 'vm';
import { detached } from '../../../src/core/text/detached';

/** V8's collector, reachable once the flag is set (mocha runs without --expose-gc). */
function garbageCollector(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

describe('detached', () => {
  it('returns the same text, short names as they are', () => {
    const source = 'const patientDateOfBirth = 1; const id = 2;';
    assert.strictEqual(detached(source.slice(6, 24)), 'patientDateOfBirth');
    assert.strictEqual(detached(source.slice(36, 38)), 'id');
    assert.strictEqual(detached(''), '');
  });

  it('keeps no view into the text it was cut from', () => {
    const gc = garbageCollector();
    gc();
    const before = process.memoryUsage().heapUsed;
    const kept: string[] = [];
    // Forty texts of a megabyte each, a 40-character name kept from each: views would keep all 40 MB alive.
    for (let i = 0; i < 40; i++) kept.push(detached(`${i}`.padEnd(1 << 20, 'x').slice(1000, 1040)));
    gc();
    const grownMb = (process.memoryUsage().heapUsed - before) / 1e6;
    assert.ok(grownMb < 10, `the heap grew by ${grownMb.toFixed(1)} MB for 40 names`);
    assert.strictEqual(kept.length, 40);
  });
});
