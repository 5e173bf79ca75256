/**
 * Three-digit ZIP areas whose combined population is 20,000 or fewer. Safe Harbor (45 CFR 164.514(b)(2)(i)(B))
 * keeps the first three digits of a ZIP code only when the area they form holds more than 20,000 people;
 * these become `000`.
 *
 * Source: HHS Office for Civil Rights, "Guidance Regarding Methods for De-identification of Protected Health
 * Information in Accordance with the HIPAA Privacy Rule" (26 November 2012), Safe Harbor section, which lists
 * these 17 prefixes from 2000 Census data. HHS has not published a newer list. The rule itself refers to "the
 * current publicly available data from the Bureau of the Census", so a covered entity may need to recompute it
 * from newer ZCTA populations; pass `restrictedZip3` to override.
 */
export const RESTRICTED_ZIP3: readonly string[] = [
  '036', '059', '063', '102', '203', '556', '692', '790', '821', '823', '830', '831', '878', '879', '884', '890', '893',
];

/** The Safe Harbor form of a US ZIP code: its first three digits, or `000` for a restricted area; undefined when
 * the value is not a US ZIP (5 digits, ZIP+4, a number that lost its leading zeros, or a ZIP3). */
export function generalizeZip(value: string | number, restricted: ReadonlySet<string>): string | undefined {
  let digits: string;
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 0 || value > 99999) return undefined;
    digits = String(value).padStart(5, '0');
  } else {
    // Five digits or ZIP+4; three digits are an already generalised ZIP3.
    const match = /^\s*(?:(\d{5})(?:[- ]?\d{4})?|(\d{3}))\s*$/.exec(value);
    if (!match) return undefined;
    digits = match[1] ?? match[2]!;
  }
  const zip3 = digits.slice(0, 3);
  return restricted.has(zip3) ? '000' : zip3;
}
