import type ts from 'typescript';

/** Texts are compared a block at a time first: one native string comparison per block instead of a call per
 * character (a 20,000-line file is 700,000 characters to compare on every keystroke). */
const BLOCK = 1024;

/** The one span that differs between two texts (common prefix and suffix stripped), as the incremental parser wants it. */
export function changeRange(before: string, after: string): ts.TextChangeRange {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start + BLOCK <= shorter && before.slice(start, start + BLOCK) === after.slice(start, start + BLOCK)) start += BLOCK;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  const limit = shorter - start;
  let suffix = 0;
  while (suffix + BLOCK <= limit && before.slice(before.length - suffix - BLOCK, before.length - suffix) === after.slice(after.length - suffix - BLOCK, after.length - suffix)) suffix += BLOCK;
  while (suffix < limit && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  // The shape ts.createTextChangeRange makes, built here so that callers outside the analysis (the extension host's
  // finding shifts) need not load TypeScript.
  return { span: { start, length: before.length - suffix - start }, newLength: after.length - suffix - start };
}
