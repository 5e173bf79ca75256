import * as vscode from 'vscode';
import type { OverlaySource } from './analysisClient';
import type { OverlayUpdate } from './protocol';

const SOURCE_FILE = /\.(?:js|jsx|ts|tsx|mjs|cjs|mts|cts)$/i;

/**
 * Unsaved editor buffers of JS/TS files, for the worker's cross-file analysis (open editors win over disk). Cheap
 * while typing: an edit only marks the file; its text is read and sent with the next analysis request, and only
 * while it differs from disk (a saved or closed document is read from disk again).
 */
export class OpenDocumentOverlays implements OverlaySource, vscode.Disposable {
  private readonly marked = new Set<string>();
  private readonly sent = new Set<string>();
  private readonly disposables: vscode.Disposable[];

  constructor() {
    const mark = (document: vscode.TextDocument) => {
      if (document.uri.scheme === 'file' && SOURCE_FILE.test(document.uri.fsPath)) this.marked.add(document.uri.fsPath);
    };
    this.disposables = [
      vscode.workspace.onDidOpenTextDocument(mark),
      vscode.workspace.onDidChangeTextDocument((event) => mark(event.document)),
      vscode.workspace.onDidSaveTextDocument(mark),
      vscode.workspace.onDidCloseTextDocument(mark),
    ];
  }

  take(all: boolean): OverlayUpdate[] {
    const files = new Set(this.marked);
    this.marked.clear();
    if (all) {
      this.sent.clear();
      for (const document of vscode.workspace.textDocuments) if (document.isDirty) files.add(document.uri.fsPath);
    }
    const updates: OverlayUpdate[] = [];
    for (const file of files) {
      const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.scheme === 'file' && candidate.uri.fsPath === file);
      if (document && !document.isClosed && document.isDirty) {
        updates.push({ file, text: document.getText() });
        this.sent.add(file);
      } else if (this.sent.delete(file)) {
        updates.push({ file, text: undefined });
      }
    }
    return updates;
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
