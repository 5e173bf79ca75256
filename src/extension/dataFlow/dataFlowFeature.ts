import * as vscode from 'vscode';
import type { AnalysisController } from '../analysisController';
import type { AnalysisClient } from '../analysisWorker/analysisClient';
import { COMMANDS } from '../commandIds';
import type { ProjectConfigService } from '../projectConfigService';
import { DataFlowMapPanel } from './dataFlowMapPanel';
import { DataFlowTree } from './dataFlowTree';
import { exportInventory } from './exportInventory';
import type { InventoryFormat } from '../../core/inventory/inventoryDocument';
import { registerFlowSiteCommands } from './flowSiteCommands';
import { WorkspaceFlowIndex } from './workspaceFlowIndex';

/** What the extension's `activate` returns: the workspace map's parts, for the extension-host tests. */
export interface DataFlowFeature {
  readonly index: WorkspaceFlowIndex;
  readonly tree: DataFlowTree;
  readonly map: DataFlowMapPanel;
}

/** The workspace data-flow map: index, Data Flows view, Data-Flow Map and inventory export, all disposed with the extension. */
export function registerDataFlowFeature(context: vscode.ExtensionContext, controller: AnalysisController, analysis: AnalysisClient, configs: ProjectConfigService, log: vscode.LogOutputChannel): DataFlowFeature {
  const index = new WorkspaceFlowIndex(context, analysis, configs, log);
  const tree = new DataFlowTree(index, context.workspaceState);
  const map = new DataFlowMapPanel(context.extensionUri, index);
  context.subscriptions.push(
    index,
    tree,
    map,
    ...registerFlowSiteCommands(index, controller),
    vscode.commands.registerCommand(COMMANDS.scanWorkspace, () => index.scan('command', true)),
    vscode.commands.registerCommand(COMMANDS.groupBySink, () => tree.setGrouping('sink')),
    vscode.commands.registerCommand(COMMANDS.groupByFile, () => tree.setGrouping('file')),
    vscode.commands.registerCommand(COMMANDS.groupByCategory, () => tree.setGrouping('category')),
    vscode.commands.registerCommand(COMMANDS.openDataFlowMap, async () => {
      await map.show();
    }),
    vscode.commands.registerCommand(COMMANDS.exportInventory, (format?: InventoryFormat, target?: vscode.Uri) => exportInventory(index, configs, log, format, target)),
  );
  return { index, tree, map };
}
