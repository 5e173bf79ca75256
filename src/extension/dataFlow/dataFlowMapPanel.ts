import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { toMapFlows, parseMapMessage } from './mapFlows';
import { createNonce, dataFlowMapHtml } from './webviewHtml';
import type { WorkspaceFlowIndex } from './workspaceFlowIndex';

const VIEW_TYPE = 'phiGuard.dataFlowMap';

/**
 * The Data-Flow Map: one webview panel drawing PHI categories → code sites → sinks. Its script and style come from
 * media/dist only (the only local resource root); flows arrive by message and are drawn as text, never as markup.
 */
export class DataFlowMapPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly index: WorkspaceFlowIndex,
  ) {
    this.disposables.push(index.onDidChange(() => this.post()));
  }

  async show(): Promise<vscode.WebviewPanel> {
    if (this.panel) {
      this.panel.reveal();
      return this.panel;
    }
    const assets = vscode.Uri.joinPath(this.extensionUri, 'media', 'dist');
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'PHI Data-Flow Map', vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [assets], retainContextWhenHidden: false });
    this.panel = panel;
    this.ready = false;
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'icon.png');
    panel.webview.html = dataFlowMapHtml({
      cspSource: panel.webview.cspSource,
      nonce: createNonce(randomBytes),
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(assets, 'dataFlowMap.js')).toString(),
      styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(assets, 'dataFlowMap.css')).toString(),
      title: 'PHI Data-Flow Map',
    });
    panel.webview.onDidReceiveMessage((raw: unknown) => {
      const message = parseMapMessage(raw);
      if (message?.type === 'ready') {
        this.ready = true;
        this.post();
      } else if (message?.type === 'open') {
        void vscode.commands.executeCommand(COMMANDS.openFlowSite, message.flowId);
      }
    });
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.ready = false;
    });
    void this.index.ensureScanned();
    return panel;
  }

  private post(): void {
    if (!this.panel || !this.ready) return;
    void this.panel.webview.postMessage({
      type: 'flows',
      scanState: this.index.state,
      filesAnalysed: this.index.filesAnalysed,
      flows: toMapFlows(this.index.flows()),
    });
  }

  dispose(): void {
    this.panel?.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}
