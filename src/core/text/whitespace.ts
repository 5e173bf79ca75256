// Skipping the spaces, tabs and line breaks between tokens when a text is read without a parser (jsxTagMentions,
// sinkFreeText).

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** The first offset at or after `at` that is not white space (`text.length` if none). */
export function skipSpace(text: string, at: number): number {
  let i = at;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** The last offset at or before `at` that is not white space (-1 if none). */
export function skipSpaceBackwards(text: string, at: number): number {
  let i = at;
  while (i >= 0 && isSpace(text.charCodeAt(i))) i--;
  return i;
}
