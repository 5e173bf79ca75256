import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';
import * as vscode from 'vscode';
import type { DataFlowFeature } from '../../../src/extension/dataFlow/dataFlowFeature';
import type { FlowTreeNode } from '../../../src/extension/dataFlow/flowTreeModel';
import { closeAllEditors, EXTENSION_ID, waitFor, workspaceFolder } from './helpers';

const HELPER = 'clinic-app/src/crossfile/auditTrail.ts';
const ROUTE = 'clinic-app/src/crossfile/checkInRoute.ts';
const LOGGING_HELPER = 'export function auditTrail(entry: unknown): void {\n  console.log(entry);\n}\n';
const QUIET_HELPER = 'export function auditTrail(entry: unknown): void {\n  void entry;\n}\n';
const INTAKE = 'clinic-app/src/crossfile/intakeRoute.ts';
const INTAKE_LOGGER = 'clinic-app/src/crossfile/intakeLogger.ts';
const VISITS = 'clinic-app/src/crossfile/visits.ts';
const SCHEMA = 'clinic-app/src/crossfile/schema.prisma';
const PLAIN_SCHEMA = 'model Visit {\n  id      String @id\n  summary String\n}\n';
const PHI_SCHEMA = 'model Visit {\n  id      String @id\n  /// @phi diagnosis\n  summary String\n}\n';
// A folder with its own tsconfig, whose `@audit/*` alias names a quiet helper, then one that logs.
const ALIASED_ROUTE = 'clinic-app/src/crossfile/aliased/route.ts';
const ALIASED_TSCONFIG = 'clinic-app/src/crossfile/aliased/tsconfig.json';
const aliasTo = (target: string) => JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@audit/*': [`${target}/*`] } } });

function sites(tree: DataFlowFeature['tree'], node?: FlowTreeNode): FlowTreeNode[] {
  return tree.getChildren(node).flatMap((child) => (child.kind === 'site' ? [child] : sites(tree, child)));
}

const write = (uri: vscode.Uri, text: string) => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));

/** The workspace scan analyses across files like the CLI: PHI handed to a helper in another file is on the map. */
describe('workspace data-flow map across files', () => {
  let dataFlows: DataFlowFeature;
  const inWorkspace = (file: string) => vscode.Uri.joinPath(workspaceFolder('clinic-app').uri, file.slice('clinic-app/'.length));
  const sitesIn = (file: string) => sites(dataFlows.tree).filter((node) => node.flow?.file === file);
  const routeSites = () => sitesIn(ROUTE);

  before(async () => {
    const extension = vscode.extensions.getExtension<{ dataFlows: DataFlowFeature }>(EXTENSION_ID);
    assert.ok(extension);
    dataFlows = (await extension.activate()).dataFlows;
    await write(inWorkspace(HELPER), LOGGING_HELPER);
    await write(inWorkspace(ROUTE), "import { auditTrail } from './auditTrail';\nexport function checkIn(patient: { ssn: string }) {\n  auditTrail(patient.ssn);\n}\n");
    // An import of a module that does not exist yet, and a Prisma model whose field is not PHI yet.
    await write(inWorkspace(INTAKE), "import { intakeLog } from './intakeLogger';\nexport function intake(patient: { ssn: string }) {\n  intakeLog(patient.ssn);\n}\n");
    await write(inWorkspace(SCHEMA), PLAIN_SCHEMA);
    await write(inWorkspace(VISITS), "export async function showVisit(prisma: any) {\n  const visit = await prisma.visit.findUnique({ where: { id: '1' } });\n  console.log(visit.summary);\n}\n");
    await write(inWorkspace('clinic-app/src/crossfile/aliased/quiet/audit.ts'), QUIET_HELPER);
    await write(inWorkspace('clinic-app/src/crossfile/aliased/loud/audit.ts'), LOGGING_HELPER);
    await write(inWorkspace(ALIASED_TSCONFIG), aliasTo('quiet'));
    await write(inWorkspace(ALIASED_ROUTE), "import { auditTrail } from '@audit/audit';\nexport function admit(patient: { ssn: string }) {\n  auditTrail(patient.ssn);\n}\n");
    await vscode.commands.executeCommand('phiGuard.scanWorkspace');
  });
  afterEach(closeAllEditors);
  after(async () => {
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceFolder('clinic-app').uri, 'src', 'crossfile'), { recursive: true });
  });

  it('shows PHI passed to a helper in another file, at the call, with the path into the helper', async () => {
    const [site] = routeSites();
    assert.ok(site, `no site in ${ROUTE}; sites: ${sites(dataFlows.tree).map((node) => `${node.flow!.file}:${node.flow!.line}`).join(' | ')}`);
    assert.strictEqual(site.flow!.status, 'open');
    assert.strictEqual(site.flow!.sink.api, 'console.log');
    assert.strictEqual(site.flow!.line, 3);
    assert.ok(site.flow!.steps.some((step) => step.file !== undefined && step.file.endsWith('auditTrail.ts')), 'a step in the helper');
  });

  it('matches the CLI: the same open findings in the same files and lines', () => {
    const folder = workspaceFolder('clinic-app').uri.fsPath;
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const cli = path.join(extension.extensionPath, 'dist', 'cli.js');
    // The extension host's own runtime runs the CLI (ELECTRON_RUN_AS_NODE makes desktop VS Code's binary a plain Node).
    const run = spawnSync(process.execPath, [cli, 'scan', '--format', 'json', '.'], { cwd: folder, encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
    assert.ok(run.stdout, `the CLI printed nothing (exit ${run.status}): ${run.stderr}`);
    const fromCli = (JSON.parse(run.stdout) as { findings: { file: string; line: number; rule: string }[] }).findings.map((finding) => `clinic-app/${finding.file}:${finding.line} ${finding.rule}`);
    const onMap = sites(dataFlows.tree).filter((node) => node.flow!.status === 'open' && node.flow!.file.startsWith('clinic-app/')).map((node) => `${node.flow!.file}:${node.flow!.line} ${node.flow!.rule}`);
    assert.ok(fromCli.includes(`${ROUTE}:3 no-phi-in-logs`), fromCli.join('\n'));
    assert.deepStrictEqual([...new Set(onMap)].sort(), [...new Set(fromCli)].sort());
  });

  it('updates the files that import a changed helper, without a full scan', async () => {
    const before = dataFlows.index.lastScan;
    await write(inWorkspace(HELPER), QUIET_HELPER);
    await waitFor('the route\'s flow to go once the helper stops logging', () => routeSites().length === 0, 20_000);
    await write(inWorkspace(HELPER), LOGGING_HELPER);
    await waitFor('the route\'s flow to come back', () => routeSites().length === 1, 20_000);
    assert.strictEqual(dataFlows.index.lastScan, before, 'no full scan ran');
  });

  it('updates a file whose import named nothing once the module is created, without a full scan', async () => {
    const before = dataFlows.index.lastScan;
    assert.strictEqual(sitesIn(INTAKE).length, 0, 'the logger does not exist yet');
    await write(inWorkspace(INTAKE_LOGGER), 'export function intakeLog(value: unknown): void {\n  console.log(value);\n}\n');
    await waitFor('the intake route\'s flow into the new logger', () => sitesIn(INTAKE).length === 1, 20_000);
    assert.strictEqual(dataFlows.index.lastScan, before, 'no full scan ran');
  });

  it('updates a file whose import alias names another module once its tsconfig changes, without a full scan', async () => {
    // The updates the set-up's file events queued are done first: only the tsconfig's change can add the flow.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await dataFlows.index.ensureScanned();
    const before = dataFlows.index.lastScan;
    assert.strictEqual(sitesIn(ALIASED_ROUTE).length, 0, 'the alias names the quiet helper');
    await write(inWorkspace(ALIASED_TSCONFIG), aliasTo('loud'));
    await waitFor('the aliased route\'s flow into the logging helper', () => sitesIn(ALIASED_ROUTE).length === 1, 20_000);
    assert.strictEqual(dataFlows.index.lastScan, before, 'no full scan ran');
  });

  it('updates the files that read a schema.prisma when a field becomes PHI, without a full scan', async () => {
    const before = dataFlows.index.lastScan;
    assert.strictEqual(sitesIn(VISITS).length, 0, 'no field is PHI yet');
    await write(inWorkspace(SCHEMA), PHI_SCHEMA);
    await waitFor('the visit summary\'s flow once the field is PHI', () => sitesIn(VISITS).length === 1, 20_000);
    assert.strictEqual(dataFlows.index.lastScan, before, 'no full scan ran');
  });

  it('reuses every cached file on a rescan with nothing changed, cross-file flows included', async () => {
    await vscode.commands.executeCommand('phiGuard.scanWorkspace');
    const stats = dataFlows.index.lastScan!;
    assert.strictEqual(stats.fromCache, stats.files, 'nothing changed since the last analysis');
    assert.strictEqual(routeSites().length, 1);
    assert.strictEqual(sitesIn(INTAKE).length, 1);
    assert.strictEqual(sitesIn(VISITS).length, 1);
  });
});
