import * as path from 'path';
import * as vscode from 'vscode';
import type { TextRange } from '../core/findings/finding';
import type { DiagnosticDescription, ShownSeverity } from './diagnosticModel';
import { rangeConverterFor, toVscodeRange } from './positions';
import { readText } from './readText';

const SEVERITY: Readonly<Record<ShownSeverity, vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** Where flow steps in other files are, by absolute path: one publish reads each such file once. */
export type OtherFiles = Map<string, Promise<StepLocator | undefined>>;

interface StepLocator {
  readonly uri: vscode.Uri;
  rangeOf(range: TextRange): vscode.Range;
}

export async function toDiagnostic(document: vscode.TextDocument, description: DiagnosticDescription, otherFiles: OtherFiles = new Map()): Promise<vscode.Diagnostic> {
  const diagnostic = new vscode.Diagnostic(toVscodeRange(document, description.range), description.message, SEVERITY[description.severity]);
  diagnostic.source = description.source;
  diagnostic.code = description.code.target
    ? { value: description.code.value, target: vscode.Uri.parse(description.code.target) }
    : description.code.value;
  if (description.related.length > 0) {
    const related = await Promise.all(
      description.related.map(async (step) => {
        const locator = await locatorOf(document, step.file, otherFiles);
        return locator && new vscode.DiagnosticRelatedInformation(new vscode.Location(locator.uri, locator.rangeOf(step.range)), step.note);
      }),
    );
    // A step in a file that can no longer be read is left out; the finding and its other steps still show.
    diagnostic.relatedInformation = related.filter((information): information is vscode.DiagnosticRelatedInformation => information !== undefined);
  }
  return diagnostic;
}

/**
 * Flow steps in another file (cross-file flows) need that file's text to turn offsets into positions: the open
 * document's, else the file as saved, read and not opened. Opening it (`openTextDocument`) would make it an open
 * document to VS Code and this extension, which would analyse it and list its own findings for a file nobody opened.
 */
function locatorOf(analysed: vscode.TextDocument, file: string | undefined, otherFiles: OtherFiles): Promise<StepLocator | undefined> {
  const inAnalysed = { uri: analysed.uri, rangeOf: (range: TextRange) => toVscodeRange(analysed, range) };
  if (file === undefined || analysed.uri.scheme !== 'file') return Promise.resolve(inAnalysed);
  const absolute = path.resolve(path.dirname(analysed.uri.fsPath), file);
  if (absolute === analysed.uri.fsPath) return Promise.resolve(inAnalysed);
  const open = vscode.workspace.textDocuments.find((candidate) => candidate.uri.fsPath === absolute);
  if (open) return Promise.resolve({ uri: open.uri, rangeOf: (range: TextRange) => toVscodeRange(open, range) });
  let located = otherFiles.get(absolute);
  if (!located) {
    const uri = vscode.Uri.file(absolute);
    located = readText(uri).then((text) => (text === undefined ? undefined : { uri, rangeOf: rangeConverterFor(text) }));
    otherFiles.set(absolute, located);
  }
  return located;
}
