import { passesVinCheck } from './checksums';
import type { Recognizer, TextMatch } from './recognizer';

const VIN = /\b[A-HJ-NPR-Z0-9]{17}\b/gi;

/** Vehicle identification numbers: 17 characters without I, O, Q, with a valid check digit. */
export const vinRecognizer: Recognizer = {
  id: 'vin',
  priority: 86,
  find(text) {
    const matches: TextMatch[] = [];
    for (const m of text.matchAll(VIN)) {
      if (/[A-Z]/i.test(m[0]) && /\d/.test(m[0]) && passesVinCheck(m[0])) {
        matches.push({ start: m.index, end: m.index + m[0].length, category: 'vehicle' });
      }
    }
    return matches;
  },
};
