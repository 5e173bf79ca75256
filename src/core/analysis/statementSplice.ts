import ts from '../typescriptCompiler';
import { markLagging } from './laggingNodes';
import { keepList } from './unchangedNodes';

/** What TypeScript's incremental parser moves when an edit changes the length of the text before it. */
type Movable = ts.Node | ts.NodeArray<ts.Node>;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The statements whose re-parse needs nothing but their own text (and the next statement's, for lookahead). */
const SPLICEABLE = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.FunctionDeclaration, ts.SyntaxKind.ClassDeclaration, ts.SyntaxKind.VariableStatement, ts.SyntaxKind.ExpressionStatement,
  ts.SyntaxKind.InterfaceDeclaration, ts.SyntaxKind.TypeAliasDeclaration,
]);

/** How many statements after the edited one are parsed with it, tried in turn until the last come out as they were. */
const FOLLOWING_TRIED = [1, 2, 4, 8, 16, 32];

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
 * end). The statements after it are moved at once, and the nodes under each of them by one loop over a list kept per
 * statement, when something first reads them (`settle`; see laggingNodes): a keystroke near the top of a 20,000-line
 * file would otherwise move some 140,000 nodes scattered over the heap, most of them never read before the next one.
 *
 * The result is a new tree with the previous tree's statement objects, as TypeScript's would be: the statements before
 * the edit as they were, the ones after moved, the edited one re-made with the parts the edit did not change put back.
 * When the edit could change the parse of anything outside the statements parsed again (see `splice`), it declines,
 * and the caller uses TypeScript's incremental parser.
 */
export class StatementSplicer {
  /** Every node and node array under a top-level statement, in TypeScript's walk order, made when it is first settled;
   * keyed by the statement, which either parser reuses whole while nothing in it changes. */
  private readonly nodeLists = new WeakMap<ts.Node, Movable[]>();
  /**
   * How far the nodes under a top-level statement (or the end-of-file token) lag behind it: edits before it moved the
   * statement's own offsets, and left its descendants to `settle`. Keyed by the statement, which trees share.
   */
  private readonly lags = new WeakMap<ts.Node, number>();

