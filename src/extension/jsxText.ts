/**
 * Inside JSX children a `// …` line is text that renders in the UI, not a comment. The suppression quick fix
 * asks this before inserting a line comment.
 */
import ts from 'typescript';

export function isInJsxText(text: string, fileName: string, offset: number): boolean {
  if (/\.[cm]?ts$/i.test(fileName)) return false; // TypeScript files without the x cannot contain JSX
  const scriptKind = /\.tsx$/i.test(fileName) ? ts.ScriptKind.TSX : ts.ScriptKind.JSX;
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, scriptKind);
  const visit = (node: ts.Node): boolean => {
    if (offset < node.pos || offset >= node.end) return false;
    if (node.kind === ts.SyntaxKind.JsxText) return true;
    return ts.forEachChild(node, visit) ?? false;
  };
  return visit(source);
}
