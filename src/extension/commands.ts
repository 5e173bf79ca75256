import * as path from 'path';
import * as vscode from 'vscode';
import { readText } from './readText';
import { loadEngine } from './loadEngine';
import type { Finding, RuleId } from '../core/findings/finding';
import type { PhiCategoryId } from '../core/catalog/phiCategories';
import { addAllowedCategory } from './allowedCategoryEdit';
import type { AnalysisController, ShownFinding } from './analysisController';
import { analysisFileName } from './analysisFileName';
import { COMMANDS } from './commandIds';
import { addNotPhiName } from './notPhiNameEdit';
import type { ConfigEditResult } from './policyFileEdit';
import { toVscodeRange } from './positions';
import type { ProjectConfigService } from './projectConfigService';
import { sinkElsewhere } from './sinkElsewhere';
import { suppressionCommentEdit, validateReason } from './suppressionComment';

export function registerCommands(controller: AnalysisController, configs: ProjectConfigService, log: vscode.LogOutputChannel): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(COMMANDS.suppress, (uri: string, version: number, index: number, reason?: string) => suppressWithReason(controller, uri, version, index, reason)),
    vscode.commands.registerCommand(COMMANDS.suppressAtSink, (uri: string, version: number, index: number, reason?: string) => suppressAtSink(controller, uri, version, index, reason)),
    vscode.commands.registerCommand(COMMANDS.markNotPhi, (uri: string, name: string) =>
      editPolicy(configs, log, uri, `mark '${name}' as not PHI`, (text, label) => addNotPhiName(text, name, label), `Added '${name}' to notPhiNames`)),
    vscode.commands.registerCommand(COMMANDS.allowCategory, (uri: string, rule: RuleId, category: PhiCategoryId) =>
      editPolicy(configs, log, uri, `allow ${category} through ${rule}`, (text, label) => addAllowedCategory(text, rule, category, label), `Allowed ${category} through ${rule} (allowedCategories)`)),
    vscode.commands.registerCommand(COMMANDS.showDataFlow, (uri: string, version: number, index: number) => showDataFlow(controller, uri, version, index)),
    vscode.commands.registerCommand(COMMANDS.showLog, () => log.show()),
  ];
}

/** The finding a command was created for, only while the document is still at that version. */
function findingFor(controller: AnalysisController, uri: string, version: number, index: number): { document: vscode.TextDocument; finding: ShownFinding } | undefined {
  const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri);
  const finding = document && document.version === version ? controller.findingsShownAt(document.uri, version)?.find((item) => item.index === index) : undefined;
  if (document && finding) return { document, finding };
  void vscode.window.showWarningMessage(`PHI Guard: ${document ? path.basename(document.fileName) : uri} changed since this action was offered; hover the value again or re-open the quick fixes.`);
  return undefined;
}

/** `reason` skips the input box (keybindings, tests). */
async function suppressWithReason(controller: AnalysisController, uri: string, version: number, index: number, reason?: string): Promise<boolean> {
  const target = findingFor(controller, uri, version, index);
  if (!target) return false;
  const { finding } = target.finding;
  const justification = await askJustification(finding, reason, '');
  // The input box may have been open while the user kept typing: re-check the version before editing.
  if (justification === undefined || !findingFor(controller, uri, version, index)) return false;
  return insertSuppression(target.document, finding.range.start, finding.rule, justification, () => !!findingFor(controller, uri, version, index));
}

/** The comment goes above the sink the flow ends in (inside a helper, maybe in another file): it covers every caller. */
async function suppressAtSink(controller: AnalysisController, uri: string, version: number, index: number, reason?: string): Promise<boolean> {
  const target = findingFor(controller, uri, version, index);
  if (!target) return false;
  const { finding } = target.finding;
  const sink = sinkElsewhere(finding.flow, finding.range);
  if (!sink) {
    void vscode.window.showWarningMessage(`PHI Guard: this ${finding.rule} finding is at its sink already; use "Suppress here".`);
    return false;
  }
  let sinkDocument: vscode.TextDocument;
  try {
    sinkDocument = sink.file ? await vscode.workspace.openTextDocument(vscode.Uri.file(path.resolve(path.dirname(target.document.uri.fsPath), sink.file))) : target.document;
  } catch (error) {
    void vscode.window.showErrorMessage(`PHI Guard: cannot open ${sink.file} to suppress at its sink (${error instanceof Error ? error.message : String(error)}).`);
    return false;
  }
  const sinkVersion = sinkDocument.version;
  const where = `${path.basename(sinkDocument.fileName)}:${sinkDocument.positionAt(sink.range.start).line + 1}`;
  const justification = await askJustification(finding, reason, ` at ${where}, for every caller`);
  if (justification === undefined || !findingFor(controller, uri, version, index)) return false;
  const stillCurrent = () => !!findingFor(controller, uri, version, index) && sinkDocument.version === sinkVersion;
  if (!stillCurrent()) {
    void vscode.window.showWarningMessage(`PHI Guard: ${path.basename(sinkDocument.fileName)} changed since this action was offered; hover the value again or re-open the quick fixes.`);
    return false;
  }
  return insertSuppression(sinkDocument, sink.range.start, finding.rule, justification, stillCurrent);
}

