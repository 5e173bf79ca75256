import ts from 'typescript';

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
