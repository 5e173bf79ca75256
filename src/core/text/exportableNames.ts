// Which names a module can export, read from its text without a parser: ProjectAnalyzer's index of the modules a
// barrel re-exports (`export * from`) analyses a module for an imported name only if the module can export it.

import { IDENTIFIER } from './identifierUses';

const EXPORT_WORD = /(?<![\w$.])export(?![\w$])/g;
/** `export { a, b as c }`, `export type { T } from './t'`: every word in the braces (not a comment nor a quoted name). */
const EXPORT_LIST = /\s*(?:type\s*)?\{([^{}/'"`]*)\}/y;
/** `export * from './m'`, `export * as ns from './m'`. */
const EXPORT_STAR = new RegExp(`\\s*\\*\\s*(?:as\\s+(${IDENTIFIER})\\s*)?from\\b`, 'y');
/** `export default …`, with the name of a declaration there (`export default interface Lab`: exported as `Lab`). */
const EXPORT_DEFAULT = new RegExp(`\\s+default(?![\\w$])(?:\\s*(?:abstract\\s+)?(?:async\\s+)?(?:function\\s*\\*?\\s*|class\\s+|interface\\s+)(${IDENTIFIER}))?`, 'y');
const EXPORT_IMPORT_ALIAS = new RegExp(`\\s+import\\s+(${IDENTIFIER})\\s*=`, 'y');
/** A declaration's name. `const enum` before `const`; `let` and `var` are left to the fallback (see below). */
const EXPORT_DECLARATION = new RegExp(
  `\\s+(?:declare\\s+)?(?:abstract\\s+)?(?:async\\s+)?(function\\s*\\*?\\s*|class\\s+|interface\\s+|type\\s+|namespace\\s+|enum\\s+|const\\s+enum\\s+|const\\s+)(${IDENTIFIER})`,
  'y',
);
/** A further declarator of a `const` list (`export const a = 1, b = 2`): a name after a comma, then its type or value. */
const LATER_DECLARATOR = new RegExp(`,\\s*(${IDENTIFIER})\\s*(?:[:=]|!\\s*:)`, 'g');
const WORD = new RegExp(IDENTIFIER, 'g');

/**
 * The names `text` can export: every name an `export` of it declares or lists, `default` for a default export. A
 * superset: a `const` list adds every name after a comma that has a type or a value (`f(a, b = 1)` too), a list in
 * braces every word in it. Undefined, so that every word of the text must count, when the text exports in a way this
 * reading does not follow: CommonJS (the word `exports`), `export =`, `export let`/`var` (their lists may declare names
 * without a value), a destructured `export const { a } = …`, or the word `export` anywhere else (in a comment, a string).
 */
export function exportableNames(text: string): Set<string> | undefined {
  if (/(?<![\w$])exports(?![\w$])/.test(text)) return undefined;
  const names = new Set<string>();
  let constList = false;
  for (const match of text.matchAll(EXPORT_WORD)) {
    const at = match.index + match[0].length;
    const list = readAt(EXPORT_LIST, text, at);
    if (list) {
      for (const word of list[1]!.match(WORD) ?? []) names.add(word);
      continue;
    }
    const star = readAt(EXPORT_STAR, text, at);
    if (star) {
      if (star[1]) names.add(star[1]);
      continue;
    }
    const exportDefault = readAt(EXPORT_DEFAULT, text, at);
    if (exportDefault) {
      names.add('default');
      if (exportDefault[1]) names.add(exportDefault[1]);
      continue;
    }
    const alias = readAt(EXPORT_IMPORT_ALIAS, text, at);
    if (alias) {
      names.add(alias[1]!);
      continue;
    }
    const declaration = readAt(EXPORT_DECLARATION, text, at);
    if (!declaration) return undefined;
    names.add(declaration[2]!);
    if (declaration[1]!.trim() === 'const') constList = true;
  }
  if (constList) for (const later of text.matchAll(LATER_DECLARATOR)) names.add(later[1]!);
  return names;
}

/**
 * What a barrel's look-ups can tell of a module it re-exports from the module's text alone: `'reexports'` when it
 * re-exports in turn (`export *`: any name may come through it), else the names it can export (see exportableNames;
 * every word of the text when that reading cannot follow its exports).
 */
export function namesExportedByText(text: string): 'reexports' | ReadonlySet<string> {
  if (/\bexport\s*\*/.test(text)) return 'reexports';
  return exportableNamesOrWords(text);
}

/** exportableNames, or every word of the text when that reading cannot follow its exports. */
export function exportableNamesOrWords(text: string): ReadonlySet<string> {
  return exportableNames(text) ?? new Set(text.match(WORD));
}

/** `export * from './m'` and `export * as ns from "./n"`: the quoted module each names, in the order of the text. */
const STAR_SPECIFIER = new RegExp(`(?<![\\w$.])export\\s*\\*\\s*(?:as\\s+${IDENTIFIER}\\s*)?from\\s*(['"])([^'"\\n]*)\\1`, 'g');

/** The modules `text` re-exports with `export * from`, in order (the first to export a name is the one found). */
export function starReexportSpecifiers(text: string): string[] {
  return Array.from(text.matchAll(STAR_SPECIFIER), (match) => match[2]!);
}

/** `pattern` (sticky) read at `at`. */
function readAt(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}
