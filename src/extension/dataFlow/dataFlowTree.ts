import * as vscode from 'vscode';
import { buildFlowTree, FLOW_GROUPINGS, flowTreeIcon, openFlowCount, type FlowGrouping, type FlowTreeNode } from './flowTreeModel';
import { DATA_FLOWS_VIEW } from './dataFlowTreeIds';
import type { WorkspaceFlowIndex } from './workspaceFlowIndex';
import { sinkElsewhere } from '../sinkElsewhere';

const GROUPING_KEY = 'phiGuard.dataFlows.grouping';
const GROUPING_TITLES: Readonly<Record<FlowGrouping, string>> = { sink: 'by sink', file: 'by file', category: 'by PHI category' };

/** The "Data Flows" view: the workspace's PHI flows as a tree, grouped by sink, file or PHI category. */
export class DataFlowTree implements vscode.TreeDataProvider<FlowTreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<FlowTreeNode | undefined>();
  private readonly view: vscode.TreeView<FlowTreeNode>;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private roots: FlowTreeNode[] = [];
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly index: WorkspaceFlowIndex,
    private readonly state: vscode.Memento,
  ) {
    this.view = vscode.window.createTreeView(DATA_FLOWS_VIEW, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.view,
      index.onDidChange(() => this.refresh()),
      // The scan starts when someone looks: opening the view is asking for the map.
      this.view.onDidChangeVisibility(({ visible }) => {
        if (visible) void index.ensureScanned();
      }),
    );
    if (this.view.visible) void index.ensureScanned();
    void vscode.commands.executeCommand('setContext', GROUPING_KEY, this.grouping);
    this.refresh();
  }

  get grouping(): FlowGrouping {
    const saved = this.state.get<string>(GROUPING_KEY);
    return FLOW_GROUPINGS.find((grouping) => grouping === saved) ?? 'sink';
  }

  async setGrouping(grouping: FlowGrouping): Promise<void> {
    await this.state.update(GROUPING_KEY, grouping);
    await vscode.commands.executeCommand('setContext', GROUPING_KEY, grouping);
    this.refresh();
  }

  /** The view's count badge (open PHI flows). */
  get badge(): vscode.ViewBadge | undefined {
    return this.view.badge;
  }

  getChildren(node?: FlowTreeNode): FlowTreeNode[] {
    return node ? [...node.children] : this.roots;
  }

  getTreeItem(node: FlowTreeNode): vscode.TreeItem {
    const isSite = node.kind === 'site';
    const item = new vscode.TreeItem(node.label, isSite ? vscode.TreeItemCollapsibleState.None : node.kind === 'sink-category' || node.kind === 'file' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    item.id = node.id;
    item.description = node.description;
    item.tooltip = node.tooltip;
    const status = node.flow?.status;
    item.iconPath = new vscode.ThemeIcon(flowTreeIcon(node), status === 'open' ? new vscode.ThemeColor('list.warningForeground') : undefined);
    if (node.flow) {
      // `phiGuard.site.open` | `phiGuard.site.openViaHelper` (its sink is in a helper: it can be suppressed there, for
      // every caller) | `phiGuard.site.suppressed` | `phiGuard.site.noPhi`: the context menus key on it.
      const viaHelper = status === 'open' && sinkElsewhere(node.flow.steps, node.flow.range) ? 'ViaHelper' : '';
      item.contextValue = `phiGuard.site.${status === 'no-phi' ? 'noPhi' : status}${viaHelper}`;
      item.command = { command: 'phiGuard.openFlowSite', title: 'Open', arguments: [node.flow.id] };
      item.accessibilityInformation = { label: `${node.label} ${node.description}` };
    } else {
      item.contextValue = `phiGuard.group.${node.kind}`;
    }
    return item;
  }

  private refresh(): void {
    const flows = this.index.flows();
    this.roots = buildFlowTree(flows, this.grouping);
    const open = openFlowCount(flows);
    this.view.badge = open ? { value: open, tooltip: `${open} PHI flow${open === 1 ? '' : 's'} without a reviewed suppression` } : undefined;
    this.view.description = this.index.state === 'done' ? GROUPING_TITLES[this.grouping] : undefined;
    this.view.message = this.index.state === 'done' && flows.length ? `${this.index.filesAnalysed} files scanned${this.index.filesSkipped ? `, ${this.index.filesSkipped} skipped (see Output → PHI Guard)` : ''}` : undefined;
    this.changed.fire(undefined);
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