  /** `previous` with `change` applied (making `text`), or undefined when the edit needs TypeScript's incremental parser. */
  splice(previous: ts.SourceFile, text: string, change: ts.TextChangeRange): ts.SourceFile | undefined {
    const start = change.span.start;
    const oldEnd = start + change.span.length;
    const delta = change.newLength - change.span.length;
    const statements = previous.statements;
    const index = statementAt(statements, start);
    const edited = statements[index];
    if (!edited || !SPLICEABLE.has(edited.kind) || oldEnd >= edited.end) return undefined;
    // The comments before the file's first token are its pragmas (`/// <reference …>`, `// @ts-nocheck`), read once.
    if (start < statements[0]!.getStart(previous)) return undefined;
    const fields = previous as ts.SourceFile & ParsedFileFields;
    const indicator = fields.externalModuleIndicator;
    if (indicator !== undefined && indicator !== true && indicator.parent !== previous) return undefined;
    // The first token decides what statement this is, and may decide how the one before it ends (`a` and then `(b)`
    // on the next line is a call); an error reported there may be that one's (a missing `;` is reported at the next
    // token). Then the statement before it is re-parsed too, unless nothing can continue it.
    const editedStart = edited.getStart(previous);
    const errorAtStart = [fields.parseDiagnostics, fields.jsDocDiagnostics].some((list) => list?.some((d) => d.start === editedStart));
    const editedToken = scanFirstToken(previous, previous.text, edited.pos);
    const touchesStart = start <= editedToken.end;
    const first = index > 0 && (errorAtStart || (touchesStart && !endsClosed(statements[index - 1]!, previous.text))) ? index - 1 : index;
    const from = statements[first]!.pos;
    // The parser scans a statement's first token before it finishes the statement before it: an error there (an
    // unterminated string or comment) marks that one.
    const firstToken = first === index ? editedToken : scanFirstToken(previous, previous.text, from);
    if (firstToken.failed || scanFirstToken(previous, text, from).failed) return undefined;

    const parsed = this.reparse(previous, text, first, index, delta);
    if (!parsed) return undefined;
    const { fragment, remade, replaced, oldTo } = parsed;
    const replacedStatements = statements.slice(first, first + replaced);
    // Their nodes are compared with the re-made ones', and may be put back.
    for (const statement of replacedStatements) this.settle(statement);
    // Syntax errors: only the replaced statements', before and after. An error elsewhere may have been reported by
    // another statement's parse (a lookahead scans an unterminated comment to the end of the text; a token skipped
    // between statements marks the next node made as erroneous), which the fragment cannot tell; nor one at the first
    // token (see above).
    const replacedStart = statements[first]!.getStart(previous);
    const replacedEnd = replacedStatements[replacedStatements.length - 1]!.end;
    const inReplaced = (d: ts.DiagnosticWithLocation) => d.start > replacedStart && d.start < replacedEnd;
    if (!allWithin([fields.parseDiagnostics, fields.jsDocDiagnostics], inReplaced)) return undefined;
    const fragmentFields = fragment as ts.SourceFile & ParsedFileFields;
    const remadeStart = remade[0]!.getStart(fragment);
    const remadeEnd = remade[remade.length - 1]!.end;
    const inRemade = (d: ts.DiagnosticWithLocation) => d.start >= remadeStart && d.start < remadeEnd;
    if (!allWithin([fragmentFields.parseDiagnostics, fragmentFields.jsDocDiagnostics], inRemade)) return undefined;
    // `import.meta` makes a script a module, which changes how all of it parses; so does taking away its only export.
    const replacedIndicator = replacedStatements.some((statement) => statement === indicator);
    if (indicator === undefined ? fragment.flags & IMPORT_META || remade.some(isModuleIndicator) : replacedIndicator && !remade.some(isModuleIndicator)) return undefined;
    // A top-level `await` in a module: TypeScript parses that statement again in an `await` context, and the ones after
    // it until the parse lines up with the first one again, which a fragment cannot tell.
    const reparsedForAwait = (statement: ts.Statement) => (statement.flags & ts.NodeFlags.AwaitContext) !== 0;
    if (fragment.statements.some(reparsedForAwait) || replacedStatements.some(reparsedForAwait)) return undefined;

    const file = Object.create(Object.getPrototypeOf(previous)) as Mutable<ts.SourceFile> & ParsedFileFields;
    for (const key of Object.keys(previous)) if (!NOT_COPIED.has(key)) (file as unknown as Record<string, unknown>)[key] = (previous as unknown as Record<string, unknown>)[key];
    for (const statement of remade) moveSubtree(statement, from);
    // The statements re-parsed before the edited one (see `first`) that came out as they were stay the same objects:
    // "the same statement" is how the editor knows what an edit changed.
    keepList(replacedStatements, index - first, replacedStatements.length, remade, file);
    if (remade.length === 1 && replacedStatements.length === 1 && remade[0]!.kind === edited.kind) keepUnchangedParts(edited, remade[0]!, { start, end: oldEnd, delta });

    const list = [...statements.slice(0, first), ...remade, ...statements.slice(first + replaced)];
    for (let i = first + remade.length; i < list.length; i++) this.move(list[i]!, delta);
    this.move(previous.endOfFileToken, delta);
    const statementArray = ts.factory.createNodeArray(list, statements.hasTrailingComma) as Mutable<ts.NodeArray<ts.Statement>>;
    statementArray.pos = statements.pos;
    statementArray.end = statements.end + delta;
    file.statements = statementArray;
    file.text = text;
    file.end = text.length;
    file.lineMap = undefined;
    file.flags = (previous.flags | (fragment.flags & FILE_WIDE_FLAGS)) & ~CACHED_FLAGS;
    if (indicator !== undefined && indicator !== true) file.externalModuleIndicator = list.find(isModuleIndicator);
    file.parseDiagnostics = (fragmentFields.parseDiagnostics ?? []).map((d) => ({ ...d, file, start: d.start + from }));
    file.jsDocDiagnostics = (fragmentFields.jsDocDiagnostics ?? []).map((d) => ({ ...d, file, start: d.start + from }));
    file.commentDirectives = mergeDirectives(fields.commentDirectives, fragmentFields.commentDirectives, from, oldTo, delta);
    for (const statement of list) (statement as Mutable<ts.Node>).parent = file;
    (previous.endOfFileToken as Mutable<ts.Node>).parent = file;
    markLagging(file, (statement) => this.settle(statement));
    return file;
  }

