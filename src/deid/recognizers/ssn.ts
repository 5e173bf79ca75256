import type { Recognizer, TextMatch } from './recognizer';
import { followsCodeSystem } from './recognizer';

const SSN = /(?<![\d-])(\d{3})([- ]?)(\d{2})\2(\d{4})(?![\d]|-\d)/g;

/** SSA rules: area 001–899 except 666, group 01–99, serial 0001–9999. */
export function isValidSsn(area: string, group: string, serial: string): boolean {
  const a = Number(area);
  return a !== 0 && a !== 666 && a < 900 && group !== '00' && serial !== '0000';
}

/** US Social Security numbers, with or without separators (`123-45-6789`, `123 45 6789`, `123456789`). */
export const ssnRecognizer: Recognizer = {
  id: 'ssn',
  priority: 90,
  find(text) {
    const matches: TextMatch[] = [];
    for (const m of text.matchAll(SSN)) {
      const end = m.index + m[0].length;
      // Only a code system's name excuses nine digits; a unit after them does not (`123456789 mg` stays suspect).
      if (isValidSsn(m[1]!, m[3]!, m[4]!) && !followsCodeSystem(text, m.index)) matches.push({ start: m.index, end, category: 'ssn' });
    }
    return matches;
  },
};
