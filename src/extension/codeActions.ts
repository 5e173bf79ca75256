import * as path from 'path';
import * as vscode from 'vscode';
import { carriesRecordKeyOnly, type FlowStep } from '../core/findings/finding';
import type { AnalysisController, ShownFinding } from './analysisController';
import { COMMANDS } from './commandIds';
import { DIAGNOSTIC_SOURCE } from './diagnosticModel';
import { notPhiCandidates } from './hoverContent';
import { sinkElsewhere } from './sinkElsewhere';
import { toVscodeRange } from './positions';

/**
 * Quick fixes for PHI findings: the engine's fixes (de-identify wrap + import), a justified suppression comment,
 * "allow record keys" through the rule, and "mark as not PHI". Offered only for the document version the findings
 * were computed for.
 */
export class PhiCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly controller: AnalysisController) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const shown = this.controller.findingsShownAt(document.uri, document.version);
    if (!shown) return [];
    const actions: vscode.CodeAction[] = [];
    for (const item of shown) {
      const findingRange = toVscodeRange(document, item.finding.range);
      if (!findingRange.intersection(range)) continue;
      const diagnostics = context.diagnostics.filter(
        (diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE && codeValue(diagnostic.code) === item.finding.rule && diagnostic.range.isEqual(findingRange),
      );
      actions.push(...this.actionsFor(document, item, diagnostics));
    }
    return actions;
  }

  private actionsFor(document: vscode.TextDocument, { finding, index }: ShownFinding, diagnostics: vscode.Diagnostic[]): vscode.CodeAction[] {
    const actions = finding.fixes.map((fix, fixIndex) => {
      const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      for (const edit of fix.edits) action.edit.replace(document.uri, toVscodeRange(document, edit.range), edit.newText);
      action.isPreferred = fixIndex === 0;
      action.diagnostics = diagnostics;
      return action;
    });
    const suppress = new vscode.CodeAction(`Suppress ${finding.rule} here with a justification…`, vscode.CodeActionKind.QuickFix);
    suppress.command = { command: COMMANDS.suppress, title: suppress.title, arguments: [document.uri.toString(), document.version, index] };
    suppress.diagnostics = diagnostics;
    actions.push(suppress);
    const sink = sinkElsewhere(finding.flow, finding.range);
    if (sink) {
      const where = sink.file ? `${path.basename(sink.file)}:${sinkLine(sink)}` : `line ${document.positionAt(sink.range.start).line + 1}`;
      const atSink = new vscode.CodeAction(`Suppress ${finding.rule} at its sink (${where}) for every caller…`, vscode.CodeActionKind.QuickFix);
      atSink.command = { command: COMMANDS.suppressAtSink, title: atSink.title, arguments: [document.uri.toString(), document.version, index] };
      atSink.diagnostics = diagnostics;
      actions.push(atSink);
    }
    // A record key alone: the policy may treat these ids as opaque references through this rule's sinks.
    if (carriesRecordKeyOnly(finding.phiCategories)) {
      const allow = new vscode.CodeAction(`Allow patient record keys through ${finding.rule} (.phi-guard.json)`, vscode.CodeActionKind.QuickFix);
      allow.command = { command: COMMANDS.allowCategory, title: allow.title, arguments: [document.uri.toString(), finding.rule, 'other-id'] };
      allow.diagnostics = diagnostics;
      actions.push(allow);
    }
    for (const name of notPhiCandidates(finding)) {
      const markNotPhi = new vscode.CodeAction(`Mark '${name}' as not PHI (.phi-guard.json)`, vscode.CodeActionKind.QuickFix);
      markNotPhi.command = { command: COMMANDS.markNotPhi, title: markNotPhi.title, arguments: [document.uri.toString(), name] };
      markNotPhi.diagnostics = diagnostics;
      actions.push(markNotPhi);
    }
    return actions;
  }
}

/** A step in another file carries its 1-based position (the editor may not have that file's text). */
function sinkLine(step: FlowStep): string {
  return step.position ? String(step.position.line) : '?';
}

function codeValue(code: vscode.Diagnostic['code']): string | number | undefined {
  return typeof code === 'object' ? code.value : code;
}
