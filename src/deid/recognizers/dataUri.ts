import type { Recognizer, TextMatch } from './recognizer';

const IMAGE_DATA_URI = /data:image\/[A-Za-z0-9.+-]+;base64,[A-Za-z0-9+/=]+/g;

/** Inline images (`data:image/jpeg;base64,…`): in a patient record, treat as a full-face photograph. */
export const dataUriRecognizer: Recognizer = {
  id: 'image-data-uri',
  priority: 95,
  find(text) {
    const matches: TextMatch[] = [];
    for (const m of text.matchAll(IMAGE_DATA_URI)) matches.push({ start: m.index, end: m.index + m[0].length, category: 'photo' });
    return matches;
  },
};
