import * as vscode from 'vscode';

/** Workspace-relative, with the folder name first in a multi-root workspace: how findings and the inventory name files. */
export function displayPath(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
}
