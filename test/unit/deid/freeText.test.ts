import * as assert from 'assert';
import type { Recognizer } from '../../../src/deid';
import { DEFAULT_RECOGNIZERS, scrubText } from '../../../src/deid';
import { selectMatches } from '../../../src/deid/freeText';

const now = new Date('2026-11-28T12:00:00Z');

describe('scrubText', () => {
  it('handles a clinical note end to end and keeps the clinical content', () => {
    const note =
      'Mrs. Maria Lopez (MRN: 0042317), a 92-year-old woman, DOB 02/03/1934, was admitted 03/01/2024 from 12 Elm Street, Springfield, MA 01103. ' +
      'Daughter Ana at (413) 555-0142, ana.lopez@example.org. A1c 7.2%, BP 128/82, metformin 500 mg BID. Portal login from 203.0.113.7.';
    assert.strictEqual(
      scrubText(note, { now }),
      'Mrs. [REDACTED:name] (MRN: [REDACTED:mrn]), a 90+-year-old woman, DOB 90+, was admitted 2024 from [REDACTED:geographic], MA 011. ' +
        'Daughter Ana at [REDACTED:phone], [REDACTED:email]. A1c 7.2%, BP 128/82, metformin 500 mg BID. Portal login from [REDACTED:ip].',
    );
  });

  it('accepts custom recognizers alongside the defaults', () => {
    const studyId: Recognizer = {
      id: 'study-id',
      priority: 90,
      find: (text) => [...text.matchAll(/\bSTUDY-\d{3}\b/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, category: 'other-id' as const })),
    };
    assert.strictEqual(scrubText('enrolled as STUDY-042', { recognizers: [...DEFAULT_RECOGNIZERS, studyId] }), 'enrolled as [REDACTED:other-id]');
    assert.strictEqual(scrubText('enrolled as STUDY-042', { recognizers: [] }), 'enrolled as STUDY-042');
  });

  it('leaves text with no identifiers unchanged, including empty text', () => {
    assert.strictEqual(scrubText('', { now }), '');
    assert.strictEqual(scrubText('No acute distress. Lungs clear.', { now }), 'No acute distress. Lungs clear.');
  });
});

describe('selectMatches', () => {
  const m = (start: number, end: number, priority: number) => ({ start, end, priority, category: 'other-id' as const });

  it('prefers the longer span, then the higher priority, and never returns overlaps', () => {
    assert.deepStrictEqual(
      selectMatches([m(0, 4, 10), m(2, 10, 1), m(10, 12, 5), m(10, 12, 9), m(12, 14, 1), m(13, 20, 1)]).map((x) => [x.start, x.end]),
      [[2, 10], [10, 12], [13, 20]],
    );
  });

  it('keeps the winner of a tie by priority', () => {
    const [winner] = selectMatches([{ ...m(0, 3, 1), category: 'phone' }, { ...m(0, 3, 9), category: 'ssn' }]);
    assert.strictEqual(winner!.category, 'ssn');
  });
});
