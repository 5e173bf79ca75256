import { lazy } from '../lazy';
import type { Recognizer, TextMatch } from './recognizer';

// Unicode letters (`José`, `Núñez`; `\p{M}` for accents typed as combining marks), an inner capital (`McDonald`,
// `MacArthur`, `DeShawn`), an apostrophe after one letter (`O'Brien`, `D'Angelo`) and hyphenated parts
// (`Lopez-Garcia`). The lookahead stops a match from ending inside a word: better no match than half a name.
const LOWER = '[\\p{Ll}\\p{M}]';
const NAME_PART = `\\p{Lu}(?:${LOWER}+(?:\\p{Lu}${LOWER}+)?|['’]\\p{Lu}${LOWER}+)`;
const NAME_WORD = `(?:${NAME_PART}(?:-${NAME_PART})*(?![\\p{L}\\p{M}\\p{N}])|\\p{Lu}\\.)`;
// Lower-case particles inside a name (`García de la Cruz`, `Ludwig van Beethoven`), only before a capitalised word.
const PARTICLE = '(?:van|von|de|del|della|der|den|da|di|du|dos|das|la|le|bin|ibn|al|el)';
const NEXT_WORD = `\\s+(?:${PARTICLE}\\s+){0,2}${NAME_WORD}`;
// Case matters here: a capitalised word after a title or a label is the cue, so these patterns have no `i` flag.
const AFTER_TITLE = /* @__PURE__ */ lazy(() => new RegExp(`\\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Rev)\\.?\\s+(${NAME_WORD}(?:${NEXT_WORD}){0,3})`, 'gu'));
const AFTER_LABEL = /* @__PURE__ */ lazy(() => new RegExp(
  `\\b(?:[Pp]atient(?:\\s+[Nn]ame)?|PATIENT(?:\\s+NAME)?|[Nn]ame|NAME|[Pp]t|[Ss]pouse|[Mm]other|[Ff]ather|[Gg]uardian|[Cc]ontact|[Nn]ext\\s+of\\s+kin|[Ee]mergency\\s+contact|[Ss]igned(?:\\s+by)?|[Rr]eferred\\s+by)\\s*:\\s*(${NAME_WORD}(?:${NEXT_WORD}){0,3}(?:,\\s+${NAME_WORD}(?:${NEXT_WORD})?)?)`,
  'gu',
));
const PATIENT_CUE = /* @__PURE__ */ lazy(() => new RegExp(`\\b(?:[Pp]atient|[Pp]t\\.?)\\s+(?:is\\s+|named\\s+)?(${NAME_WORD}${NEXT_WORD})(?=\\s*,|\\s+(?:is|was|has|had|presents|presented|reports|reported|denies|states|complains)\\b)`, 'gu'));

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