/** The reason for a suppression: `given` (keybindings, tests) or asked for; undefined when cancelled or invalid. */
async function askJustification(finding: Finding, given: string | undefined, where: string): Promise<string | undefined> {
  const justification =
    given ??
    (await vscode.window.showInputBox({
      title: `Suppress ${finding.rule}${where}`,
      prompt: `Why may this value reach ${finding.sink.vendor} ${finding.sink.api}? The reason is kept in the code for reviewers.`,
      placeHolder: 'e.g. BAA signed with the vendor (ticket SEC-42)',
      validateInput: validateReason,
      ignoreFocusOut: true,
    }));
  if (justification === undefined) return undefined;
  const problem = validateReason(justification);
  if (problem) {
    void vscode.window.showErrorMessage(`PHI Guard: ${problem}`);
    return undefined;
  }
  return justification;
}

/** Inserts a suppression comment above the line of `offset` in `document`, if it is one the engine honours there. */
async function insertSuppression(document: vscode.TextDocument, offset: number, rule: RuleId, justification: string, stillCurrent: () => boolean): Promise<boolean> {
  const text = document.getText();
  const edit = suppressionCommentEdit(text, offset, rule, justification);
  // Insert only a comment that is one and that the engine honours: inside JSX children `//` is rendered text. Checked
  // on the text, as the analysis would check it, so that a finding only cross-file analysis makes is covered too.
  const fileName = analysisFileName(document.fileName, document.languageId);
  const edited = text.slice(0, edit.range.start) + edit.newText + text.slice(edit.range.end);
  const coveredAfterEdit = offset + edit.newText.length;
  const { isInJsxText, isSuppressedAt, parseFile } = loadEngine();
  const after = parseFile(fileName, edited);
  const addsSyntaxErrors = after.syntaxErrors.length > parseFile(fileName, text).syntaxErrors.length;
  if (isInJsxText(after.sourceFile, edit.range.start) || addsSyntaxErrors || !isSuppressedAt(after.sourceFile, coveredAfterEdit, rule)) {
    void vscode.window.showWarningMessage(`PHI Guard: a line comment above line ${document.positionAt(offset).line + 1} of ${path.basename(document.fileName)} would not be a working suppression (inside JSX children?); move the value into a variable and suppress there, or fix the finding.`);
    return false;
  }
  if (!stillCurrent()) return false;
  const workspaceEdit = new vscode.WorkspaceEdit();
  workspaceEdit.insert(document.uri, document.positionAt(edit.range.start), edit.newText);
  return vscode.workspace.applyEdit(workspaceEdit);
}

/** Changes the policy of the file at `uri` (its nearest `.phi-guard.json`, made at the workspace folder if none). */
async function editPolicy(
  configs: ProjectConfigService, log: vscode.LogOutputChannel, uri: string, action: string, edit: (text: string | undefined, fileLabel: string) => ConfigEditResult, done: string,
): Promise<boolean> {
  const file = await configs.configFileFor(vscode.Uri.parse(uri));
  if (!file) {
    void vscode.window.showWarningMessage(`PHI Guard: ${vscode.Uri.parse(uri).fsPath} is not in a workspace folder; open its folder to keep a .phi-guard.json policy there.`);
    return false;
  }
  const openConfig = vscode.workspace.textDocuments.find((document) => document.uri.toString() === file.toString());
  if (openConfig?.isDirty) {
    void vscode.window.showWarningMessage(`PHI Guard: ${file.fsPath} has unsaved changes; save it, then ${action} again.`);
    return false;
  }
  const existing = await readText(file);
  const result = edit(existing, file.fsPath);
  if (!result.ok) {
    void vscode.window.showErrorMessage(`PHI Guard: ${result.message}`);
    return false;
  }
  if (result.changed) {
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(result.text));
    log.info(`${done} in ${file.fsPath}.`);
  }
  configs.invalidate(file);
  return true;
}


/** Walks the flow from source to sink: the active item is revealed as you move, Enter selects it. */
async function showDataFlow(controller: AnalysisController, uri: string, version: number, index: number): Promise<void> {
  const target = findingFor(controller, uri, version, index);
  if (!target) return;
  const { document } = target;
  const steps = target.finding.finding.flow;
  const items = await Promise.all(
    steps.map(async (step, stepIndex) => {
      const stepDocument = step.file ? await vscode.workspace.openTextDocument(vscode.Uri.file(path.resolve(path.dirname(document.uri.fsPath), step.file))) : document;
      const range = toVscodeRange(stepDocument, step.range);
      return {
        label: `${stepIndex + 1}. ${step.kind}`,
        description: `${path.basename(stepDocument.fileName)}:${range.start.line + 1}`,
        detail: step.note,
        document: stepDocument,
        range,
      };
    }),
  );
  const reveal = async (item: (typeof items)[number], preserveFocus: boolean) => {
    const editor = await vscode.window.showTextDocument(item.document, { preserveFocus, preview: true });
    editor.selection = new vscode.Selection(item.range.start, item.range.end);
    editor.revealRange(item.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  };
  const picked = await vscode.window.showQuickPick(items, {
    title: `PHI data flow: ${target.finding.finding.rule}`,
    placeHolder: 'From where the PHI comes from to where it leaves',
    onDidSelectItem: (item) => void reveal(item as (typeof items)[number], true),
  });
  if (picked) await reveal(picked, false);
}
