import * as vscode from 'vscode';
import { LineIndex } from '../core/text/lineIndex';
import type { TextRange } from '../core/findings/finding';

/** The one conversion from engine offsets (UTF-16, like VS Code's) to editor positions. */
export function toVscodeRange(document: vscode.TextDocument, range: TextRange): vscode.Range {
  return new vscode.Range(document.positionAt(range.start), document.positionAt(range.end));
}

/**
 * The same conversion for a file that has no document (a flow step in a helper nobody opened): `LineIndex` counts
 * UTF-16 offsets and line ends (`\r\n`, `\n`, a lone `\r`) as `document.positionAt` does.
 */
export function rangeConverterFor(text: string): (range: TextRange) => vscode.Range {
  const lines = new LineIndex(text);
  const position = (offset: number): vscode.Position => {
    const { line, column } = lines.positionAt(offset);
    return new vscode.Position(line - 1, column - 1);
  };
  return (range) => new vscode.Range(position(range.start), position(range.end));
}
