import * as assert from 'assert';
import { joinTaint, joinValues, makeValue, sourceTaint, type Taint, type Value } from '../../../src/core/analysis/values';
import type { FlowStep } from '../../../src/core/findings/finding';
import type { PhiCategoryId } from '../../../src/core/catalog/phiCategories';

/** Values told apart by `typeName` (joinValues keeps the first one's). */
const value = (name: string): Value => (makeValue({ typeName: name }));

/** The join of two objects' fields as a full merge makes it: a's fields in order, then b's new ones, shared ones joined. */
function mergedInFull(a: ReadonlyMap<string, Value>, b: ReadonlyMap<string, Value>): [string, Value][] {
  const out = new Map(a);
  for (const [k, v] of b) out.set(k, out.has(k) ? joinValues(out.get(k)!, v) : v);
  return [...out];
}

function random(seed: number): () => number {
  let state = seed;
  return () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
}

describe('joinValues of objects (fields)', () => {
  it('keeps the larger object\'s fields as they are when the other has a subset of them, unchanged', () => {
    const base = new Map([['id', value('id')], ['name', value('name')]]);
    const withField = new Map(base).set('ssn', value('ssn'));
    const then = makeValue({ fields: withField });
    const otherwise = makeValue({ fields: base });
    assert.strictEqual(joinValues(then, otherwise).fields, withField);
    assert.strictEqual(joinValues(otherwise, then).fields, withField, 'the order a full merge gives: the same');
    const renamed = new Map([['name', value('name')], ['id', value('id')], ['ssn', value('ssn')]]);
    assert.deepStrictEqual([...joinValues(makeValue({ fields: base }), makeValue({ fields: renamed })).fields!.keys()], ['id', 'name', 'ssn'], 'another order: merged');
  });

  it('gives what a full merge gives, field by field and in order, for random objects built from a shared one', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const next = random(seed);
      const names = ['a', 'b', 'c', 'd', 'e', 'f'];
      const base = new Map<string, Value>();
      for (const name of names) if (next() < 0.5) base.set(name, value(`${name}0`));
      const variant = (label: string) => {
        const fields = new Map(base);
        for (const name of names) {
          const roll = next();
          if (roll < 0.2) fields.set(name, value(`${name}-${label}`));
          else if (roll < 0.3) fields.delete(name);
        }
        return fields;
      };
      const [a, b] = next() < 0.3 ? [base, variant('b')] : next() < 0.5 ? [variant('a'), base] : [variant('a'), variant('b')];
      assert.deepStrictEqual([...joinValues(makeValue({ fields: a }), makeValue({ fields: b })).fields!], mergedInFull(a, b), `seed ${seed}`);
    }
  });
});

describe('joinTaint reasons', () => {
  const step: FlowStep = { kind: 'source', range: { start: 0, end: 1 }, note: 'source' };
  /** A name reason; the taint's category differs from the first's, so that a join merges the reasons. */
  const byName = (name: string, words = [name], category: PhiCategoryId = 'email'): Taint => sourceTaint([category], { kind: 'name', name, words }, step);
  const first = sourceTaint(['name'], { kind: 'name', name: 'patientName', words: ['patient', 'name'] }, step);
  const reasons = (t: Taint | undefined) => t!.reasons.map((r) => JSON.stringify(r));

  it('keeps a reason once, whether the same object or an equal one, and a reason that differs in any field', () => {
    assert.deepStrictEqual(reasons(joinTaint(first, sourceTaint(['email'], first.reasons[0]!, step))), reasons(first), 'the same object');
    assert.deepStrictEqual(reasons(joinTaint(first, byName('patientName', ['patient', 'name']))), reasons(first), 'an equal reason made elsewhere');
    assert.equal(joinTaint(first, byName('patientName', ['patient', 'names']))!.reasons.length, 2, 'other words');
    assert.equal(joinTaint(first, byName('patientName', ['patient']))!.reasons.length, 2, 'fewer words');
    assert.equal(joinTaint(first, sourceTaint(['email'], { kind: 'config', name: 'patientName' }, step))!.reasons.length, 2, 'another kind');
  });

  it('keeps at most four reasons, the first taint\'s first', () => {
    const categories: PhiCategoryId[] = ['name', 'email', 'phone', 'ssn', 'mrn', 'fax'];
    let joined: Taint | undefined;
    ['a', 'b', 'c', 'd', 'e', 'f'].forEach((name, i) => (joined = joinTaint(joined, byName(name, [name], categories[i]))));
    assert.deepStrictEqual(joined!.reasons.map((r) => (r as { name: string }).name), ['a', 'b', 'c', 'd']);
  });
});
