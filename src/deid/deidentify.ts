import type { DeidentifyOptions } from './options';
import { resolveOptions } from './options';
import { Walker } from './walker';

/**
 * Returns a de-identified deep copy of `value` (plain object, array, Map, string or FHIR resource) following the
 * HIPAA Safe Harbor method (45 CFR 164.514(b)(2)); the input is never mutated.
 *
 * Object fields are classified with the same catalog the PHI Guard analyzer uses. Identifiers (names, street,
 * city, county, phone, fax, email, SSN, MRN, plan, account, licence, vehicle, device, URL, IP, biometric, photo,
 * other IDs) are replaced by `[REDACTED:<category>]` (or dropped with `mode: 'remove'`); ZIP codes keep their
 * first three digits (`000` for the restricted areas); dates keep their year; ages over 89 and the birth dates
 * that reveal them become `90+`; state and country stay. Clinical fields are kept. Strings in other fields, and
 * a string passed directly, are scrubbed as free text.
 *
 * This is a tool for applying Safe Harbor, not a compliance certificate: see docs/deid.md for what it does not catch.
 */
export function deidentify<T>(value: T, options?: DeidentifyOptions): T;
export function deidentify(value: unknown, options?: DeidentifyOptions): unknown {
  return new Walker(resolveOptions(options)).root(value);
}