  /**
   * Parses the new text of the statements from `first` to the edited one with the statements after it, the last of
   * which must come out as it was (the parser looks a token past a statement's end). The edited text may now be
   * several statements (a typo that splits `export function` in two), or have run into the ones after it (a typo taken
   * back joins them; an unclosed `<` or `{` takes in a few): then more statements after it are parsed, until the last
   * ones come out as they were. `replaced`: how many of the previous statements, from `first`; `oldTo`: where the
   * fragment ends in the previous text.
   */
  private reparse(
    previous: ts.SourceFile, text: string, first: number, index: number, delta: number,
  ): { fragment: ts.SourceFile; remade: ts.Statement[]; replaced: number; oldTo: number } | undefined {
    const statements = previous.statements;
    const from = statements[first]!.pos;
    const indicator = (previous as ts.SourceFile & ParsedFileFields).externalModuleIndicator;
    const same = (made: ts.Statement | undefined, old: ts.Statement) => made !== undefined && made.kind === old.kind && made.pos === old.pos + delta - from && made.end === old.end + delta - from;
    for (const following of FOLLOWING_TRIED) {
      const included = statements.slice(index + 1, index + 1 + following);
      if (included.length < following && following > FOLLOWING_TRIED[0]!) return undefined;
      const oldTo = included.length ? included[included.length - 1]!.end : previous.text.length;
      const fragment = ts.createSourceFile(previous.fileName, text.slice(from, oldTo + delta), {
        languageVersion: previous.languageVersion,
        jsDocParsingMode: (previous as ts.SourceFile & ParsedFileFields).jsDocParsingMode,
        // A module's top-level `await` parses differently: the fragment is a module exactly when the file is.
        setExternalModuleIndicator: (file) => { (file as ts.SourceFile & ParsedFileFields).externalModuleIndicator = indicator === undefined ? undefined : true; },
      }, /* setParentNodes */ true, scriptKindOf(previous));
      const made = [...fragment.statements];
      // The statements at the fragment's end that came out as they were: the file goes on after them as before.
      let matched = 0;
      while (matched < included.length && same(made[made.length - 1 - matched], included[included.length - 1 - matched]!)) matched++;
      if (included.length && !matched) continue;
      // A token skipped before one of them (a stray `}`) is an error that also marks the next node made: that statement
      // is re-made, not kept.
      const errors = (fragment as ts.SourceFile & ParsedFileFields).parseDiagnostics ?? [];
      // (Before the fragment's first statement, from the fragment's start: every statement made may have matched.)
      const skippedBefore = (k: number) => errors.some((d) => d.start >= (k > 0 ? made[k - 1]!.end : 0) && d.start < made[k]!.getStart(fragment));
      while (matched > 1 && skippedBefore(made.length - matched)) matched--;
      const replaced = index - first + 1 + included.length - matched;
      const remade = made.slice(0, made.length - matched);
      const replacedEnd = statements[first + replaced - 1]!.end;
      if (remade.length && remade[remade.length - 1]!.end === replacedEnd + delta - from) return { fragment, remade, replaced, oldTo };
    }
    return undefined;
  }

  /** Moves a statement (or the end-of-file token) by `delta`; the nodes under it follow when settled. */
  private move(node: ts.Node, delta: number): void {
    if (delta === 0) return;
    const range = node as Mutable<ts.TextRange>;
    range.pos += delta;
    range.end += delta;
    // A letter typed and deleted again leaves the nodes where they were.
    const lag = (this.lags.get(node) ?? 0) + delta;
    if (lag === 0) this.lags.delete(node);
    else this.lags.set(node, lag);
  }

