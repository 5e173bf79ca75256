import type { Recognizer, TextMatch } from './recognizer';

const URL_PATTERN = /\b(?:(?:https?|ftp|wss?):\/\/|www\.)[^\s<>"'`]+/gi;
const TRAILING_PUNCTUATION = /[.,;:!?)\]}]+$/;

/** Web URLs (`https://…`, `www.…`). Trailing sentence punctuation is not part of the URL. */
export const urlRecognizer: Recognizer = {
  id: 'url',
  priority: 80,
  find(text) {
    const matches: TextMatch[] = [];
    for (const m of text.matchAll(URL_PATTERN)) {
      const value = m[0].replace(TRAILING_PUNCTUATION, '');
      if (value.length > 4) matches.push({ start: m.index, end: m.index + value.length, category: 'url' });
    }
    return matches;
  },
};
