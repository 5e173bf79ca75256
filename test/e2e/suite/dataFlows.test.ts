import * as assert from 'assert';
import * as vscode from 'vscode';
import type { DataFlowFeature } from '../../../src/extension/dataFlow/dataFlowFeature';
import type { FlowTreeNode } from '../../../src/extension/dataFlow/flowTreeModel';
import { closeAllEditors, EXTENSION_ID, waitFor, workspaceFolder } from './helpers';

const SUMMARY = 'clinic-app/src/patientSummary.ts';

async function feature(): Promise<DataFlowFeature> {
  const extension = vscode.extensions.getExtension<{ dataFlows: DataFlowFeature }>(EXTENSION_ID);
  assert.ok(extension);
  return (await extension.activate()).dataFlows;
}

function sites(tree: DataFlowFeature['tree'], node?: FlowTreeNode): FlowTreeNode[] {
  return tree.getChildren(node).flatMap((child) => (child.kind === 'site' ? [child] : sites(tree, child)));
}

function path(tree: DataFlowFeature['tree'], labels: readonly string[]): FlowTreeNode {
  let node: FlowTreeNode | undefined;
  for (const label of labels) {
    const children = tree.getChildren(node);
    node = children.find((child) => child.label === label);
    assert.ok(node, `no tree node '${label}' under '${labels.slice(0, labels.indexOf(label)).join(' > ')}'; there are: ${children.map((child) => child.label).join(' | ')}`);
  }
  return node!;
}

const write = (uri: vscode.Uri, text: string) => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
const siteOf = (tree: DataFlowFeature['tree'], file: string) => sites(tree).filter((node) => node.flow?.file === file);

