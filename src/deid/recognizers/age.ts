import { lazy } from '../lazy';
import { AGE_90_OR_OLDER } from '../placeholder';
import type { Recognizer, TextMatch } from './recognizer';

const AGE_NUMBER = '(9\\d|1[0-4]\\d)';
const YEARS_OLD = /* @__PURE__ */ lazy(() => new RegExp(`(?<![\\d.])${AGE_NUMBER}(?=\\s*-?\\s*(?:years?|yrs?|y/?o|y\\.o\\.)(?![a-z]))`, 'gi'));
// No `+` after the number: the `90` of an already generalised `90+` must not become `90++` on a second pass.
const AGE_LABEL = /* @__PURE__ */ lazy(() => new RegExp(`\\b(?:age[ds]?|aged)\\s*(?:is|of|:|=)?\\s*${AGE_NUMBER}(?![\\d.+])`, 'gi'));

/** Ages over 89 in text (`92-year-old`, `93 y/o`, `age: 95`), replaced by `90+`. Younger ages are not identifiers. */
export const ageRecognizer: Recognizer = {
  id: 'age',
  priority: 72,
  find(text) {
    const matches: TextMatch[] = [];
    for (const pattern of [YEARS_OLD(), AGE_LABEL()]) {
      for (const m of text.matchAll(pattern)) {
        const end = m.index + m[0].length;
        matches.push({ start: end - m[1]!.length, end, category: 'date', generalized: AGE_90_OR_OLDER });
      }
    }
    return matches;
  },
};
