import type { DeidentifyOptions } from './options';
import { resolveOptions } from './options';
import { Walker } from './walker';

/**
 * Masks one identifier for a log line: letters and digits become `*`, separators stay, and a number with at
 * least nine digits keeps its last four (`123-45-6789` → `***-**-6789`, `(617) 555-1234` → `(***) ***-1234`,
 * `john@example.com` → `****@*******.***`).
 */
export function maskString(value: string): string {
  const digits = value.replace(/\D/g, '');
  const keepLastFour = digits.length >= 9 && /\d{4}\s*$/.test(value);
  let remaining = keepLastFour ? 4 : 0;
  let out = '';
  for (let i = value.length - 1; i >= 0; i--) {
    const c = value[i]!;
    if (/\d/.test(c) && remaining > 0) {
      remaining--;
      out = c + out;
    } else {
      out = (/[\p{L}\p{N}]/u.test(c) ? '*' : c) + out;
    }
  }
  return out;
}

/**
 * Masks a value for logs and telemetry. A string or number is masked whole (it is the PHI value the analyzer
 * flagged). An object is copied like deidentify does, with identifiers masked in place of placeholders, so a log
 * line keeps its shape (`{ ssn: '***-**-6789', dob: '1950' }`).
 */
export function mask(value: string | number | bigint, options?: DeidentifyOptions): string;
export function mask<T>(value: T, options?: DeidentifyOptions): T;
export function mask(value: unknown, options?: DeidentifyOptions): unknown {
  if (typeof value === 'string') return maskString(value);
  if (typeof value === 'number' || typeof value === 'bigint') return maskString(String(value));
  return new Walker(resolveOptions({ ...options, mode: 'placeholder' }, (_category, original) => maskString(original))).root(value);
}
