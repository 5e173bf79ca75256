import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, waitFor, workspaceFolder } from './helpers';

describe('.phi-guard.json editing', () => {
  before(activateExtension);
  afterEach(closeAllEditors);

  it('is validated against the contributed JSON schema', async () => {
    const uri = vscode.Uri.joinPath(workspaceFolder('billing').uri, '.phi-guard.json');
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    const end = document.positionAt(document.getText().lastIndexOf('}'));
    await editor.edit((edit) => edit.insert(end, ',\n  "maxFileSizeKb": "large",\n  "notAKey": true\n'));
    const problems = await waitFor('schema problems in .phi-guard.json', () => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      return diagnostics.length >= 2 ? diagnostics : undefined;
    }, 30_000);
    const lines = problems.map((problem) => document.lineAt(problem.range.start.line).text);
    assert.ok(lines.some((line) => line.includes('"maxFileSizeKb"')), `problems on: ${lines.join(' | ')}`);
    assert.ok(lines.some((line) => line.includes('"notAKey"')), `problems on: ${lines.join(' | ')}`);
  });
});
