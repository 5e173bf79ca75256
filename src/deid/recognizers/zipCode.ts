import { generalizeZip } from '../zip3';
import type { Recognizer, TextMatch } from './recognizer';

const US_STATES = /* @__PURE__ */ new Set([
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'DC', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY', 'LA', 'ME', 'MD',
  'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC', 'SD',
  'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY', 'PR', 'VI', 'GU', 'AS', 'MP',
]);
// A five-digit number is a ZIP code only after a state abbreviation or a ZIP label; bare five-digit numbers are
// too often codes, doses or counts.
const ZIP_IN_CONTEXT = /\b([A-Z]{2}|zip(?:\s*code)?|postal\s+code)\.?\s*[:#]?\s*(\d{5})(?:-\d{4})?(?!\d)/gi;

/** US ZIP codes after a state abbreviation (`Boston, MA 02139`) or a label (`ZIP: 02139`), reduced to their first
 * three digits (or `000`). */
export const zipCodeRecognizer: Recognizer = {
  id: 'zip',
  priority: 65,
  find(text, context) {
    const matches: TextMatch[] = [];
    for (const m of text.matchAll(ZIP_IN_CONTEXT)) {
      const cue = m[1]!;
      if (cue.length === 2 && !US_STATES.has(cue)) continue;
      const start = m.index + m[0].indexOf(m[2]!, cue.length);
      const end = m.index + m[0].length;
      matches.push({ start, end, category: 'geographic', generalized: generalizeZip(text.slice(start, end), context.restrictedZip3) ?? '000' });
    }
    return matches;
  },
};
