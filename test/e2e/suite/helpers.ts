import * as assert from 'assert';
import type * as TypeScript from 'typescript';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'phi-guard.phi-guard';
export const SOURCE = 'PHI Guard';

/** The sample workspace is multi-root: `clinic-app` (first) and `billing`, each with its own .phi-guard.json. */
export function workspaceFolder(name = 'clinic-app'): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.find((candidate) => candidate.name === name);
  assert.ok(folder, `the e2e tests need the sample workspace (test/e2e/workspace/e2e.code-workspace) open; no folder '${name}'`);
  return folder;
}

export async function activateExtension(): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed in this VS Code`);
  await extension.activate();
}

/** Copies a sample into a fresh file (tests must not see each other's edits) and opens it in an editor. */
export async function openSampleCopy(samplePath: string, folder = workspaceFolder()): Promise<vscode.TextEditor> {
  const source = vscode.Uri.joinPath(folder.uri, samplePath);
  const extension = samplePath.slice(samplePath.lastIndexOf('.'));
  const base = samplePath.slice(samplePath.lastIndexOf('/') + 1, samplePath.lastIndexOf('.'));
  const target = vscode.Uri.joinPath(folder.uri, 'src', `${base}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}${extension}`);
  await vscode.workspace.fs.copy(source, target, { overwrite: true });
  return openFile(target);
}

export async function openNewFile(name: string, text: string): Promise<vscode.TextEditor> {
  const target = vscode.Uri.joinPath(workspaceFolder().uri, 'src', name);
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  return openFile(target);
}

async function openFile(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document);
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export function phiDiagnostics(uri: vscode.Uri, rule?: string): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((diagnostic) => diagnostic.source === SOURCE && (rule === undefined || codeOf(diagnostic) === rule));
}

export function codeOf(diagnostic: vscode.Diagnostic): string | number | undefined {
  return typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
}

/** Polls until `probe` returns a value that is not `undefined`/`false`; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

/** Waits for diagnostics of `rule` on `uri` whose text satisfies `matches`. */
export function waitForDiagnostic(uri: vscode.Uri, rule: string, matches: (text: string, diagnostic: vscode.Diagnostic) => boolean): Promise<vscode.Diagnostic> {
  return waitFor(`a ${rule} diagnostic in ${uri.path}`, async () => {
    const document = await vscode.workspace.openTextDocument(uri);
    return phiDiagnostics(uri, rule).find((diagnostic) => matches(document.getText(diagnostic.range), diagnostic));
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Lets the debounced analysis run: a few debounce periods (default 300 ms) plus analysis time. */
export function settle(): Promise<void> {
  return sleep(1500);
}

export function lineOf(document: vscode.TextDocument, needle: string): number {
  const offset = document.getText().indexOf(needle);
  assert.ok(offset >= 0, `'${needle}' not found in ${document.uri.path}`);
  return document.positionAt(offset).line;
}

/** Syntax errors of a JS/TS text, by the TypeScript parser the repository already depends on. */
export function syntaxErrors(text: string, fileName: string): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ts = require('typescript') as typeof TypeScript;
  const output = ts.transpileModule(text, { fileName, reportDiagnostics: true, compilerOptions: { jsx: ts.JsxEmit.Preserve } });
  return (output.diagnostics ?? []).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
}
