import { lazy } from '../lazy';
import type { Recognizer, TextMatch } from './recognizer';

const NAME_WORD = "(?:[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)?|[A-Z]\\.)";
// Case matters here: a capitalised word after a title or a label is the cue, so these patterns have no `i` flag.
const AFTER_TITLE = /* @__PURE__ */ lazy(() => new RegExp(`\\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Rev)\\.?\\s+(${NAME_WORD}(?:\\s+${NAME_WORD}){0,3})`, 'g'));
const AFTER_LABEL = /* @__PURE__ */ lazy(() => new RegExp(
  `\\b(?:[Pp]atient(?:\\s+[Nn]ame)?|PATIENT(?:\\s+NAME)?|[Nn]ame|NAME|[Pp]t|[Ss]pouse|[Mm]other|[Ff]ather|[Gg]uardian|[Cc]ontact|[Nn]ext\\s+of\\s+kin|[Ee]mergency\\s+contact|[Ss]igned(?:\\s+by)?|[Rr]eferred\\s+by)\\s*:\\s*(${NAME_WORD}(?:\\s+${NAME_WORD}){0,3}(?:,\\s+${NAME_WORD}(?:\\s+${NAME_WORD})?)?)`,
  'g',
));
const PATIENT_CUE = /* @__PURE__ */ lazy(() => new RegExp(`\\b(?:[Pp]atient|[Pp]t\\.?)\\s+(?:is\\s+|named\\s+)?(${NAME_WORD}\\s+${NAME_WORD})(?=\\s*,|\\s+(?:is|was|has|had|presents|presented|reports|reported|denies|states|complains)\\b)`, 'g'));

/** Person names with a cue: after a title (`Dr. Jane Doe`, `Mrs. Smith`), after a label (`Patient: John Smith`,
 * `Name: DOE, JOHN` is not caught — all capitals), or as "patient John Smith presents". Names with no cue are not
 * recognised: see docs/deid.md. */
export const personNameRecognizer: Recognizer = {
  id: 'person-name',
  priority: 40,
  find(text) {
    const matches: TextMatch[] = [];
    for (const pattern of [AFTER_TITLE(), AFTER_LABEL(), PATIENT_CUE()]) {
      for (const m of text.matchAll(pattern)) {
        const name = m[1]!;
        const start = m.index + m[0].lastIndexOf(name);
        matches.push({ start, end: start + name.length, category: 'name' });
      }
    }
    return matches;
  },
};
