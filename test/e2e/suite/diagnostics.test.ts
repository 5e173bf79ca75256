import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, codeOf, lineOf, openNewFile, openSampleCopy, phiDiagnostics, settle, waitFor, waitForDiagnostic, workspaceFolder } from './helpers';

const RULE_DOCS = 'https://github.com/phi-guard/phi-guard/blob/main/docs/rules/';

describe('diagnostics', () => {
  before(activateExtension);
  afterEach(closeAllEditors);

  it('flags the logged SSN and the patient data sent to OpenAI as soon as the file opens', async () => {
    const { document } = await openSampleCopy('src/patientSummary.ts');
    const log = await waitForDiagnostic(document.uri, 'no-phi-in-logs', (text) => text === 'patient.ssn');
    assert.strictEqual(log.range.start.line, lineOf(document, "console.log('Summarizing patient'"));
    assert.strictEqual(log.source, 'PHI Guard');
    assert.ok(typeof log.code === 'object', 'the code links to the rule documentation');
    assert.strictEqual(log.code.target.toString(), `${RULE_DOCS}no-phi-in-logs.md`);
    assert.ok(log.message.length > 0);
    const related = log.relatedInformation ?? [];
    assert.ok(related.length >= 1, 'the flow path is attached as related information');
    for (const step of related) {
      assert.strictEqual(step.location.uri.toString(), document.uri.toString());
      assert.ok(step.message.length > 0, 'each flow step has a note');
    }
    assert.ok(related.some((step) => step.location.range.isEqual(log.range) || step.location.range.contains(log.range)), 'the last step is the sink argument');

    const ai = await waitForDiagnostic(document.uri, 'no-phi-to-ai', (text) => text.includes('patient.'));
    const messagesLine = lineOf(document, 'messages:');
    assert.ok(ai.range.start.line >= messagesLine - 1 && ai.range.end.line <= messagesLine + 1, `AI finding at ${ai.range.start.line}, expected near line ${messagesLine}`);
  });

  it('updates on every edit without saving, per document version', async () => {
    const editor = await openSampleCopy('src/patientSummary.ts');
    const { document } = editor;
    await waitForDiagnostic(document.uri, 'no-phi-in-logs', (text) => text === 'patient.ssn');
    const returnLine = lineOf(document, 'return completion');
    await editor.edit((edit) => edit.insert(new vscode.Position(returnLine, 0), "  console.error('lookup failed', patient.firstName);\n"));
    assert.ok(document.isDirty);
    const added = await waitForDiagnostic(document.uri, 'no-phi-in-logs', (text) => text === 'patient.firstName');
    assert.strictEqual(added.range.start.line, returnLine);
    await vscode.commands.executeCommand('undo');
    await waitFor('the diagnostic of the removed line to disappear', () =>
      phiDiagnostics(document.uri, 'no-phi-in-logs').every((diagnostic) => document.getText(diagnostic.range) !== 'patient.firstName'),
    );
  });

  it('keeps the last good diagnostics while the file does not parse, and fast typing leaves no stale ones', async () => {
    const editor = await openSampleCopy('src/patientSummary.ts');
    const { document } = editor;
    await waitForDiagnostic(document.uri, 'no-phi-in-logs', (text) => text === 'patient.ssn');
    const before = phiDiagnostics(document.uri).length;
    // Half-typed comment: everything below it is a comment until '*/' is typed, so the recovered parse has no findings.
    const logLine = lineOf(document, "console.log('Summarizing");
    await editor.edit((edit) => edit.insert(new vscode.Position(logLine, 0), '  /*\n'));
    await settle();
    assert.strictEqual(phiDiagnostics(document.uri).length, before, 'a syntax error must not wipe the diagnostics');
    await vscode.commands.executeCommand('undo');
    // Type a leaking line character by character: only the final version's diagnostics may remain.
    const line = lineOf(document, 'return completion');
    const typed = "  console.warn(patient.diagnosis);\n";
    const lineStart = document.offsetAt(new vscode.Position(line, 0));
    for (let index = 0; index < typed.length; index++) {
      await editor.edit((edit) => edit.insert(document.positionAt(lineStart + index), typed[index]!), { undoStopBefore: false, undoStopAfter: false });
    }
    await waitForDiagnostic(document.uri, 'no-phi-in-logs', (text) => text === 'patient.diagnosis');
    await settle();
    for (const diagnostic of phiDiagnostics(document.uri)) {
      const text = document.getText(diagnostic.range);
      assert.ok(/patient|messages|content|`/.test(text), `stale diagnostic range covers '${text}'`);
    }
  });

  it('clears the diagnostics when the document is closed', async () => {
    const { document } = await openSampleCopy('src/patientSummary.ts');
    await waitForDiagnostic(document.uri, 'no-phi-in-logs', () => true);
    await closeAllEditors();
    await waitFor('diagnostics to be cleared on close', () => phiDiagnostics(document.uri).length === 0, 30_000);
  });

  it('applies the project policy from .phi-guard.json and re-analyses when it changes', async () => {
    const { document } = await openSampleCopy('src/visitLog.js');
    await waitForDiagnostic(document.uri, 'no-phi-in-logs', (text) => text === 'visit.wristbandCode');
    const configUri = vscode.Uri.joinPath(workspaceFolder().uri, '.phi-guard.json');
    const original = await vscode.workspace.fs.readFile(configUri);
    try {
      await vscode.workspace.fs.writeFile(configUri, new TextEncoder().encode('{ "phiNames": {} }\n'));
      await waitFor('the finding to go once wristbandCode is no longer PHI', () => phiDiagnostics(document.uri).every((d) => codeOf(d) !== 'no-phi-in-logs'));
    } finally {
      await vscode.workspace.fs.writeFile(configUri, original);
    }
    await waitForDiagnostic(document.uri, 'no-phi-in-logs', (text) => text === 'visit.wristbandCode');
  });

  it('applies each workspace folder\'s own .phi-guard.json (multi-root)', async () => {
    const { document } = await openSampleCopy('src/invoice.js', workspaceFolder('billing'));
    await waitForDiagnostic(document.uri, 'no-phi-in-logs', (text) => text === 'invoice.payerRef');
    await settle();
    const flagged = phiDiagnostics(document.uri).map((diagnostic) => document.getText(diagnostic.range));
    assert.ok(!flagged.includes('invoice.wristbandCode'), `wristbandCode is PHI only in clinic-app's policy; flagged: ${flagged.join(', ')}`);
  });

  it('skips files the project excludes (include/exclude globs, as in CI)', async () => {
    const generated = vscode.Uri.joinPath(workspaceFolder().uri, 'dist', 'generated.js');
    await vscode.workspace.fs.writeFile(generated, new TextEncoder().encode('export const leak = (patientSsn) => console.log(patientSsn);\n'));
    const document = await vscode.workspace.openTextDocument(generated);
    await vscode.window.showTextDocument(document);
    await settle();
    assert.deepStrictEqual(phiDiagnostics(document.uri), [], 'dist/** is excluded by default');
  });

  it('stays quiet on a file without PHI and flags it once PHI is typed in', async () => {
    const editor = await openSampleCopy('src/clean.ts');
    const { document } = editor;
    await settle();
    assert.deepStrictEqual(phiDiagnostics(document.uri), []);
    await editor.edit((edit) => edit.insert(new vscode.Position(document.lineCount, 0), 'export function audit(patientSsn: string): void {\n  console.log(patientSsn);\n}\n'));
    await waitForDiagnostic(document.uri, 'no-phi-in-logs', (text) => text === 'patientSsn');
  });

  it('marks code nested too deep to follow with an Information diagnostic, and still flags the rest', async () => {
    const links = Array.from({ length: 450 }, (_, i) => `\n    .andWhere('c${i}', ${i})`).join('');
    const { document } = await openNewFile(`deepChain.${Date.now().toString(36)}.ts`, `export function q(patient: { email: string }, b: any) {\n  const built = b.where('x', 1)${links};\n  console.log(patient.email, built);\n}\n`);
    const gap = await waitFor('the not-analysed diagnostic', () => phiDiagnostics(document.uri, 'not-analysed')[0]);
    assert.strictEqual(gap.severity, vscode.DiagnosticSeverity.Information);
    assert.strictEqual(gap.range.start.line, 1);
    assert.match(gap.message, /nested more than 400 levels deep/);
    assert.ok(phiDiagnostics(document.uri, 'no-phi-in-logs').some((diagnostic) => document.getText(diagnostic.range) === 'patient.email'));
  });
});
