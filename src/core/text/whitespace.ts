// Skipping the spaces, tabs and line breaks between tokens when a text is read without a parser (jsxTagMentions,
// sinkFreeText).

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

function isLineSpace(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

/** From `at`, in the direction of `step`, the first offset whose character is not `skipped` (-1 or `text.length` if none). */
function skipWhile(text: string, at: number, step: 1 | -1, skipped: (code: number) => boolean): number {
  let i = at;
  while (i >= 0 && i < text.length && skipped(text.charCodeAt(i))) i += step;
  return i;
}

/** The first offset at or after `at` that is not white space (`text.length` if none). */
export function skipSpace(text: string, at: number): number {
  return skipWhile(text, at, 1, isSpace);
}

/** The last offset at or before `at` that is not white space (-1 if none). */
export function skipSpaceBackwards(text: string, at: number): number {
  return skipWhile(text, at, -1, isSpace);
}

/** The first offset at or after `at` that is not a space or a tab: white space that stays on the line. */
export function skipLineSpace(text: string, at: number): number {
  return skipWhile(text, at, 1, isLineSpace);
}

/** The last offset at or before `at` that is not a space or a tab (-1 if none). */
export function skipLineSpaceBackwards(text: string, at: number): number {
  return skipWhile(text, at, -1, isLineSpace);
}
