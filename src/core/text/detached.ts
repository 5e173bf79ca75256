/**
 * `text` as a string of its own. V8 makes a substring of 13 or more characters (an identifier or import specifier the
 * parser read) a view into the whole string it came from: kept as a key of a long-lived cache, it would keep that
 * file's source text alive, one text per edit in the editor. Caches keep detached copies.
 *
 * Joined to a character and sliced again: the join is flattened into a string of its own, so the slice is a view into
 * that (one character longer) instead of the file. A third of the cost of a JSON round trip, which the engine paid
 * for each of the tens of thousands of names a workspace has.
 */
export function detached(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}
