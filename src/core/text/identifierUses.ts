import ts from '../typescriptCompiler';

/**
 * How many times `name` appears in `text` as a whole identifier, counting up to `limit + 1` (enough to tell "more than
 * `limit`"). Text only, so a use in a comment, a string or a property name (`row.name`) counts too: callers use it to
 * prove that nothing refers to a name, and counting too many only costs them the proof.
 */
export function identifierUses(text: string, name: string, limit: number): number {
  // A name the parser had to make up (`function (` parses with an empty one) cannot be proved unused.
  if (!name) return limit + 1;
  let count = 0;
  for (let at = text.indexOf(name); at !== -1 && count <= limit; at = text.indexOf(name, at + name.length)) {
    if (!isIdentifierPart(text.charCodeAt(at - 1)) && !isIdentifierPart(text.charCodeAt(at + name.length))) count++;
  }
  return count;
}

/** By TypeScript's own rule (Unicode letters and marks too, and `$`); NaN (out of the text) is not part of a name.
 * Half of a surrogate pair is not either, so a name next to one counts: too many, which is safe. */
export function isIdentifierPart(code: number): boolean {
  return !Number.isNaN(code) && ts.isIdentifierPart(code, ts.ScriptTarget.Latest);
}

/** An ASCII JavaScript name, as a regular expression's source, for readings of a text that do not parse it. */
export const IDENTIFIER = '[A-Za-z_$][\\w$]*';

/** The name that starts at `start` (empty if none does). */
export function wordAt(text: string, start: number): string {
  let end = start;
  while (end < text.length && isIdentifierPart(text.charCodeAt(end))) end++;
  return text.slice(start, end);
}

/** The name whose last character is at `last` (empty if none is). */
export function wordEndingAt(text: string, last: number): string {
  if (!isIdentifierPart(text.charCodeAt(last))) return '';
  let start = last;
  while (start > 0 && isIdentifierPart(text.charCodeAt(start - 1))) start--;
  return text.slice(start, last + 1);
}
