import * as path from 'path';
import * as vscode from 'vscode';
import type { AnalysisController } from '../analysisController';
import { COMMANDS } from '../commandIds';
import { toVscodeRange } from '../positions';
import type { WorkspaceFlow } from './fileFlows';
import type { FlowTreeNode } from './flowTreeModel';
import type { WorkspaceFlowIndex } from './workspaceFlowIndex';

/** Commands on one code site, from the Data Flows view (tree node) or the map (flow id). */
export function registerFlowSiteCommands(index: WorkspaceFlowIndex, controller: AnalysisController): vscode.Disposable[] {
  const flowOf = (target: FlowTreeNode | string | undefined): WorkspaceFlow | undefined => {
    const flow = typeof target === 'string' ? index.flowById(target) : target?.flow;
    if (!flow) void vscode.window.showWarningMessage('PHI Guard: this code site is no longer in the workspace map (the file changed); pick it again in the Data Flows view.');
    return flow;
  };
  return [
    vscode.commands.registerCommand(COMMANDS.openFlowSite, async (target?: FlowTreeNode | string) => {
      const flow = flowOf(target);
      if (flow) await openFlow(flow);
    }),
    vscode.commands.registerCommand(COMMANDS.showFlowPath, async (target?: FlowTreeNode | string) => {
      const flow = flowOf(target);
      if (flow) await showFlowPath(flow);
    }),
    vscode.commands.registerCommand(COMMANDS.copyFlowLocation, async (target?: FlowTreeNode | string) => {
      const flow = flowOf(target);
      if (!flow) return undefined;
      const location = `${flow.file}:${flow.line}:${flow.column}`;
      await vscode.env.clipboard.writeText(location);
      vscode.window.setStatusBarMessage(`PHI Guard: copied ${location}`, 3000);
      return location;
    }),
    vscode.commands.registerCommand(COMMANDS.suppressFlow, async (target?: FlowTreeNode | string, reason?: string) => {
      const flow = flowOf(target);
      return flow ? suppressFlow(flow, controller, reason, COMMANDS.suppress) : false;
    }),
    vscode.commands.registerCommand(COMMANDS.suppressFlowAtSink, async (target?: FlowTreeNode | string, reason?: string) => {
      const flow = flowOf(target);
      return flow ? suppressFlow(flow, controller, reason, COMMANDS.suppressAtSink) : false;
    }),
  ];
}

export async function openFlow(flow: WorkspaceFlow): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(flow.uri));
  const range = toVscodeRange(document, flow.range);
  const editor = await vscode.window.showTextDocument(document, { selection: range, preview: true });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

/** The flow's steps, source to sink, in a quick pick that reveals each step as you move through it. */
async function showFlowPath(flow: WorkspaceFlow): Promise<void> {
  if (!flow.steps.length) {
    await openFlow(flow);
    void vscode.window.showInformationMessage(`PHI Guard: no PHI reaches ${flow.sink.vendor} ${flow.sink.api} at ${flow.file}:${flow.line}, so there is no flow to show.`);
    return;
  }
  const home = vscode.Uri.parse(flow.uri);
  const items = await Promise.all(
    flow.steps.map(async (step, stepIndex) => {
      const uri = step.file ? vscode.Uri.file(path.resolve(path.dirname(home.fsPath), step.file)) : home;
      const document = await vscode.workspace.openTextDocument(uri);
      const range = toVscodeRange(document, step.range);
      return { label: `${stepIndex + 1}. ${step.kind}`, description: `${path.basename(document.fileName)}:${range.start.line + 1}`, detail: step.note, document, range };
    }),
  );
  const reveal = async (item: (typeof items)[number], preserveFocus: boolean) => {
    const editor = await vscode.window.showTextDocument(item.document, { preserveFocus, preview: true });
    editor.selection = new vscode.Selection(item.range.start, item.range.end);
    editor.revealRange(item.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  };
  const picked = await vscode.window.showQuickPick(items, {
    title: `PHI data flow into ${flow.sink.vendor} ${flow.sink.api} (${flow.file}:${flow.line})`,
    placeHolder: 'From where the PHI comes from to where it leaves',
    onDidSelectItem: (item) => void reveal(item as (typeof items)[number], true),
  });
  if (picked) await reveal(picked, false);
}

/**
 * Reuses the editor's suppress commands (here, or at the sink for every caller): they need the finding as the editor
 * shows it, so the file is opened and, if needed, its analysis awaited; the finding is matched by rule and position.
 */
async function suppressFlow(flow: WorkspaceFlow, controller: AnalysisController, reason: string | undefined, command: typeof COMMANDS.suppress | typeof COMMANDS.suppressAtSink): Promise<boolean> {
  if (flow.status !== 'open') {
    void vscode.window.showInformationMessage(`PHI Guard: ${flow.file}:${flow.line} is ${flow.status === 'suppressed' ? 'already suppressed' : 'not a PHI flow'}; nothing to suppress.`);
    return false;
  }
  const editor = await openFlow(flow);
  const { document } = editor;
  const matching = () => controller.findingsShownAt(document.uri, document.version)?.find(({ finding }) => finding.rule === flow.rule && finding.range.start === flow.range.start && finding.range.end === flow.range.end);
  const shown = matching() ?? (await waitForPublish(controller, document.uri, matching));
  if (!shown) {
    void vscode.window.showWarningMessage(`PHI Guard: ${flow.file}:${flow.line} no longer has this finding in the editor (the file changed since the scan); suppress it from the editor's quick fixes.`);
    return false;
  }
  return (await vscode.commands.executeCommand<boolean>(command, document.uri.toString(), document.version, shown.index, reason)) === true;
}

function waitForPublish<T>(controller: AnalysisController, uri: vscode.Uri, probe: () => T | undefined, timeoutMs = 10_000): Promise<T | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => finish(undefined), timeoutMs);
    const listener = controller.onDidPublish((published) => {
      if (published.toString() !== uri.toString()) return;
      const value = probe();
      if (value) finish(value);
    });
    function finish(value: T | undefined) {
      clearTimeout(timer);
      listener.dispose();
      resolve(value);
    }
  });
}
