/**
 * `text` as a string of its own. V8 makes a substring of 13 or more characters (an identifier or import specifier the
 * parser read) a view into the whole string it came from: kept as a key of a long-lived cache, it would keep that
 * file's source text alive, one text per edit in the editor. Caches keep detached copies.
 */
export function detached(text: string): string {
  return text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string);
}
