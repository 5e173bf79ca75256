import ts from 'typescript';
import { sameParse } from './unchangedNodes';

/** What TypeScript's incremental parser moves when an edit changes the length of the text before it. */
type Movable = ts.Node | ts.NodeArray<ts.Node>;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The statements whose re-parse needs nothing but their own text (and the next statement's, for lookahead). */
const SPLICEABLE = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.FunctionDeclaration, ts.SyntaxKind.ClassDeclaration, ts.SyntaxKind.VariableStatement, ts.SyntaxKind.ExpressionStatement,
  ts.SyntaxKind.InterfaceDeclaration, ts.SyntaxKind.TypeAliasDeclaration,
]);

/** Flags TypeScript works out later and caches on a node (whether any descendant has an error): not the parse's. */
const CACHED_FLAGS = ts.NodeFlags.ThisNodeOrAnySubNodesHasError | ts.NodeFlags.HasAggregatedChildData;
/** Internal flags a file's parse learns from all of its text (an unknown one: assume it is set). */
const INTERNAL_FLAGS = ts.NodeFlags as unknown as Readonly<Record<string, number | undefined>>;
const IMPORT_META = INTERNAL_FLAGS.PossiblyContainsImportMeta ?? ~0;
const FILE_WIDE_FLAGS = (INTERNAL_FLAGS.PossiblyContainsDynamicImport ?? 0) | (INTERNAL_FLAGS.PossiblyContainsImportMeta ?? 0);

/** A SourceFile's fields the parser sets that the public type does not declare. */
interface ParsedFileFields {
  parseDiagnostics?: ts.DiagnosticWithLocation[];
  jsDocDiagnostics?: ts.DiagnosticWithLocation[];
  commentDirectives?: { range: ts.TextRange; type: number }[];
  externalModuleIndicator?: ts.Node | true;
  lineMap?: readonly number[];
  jsDocParsingMode?: ts.JSDocParsingMode;
}

/** Fields of the previous tree the new one must not share: identity, caches and the binder's work. */
const NOT_COPIED = new Set(['id', 'original', 'emitNode', 'lineMap', 'locals', 'nextContainer', 'endFlowNode', 'symbol', 'classifiableNames', 'bindDiagnostics', 'bindSuggestionDiagnostics']);

/**
 * Re-parses only the top-level statement an edit is in, for the editor's keystrokes in large files. TypeScript's
 * incremental parser re-parses little, but moves every node after the edit by the change in length with a recursive
 * walk (half a 20,000-line file per keystroke, on average: most of the time an edit inside a function took). Here the
 * edited statement is parsed alone, with the statement after it (the parser may look one token past a statement's
 * end), and the nodes after it are moved with one loop over lists kept per statement.
 *
 * The result is a new tree with the previous tree's statement objects, as TypeScript's would be: the statements before
 * the edit as they were, the ones after moved, the edited one re-made (a class keeps its unchanged members). When the
 * edit could change the parse of anything outside its statement (it reaches the statement's first token or its end, the
 * statement no longer ends where it did, or the next one parses differently), `splice` declines, and the caller uses
 * TypeScript's incremental parser.
 */
export class StatementSplicer {
  /** Every node and node array under a top-level statement, in TypeScript's walk order; keyed by the statement, which
   * either parser reuses whole while nothing in it changes. */
  private readonly nodeLists = new WeakMap<ts.Node, Movable[]>();

