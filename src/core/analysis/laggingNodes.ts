import type ts from 'typescript';

/**
 * Trees whose nodes may hold offsets from before the last edits (see StatementSplicer): an edit moves the top-level
 * statements after it at once, and the nodes under each of them only when something first reads their offsets. What
 * reads a node's offsets in such a tree (its range, its text, the comments next to it) settles it first, through
 * `settlerOf`; everything else settles the whole tree first (`settleTree`).
 */
const settlers = new WeakMap<ts.SourceFile, (statement: ts.Node) => void>();

/** `tree`'s statements may lag behind: `settle` brings one top-level statement's nodes to its offsets. */
export function markLagging(tree: ts.SourceFile, settle: (statement: ts.Node) => void): void {
  settlers.set(tree, settle);
}

/**
 * Brings any node of `tree` to its current offsets before they are read, or undefined when no node of `tree` can lag
 * (every tree but the editor's): callers look this up once per tree.
 */
export function settlerOf(tree: ts.SourceFile): ((node: ts.Node) => void) | undefined {
  const settle = settlers.get(tree);
  if (!settle) return undefined;
  return (node) => {
    let top = node;
    // Up to the top-level statement (its parent is a file: this tree, or the next one the splicer made of it).
    while (top.parent && top.parent.parent) top = top.parent;
    if (top.parent) settle(top);
  };
}

/** Brings every node of `tree` to its current offsets: for what reads it other than through `settlerOf`. */
export function settleTree(tree: ts.SourceFile): void {
  const settle = settlers.get(tree);
  if (!settle) return;
  for (const statement of tree.statements) settle(statement);
  settle(tree.endOfFileToken);
}
