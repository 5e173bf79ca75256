import * as assert from 'assert';
import { LineIndex } from '../../../src/core';

describe('LineIndex (the offset converter every CLI output uses)', () => {
  it('converts offsets to 1-based lines and columns across \\n, \\r\\n and lone \\r line ends', () => {
    const index = new LineIndex('ab\ncd\r\nef\rgh');
    assert.deepStrictEqual(index.positionAt(0), { line: 1, column: 1 });
    assert.deepStrictEqual(index.positionAt(1), { line: 1, column: 2 });
    assert.deepStrictEqual(index.positionAt(3), { line: 2, column: 1 });
    assert.deepStrictEqual(index.positionAt(7), { line: 3, column: 1 });
    assert.deepStrictEqual(index.positionAt(10), { line: 4, column: 1 });
    assert.strictEqual(index.lineCount, 4);
  });

  it('gives the same lines for \n-only text (its fast path) as for the same text with \r\n line ends', () => {
    const lf = 'a\n\nbc\n  d\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    const lfIndex = new LineIndex(lf);
    const crlfIndex = new LineIndex(crlf);
    assert.strictEqual(lfIndex.lineCount, 5);
    assert.strictEqual(crlfIndex.lineCount, 5);
    for (let offset = 0; offset <= lf.length; offset++) {
      const crlfOffset = offset + (lf.slice(0, offset).match(/\n/g)?.length ?? 0);
      assert.deepStrictEqual(lfIndex.positionAt(offset), crlfIndex.positionAt(crlfOffset), `offset ${offset}`);
    }
  });

  it('puts the end of a line (an exclusive end offset) one column past its last character', () => {
    const index = new LineIndex('const name = 1;\nnext');
    assert.deepStrictEqual(index.positionAt('const name'.length), { line: 1, column: 11 });
  });

  it('counts columns in UTF-16 code units, as ESLint and SARIF utf16CodeUnits do', () => {
    const text = 'const s = "😀"; patientName';
    assert.deepStrictEqual(new LineIndex(text).positionAt(text.indexOf('patientName')), { line: 1, column: 17 });
  });

  it('clamps offsets outside the text', () => {
    const index = new LineIndex('a\nbc');
    assert.deepStrictEqual(index.positionAt(-5), { line: 1, column: 1 });
    assert.deepStrictEqual(index.positionAt(99), { line: 2, column: 3 });
  });
});
