import * as assert from 'assert';
import { ProgressLine } from '../../../src/cli/progress';

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { isTTY, write: (text: string) => written.push(text), written };
}

describe('cli ProgressLine', () => {
  it('draws one self-overwriting line on a terminal and erases it at the end', () => {
    const terminal = stream(true);
    const progress = new ProgressLine(terminal);
    progress.update(1, 3);
    progress.update(3, 3);
    progress.clear();
    assert.deepStrictEqual(terminal.written, ['\r\u001b[2KPHI Guard: scanned 1/3 files', '\r\u001b[2KPHI Guard: scanned 3/3 files', '\r\u001b[2K']);
  });

  it('redraws at most ten times a second, but always draws the last file', () => {
    const terminal = stream(true);
    const progress = new ProgressLine(terminal);
    for (let done = 1; done <= 500; done++) progress.update(done, 500);
    assert.ok(terminal.written.length < 50, `${terminal.written.length} redraws`);
    assert.strictEqual(terminal.written[terminal.written.length - 1], '\r\u001b[2KPHI Guard: scanned 500/500 files');
  });

  it('writes nothing when stderr is piped', () => {
    const pipe = stream(false);
    const progress = new ProgressLine(pipe);
    progress.update(1, 2);
    progress.update(2, 2);
    progress.clear();
    assert.deepStrictEqual(pipe.written, []);
  });
});
