import ts from '../typescriptCompiler';

/**
 * TypeScript's incremental parser re-parses a little before an edit (a token or two of lookahead), so an edit at the
 * start of a statement or class member also re-makes the one before it, unchanged. These put the previous node back
 * in the new tree wherever the re-made one is the same parse of the same text (kind, flags and extent of every node),
 * as TypeScript itself does with the nodes it reuses: then "the same node" means "not changed by the edit", which is
 * what lets the editor analyse only what an edit changed (see editedPart).
 *
 * TypeScript marks the nodes it re-parsed for good (a private set), so a node put back is re-made by every later
 * update too, wherever that edit is: the statements and members after an edit are put back as well.
 *
 * Before the edit, only nodes that ended before it in the previous text qualify, judged before the update: the update
 * moves and trims the previous nodes that reach the edit (a statement ending in `fn` whose `n` was deleted would look
 * like the new one ending in `f`; one ending exactly where text is inserted is stretched over it). After it, only
 * nodes that began after the replaced text: the update moves them by the change in length, every descendant with them.
 * The text before the edit is the same in both trees, and so is the text after it, so those nodes line up by index
 * from the start and from the end, even when the edit added or removed statements or members in between.
 */
export interface UnchangedCandidates {
  readonly statements: readonly ts.Statement[];
  /** The leading statements that end before the edit. */
  readonly count: number;
  /** The first of the trailing statements that begin after the replaced text. */
  readonly tail: number;
  /** The class the edit is in, and its leading members that end before the edit and trailing ones after it. */
  readonly classIndex: number;
  readonly members: readonly ts.ClassElement[];
  readonly memberCount: number;
  readonly memberTail: number;
}

/** Read from the previous tree before `ts.updateSourceFile` changes its nodes. */
export function unchangedCandidates(previous: ts.SourceFile, change: ts.TextChangeRange): UnchangedCandidates {
  const start = change.span.start;
  const oldEnd = start + change.span.length;
  const statements = previous.statements;
  const count = leading(statements, start);
  const edited = statements[count];
  const members = edited && ts.isClassDeclaration(edited) ? edited.members : [];
  return { statements, count, tail: trailing(statements, oldEnd), classIndex: count, members, memberCount: leading(members, start), memberTail: trailing(members, oldEnd) };
}

export function keepUnchangedNodes(candidates: UnchangedCandidates, tree: ts.SourceFile): void {
  keepList(candidates.statements, candidates.count, candidates.tail, tree.statements, tree);
  const edited = tree.statements[candidates.classIndex];
  if (edited && ts.isClassDeclaration(edited)) keepList(candidates.members, candidates.memberCount, candidates.memberTail, edited.members, edited);
}

/** How many nodes end before `offset`. */
function leading(nodes: readonly ts.Node[], offset: number): number {
  let count = 0;
  while (count < nodes.length && nodes[count]!.end < offset) count++;
  return count;
}

/** The index of the first of the nodes that begin after `offset` (as `ts.updateSourceFile` judges it). */
function trailing(nodes: readonly ts.Node[], offset: number): number {
  let first = nodes.length;
  while (first > 0 && nodes[first - 1]!.pos > offset) first--;
  return first;
}

/**
 * Puts back in `after` the nodes of `before` that parsed the same: the first `count` by index from the start, the ones
 * from `tail` on by index from the end. `delta`: how far those trailing ones must move to be where their twins are (0
 * once TypeScript's update moved them), which `move` does to the ones put back.
 */
export function keepList<T extends ts.Node>(
  before: readonly T[], count: number, tail: number, after: readonly T[], parent: ts.Node, delta = 0, move?: (node: T) => void,
): void {
  const leadingCount = Math.min(count, after.length);
  for (let i = 0; i < leadingCount; i++) keep(before[i]!, after, i, parent, 0);
  for (let j = before.length - 1, i = after.length - 1; j >= tail && i >= leadingCount; j--, i--) keep(before[j]!, after, i, parent, delta, move);
}

function keep<T extends ts.Node>(before: T, after: readonly T[], index: number, parent: ts.Node, delta: number, move?: (node: T) => void): void {
  if (after[index] === before || !sameParse(before, after[index]!, delta)) return;
  move?.(before);
  (after as T[])[index] = before;
  (before as { parent: ts.Node }).parent = parent;
}

/** Flags TypeScript works out later and caches on a node (whether any descendant has an error): not the parse's. */
const CACHED_FLAGS = ts.NodeFlags.ThisNodeOrAnySubNodesHasError | ts.NodeFlags.HasAggregatedChildData;

/** Same kinds, flags, extents (`b`'s moved by `delta`) and names all the way down. */
function sameParse(a: ts.Node, b: ts.Node, delta = 0): boolean {
  if (a.kind !== b.kind || a.pos + delta !== b.pos || a.end + delta !== b.end || (a.flags & ~CACHED_FLAGS) !== (b.flags & ~CACHED_FLAGS)) return false;
  if ((ts.isIdentifier(a) || ts.isLiteralExpression(a)) && a.text !== (b as ts.Identifier | ts.LiteralExpression).text) return false;
  const left: ts.Node[] = [];
  const right: ts.Node[] = [];
  ts.forEachChild(a, (child) => void left.push(child));
  ts.forEachChild(b, (child) => void right.push(child));
  return left.length === right.length && left.every((child, i) => sameParse(child, right[i]!, delta));
}
