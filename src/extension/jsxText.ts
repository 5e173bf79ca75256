/**
 * Inside JSX children a `// …` line is text that renders in the UI, not a comment. The suppression quick fix
 * asks this before inserting a line comment.
 */
import ts from '../core/typescriptCompiler';

/** `source` as the engine parses it (`parseFile`: a `.ts` file has no JSX, a `.js` file may). */
export function isInJsxText(source: ts.SourceFile, offset: number): boolean {
  const visit = (node: ts.Node): boolean => {
    if (offset < node.pos || offset >= node.end) return false;
    if (node.kind === ts.SyntaxKind.JsxText) return true;
    return ts.forEachChild(node, visit) ?? false;
  };
  return visit(source);
}
