import * as assert from 'assert';
import { RESTRICTED_ZIP3 } from '../../../src/deid';
import { generalizeAge } from '../../../src/deid/age';
import { isNinetyOrOlder, parseDate } from '../../../src/deid/dates';
import { generalizeZip } from '../../../src/deid/zip3';

describe('ZIP3 rule', () => {
  it('holds the 17 three-digit areas HHS lists (2000 Census, 20,000 people or fewer)', () => {
    assert.deepStrictEqual([...RESTRICTED_ZIP3], ['036', '059', '063', '102', '203', '556', '692', '790', '821', '823', '830', '831', '878', '879', '884', '890', '893']);
  });
  it('maps every restricted area to 000 and others to their first three digits', () => {
    const restricted = new Set(RESTRICTED_ZIP3);
    for (const zip3 of RESTRICTED_ZIP3) assert.strictEqual(generalizeZip(`${zip3}42`, restricted), '000');
    assert.strictEqual(generalizeZip('10001', restricted), '100');
    assert.strictEqual(generalizeZip('10201-1234', restricted), '000');
    assert.strictEqual(generalizeZip('1000', restricted), undefined);
    assert.strictEqual(generalizeZip(-5, restricted), undefined);
  });
});

describe('90+ rule', () => {
  const now = new Date('2026-11-28T00:00:00Z');
  it('aggregates ages of 90 and over, keeping 89', () => {
    assert.strictEqual(generalizeAge(89), 89);
    assert.strictEqual(generalizeAge(89.9), 89.9);
    assert.strictEqual(generalizeAge(90), '90+');
    assert.strictEqual(generalizeAge('104 years'), '90+');
  });
  it('decides 90+ on the exact birthday, and errs towards 90+ with only a year', () => {
    assert.ok(isNinetyOrOlder(parseDate('1936-11-28', now)!, now));
    assert.ok(!isNinetyOrOlder(parseDate('1936-11-29', now)!, now));
    assert.ok(isNinetyOrOlder({ year: 1936 }, now));
    assert.ok(!isNinetyOrOlder({ year: 1937 }, now));
  });
});
