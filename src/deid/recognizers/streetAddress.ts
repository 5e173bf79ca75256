import { lazy } from '../lazy';
import type { Recognizer, TextMatch } from './recognizer';

const SUFFIXES = [
  'Street', 'St', 'Avenue', 'Ave', 'Road', 'Rd', 'Boulevard', 'Blvd', 'Lane', 'Ln', 'Drive', 'Dr', 'Court', 'Ct', 'Way',
  'Place', 'Pl', 'Terrace', 'Ter', 'Circle', 'Cir', 'Highway', 'Hwy', 'Parkway', 'Pkwy', 'Square', 'Sq', 'Trail', 'Trl',
  'Alley', 'Plaza', 'Row', 'Loop', 'Pike', 'Turnpike',
];
function alternation(words: readonly string[]): string {
  return `(?:${words.join('|')})`;
}
const WORD = "(?:[A-Z][A-Za-z'-]*|\\d+(?:st|nd|rd|th))";
const UNIT = "(?:,?\\s+(?:Apt|Apartment|Suite|Ste|Unit|Rm|Room|#)\\.?\\s*#?[A-Za-z0-9-]+)?";
const POST_DIRECTION = '(?:\\s+(?:N|S|E|W|NE|NW|SE|SW)\\b\\.?)?';
const CITY = '(?:,\\s+[A-Z][a-z]+(?:\\s[A-Z][a-z]+){0,2}(?=\\s*,|\\s+[A-Z]{2}\\b))?';
// Capitalised words only: "walked 2 miles each way" is not an address.
const STREET = /* @__PURE__ */ lazy(() => new RegExp(`\\b\\d{1,6}[A-Za-z]?\\s+(?:[NSEW]\\.?\\s+)?(?:${WORD}\\s+){1,4}${alternation(SUFFIXES.flatMap((s) => [s, s.toUpperCase()]))}\\b\\.?${POST_DIRECTION}${UNIT}${CITY}`, 'g'));
const PO_BOX = /\bP\.?\s?O\.?\s?Box\s+\d{1,6}\b/gi;

/** US street addresses (number, capitalised street name, suffix, optional unit and following city) and PO boxes.
 * The state and ZIP after them are left to the ZIP rule: a state may stay under Safe Harbor. */
export const streetAddressRecognizer: Recognizer = {
  id: 'street-address',
  priority: 50,
  find(text) {
    const matches: TextMatch[] = [];
    for (const pattern of [STREET(), PO_BOX]) {
      for (const m of text.matchAll(pattern)) matches.push({ start: m.index, end: m.index + m[0].length, category: 'geographic' });
    }
    return matches;
  },
};
