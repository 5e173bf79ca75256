import * as fs from 'fs';
import * as path from 'path';
import ts from 'typescript';

/** Syntax errors (and type annotations in .js/.jsx files) of fixture files, as `relative/path:line: message`. */
export function syntaxProblems(files: readonly string[], baseDir: string): string[] {
  const broken: string[] = [];
  for (const file of files) {
    const { diagnostics = [] } = ts.transpileModule(fs.readFileSync(file, 'utf8'), {
      fileName: file,
      reportDiagnostics: true,
      compilerOptions: { jsx: ts.JsxEmit.Preserve, allowJs: true },
    });
    for (const d of diagnostics) {
      const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
      broken.push(`${path.relative(baseDir, file)}:${line}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    }
  }
  return broken;
}
