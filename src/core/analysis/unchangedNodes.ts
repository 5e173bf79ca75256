import ts from 'typescript';

/**
 * TypeScript's incremental parser re-parses a little before an edit (a token or two of lookahead), so an edit at the
 * start of a statement or class member also re-makes the one before it, unchanged. These put the previous node back
 * in the new tree wherever the re-made one is the same parse of the same text (kind, flags and extent of every node),
 * as TypeScript itself does with the nodes it reuses: then "the same node" means "not changed by the edit", which is
 * what lets the editor analyse only what an edit changed (see editedPart).
 *
 * Only nodes that ended before the edit in the previous text qualify, judged before the update: the update moves
 * and trims the previous nodes that reach the edit (a statement ending in `fn` whose `n` was deleted would look like
 * the new one ending in `f`; one ending exactly where text is inserted is stretched over it).
 */
export interface UnchangedCandidates {
  readonly statements: readonly ts.Statement[];
  /** The leading statements that end before the edit. */
  readonly count: number;
  /** The class the edit is in, and how many of its leading members end before the edit. */
  readonly classIndex: number;
  readonly members: readonly ts.ClassElement[];
  readonly memberCount: number;
}

/** Read from the previous tree before `ts.updateSourceFile` changes its nodes. */
export function unchangedCandidates(previous: ts.SourceFile, changeStart: number): UnchangedCandidates {
  const statements = previous.statements;
  let count = 0;
  while (count < statements.length && statements[count]!.end < changeStart) count++;
  const edited = statements[count];
  const members = edited && ts.isClassDeclaration(edited) ? edited.members : [];
  let memberCount = 0;
  while (memberCount < members.length && members[memberCount]!.end < changeStart) memberCount++;
  return { statements, count, classIndex: count, members, memberCount };
}

export function keepUnchangedNodes(candidates: UnchangedCandidates, tree: ts.SourceFile): void {
  const statements = tree.statements;
  if (statements.length !== candidates.statements.length) return;
  for (let i = 0; i < candidates.count; i++) {
    const before = candidates.statements[i]!;
    if (statements[i] !== before && sameParse(before, statements[i]!)) replace(statements, i, before, tree);
  }
  const edited = statements[candidates.classIndex];
  if (!edited || !ts.isClassDeclaration(edited) || edited.members.length !== candidates.members.length) return;
  for (let i = 0; i < candidates.memberCount; i++) {
    const before = candidates.members[i]!;
    if (edited.members[i] !== before && sameParse(before, edited.members[i]!)) replace(edited.members, i, before, edited);
  }
}

function replace<T extends ts.Node>(list: ts.NodeArray<T>, index: number, node: T, parent: ts.Node): void {
  (list as unknown as T[])[index] = node;
  (node as { parent: ts.Node }).parent = parent;
}

/** Flags TypeScript works out later and caches on a node (whether any descendant has an error): not the parse's. */
const CACHED_FLAGS = ts.NodeFlags.ThisNodeOrAnySubNodesHasError | ts.NodeFlags.HasAggregatedChildData;

/** Same kinds, flags, extents and names all the way down. */
function sameParse(a: ts.Node, b: ts.Node): boolean {
  if (a.kind !== b.kind || a.pos !== b.pos || a.end !== b.end || (a.flags & ~CACHED_FLAGS) !== (b.flags & ~CACHED_FLAGS)) return false;
  if ((ts.isIdentifier(a) || ts.isLiteralExpression(a)) && a.text !== (b as ts.Identifier | ts.LiteralExpression).text) return false;
  const left: ts.Node[] = [];
  const right: ts.Node[] = [];
  ts.forEachChild(a, (child) => void left.push(child));
  ts.forEachChild(b, (child) => void right.push(child));
  return left.length === right.length && left.every((child, i) => sameParse(child, right[i]!));
}
