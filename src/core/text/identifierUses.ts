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

/** ASCII letters, digits, `_` and `$`, and (to be safe) any non-ASCII character; NaN (out of the text) is not. */
function isIdentifierPart(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 36 || code > 127;
}
