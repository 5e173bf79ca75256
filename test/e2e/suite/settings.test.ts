import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, codeOf, openNewFile, openSampleCopy, phiDiagnostics, settle, waitFor, waitForDiagnostic } from './helpers';

const configuration = () => vscode.workspace.getConfiguration('phiGuard');

describe('settings', () => {
  before(activateExtension);
  afterEach(async () => {
    for (const name of ['severity', 'enable', 'run', 'maxFileSizeKb']) await configuration().update(name, undefined, vscode.ConfigurationTarget.Workspace);
    await closeAllEditors();
  });

  it('phiGuard.severity changes the severity per rule, "*" for all, and "off" hides a rule', async () => {
    const { document } = await openSampleCopy('src/patientSummary.ts');
    const log = await waitForDiagnostic(document.uri, 'no-phi-in-logs', () => true);
    assert.strictEqual(log.severity, vscode.DiagnosticSeverity.Warning, 'default severity');
    await configuration().update('severity', { '*': 'error', 'no-phi-in-logs': 'information' }, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostic(document.uri, 'no-phi-in-logs', (_, d) => d.severity === vscode.DiagnosticSeverity.Information);
    await waitForDiagnostic(document.uri, 'no-phi-to-ai', (_, d) => d.severity === vscode.DiagnosticSeverity.Error);
    await configuration().update('severity', { 'no-phi-in-logs': 'off' }, vscode.ConfigurationTarget.Workspace);
    await waitFor('no-phi-in-logs to be hidden', () => phiDiagnostics(document.uri).every((d) => codeOf(d) !== 'no-phi-in-logs'));
    assert.ok(phiDiagnostics(document.uri, 'no-phi-to-ai').length > 0, 'other rules stay');
  });

  it('phiGuard.enable false clears the diagnostics, true brings them back', async () => {
    const { document } = await openSampleCopy('src/patientSummary.ts');
    await waitForDiagnostic(document.uri, 'no-phi-in-logs', () => true);
    await configuration().update('enable', false, vscode.ConfigurationTarget.Workspace);
    await waitFor('diagnostics to be cleared', () => phiDiagnostics(document.uri).length === 0);
    await configuration().update('enable', true, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostic(document.uri, 'no-phi-in-logs', () => true);
  });

  it('phiGuard.run onSave analyses on save, not while typing', async () => {
    await configuration().update('run', 'onSave', vscode.ConfigurationTarget.Workspace);
    const editor = await openSampleCopy('src/clean.ts');
    const { document } = editor;
    await editor.edit((edit) => edit.insert(new vscode.Position(document.lineCount, 0), 'export const leak = (patientSsn: string) => console.log(patientSsn);\n'));
    await settle();
    assert.deepStrictEqual(phiDiagnostics(document.uri), [], 'no analysis before saving');
    await document.save();
    await waitForDiagnostic(document.uri, 'no-phi-in-logs', (text) => text === 'patientSsn');
  });

  it('phiGuard.maxFileSizeKb skips larger files and analyses them again once raised', async () => {
    await configuration().update('maxFileSizeKb', 1, vscode.ConfigurationTarget.Workspace);
    const padding = `// ${'padding '.repeat(20)}\n`.repeat(12);
    const { document } = await openNewFile('large.ts', `${padding}export const leak = (patientSsn: string) => console.log(patientSsn);\n`);
    assert.ok(document.getText().length > 1024);
    await settle();
    assert.deepStrictEqual(phiDiagnostics(document.uri), [], 'skipped while above the limit');
    await configuration().update('maxFileSizeKb', 64, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostic(document.uri, 'no-phi-in-logs', (text) => text === 'patientSsn');
  });
});
