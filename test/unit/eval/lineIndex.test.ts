import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { lineOfOffset, lineStarts, splitLines } from '../../../scripts/eval/lineIndex';

describe('eval: lineIndex', () => {
  it('maps offsets to 1-based lines', () => {
    const text = 'ab\ncd\r\nef';
    const starts = lineStarts(text);
    assert.deepEqual(starts, [0, 3, 7]);
    assert.equal(lineOfOffset(starts, 0), 1);
    assert.equal(lineOfOffset(starts, 2), 1);
    assert.equal(lineOfOffset(starts, 3), 2);
    assert.equal(lineOfOffset(starts, 8), 3);
    assert.deepEqual(splitLines(text), ['ab', 'cd', 'ef']);
  });

  it('agrees with counting line breaks before the offset', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', '\n', '\r', ' ') }), fc.nat(), (text, n) => {
        const offset = text.length === 0 ? 0 : n % text.length;
        const breaks = text.slice(0, offset).replace(/\r\n/g, '\n').split(/[\r\n]/).length;
        // An offset between \r and \n belongs to the line the \r ends.
        const between = text[offset - 1] === '\r' && text[offset] === '\n';
        assert.equal(lineOfOffset(lineStarts(text), offset), between ? breaks - 1 : breaks);
        assert.equal(splitLines(text).length, lineStarts(text).length);
      }),
    );
  });
});
