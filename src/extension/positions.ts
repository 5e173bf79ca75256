import * as vscode from 'vscode';
import type { TextRange } from '../core';

/** The one conversion from engine offsets (UTF-16, like VS Code's) to editor positions. */
export function toVscodeRange(document: vscode.TextDocument, range: TextRange): vscode.Range {
  return new vscode.Range(document.positionAt(range.start), document.positionAt(range.end));
}
