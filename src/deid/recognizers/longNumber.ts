import type { Recognizer, TextMatch } from './recognizer';
import { followsCodeSystem, precedesDoseUnit } from './recognizer';

// Seven or more digits, or a short letter prefix and six or more digits (A1234567): measurements and codes are
// shorter, so what is left is almost always some record, account or reference number.
const LONG_NUMBER = /(?<![\w.,-])(?:[A-Za-z]{1,3}-?)?\d{6,}(?![\w]|[.,]\d)/g;

/** The catch-all for "any other unique identifying number" (Safe Harbor (R)): long digit runs no other
 * recognizer claimed. Lowest priority, so a validated recognizer names the category when it can. */
export const longNumberRecognizer: Recognizer = {
  id: 'long-number',
  priority: 10,
  find(text) {
    const matches: TextMatch[] = [];
    for (const m of text.matchAll(LONG_NUMBER)) {
      const digits = m[0].replace(/\D/g, '').length;
      const hasPrefix = /^[A-Za-z]/.test(m[0]);
      // SNOMED and NDC codes after their system's name, and amounts before a unit (`1000000 units`), are content.
      if (followsCodeSystem(text, m.index) || precedesDoseUnit(text, m.index + m[0].length)) continue;
      if (digits >= 7 || (hasPrefix && digits >= 6)) matches.push({ start: m.index, end: m.index + m[0].length, category: 'other-id' });
    }
    return matches;
  },
};
