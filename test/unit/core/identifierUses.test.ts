import * as assert from 'node:assert/strict';
import { identifierUses } from '../../../src/core/text/identifierUses';

describe('identifierUses (proof that nothing else names a declaration)', () => {
  it('counts whole identifiers only, wherever they are in the text', () => {
    const text = 'function visit(a) {}\nvisit(1); // visit\nrevisit(); visits; $visit; visit_2; row.visit; "visit"';
    // The declaration, the call, the comment, the property and the string; not revisit, visits, $visit or visit_2.
    assert.equal(identifierUses(text, 'visit', 10), 5);
  });

  it('stops counting past the limit, and treats non-ASCII letters as part of a name', () => {
    assert.equal(identifierUses('a a a a a', 'a', 1), 2);
    assert.equal(identifierUses('éa aé a', 'a', 10), 1);
    assert.equal(identifierUses('', 'a', 0), 0);
  });

  it('counts a use next to Unicode white space (a no-break space is white space in JavaScript)', () => {
    assert.equal(identifierUses('visit\u00a0(1);\nfunction visit() {}', 'visit', 10), 2);
  });

  it('never proves an empty name (one the parser made up) unused', () => {
    assert.equal(identifierUses('function () {}', '', 1), 2);
  });
});
