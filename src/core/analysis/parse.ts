import ts from 'typescript';
import type { TextRange } from '../findings/finding';

export interface ParsedFile {
  readonly sourceFile: ts.SourceFile;
  readonly syntaxErrors: readonly { readonly range: TextRange; readonly message: string }[];
}

export function scriptKindFor(fileName: string): ts.ScriptKind {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (lower.endsWith('.jsx')) return ts.ScriptKind.JSX;
  if (/\.(js|mjs|cjs)$/.test(lower)) return ts.ScriptKind.JSX; // JSX is legal in many .js code bases; the JSX grammar is a superset here
  return ts.ScriptKind.TS;
}

/** Parses with the TypeScript compiler's own parser: no ESTree conversion, no type checking, no parent links. */
export function parseFile(fileName: string, text: string): ParsedFile {
  // No parent links: the engine walks top-down, and setting them costs a quarter of the parse.
  const sourceFile = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, /* setParentNodes */ false, scriptKindFor(fileName));
  // parseDiagnostics is internal but stable across TypeScript 4–6; it is how the compiler reports syntax errors.
  const diagnostics = (sourceFile as unknown as { parseDiagnostics?: readonly ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  const syntaxErrors = diagnostics.map((d) => ({
    range: { start: d.start, end: d.start + d.length },
    message: ts.flattenDiagnosticMessageText(d.messageText, ' '),
  }));
  return { sourceFile, syntaxErrors };
}

/** Minified or generated bundles: long lines and almost no line breaks. Analysing them finds nothing a person can fix. */
export function looksMinified(text: string): boolean {
  if (text.length < 20_000) return false;
  let lines = 1;
  let longest = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      lines++;
      longest = Math.max(longest, i - start);
      start = i + 1;
    }
  }
  longest = Math.max(longest, text.length - start);
  return text.length / lines > 300 || longest > 5_000;
}
