import * as vscode from 'vscode';
import type { AnalysisController } from './analysisController';
import { HOVER_COMMANDS, hoverMarkdown } from './hoverContent';
import { toVscodeRange } from './positions';

/** Explains a flagged value: PHI categories, why, the sink, HIPAA, and one-click actions. */
export class PhiHoverProvider implements vscode.HoverProvider {
  constructor(private readonly controller: AnalysisController) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const shown = this.controller.findingsShownAt(document.uri, document.version) ?? [];
    const hits = shown
      .map((item) => ({ ...item, range: toVscodeRange(document, item.finding.range) }))
      .filter((item) => item.range.contains(position));
    if (hits.length === 0) return undefined;
    const markdown = new vscode.MarkdownString(
      hits.map((hit) => hoverMarkdown(hit.finding, { uri: document.uri.toString(), version: document.version, findingIndex: hit.index })).join('\n\n---\n\n'),
    );
    markdown.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
    return new vscode.Hover(markdown, hits[0]?.range);
  }
}
