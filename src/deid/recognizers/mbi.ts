import { lazy } from '../lazy';
import type { Recognizer, TextMatch } from './recognizer';

// CMS MBI format: C A AN N A AN N A A N N; letters exclude S, L, O, I, B, Z. Dashes may follow positions 4 and 7.
const LETTER = '[AC-HJKMNP-RT-Y]';
const ALNUM = '[AC-HJKMNP-RT-Y0-9]';
const MBI = /* @__PURE__ */ lazy(() => new RegExp(`\\b[1-9]${LETTER}${ALNUM}\\d-?${LETTER}${ALNUM}\\d-?${LETTER}{2}\\d{2}\\b`, 'gi'));

/** Medicare Beneficiary Identifiers (health plan beneficiary numbers). */
export const mbiRecognizer: Recognizer = {
  id: 'mbi',
  priority: 86,
  find(text) {
    const matches: TextMatch[] = [];
    for (const m of text.matchAll(MBI())) {
      const dashes = m[0].split('-').length - 1;
      if (dashes === 0 || dashes === 2) matches.push({ start: m.index, end: m.index + m[0].length, category: 'health-plan' });
    }
    return matches;
  },
};