  /** `previous` with `change` applied (making `text`), or undefined when the edit needs TypeScript's incremental parser. */
  splice(previous: ts.SourceFile, text: string, change: ts.TextChangeRange): ts.SourceFile | undefined {
    const start = change.span.start;
    const oldEnd = start + change.span.length;
    const delta = change.newLength - change.span.length;
    const statements = previous.statements;
    const index = statementAt(statements, start);
    const edited = statements[index];
    if (!edited || !SPLICEABLE.has(edited.kind) || oldEnd >= edited.end) return undefined;
    // The first token decides what statement this is, and how the one before it ends.
    const editedStart = edited.getStart(previous);
    if (start <= firstTokenEnd(previous, editedStart)) return undefined;
    const fields = previous as ts.SourceFile & ParsedFileFields;
    const indicator = fields.externalModuleIndicator;
    if (indicator !== undefined && indicator !== true && indicator.parent !== previous) return undefined;
    // Syntax errors: only the edited statement's, before and after. An error elsewhere may have been reported by
    // another statement's parse (a lookahead scans an unterminated comment to the end of the text; a token skipped
    // between statements marks the next node made as erroneous), which the fragment cannot tell.
    const inEdited = (d: ts.DiagnosticWithLocation) => d.start > editedStart && d.start < edited.end;
    if (!allWithin([fields.parseDiagnostics, fields.jsDocDiagnostics], inEdited)) return undefined;

    const next = statements[index + 1];
    const from = edited.pos;
    const oldTo = next ? next.end : previous.text.length;
    const fragment = ts.createSourceFile(previous.fileName, text.slice(from, oldTo + delta), {
      languageVersion: previous.languageVersion,
      jsDocParsingMode: fields.jsDocParsingMode,
      // A module's top-level `await` parses differently: the fragment is a module exactly when the file is.
      setExternalModuleIndicator: (file) => { (file as ts.SourceFile & ParsedFileFields).externalModuleIndicator = indicator === undefined ? undefined : true; },
    }, /* setParentNodes */ true, scriptKindOf(previous));
    const made = fragment.statements;
    if (made.length !== (next ? 2 : 1)) return undefined;
    const remade = made[0]!;
    if (remade.kind !== edited.kind || remade.end !== edited.end + delta - from) return undefined;
    if (next && (made[1]!.kind !== next.kind || made[1]!.pos !== next.pos + delta - from || made[1]!.end !== oldTo + delta - from)) return undefined;
    // `import.meta` makes a script a module, which changes how all of it parses.
    if (indicator === undefined && fragment.flags & IMPORT_META) return undefined;
    const fragmentFields = fragment as ts.SourceFile & ParsedFileFields;
    const remadeStart = remade.getStart(fragment);
    const inRemade = (d: ts.DiagnosticWithLocation) => d.start >= remadeStart && d.start < remade.end;
    if (!allWithin([fragmentFields.parseDiagnostics, fragmentFields.jsDocDiagnostics], inRemade)) return undefined;

    moveSubtree(remade, from);
    if (ts.isClassDeclaration(remade)) keepUnchangedMembers(edited as ts.ClassDeclaration, remade, start, oldEnd, delta);

    const file = Object.create(Object.getPrototypeOf(previous)) as Mutable<ts.SourceFile> & ParsedFileFields;
    for (const key of Object.keys(previous)) if (!NOT_COPIED.has(key)) (file as unknown as Record<string, unknown>)[key] = (previous as unknown as Record<string, unknown>)[key];
    const list = [...statements] as ts.Statement[];
    list[index] = remade;
    for (let i = index + 1; i < list.length; i++) this.move(list[i]!, delta);
    this.move(previous.endOfFileToken, delta);
    const statementArray = ts.factory.createNodeArray(list, statements.hasTrailingComma) as Mutable<ts.NodeArray<ts.Statement>>;
    statementArray.pos = statements.pos;
    statementArray.end = statements.end + delta;
    file.statements = statementArray;
    file.text = text;
    file.end = text.length;
    file.lineMap = undefined;
    file.flags = (previous.flags | (fragment.flags & FILE_WIDE_FLAGS)) & ~CACHED_FLAGS;
    if (indicator === edited) file.externalModuleIndicator = remade;
    file.parseDiagnostics = (fragmentFields.parseDiagnostics ?? []).map((d) => ({ ...d, file, start: d.start + from }));
    file.jsDocDiagnostics = (fragmentFields.jsDocDiagnostics ?? []).map((d) => ({ ...d, file, start: d.start + from }));
    file.commentDirectives = mergeDirectives(fields.commentDirectives, fragmentFields.commentDirectives, from, oldTo, delta);
    for (const statement of list) (statement as Mutable<ts.Node>).parent = file;
    (previous.endOfFileToken as Mutable<ts.Node>).parent = file;
    return file;
  }

  /** Moves a statement (or the end-of-file token) and everything under it by `delta`. */
  private move(node: ts.Node, delta: number): void {
    if (delta === 0) return;
    let list = this.nodeLists.get(node);
    if (!list) this.nodeLists.set(node, (list = nodeList(node)));
    for (let i = 0; i < list.length; i++) {
      const item = list[i] as Mutable<ts.TextRange>;
      item.pos += delta;
      item.end += delta;
    }
  }
}

