import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, openSampleCopy, waitForDiagnostic } from './helpers';

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
