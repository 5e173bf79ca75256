import ts from '../typescriptCompiler';
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
  return withSyntaxErrors(parseTree(fileName, text));
}

/** The tree parseFile makes, for a caller that keeps it a while (see ProjectAnalyzer's settling of import cycles). */
export function parseTree(fileName: string, text: string): ts.SourceFile {
  // No parent links: the engine walks top-down, and setting them costs a quarter of the parse.
  return createTree(fileName, text, /* setParentNodes */ false);
}

/**
 * Every tree the engine parses itself. JSDoc comments are left unparsed: the engine reads no JSDoc (syntax errors
 * are `parseDiagnostics`, which JSDoc never adds to; `phi-guard-allow` comments are read from the text), and
 * skipping them makes the parse about a sixth cheaper. The incremental parser keeps the mode of the tree it updates.
 */
export function createTree(fileName: string, text: string, setParentNodes: boolean): ts.SourceFile {
  return ts.createSourceFile(fileName, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, setParentNodes, scriptKindFor(fileName));
}

/**
 * A tree another tool already parsed (typescript-eslint keeps the TypeScript tree it converted to ESTree), when it
 * is safe to walk: made by this very TypeScript module (syntax kinds are numbered differently across versions)
 * from exactly `text`. Otherwise undefined, and the caller parses.
 */
export function adoptSourceFile(candidate: unknown, text: string): ts.SourceFile | undefined {
  if (!candidate || typeof candidate !== 'object') return undefined;
  const allocator = (ts as unknown as { objectAllocator?: { getSourceFileConstructor?(): unknown } }).objectAllocator;
  const ownConstructor = allocator?.getSourceFileConstructor?.();
  if (!ownConstructor || Object.getPrototypeOf(candidate)?.constructor !== ownConstructor) return undefined;
  const sourceFile = candidate as ts.SourceFile;
  return sourceFile.kind === ts.SyntaxKind.SourceFile && sourceFile.text === text ? sourceFile : undefined;
}

export function withSyntaxErrors(sourceFile: ts.SourceFile): ParsedFile {
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
  for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', start)) {
    lines++;
    longest = Math.max(longest, newline - start);
    start = newline + 1;
  }
  longest = Math.max(longest, text.length - start);
  return text.length / lines > 300 || longest > 5_000;
}
