/**
 * A file's text as editors and ESLint see it: without the UTF-8 byte order mark `fs.readFileSync` keeps. Offsets the
 * engine reports are counted in this text, so a BOM left in would put every range of the file one character late in
 * the editor (which decodes without it) and in flow steps that point into the file.
 */
export function withoutByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
