import * as vscode from 'vscode';

/** A file's text through VS Code's file system (remote and virtual workspaces too); undefined if it cannot be read. */
export async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}
