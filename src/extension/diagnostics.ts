import * as path from 'path';
import * as vscode from 'vscode';
import type { DiagnosticDescription, ShownSeverity } from './diagnosticModel';
import { toVscodeRange } from './positions';

const SEVERITY: Readonly<Record<ShownSeverity, vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export async function toDiagnostic(document: vscode.TextDocument, description: DiagnosticDescription): Promise<vscode.Diagnostic> {
  const diagnostic = new vscode.Diagnostic(toVscodeRange(document, description.range), description.message, SEVERITY[description.severity]);
  diagnostic.source = description.source;
  diagnostic.code = description.code.target
    ? { value: description.code.value, target: vscode.Uri.parse(description.code.target) }
    : description.code.value;
  if (description.related.length > 0) {
    diagnostic.relatedInformation = await Promise.all(
      description.related.map(async (step) => {
        const stepDocument = await documentOf(document, step.file);
        return new vscode.DiagnosticRelatedInformation(new vscode.Location(stepDocument.uri, toVscodeRange(stepDocument, step.range)), step.note);
      }),
    );
  }
  return diagnostic;
}

/** Flow steps in another file (cross-file flows) need that file's text to turn offsets into positions. */
async function documentOf(analysed: vscode.TextDocument, file: string | undefined): Promise<vscode.TextDocument> {
  if (file === undefined || analysed.uri.scheme !== 'file') return analysed;
  const absolute = path.resolve(path.dirname(analysed.uri.fsPath), file);
  if (absolute === analysed.uri.fsPath) return analysed;
  const open = vscode.workspace.textDocuments.find((candidate) => candidate.uri.fsPath === absolute);
  return open ?? (await vscode.workspace.openTextDocument(vscode.Uri.file(absolute)));
}
