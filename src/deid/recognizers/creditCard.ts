import { passesLuhn } from './checksums';
import type { Recognizer, TextMatch } from './recognizer';

const CARD = /(?<![\d-])[2-6]\d{3}(?:[ -]?\d){9,15}(?![\d]|-\d)/g;

/** Payment card numbers (13–19 digits, issuer prefix 2–6, Luhn check digit), separated by spaces or dashes or not. */
export const creditCardRecognizer: Recognizer = {
  id: 'credit-card',
  priority: 88,
  find(text) {
    const matches: TextMatch[] = [];
    for (const m of text.matchAll(CARD)) {
      const digits = m[0].replace(/\D/g, '');
      if (digits.length >= 13 && digits.length <= 19 && passesLuhn(digits)) {
        matches.push({ start: m.index, end: m.index + m[0].length, category: 'account' });
      }
    }
    return matches;
  },
};
