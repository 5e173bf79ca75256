import ts from 'typescript';

/**
 * TypeScript's incremental parser re-parses a little before an edit (a token or two of lookahead), so an edit at the
 * start of a statement or class member also re-makes the one before it, unchanged. This puts the previous node back
 * in the new tree wherever the re-made one is the same parse of the same text (kind, flags and extent of every node),
 * as TypeScript itself does with the nodes it reuses: then "the same node" means "not changed by the edit", which is
 * what lets the editor analyse only what an edit changed (see editedPart).
 *
 * Only nodes that end before the edit are considered: their text is the same as before, at the same offsets.
 */
export function keepUnchangedNodes(previous: readonly ts.Statement[], tree: ts.SourceFile, changeStart: number): void {
  const statements = tree.statements;
  if (statements.length !== previous.length) return;
  for (let i = 0; i < statements.length; i++) {
    const before = previous[i]!;
    const now = statements[i]!;
    if (now === before) continue;
    if (before.end > changeStart) {
      if (ts.isClassDeclaration(before) && ts.isClassDeclaration(now)) keepUnchangedMembers(before, now, changeStart);
      return;
    }
    if (sameParse(before, now)) replace(statements, i, before, tree);
  }
}

function keepUnchangedMembers(before: ts.ClassDeclaration, now: ts.ClassDeclaration, changeStart: number): void {
  if (before.members.length !== now.members.length) return;
  for (let i = 0; i < now.members.length; i++) {
    const old = before.members[i]!;
    if (old.end > changeStart) return;
    if (now.members[i] !== old && sameParse(old, now.members[i]!)) replace(now.members, i, old, now);
  }
}

function replace<T extends ts.Node>(list: ts.NodeArray<T>, index: number, node: T, parent: ts.Node): void {
  (list as unknown as T[])[index] = node;
  (node as { parent: ts.Node }).parent = parent;
}

/** Flags TypeScript works out later and caches on a node (whether any descendant has an error): not the parse's. */
const CACHED_FLAGS = ts.NodeFlags.ThisNodeOrAnySubNodesHasError | ts.NodeFlags.HasAggregatedChildData;

/** Same kinds, flags and extents all the way down. */
function sameParse(a: ts.Node, b: ts.Node): boolean {
  if (a.kind !== b.kind || a.pos !== b.pos || a.end !== b.end || (a.flags & ~CACHED_FLAGS) !== (b.flags & ~CACHED_FLAGS)) return false;
  const left: ts.Node[] = [];
  const right: ts.Node[] = [];
  ts.forEachChild(a, (child) => void left.push(child));
  ts.forEachChild(b, (child) => void right.push(child));
  return left.length === right.length && left.every((child, i) => sameParse(child, right[i]!));
}
