import { passesLuhn } from './checksums';
import type { Recognizer, TextMatch } from './recognizer';

const NPI = /(?<![\d-])(?:80840)?[12]\d{9}(?![\d]|-\d)/g;

/** National Provider Identifiers: ten digits starting with 1 or 2 whose Luhn check runs over the `80840` prefix
 * (CMS NPI check-digit rule). An NPI names a provider, not the patient, but it narrows who treated whom. */
export const npiRecognizer: Recognizer = {
  id: 'npi',
  priority: 87,
  find(text) {
    const matches: TextMatch[] = [];
    for (const m of text.matchAll(NPI)) {
      const npi = m[0].slice(-10);
      if (passesLuhn(`80840${npi}`)) matches.push({ start: m.index, end: m.index + m[0].length, category: 'license' });
    }
    return matches;
  },
};
