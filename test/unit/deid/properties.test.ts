import * as assert from 'assert';
import fc from 'fast-check';
import { deidentify, pseudonymize, reidentify, scrubText } from '../../../src/deid';

const now = new Date('2026-11-28T12:00:00Z');
const RUNS = { numRuns: Number(process.env.DEID_PROPERTY_RUNS ?? 300) };

/** Filler words around a generated value: clinical prose without digits, dates or birth cues. */
const filler = fc.array(fc.constantFrom('patient', 'reports', 'cough', 'call', 'back', 'seen', 'today', 'at', 'the', 'clinic', 'note:', 'and', 'via', '(', ')', ',', 'ok.'), { maxLength: 6 }).map((w) => w.join(' '));
const inText = (value: fc.Arbitrary<string>) => fc.tuple(filler, value, filler).map(([before, v, after]) => ({ value: v, text: `${before} ${v} ${after}` }));

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const ssn = fc
  .tuple(fc.integer({ min: 1, max: 899 }).filter((a) => a !== 666), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 9999 }), fc.constantFrom('-', ' ', ''))
  .map(([a, g, s, sep]) => [String(a).padStart(3, '0'), String(g).padStart(2, '0'), String(s).padStart(4, '0')].join(sep));
const areaCode = fc.tuple(fc.integer({ min: 2, max: 9 }), digits(2)).map(([a, b]) => `${a}${b}`).filter((c) => !c.endsWith('11'));
const phone = fc
  .tuple(areaCode, fc.integer({ min: 2, max: 9 }), digits(2), digits(4), fc.constantFrom('(A) E-L', 'A-E-L', 'A.E.L', '+1 A E L', '1-A-E-L', 'AEL'))
  .map(([area, e1, e2, line, shape]) => shape.replace('A', area).replace('E', `${e1}${e2}`).replace('L', line).replace('(', '(').replace(')', ')'));
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad = (n: number) => String(n).padStart(2, '0');
const date = fc
  .tuple(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), fc.integer({ min: 0, max: 5 }))
  .map(([d, shape]) => {
    const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
    const text = [
      `${y}-${pad(m)}-${pad(day)}`,
      d.toISOString(),
      `${m}/${day}/${y}`,
      `${MONTHS[m - 1]} ${day}, ${y}`,
      `${day} ${MONTHS[m - 1]!.slice(0, 3)} ${y}`,
      `${pad(m)}-${pad(day)}-${y}`,
    ][shape]!;
    return { text, year: String(y) };
  });

describe('deid properties (fast-check)', () => {
  it('no generated SSN survives scrubbing', () => {
    fc.assert(fc.property(inText(ssn), ({ value, text }) => !scrubText(text, { now }).includes(value)), RUNS);
  });

  it('no generated US phone number survives scrubbing', () => {
    fc.assert(fc.property(inText(phone), ({ value, text }) => !scrubText(text, { now }).includes(value)), RUNS);
  });

  it('no generated email address survives scrubbing', () => {
    fc.assert(fc.property(inText(fc.emailAddress()), ({ value, text }) => !scrubText(text, { now }).includes(value)), RUNS);
  });

  it('no generated IPv4 or IPv6 address survives scrubbing', () => {
    fc.assert(fc.property(inText(fc.oneof(fc.ipV4(), fc.ipV6())), ({ value, text }) => !scrubText(text, { now }).includes(value)), RUNS);
  });

  it('no generated date survives scrubbing, and its year does', () => {
    fc.assert(
      fc.property(fc.tuple(filler, date, filler), ([before, { text: value, year }, after]) => {
        const out = scrubText(`${before} ${value} ${after}`, { now });
        return !out.includes(value) && out.includes(year);
      }),
      RUNS,
    );
  });

  const phiKeys = fc.constantFrom('ssn', 'name', 'dob', 'birthDate', 'address', 'city', 'zip', 'email', 'phone', 'notes', 'age', 'mrn', 'diagnosis', 'id', 'comment', 'items');
  const record = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 1 }), fc.dictionary(phiKeys, tie('value'), { maxKeys: 5 }), fc.array(tie('value'), { maxLength: 3 })),
  })).value;

  it('never mutates its input (deep-frozen input, structural comparison)', () => {
    fc.assert(
      fc.property(record, (input) => {
        const before = JSON.stringify(input);
        deepFreeze(input);
        deidentify(input, { now });
        assert.strictEqual(JSON.stringify(input), before);
      }),
      RUNS,
    );
  });

  it('is stable: de-identifying de-identified data changes nothing', () => {
    fc.assert(
      fc.property(record, (input) => {
        const once = deidentify(input, { now });
        assert.deepStrictEqual(deidentify(once, { now }), once);
      }),
      RUNS,
    );
  });

  it('pseudonymization round-trips: reidentify restores text whose identifiers were tokenized', async () => {
    const key = new Uint8Array(32).fill(7);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(inText(ssn), inText(fc.emailAddress()), inText(phone)), { minLength: 1, maxLength: 3 }), async (parts) => {
        const text = parts.map((p) => p.text).join(' | ');
        const { value, tokens } = await pseudonymize(text, { key, now });
        for (const p of parts) assert.ok(!value.includes(p.value), `${p.value} leaked`);
        assert.strictEqual(reidentify(value, tokens), text);
      }),
      { numRuns: 100 },
    );
  });
});

function deepFreeze(value: unknown): void {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
}
