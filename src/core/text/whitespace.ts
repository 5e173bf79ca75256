// Skipping the spaces, tabs and line breaks between tokens when a text is read without a parser (jsxTagMentions,
// sinkFreeText).

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

function isLineSpace(code: number): boolean {
  return code === 0x20 || code === 0x09;
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

/** The first offset at or after `at` that is not a space or a tab: white space that stays on the line. */
export function skipLineSpace(text: string, at: number): number {
  let i = at;
  while (i < text.length && isLineSpace(text.charCodeAt(i))) i++;
  return i;
}

/** The last offset at or before `at` that is not a space or a tab (-1 if none). */
export function skipLineSpaceBackwards(text: string, at: number): number {
  let i = at;
  while (i >= 0 && isLineSpace(text.charCodeAt(i))) i--;
  return i;
}