/** The index of the statement whose extent (leading trivia included) holds `offset`, or -1. */
function statementAt(statements: readonly ts.Statement[], offset: number): number {
  let low = 0;
  let high = statements.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const statement = statements[middle]!;
    if (statement.end <= offset) low = middle + 1;
    else if (statement.pos > offset) high = middle - 1;
    else return middle;
  }
  return -1;
}

function firstTokenEnd(sourceFile: ts.SourceFile, tokenStart: number): number {
  const scanner = ts.createScanner(sourceFile.languageVersion, /* skipTrivia */ true, sourceFile.languageVariant, sourceFile.text);
  scanner.resetTokenState(tokenStart);
  scanner.scan();
  return scanner.getTokenEnd();
}

function scriptKindOf(sourceFile: ts.SourceFile): ts.ScriptKind {
  return (sourceFile as ts.SourceFile & { scriptKind?: ts.ScriptKind }).scriptKind ?? ts.ScriptKind.TS;
}

/** The nodes and node arrays TypeScript's incremental parser moves for a node it moves: its children, and JSDoc. */
function nodeList(root: ts.Node): Movable[] {
  const list: Movable[] = [];
  const visitArray = (array: ts.NodeArray<ts.Node>) => {
    list.push(array);
    for (const node of array) visitNode(node);
  };
  const visitNode = (node: ts.Node): void => {
    list.push(node);
    ts.forEachChild(node, visitNode, visitArray);
    const jsDoc = (node as { jsDoc?: ts.Node[] }).jsDoc;
    if (jsDoc) for (const comment of jsDoc) visitNode(comment);
  };
  visitNode(root);
  return list;
}

function moveSubtree(root: ts.Node, delta: number): void {
  if (delta === 0) return;
  for (const item of nodeList(root) as Mutable<ts.TextRange>[]) {
    item.pos += delta;
    item.end += delta;
  }
}

/**
 * The class's members the edit did not change are put back (the ones after it moved), as TypeScript's incremental
 * parser would have reused them: "the same member object" is how the editor knows which method an edit changed.
 */
function keepUnchangedMembers(before: ts.ClassDeclaration, after: ts.ClassDeclaration, start: number, oldEnd: number, delta: number): void {
  const old = before.members;
  const now = after.members as unknown as ts.ClassElement[];
  let leading = 0;
  for (; leading < Math.min(old.length, now.length) && old[leading]!.end <= start; leading++) {
    if (!sameParse(old[leading]!, now[leading]!)) break;
    adopt(now, leading, old[leading]!, after);
  }
  for (let i = old.length - 1, j = now.length - 1; i >= 0 && j >= leading && old[i]!.pos >= oldEnd; i--, j--) {
    if (!sameParse(old[i]!, now[j]!, delta)) break;
    moveSubtree(old[i]!, delta);
    adopt(now, j, old[i]!, after);
  }
}

function adopt(members: ts.ClassElement[], index: number, member: ts.ClassElement, parent: ts.ClassDeclaration): void {
  members[index] = member;
  (member as Mutable<ts.Node>).parent = parent;
}

function allWithin(lists: readonly (readonly ts.DiagnosticWithLocation[] | undefined)[], within: (d: ts.DiagnosticWithLocation) => boolean): boolean {
  return lists.every((list) => list?.every(within) ?? true);
}

type CommentDirective = NonNullable<ParsedFileFields['commentDirectives']>[number];

/** Comment directives (`// @ts-ignore`) are the scanner's: the fragment's are exact for its text. */
function mergeDirectives(
  previous: readonly CommentDirective[] | undefined, fragment: readonly CommentDirective[] | undefined, from: number, oldTo: number, delta: number,
): CommentDirective[] | undefined {
  if (!previous?.length && !fragment?.length) return undefined;
  const all = previous ?? [];
  const moved = (d: CommentDirective, by: number) => ({ ...d, range: { pos: d.range.pos + by, end: d.range.end + by } });
  return [
    ...all.filter((d) => d.range.pos < from),
    ...(fragment ?? []).map((d) => moved(d, from)),
    ...all.filter((d) => d.range.pos >= oldTo).map((d) => moved(d, delta)),
  ];
}
