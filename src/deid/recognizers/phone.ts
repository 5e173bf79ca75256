import type { Recognizer, TextMatch } from './recognizer';
import { followsCodeSystem, precedesDoseUnit, textBefore } from './recognizer';

// NANP: optional +1, area code (optionally in parentheses), exchange, line, optional extension.
const NANP = /(?<![\w+])(?:\+?1[\s.-]?)?(?:\(\s*([2-9]\d{2})\s*\)|([2-9]\d{2}))[\s.-]?([2-9]\d{2})[\s.-]?(\d{4})(?:\s*(?:x|ext\.?|extension)\s*\d{1,6})?(?!\d)/g;
// International E.164-style numbers written with a leading +.
const INTERNATIONAL = /(?<![\w+])\+[1-9]\d{0,2}(?:[\s.-]?\(?\d{1,4}\)?){2,6}(?!\d)/g;
const FAX_CUE = /\bfax\b|\bf:\s*$/i;

/** Telephone and fax numbers. A number is a fax when "fax" (or "F:") appears just before it. */
export const phoneRecognizer: Recognizer = {
  id: 'phone',
  priority: 60,
  find(text) {
    const matches: TextMatch[] = [];
    const push = (start: number, end: number) => {
      // A code after its code system's name, or an amount before its unit (`Titrate 200-400-1200 mg`).
      if (followsCodeSystem(text, start) || precedesDoseUnit(text, end)) return;
      const category = FAX_CUE.test(textBefore(text, start, 20)) ? 'fax' : 'phone';
      matches.push({ start, end, category });
    };
    for (const m of text.matchAll(NANP)) {
      const area = m[1] ?? m[2]!;
      // N11 codes (211, 911…) are service numbers, not area codes.
      if (area.endsWith('11')) continue;
      push(m.index, m.index + m[0].length);
    }
    for (const m of text.matchAll(INTERNATIONAL)) {
      const digits = m[0].replace(/\D/g, '').length;
      if (digits >= 8 && digits <= 15) push(m.index, m.index + m[0].length);
    }
    return matches;
  },
};
