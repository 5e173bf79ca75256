import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, openSampleCopy, sleep, waitForDiagnostic } from './helpers';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

describe('hover', () => {
  before(activateExtension);
  afterEach(closeAllEditors);

  it('explains a flagged value: categories, reasons, sink, HIPAA and actions', async () => {
    const { document } = await openSampleCopy('src/patientSummary.ts');
    const log = await waitForDiagnostic(document.uri, 'no-phi-in-logs', (text) => text === 'patient.ssn');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, log.range.end.translate(0, -1));
    const text = hoverText(hovers);
    assert.match(text, /Safe Harbor \(G\) Social Security number/);
    assert.match(text, /\*\*Why this is PHI\*\*/);
    assert.match(text, /\*\*Sink:\*\*/);
    assert.match(text, /45 CFR/);
    assert.match(text, /command:phiGuard\.showDataFlow\?/);
    assert.match(text, /no-phi-in-logs\.md/);
  });

  it('shows nothing on code that is not flagged', async () => {
    const { document } = await openSampleCopy('src/patientSummary.ts');
    await waitForDiagnostic(document.uri, 'no-phi-in-logs', (text) => text === 'patient.ssn');
    const position = document.positionAt(document.getText().indexOf('gpt-4o-mini'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
    assert.doesNotMatch(hoverText(hovers), /PHI Guard/);
  });
});

describe('show data flow', () => {
  before(activateExtension);
  afterEach(closeAllEditors);

  it('walks from the source to the sink; accepting a step selects it in the editor', async () => {
    const { document } = await openSampleCopy('src/patientSummary.ts');
    const ai = await waitForDiagnostic(document.uri, 'no-phi-to-ai', () => true);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, ai.range.start.translate(0, 1));
    const link = /command:phiGuard\.showDataFlow\?([^ )]+)/.exec(hoverText(hovers));
    assert.ok(link, 'the hover links to the data flow');
    const args = JSON.parse(decodeURIComponent(link[1]!)) as unknown[];
    const picking = vscode.commands.executeCommand('phiGuard.showDataFlow', ...args);
    await sleep(1000); // the quick pick opens with the first step (the source) active
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await picking;
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    assert.strictEqual(editor.document.getText(editor.selection), 'patient.firstName');
  });
});