describe('workspace data-flow map', () => {
  let dataFlows: DataFlowFeature;

  before(async () => {
    dataFlows = await feature();
    await dataFlows.tree.setGrouping('sink');
    await vscode.commands.executeCommand('phiGuard.scanWorkspace');
  });
  afterEach(closeAllEditors);

  it('scans both workspace folders and shows sink category → vendor/API → PHI category → site, with a badge', async () => {
    const { tree, index } = dataFlows;
    assert.strictEqual(index.state, 'done');
    const roots = tree.getChildren().map((node) => node.label);
    assert.ok(roots.includes('AI vendors') && roots.includes('Logging and telemetry'), roots.join(' | '));
    const site = path(tree, ['AI vendors', 'OpenAI · chat.completions.create', 'Clinical: Diagnosis / condition', `${SUMMARY}:16`]);
    const item = tree.getTreeItem(site);
    assert.strictEqual(item.contextValue, 'phiGuard.site.open');
    assert.match(String(item.description), /patient\.diagnosis/);
    path(tree, ['Logging and telemetry', 'Console · console.info', 'Safe Harbor (I) Health plan beneficiary number', 'billing/src/invoice.js:3']);
    const open = sites(tree).filter((node) => node.flow?.status === 'open');
    assert.strictEqual(tree.badge?.value, new Set(open.map((node) => node.flow!.id)).size);
    // node_modules is never scanned, whatever the policy says.
    assert.ok(!sites(tree).some((node) => node.flow!.file.includes('node_modules')));
  });

  it('regroups by file and by PHI category from the title-menu commands', async () => {
    const { tree } = dataFlows;
    await vscode.commands.executeCommand('phiGuard.dataFlows.groupByFile');
    const files = tree.getChildren().map((node) => node.label);
    assert.ok(files.includes(SUMMARY) && files.includes('billing/src/invoice.js'), files.join(' | '));
    assert.deepStrictEqual(path(tree, [SUMMARY]).children.map((node) => node.label), ['13: Console · console.log', '16: OpenAI · chat.completions.create']);
    await vscode.commands.executeCommand('phiGuard.dataFlows.groupByCategory');
    path(tree, ['Safe Harbor (G) Social Security number', 'Console · console.log', `${SUMMARY}:13`]);
    await vscode.commands.executeCommand('phiGuard.dataFlows.groupBySink');
    assert.strictEqual(tree.getChildren()[0]!.label, 'AI vendors');
  });

  it('opens a site on click and copies its location', async () => {
    const { tree } = dataFlows;
    const site = path(tree, ['Logging and telemetry', 'Console · console.log', 'Safe Harbor (G) Social Security number', `${SUMMARY}:13`]);
    const { command } = tree.getTreeItem(site);
    assert.ok(command);
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = await waitFor('the site to open', () => vscode.window.activeTextEditor?.document.uri.path.endsWith('/patientSummary.ts') && vscode.window.activeTextEditor);
    assert.strictEqual(editor.selection.start.line, 12);
    assert.strictEqual(editor.document.getText(editor.selection), 'patient.ssn');
    const copied = await vscode.commands.executeCommand<string>('phiGuard.copyFlowLocation', site);
    assert.match(copied, /^clinic-app\/src\/patientSummary\.ts:13:\d+$/);
  });

  it('shows the flow path, source to sink, and reveals the step picked', async () => {
    const site = path(dataFlows.tree, ['AI vendors', 'OpenAI · chat.completions.create', 'Clinical: Diagnosis / condition', `${SUMMARY}:16`]);
    const shown = vscode.commands.executeCommand('phiGuard.showFlowPath', site);
    await waitFor('the flow quick pick to reveal the first step', () => vscode.window.activeTextEditor?.document.uri.path.endsWith('/patientSummary.ts'));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await shown;
    const editor = vscode.window.activeTextEditor!;
    const first = site.flow!.steps[0]!;
    assert.strictEqual(editor.document.offsetAt(editor.selection.start), first.range.start, 'the first step (the source) is selected');
  });

  it('keeps itself current: a new file, an edit, a rename and a delete re-analyse only that file', async () => {
    const { tree, index } = dataFlows;
    const folder = workspaceFolder('clinic-app').uri;
    const file = vscode.Uri.joinPath(folder, 'src', 'intake.ts');
    const renamed = vscode.Uri.joinPath(folder, 'src', 'intakeRenamed.ts');
    const before = index.lastScan;
    await write(file, "export function intake(patient: { ssn: string }) {\n  console.log(patient.ssn);\n}\n");
    await waitFor('the new file in the tree', () => siteOf(tree, 'clinic-app/src/intake.ts').length === 1, 20_000);
    await write(file, "export function intake(patient: { ssn: string; email: string }) {\n  console.log(patient.ssn);\n  localStorage.setItem('e', patient.email);\n}\n");
    await waitFor('the edit in the tree', () => siteOf(tree, 'clinic-app/src/intake.ts').some((node) => node.flow!.sink.api === 'localStorage.setItem' && node.flow!.line === 3), 20_000);
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(file, renamed);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor('the rename in the tree', () => siteOf(tree, 'clinic-app/src/intake.ts').length === 0 && siteOf(tree, 'clinic-app/src/intakeRenamed.ts').length === 2, 20_000);
    await vscode.workspace.fs.delete(renamed);
    await waitFor('the delete in the tree', () => siteOf(tree, 'clinic-app/src/intakeRenamed.ts').length === 0, 20_000);
    assert.strictEqual(index.lastScan, before, 'no full scan ran');
  });

  it('suppresses a site with a justification through the editor command, and the map follows', async () => {
    const { tree } = dataFlows;
    const folder = workspaceFolder('clinic-app').uri;
    const file = vscode.Uri.joinPath(folder, 'src', 'referral.ts');
    await write(file, "export function refer(patient: { diagnosis: string }) {\n  console.warn('referral', patient.diagnosis);\n}\n");
    const site = await waitFor('the new site', () => siteOf(tree, 'clinic-app/src/referral.ts')[0], 20_000);
    assert.strictEqual(tree.getTreeItem(site).contextValue, 'phiGuard.site.open');
    assert.strictEqual(await vscode.commands.executeCommand('phiGuard.suppressFlow', site, 'reviewed: goes to the on-prem log (SEC-7)'), true);
    const document = await vscode.workspace.openTextDocument(file);
    assert.match(document.getText(), /^ {2}\/\/ phi-guard-allow no-phi-in-logs -- reviewed: goes to the on-prem log \(SEC-7\)$/m);
    await document.save();
    await waitFor('the site to show as suppressed', () => siteOf(tree, 'clinic-app/src/referral.ts')[0]?.flow!.status === 'suppressed', 20_000);
    await vscode.workspace.fs.delete(file);
  });

  it('suppresses at the sink in a helper for every caller, from a site whose flow ends there, and the map shows them suppressed', async () => {
    const { tree } = dataFlows;
    const folder = workspaceFolder('clinic-app').uri;
    const helper = vscode.Uri.joinPath(folder, 'src', 'auditTrail.ts');
    const callers = vscode.Uri.joinPath(folder, 'src', 'auditCallers.ts');
    await write(helper, 'export function trail(entry: unknown): void {\n  console.info(entry);\n}\n');
    await write(callers, "import { trail } from './auditTrail';\nexport function admit(patient: { ssn: string; email: string }) {\n  trail(patient.ssn);\n  trail(patient.email);\n}\n");
    const [site] = await waitFor('the two call sites', () => (siteOf(tree, 'clinic-app/src/auditCallers.ts').length === 2 ? siteOf(tree, 'clinic-app/src/auditCallers.ts') : undefined), 20_000);
    assert.strictEqual(tree.getTreeItem(site!).contextValue, 'phiGuard.site.openViaHelper');
    assert.strictEqual(await vscode.commands.executeCommand('phiGuard.suppressFlowAtSink', site, 'audit trail is access-controlled (SEC-12)'), true);
    const document = await vscode.workspace.openTextDocument(helper);
    assert.strictEqual(document.lineAt(1).text, '  // phi-guard-allow no-phi-in-logs -- audit trail is access-controlled (SEC-12)');
    await document.save();
    await waitFor('both call sites to show as suppressed, with the reason', () => {
      const after = siteOf(tree, 'clinic-app/src/auditCallers.ts');
      return after.length === 2 && after.every((node) => node.flow!.status === 'suppressed' && node.flow!.reason === 'audit trail is access-controlled (SEC-12)');
    }, 20_000);
    // Gone from the index before the next test scans (a file deleted during a scan is not a cached one).
    await vscode.workspace.fs.delete(helper);
    await vscode.workspace.fs.delete(callers);
    await waitFor('the deletes in the tree', () => siteOf(tree, 'clinic-app/src/auditCallers.ts').length === 0, 20_000);
  });

  it('exports the AI & ePHI inventory as Markdown and JSON, with versions and the commit read from files', async () => {
    const folder = workspaceFolder('clinic-app').uri;
    const sha = '0123456789abcdef0123456789abcdef01234567';
    await write(vscode.Uri.joinPath(folder, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    await write(vscode.Uri.joinPath(folder, '.git', 'refs', 'heads', 'main'), `${sha}\n`);
    await write(vscode.Uri.joinPath(folder, 'package-lock.json'), JSON.stringify({ lockfileVersion: 3, packages: { 'node_modules/openai': { version: '4.52.7' } } }));
    // A package's own policy, whose exception the inventory lists (the folder holds no code: no flow changes).
    const toolsPolicy = vscode.Uri.joinPath(folder, 'tools', '.phi-guard.json');
    await write(toolsPolicy, JSON.stringify({ sanitizers: ['scrubForVendor'] }));
    const markdownFile = vscode.Uri.joinPath(folder, 'inventory.md');
    const written = await vscode.commands.executeCommand<vscode.Uri>('phiGuard.exportInventory', 'markdown', markdownFile);
    assert.strictEqual(written?.toString(), markdownFile.toString());
    const markdown = new TextDecoder().decode(await vscode.workspace.fs.readFile(markdownFile));
    assert.match(markdown, /^# AI & ePHI inventory/);
    assert.ok(markdown.includes(`at commit \`${sha}\``), 'commit from .git/HEAD');
    assert.match(markdown, /\| OpenAI \| `openai` \| 4\.52\.7 \| \d+ \| .*Diagnosis/);
    assert.ok(markdown.includes('`clinic-app/src/patientSummary.ts:14` `chat.completions.create`: **PHI**'), 'the OpenAI call site with its PHI');
    assert.ok(markdown.includes('```mermaid'));
    const jsonFile = vscode.Uri.joinPath(folder, 'inventory.json');
    await vscode.commands.executeCommand('phiGuard.exportInventory', 'json', jsonFile);
    const json = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(jsonFile)));
    assert.strictEqual(json.commit, sha);
    assert.ok(json.sinks.some((sink: { api: string }) => sink.api === 'console.log'));
    assert.deepStrictEqual(json.policyExceptions, [{ file: 'clinic-app/tools/.phi-guard.json', allowedCategories: {}, notPhiNames: [], sanitizers: ['scrubForVendor'] }]);
    assert.ok(markdown.includes('| `clinic-app/tools/.phi-guard.json` | — | — | `scrubForVendor` |'), 'the policy exception in the Markdown');
    await vscode.workspace.fs.delete(toolsPolicy);
  });

  it('caches results on disk: a second scan analyses nothing again', async () => {
    const { index } = dataFlows;
    await vscode.commands.executeCommand('phiGuard.scanWorkspace');
    const stats = index.lastScan!;
    assert.ok(stats.files > 3, `files: ${stats.files}`);
    assert.strictEqual(stats.fromCache, stats.files);
    // The cache is on disk in the extension's workspace storage, one entry per scanned file.
    const saved = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(index.cacheLocation!)));
    const summary = vscode.Uri.joinPath(workspaceFolder('clinic-app').uri, 'src', 'patientSummary.ts').toString();
    assert.strictEqual(Object.keys(saved.entries).length, stats.files, `saved: ${Object.keys(saved.entries).map((key) => key.split('/').slice(-2).join('/')).join(', ')}`);
    assert.match(saved.entries[summary].hash, /^[0-9a-f]{64}$/);
    assert.ok(saved.entries[summary].flows.flows.some((flow: { sink: { api: string } }) => flow.sink.api === 'chat.completions.create'));
  });

  it('opens the Data-Flow Map as a webview limited to media/dist, with scripts under a nonce CSP', async () => {
    const panel = await dataFlows.map.show();
    assert.strictEqual(panel.viewType, 'phiGuard.dataFlowMap');
    const roots = panel.webview.options.localResourceRoots ?? [];
    assert.deepStrictEqual(roots.map((root) => root.path.split('/').slice(-2).join('/')), ['media/dist']);
    assert.ok(panel.webview.options.enableScripts);
    assert.match(panel.webview.html, /script-src 'nonce-[0-9a-f]{32}'/);
    // Let the workbench finish showing it before it goes.
    await new Promise((resolve) => setTimeout(resolve, 500));
    panel.dispose();
  });
});