  /** Moves the nodes under a top-level statement (or the end-of-file token) to where the statement is now. */
  private settle(statement: ts.Node): void {
    const lag = this.lags.get(statement);
    if (lag === undefined) return;
    this.lags.delete(statement);
    let list = this.nodeLists.get(statement);
    if (!list) this.nodeLists.set(statement, (list = nodeList(statement)));
    // The list starts with the statement itself, already moved.
    moveAll(list, lag, 1);
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

/** Whether nothing after `statement` can continue it: it ends with `;`, or is a declaration that ends with its body's `}`. */
function endsClosed(statement: ts.Statement, text: string): boolean {
  const last = text.charCodeAt(statement.end - 1);
  if (last === 0x3b /* ; */) return true;
  if (last !== 0x7d /* } */) return false;
  return ts.isClassDeclaration(statement) || ts.isInterfaceDeclaration(statement) || ts.isEnumDeclaration(statement)
    || (ts.isFunctionDeclaration(statement) && statement.body !== undefined) || (ts.isModuleDeclaration(statement) && statement.body !== undefined);
}

/** TypeScript's test of a statement that makes a file a module (isAnExternalModuleIndicatorNode). */
function isModuleIndicator(statement: ts.Statement): boolean {
  if (ts.isImportDeclaration(statement) || ts.isExportAssignment(statement) || ts.isExportDeclaration(statement)) return true;
  if (ts.isImportEqualsDeclaration(statement)) return ts.isExternalModuleReference(statement.moduleReference);
  return ts.canHaveModifiers(statement) && (ts.getModifiers(statement)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword) ?? false);
}

/** The end of the first token at or after `offset` (trivia skipped), and whether scanning it (or the trivia) failed. */
function scanFirstToken(sourceFile: ts.SourceFile, text: string, offset: number): { end: number; failed: boolean } {
  let failed = false;
  const scanner = ts.createScanner(sourceFile.languageVersion, /* skipTrivia */ true, sourceFile.languageVariant, text, () => { failed = true; });
  scanner.resetTokenState(offset);
  scanner.scan();
  return { end: scanner.getTokenEnd(), failed };
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
  if (delta !== 0) moveAll(nodeList(root), delta);
}

function moveAll(list: readonly Movable[], delta: number, from = 0): void {
  for (let i = from; i < list.length; i++) {
    const item = list[i] as Mutable<ts.TextRange>;
    item.pos += delta;
    item.end += delta;
  }
}

/**
 * The parts of the edited statement the edit did not change are put back, as TypeScript's incremental parser reuses
 * them: the elements of its lists (the statements of a block, a class's members, an object's properties, a call's
 * arguments) that came out the same, the ones after the edit moved, all the way down to the edit. "The same node" is how
 * the editor knows what an edit changed: which method, and whether a function returns the object literal it returned.
 */
function keepUnchangedParts(before: ts.Node, after: ts.Node, change: OldSpan): void {
  const old = childrenOf(before);
  const now = childrenOf(after);
  if (old.length !== now.length) return;
  for (let i = 0; i < old.length; i++) {
    const a = old[i]!;
    const b = now[i]!;
    if (Array.isArray(a) !== Array.isArray(b)) return;
    if (Array.isArray(a)) keepUnchangedElements(a as ts.NodeArray<ts.Node>, b as ts.NodeArray<ts.Node>, after, change);
    else if ((a as ts.Node).kind === (b as ts.Node).kind && intersects(a as ts.Node, change)) keepUnchangedParts(a as ts.Node, b as ts.Node, change);
  }
}

/** The edit as the previous text's offsets see it, and the change in length. */
interface OldSpan {
  readonly start: number;
  readonly end: number;
  readonly delta: number;
}

function keepUnchangedElements(old: ts.NodeArray<ts.Node>, now: ts.NodeArray<ts.Node>, parent: ts.Node, change: OldSpan): void {
  let leading = 0;
  while (leading < old.length && old[leading]!.end <= change.start) leading++;
  let tail = old.length;
  while (tail > leading && old[tail - 1]!.pos >= change.end) tail--;
  keepList(old, leading, tail, now, parent, change.delta, (node) => moveSubtree(node, change.delta));
  // What is left in between is what the edit changed: the element it is in, when it is still one element.
  if (tail === leading + 1 && old.length === now.length && old[leading]!.kind === now[leading]!.kind) keepUnchangedParts(old[leading]!, now[leading]!, change);
}

function childrenOf(node: ts.Node): (ts.Node | ts.NodeArray<ts.Node>)[] {
  const children: (ts.Node | ts.NodeArray<ts.Node>)[] = [];
  ts.forEachChild(node, (child) => void children.push(child), (array) => void children.push(array));
  return children;
}

function intersects(node: ts.Node, change: OldSpan): boolean {
  return node.end > change.start && node.pos < change.end;
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
