import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, openNewFile, openSampleCopy, phiDiagnostics, syntaxErrors, waitFor, waitForDiagnostic, workspaceFolder } from './helpers';

/**
 * The quick fixes offered for `range` once there are any. Asked again until then, as the editor asks again on the next
 * cursor move: once, at the suite's cold start in code-server, the first request right after the diagnostic appeared
 * got none (every later one in that run did).
 */
function quickFixes(document: vscode.TextDocument, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return waitFor(`quick fixes at ${range.start.line + 1}:${range.start.character + 1} of ${document.uri.path}`, async () => {
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, range, vscode.CodeActionKind.QuickFix.value)) ?? [];
    return actions.length > 0 && actions;
  }, 5_000);
}

function titled(actions: vscode.CodeAction[], pattern: RegExp): vscode.CodeAction {
  const action = actions.find((candidate) => pattern.test(candidate.title));
  assert.ok(action, `no quick fix matching ${pattern}; offered: ${actions.map((a) => a.title).join(' | ')}`);
  return action;
}

describe('quick fixes', () => {
  before(activateExtension);
  afterEach(closeAllEditors);

  it('de-identifies the value (the preferred fix): the finding goes and the file still parses', async () => {
    const { document } = await openSampleCopy('src/patientSummary.ts');
    const log = await waitForDiagnostic(document.uri, 'no-phi-in-logs', (text) => text === 'patient.ssn');
    const actions = await quickFixes(document, log.range);
    const preferred = actions.filter((action) => action.isPreferred);
    assert.strictEqual(preferred.length, 1, `exactly one preferred fix; offered: ${actions.map((a) => `${a.title}${a.isPreferred ? ' (preferred)' : ''}`).join(' | ')}`);
    const fix = preferred[0]!;
    assert.ok(fix.edit, 'the de-identify fix carries its edit');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await waitFor('the SSN log finding to disappear', () => phiDiagnostics(document.uri, 'no-phi-in-logs').every((d) => d.range.start.line !== log.range.start.line));
    assert.deepStrictEqual(syntaxErrors(document.getText(), document.fileName), []);
    assert.match(document.getText(), /deidentify\(patient\.ssn\b/, 'the value is wrapped');
    assert.match(document.getText(), /^import \{ deidentify \} from 'phi-guard\/deid';$/m);
  });

  it('suppresses with a justification on the line above, indented like it', async () => {
    const { document } = await openSampleCopy('src/patientSummary.ts');
    const log = await waitForDiagnostic(document.uri, 'no-phi-in-logs', (text) => text === 'patient.ssn');
    const suppress = titled(await quickFixes(document, log.range), /^Suppress no-phi-in-logs/);
    assert.ok(suppress.command);
    const flaggedLine = document.lineAt(log.range.start.line);
    const applied = await vscode.commands.executeCommand<boolean>(suppress.command.command, ...(suppress.command.arguments ?? []), 'audit log is PHI-safe (ticket SEC-42)');
    assert.strictEqual(applied, true);
    const commentLine = document.lineAt(log.range.start.line).text;
    const indent = /^\s*/.exec(flaggedLine.text)![0];
    assert.strictEqual(commentLine, `${indent}// phi-guard-allow no-phi-in-logs -- audit log is PHI-safe (ticket SEC-42)`);
    await waitFor('the suppressed finding to disappear', () => phiDiagnostics(document.uri, 'no-phi-in-logs').length === 0);
    assert.deepStrictEqual(syntaxErrors(document.getText(), document.fileName), []);
  });

  it('suppresses a finding only cross-file analysis makes (PHI passed to an imported helper that logs it)', async () => {
    const tag = Date.now().toString(36);
    await openNewFile(`noteHelper.${tag}.ts`, 'export function note(entry: unknown): void {\n  console.log(entry);\n}\n');
    const { document } = await openNewFile(`noteRoute.${tag}.ts`, `import { note } from './noteHelper.${tag}';\nexport function record(patient: { ssn: string }) {\n  note(patient.ssn);\n}\n`);
    const log = await waitForDiagnostic(document.uri, 'no-phi-in-logs', (text) => text === 'patient.ssn');
    const suppress = titled(await quickFixes(document, log.range), /^Suppress no-phi-in-logs/);
    const applied = await vscode.commands.executeCommand<boolean>(suppress.command!.command, ...(suppress.command!.arguments ?? []), 'helper writes to the on-prem audit log (SEC-9)');
    assert.strictEqual(applied, true);
    assert.strictEqual(document.lineAt(2).text, '  // phi-guard-allow no-phi-in-logs -- helper writes to the on-prem audit log (SEC-9)');
    await waitFor('the suppressed cross-file finding to disappear', () => phiDiagnostics(document.uri, 'no-phi-in-logs').length === 0);
  });

  it('suppresses at the sink in the imported helper: one comment there covers every caller', async () => {
    const tag = Date.now().toString(36);
    const helper = await openNewFile(`auditHelper.${tag}.ts`, 'export function audit(entry: unknown): void {\n  console.log(entry);\n}\n');
    const { document } = await openNewFile(`auditRoute.${tag}.ts`, `import { audit } from './auditHelper.${tag}';\nexport function record(patient: { ssn: string; email: string }) {\n  audit(patient.ssn);\n  audit(patient.email);\n}\n`);
    const log = await waitForDiagnostic(document.uri, 'no-phi-in-logs', (text) => text === 'patient.ssn');
    await waitForDiagnostic(document.uri, 'no-phi-in-logs', (text) => text === 'patient.email');
    const atSink = titled(await quickFixes(document, log.range), new RegExp(`^Suppress no-phi-in-logs at its sink \\(auditHelper\\.${tag}\\.ts:2\\) for every caller`));
    const routeText = document.getText();
    const applied = await vscode.commands.executeCommand<boolean>(atSink.command!.command, ...(atSink.command!.arguments ?? []), 'audit log is access-controlled (SEC-11)');
    assert.strictEqual(applied, true);
    assert.strictEqual(helper.document.lineAt(1).text, '  // phi-guard-allow no-phi-in-logs -- audit log is access-controlled (SEC-11)');
    assert.strictEqual(document.getText(), routeText, 'the calling file is left as it was');
    await waitFor('both callers\' findings to disappear', () => phiDiagnostics(document.uri, 'no-phi-in-logs').length === 0);
  });

  it('refuses a line comment where it would be JSX text, and leaves the file alone', async () => {
    const { document } = await openNewFile('Card.jsx', 'export const Card = ({ patient }) => (\n  <div>\n    {console.log(patient.ssn)}\n  </div>\n);\n');
    const log = await waitForDiagnostic(document.uri, 'no-phi-in-logs', (text) => text === 'patient.ssn');
    const suppress = titled(await quickFixes(document, log.range), /^Suppress/);
    const text = document.getText();
    const applied = await vscode.commands.executeCommand<boolean>(suppress.command!.command, ...(suppress.command!.arguments ?? []), 'reviewed');
    assert.strictEqual(applied, false);
    assert.strictEqual(document.getText(), text);
  });

  it('never applies an action computed for an older version of the document', async () => {
    const editor = await openSampleCopy('src/patientSummary.ts');
    const { document } = editor;
    const log = await waitForDiagnostic(document.uri, 'no-phi-in-logs', (text) => text === 'patient.ssn');
    const suppress = titled(await quickFixes(document, log.range), /^Suppress/);
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '// edited meanwhile\n'));
    const textAfterEdit = document.getText();
    const applied = await vscode.commands.executeCommand<boolean>(suppress.command!.command, ...(suppress.command!.arguments ?? []), 'too late');
    assert.strictEqual(applied, false);
    assert.strictEqual(document.getText(), textAfterEdit);
  });

  it('marks a name as not PHI in .phi-guard.json, keeping the rest of the policy', async () => {
    const { document } = await openSampleCopy('src/auditLog.ts');
    const log = await waitForDiagnostic(document.uri, 'no-phi-in-logs', (text) => text === 'patientSsn');
    const markNotPhi = titled(await quickFixes(document, log.range), /^Mark 'patientSsn' as not PHI/);
    const configUri = vscode.Uri.joinPath(workspaceFolder().uri, '.phi-guard.json');
    const original = await vscode.workspace.fs.readFile(configUri);
    try {
      assert.strictEqual(await vscode.commands.executeCommand<boolean>(markNotPhi.command!.command, ...(markNotPhi.command!.arguments ?? [])), true);
      const config = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(configUri))) as { notPhiNames: string[]; phiNames: Record<string, string> };
      assert.deepStrictEqual(config, { phiNames: { wristbandCode: 'mrn' }, notPhiNames: ['patientSsn'] });
      await waitFor('the finding to go once the name is not PHI', () => phiDiagnostics(document.uri, 'no-phi-in-logs').length === 0);
    } finally {
      await vscode.workspace.fs.writeFile(configUri, original);
    }
  });

  it('allows patient record keys through the rule in .phi-guard.json: the finding goes, the same key sent elsewhere stays', async () => {
    const tag = Date.now().toString(36);
    const { document } = await openNewFile(`recordKey.${tag}.ts`, 'export function open(patientId: string) {\n  console.log(`opened Patient/${patientId}`);\n  localStorage.setItem(\'last\', patientId);\n}\n');
    const log = await waitForDiagnostic(document.uri, 'no-phi-in-logs', (text) => text.includes('patientId'));
    await waitForDiagnostic(document.uri, 'no-unencrypted-phi-storage', (text) => text === 'patientId');
    const allow = titled(await quickFixes(document, log.range), /^Allow patient record keys through no-phi-in-logs/);
    const configUri = vscode.Uri.joinPath(workspaceFolder().uri, '.phi-guard.json');
    const original = await vscode.workspace.fs.readFile(configUri);
    try {
      assert.strictEqual(await vscode.commands.executeCommand<boolean>(allow.command!.command, ...(allow.command!.arguments ?? [])), true);
      const config = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(configUri))) as Record<string, unknown>;
      assert.deepStrictEqual(config.allowedCategories, { 'no-phi-in-logs': ['other-id'] });
      await waitFor('the log finding to go once record keys are allowed in logs', () => phiDiagnostics(document.uri, 'no-phi-in-logs').length === 0);
      assert.strictEqual(phiDiagnostics(document.uri, 'no-unencrypted-phi-storage').length, 1, 'the storage rule still reports the key');
    } finally {
      await vscode.workspace.fs.writeFile(configUri, original);
    }
  });
});
