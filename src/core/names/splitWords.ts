import { detached } from '../text/detached';

/**
 * Splits an identifier into lower-case words: camelCase, PascalCase, snake_case, kebab-case,
 * SCREAMING_CASE and digits all give the same words (`patientDOB`, `patient_dob`, `PATIENT-DOB`
 * → `patient`, `dob`). Pure; also used by the browser-side de-identification runtime.
 */
const cache = new Map<string, readonly string[]>();

export function splitWords(identifier: string): string[] {
  const cached = cache.get(identifier);
  if (cached) return cached as string[];
  // Kept: split a copy, so neither the key nor the words are views into the file the name was read from.
  const name = detached(identifier);
  const words = split(name);
  if (cache.size > 100_000) cache.clear();
  cache.set(name, words);
  return words;
}

const enum CharClass { Other, Lower, Upper, Digit }

function classOf(code: number): CharClass {
  if (code >= 97 && code <= 122) return CharClass.Lower;
  if (code >= 65 && code <= 90) return CharClass.Upper;
  if (code >= 48 && code <= 57) return CharClass.Digit;
  return CharClass.Other;
}

/** The `s` at `at` ends a plural of the capitals before it: no lower-case letter follows it. */
function acronymPlural(identifier: string, at: number): boolean {
  return identifier.charCodeAt(at) === 115 && (at + 1 >= identifier.length || classOf(identifier.charCodeAt(at + 1)) !== CharClass.Lower);
}

/**
 * One pass over the characters (this runs for every new name the engine meets). A word ends before an upper-case
 * letter that follows a lower-case one (`patient|Dob`), before the last capital of a run that starts a word
 * (`SSN|Number`; not before an acronym's plural `s`: `patient|IDs`), and where letters and digits meet (`patient|DOB|2`, `ip|4|Address`); anything else than ASCII
 * letters and digits separates words.
 */
function split(identifier: string): string[] {
  const words: string[] = [];
  let start = -1;
  let previous = CharClass.Other;
  for (let i = 0; i <= identifier.length; i++) {
    const current = i < identifier.length ? classOf(identifier.charCodeAt(i)) : CharClass.Other;
    let boundary = current === CharClass.Other
      || (previous === CharClass.Lower && current === CharClass.Upper)
      || (previous === CharClass.Digit) !== (current === CharClass.Digit);
    if (!boundary && previous === CharClass.Upper && current === CharClass.Upper && i + 1 < identifier.length) {
      // `SSN|Number`, but an acronym's plural is one word (`patientIDs`, `URLs`: an `s` no lower-case letter follows).
      boundary = classOf(identifier.charCodeAt(i + 1)) === CharClass.Lower && !acronymPlural(identifier, i + 1);
    }
    if (boundary && start !== -1) {
      words.push(identifier.slice(start, i).toLowerCase());
      start = -1;
    }
    if (current !== CharClass.Other && start === -1) start = i;
    previous = current;
  }
  return words;
}
