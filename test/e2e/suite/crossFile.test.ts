import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, openNewFile, phiDiagnostics, waitFor, workspaceFolder } from './helpers';

/** Cross-file flow in the editor: a route that hands PHI to a helper in another file, and an edit of that helper. */
describe('cross-file diagnostics', () => {
  before(activateExtension);
  afterEach(closeAllEditors);

  it('reports PHI passed to an imported helper, and updates when the helper changes (unsaved edit)', async () => {
    const tag = Date.now().toString(36);
    const helper = await openNewFile(`auditHelper.${tag}.ts`, 'export function audit(entry: unknown): unknown {\n  return entry;\n}\n');
    // The route logs an email itself: that finding shows the route was analysed (with the quiet helper).
    const route = await openNewFile(`auditRoute.${tag}.ts`, `import { audit } from './auditHelper.${tag}';\nexport function record(patient: { ssn: string; email: string }) {\n  console.log(patient.email);\n  audit(patient.ssn);\n}\n`);
    const flagged = () => phiDiagnostics(route.document.uri, 'no-phi-in-logs').map((found) => route.document.getText(found.range));
    await waitFor('the route analysed: its own finding', () => flagged().includes('patient.email'));
    assert.deepStrictEqual(flagged(), ['patient.email'], 'nothing at the call while the helper only returns its argument');

    // The helper starts logging its argument: the route's call becomes a leak, without saving the helper.
    const edit = new vscode.WorkspaceEdit();
    edit.replace(helper.document.uri, new vscode.Range(1, 0, 1, 15), '  console.log(entry);\n  return entry;');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const diagnostic = await waitFor('a finding at the route\'s call', () => phiDiagnostics(route.document.uri, 'no-phi-in-logs').find((found) => route.document.getText(found.range) === 'patient.ssn'));
    assert.strictEqual(diagnostic.range.start.line, 3);
    const related = diagnostic.relatedInformation ?? [];
    assert.ok(related.some((info) => info.location.uri.toString() === helper.document.uri.toString()), 'the flow path continues into the helper');

    // And back: the helper stops logging, the finding goes away.
    const revert = new vscode.WorkspaceEdit();
    revert.replace(helper.document.uri, new vscode.Range(1, 0, 2, 15), '  return entry;');
    assert.ok(await vscode.workspace.applyEdit(revert));
    await waitFor('the finding at the route\'s call gone', () => !flagged().includes('patient.ssn'));
    assert.deepStrictEqual(flagged(), ['patient.email']);
  });

  it('updates an open file when a helper it imports changes on disk while closed (a branch switch, a pull)', async () => {
    const tag = Date.now().toString(36);
    const helperUri = vscode.Uri.joinPath(workspaceFolder().uri, 'src', `diskHelper.${tag}.ts`);
    const writeHelper = (text: string) => vscode.workspace.fs.writeFile(helperUri, new TextEncoder().encode(text));
    await writeHelper('export function audit(entry: unknown): unknown {\n  return entry;\n}\n');
    // The route logs an email itself: that finding shows the route was analysed (with the quiet helper).
    const { document } = await openNewFile(`diskRoute.${tag}.ts`, `import { audit } from './diskHelper.${tag}';\nexport function record(patient: { ssn: string; email: string }) {\n  console.log(patient.email);\n  audit(patient.ssn);\n}\n`);
    const flagged = () => phiDiagnostics(document.uri, 'no-phi-in-logs').map((diagnostic) => document.getText(diagnostic.range));
    await waitFor('the route analysed: its own finding', () => flagged().includes('patient.email'));
    assert.deepStrictEqual(flagged(), ['patient.email']);

    await writeHelper('export function audit(entry: unknown): void {\n  console.log(entry);\n}\n');
    await waitFor('a finding at the route\'s call once the helper on disk logs', () => flagged().includes('patient.ssn'));
    await writeHelper('export function audit(entry: unknown): unknown {\n  return entry;\n}\n');
    await waitFor('the finding gone once the helper on disk stops logging', () => !flagged().includes('patient.ssn'));
    assert.ok(!vscode.workspace.textDocuments.some((open) => open.uri.toString() === helperUri.toString()), 'the helper was never opened');
  });

  it('follows a helper written after the call to it, in a module a barrel re-exports (typed, then changed on disk)', async () => {
    const tag = Date.now().toString(36);
    // In src/ itself: the file watcher may take a while to report changes inside a folder created just now.
    const uri = (name: string) => vscode.Uri.joinPath(workspaceFolder().uri, 'src', `${name}.${tag}.ts`);
    const write = (name: string, text: string) => vscode.workspace.fs.writeFile(uri(name), new TextEncoder().encode(text));
    await write('noteFormat', 'export const unit = 1;\n');
    await write('noteStore', 'export const kept = 2;\n');
    await write('noteBarrel', `export * from './noteFormat.${tag}';\nexport * from './noteStore.${tag}';\n`);
    // The route logs an email itself: that finding shows the route was analysed (with `note` not written yet).
    const route = await openNewFile(`noteRoute.${tag}.ts`, `import { note } from './noteBarrel.${tag}';\nexport function record(patient: { ssn: string; email: string }) {\n  console.log(patient.email);\n  note(patient.ssn);\n}\n`);
    const flagged = () => phiDiagnostics(route.document.uri, 'no-phi-in-logs').map((diagnostic) => route.document.getText(diagnostic.range));
    await waitFor('the route analysed: its own finding', () => flagged().includes('patient.email'));
    assert.deepStrictEqual(flagged(), ['patient.email'], '`note` does not exist yet');

    // Typed (unsaved) into noteFormat, which the look-up passed over: nothing in the route or the barrel changed.
    const format = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri('noteFormat')), { preview: false });
    assert.ok(await format.edit((edit) => edit.insert(new vscode.Position(1, 0), 'export function note(entry: unknown): void {\n  console.log(entry);\n}\n')));
    await waitFor('a finding at the route\'s call once the helper is typed', () => flagged().includes('patient.ssn'));
    assert.ok(await format.edit((edit) => edit.delete(new vscode.Range(1, 0, 4, 0))));
    await waitFor('the finding gone with the typed helper', () => !flagged().includes('patient.ssn'));

    // Written on disk into noteStore while it is closed (a pull).
    await write('noteStore', 'export const kept = 2;\nexport function note(entry: unknown): void {\n  console.log(entry);\n}\n');
    await waitFor('a finding at the route\'s call once the helper is written on disk', () => flagged().includes('patient.ssn'));
  });

  it('resolves an open file\'s imports afresh when tsconfig `paths` change on disk', async () => {
    const tag = Date.now().toString(36);
    const folder = vscode.Uri.joinPath(workspaceFolder().uri, 'src', `paths.${tag}`);
    const write = (name: string, text: string) => vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, name), new TextEncoder().encode(text));
    const tsconfig = (target: string) => JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@audit/*': [`${target}/*`] } } });
    await write('quiet/audit.ts', 'export function audit(entry: unknown): unknown {\n  return entry;\n}\n');
    await write('loud/audit.ts', 'export function audit(entry: unknown): void {\n  console.log(entry);\n}\n');
    await write('tsconfig.json', tsconfig('quiet'));
    // The route logs an email itself: that finding shows the route was analysed (with the quiet helper).
    await write('route.ts', "import { audit } from '@audit/audit';\nexport function record(patient: { ssn: string; email: string }) {\n  console.log(patient.email);\n  audit(patient.ssn);\n}\n");
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'route.ts'));
    await vscode.window.showTextDocument(document);
    const flagged = () => phiDiagnostics(document.uri, 'no-phi-in-logs').map((diagnostic) => document.getText(diagnostic.range));
    await waitFor('the route analysed: its own finding', () => flagged().includes('patient.email'));
    assert.deepStrictEqual(flagged(), ['patient.email'], 'the alias names the quiet helper');

    // The alias now names the helper that logs: nothing in the route changed, its finding comes from the tsconfig.
    await write('tsconfig.json', tsconfig('loud'));
    await waitFor('a finding at the route\'s call once the alias names the logging helper', () => flagged().includes('patient.ssn'));
    assert.deepStrictEqual(flagged().sort(), ['patient.email', 'patient.ssn']);
  });

  it('points into a helper that is not open without opening it, so the helper gets no diagnostics of its own', async () => {
    const tag = Date.now().toString(36);
    const helperUri = vscode.Uri.joinPath(workspaceFolder().uri, 'src', `closedHelper.${tag}.ts`);
    // The helper also logs a PHI name of its own: opened, it would be analysed and show that finding.
    await vscode.workspace.fs.writeFile(helperUri, new TextEncoder().encode('export function audit(entry: unknown): void {\n  console.log(entry);\n  console.log(patientName);\n}\ndeclare const patientName: string;\n'));
    const route = await openNewFile(`closedRoute.${tag}.ts`, `import { audit } from './closedHelper.${tag}';\nexport function record(patient: { ssn: string }) {\n  audit(patient.ssn);\n}\n`);
    const [diagnostic] = await waitFor('a finding at the route\'s call', () => {
      const found = phiDiagnostics(route.document.uri, 'no-phi-in-logs');
      return found.length ? found : undefined;
    });
    const inHelper = (diagnostic!.relatedInformation ?? []).filter((info) => info.location.uri.toString() === helperUri.toString());
    assert.ok(inHelper.length > 0, 'the flow path continues into the helper');
    assert.ok(inHelper.some((info) => info.location.range.start.line === 1), 'at the helper\'s console.log line');
    assert.ok(!vscode.workspace.textDocuments.some((document) => document.uri.toString() === helperUri.toString()), 'the helper was not opened');
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.deepStrictEqual(phiDiagnostics(helperUri), [], 'no diagnostics for a file nobody opened');
  });
});
