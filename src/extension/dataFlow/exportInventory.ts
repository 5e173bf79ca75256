import * as path from 'path';
import * as vscode from 'vscode';
import { readText } from '../readText';
import { readGitCommit } from '../../core/inventory/gitCommit';
import { INVENTORY_FILE_NAMES, inventoryDocument, type InventoryFormat } from '../../core/inventory/inventoryDocument';
import { packageVersions } from '../../core/inventory/packageVersions';
import { CONFIG_FILE_NAME } from '../../core/config/config';
import { policyExceptions, type PolicyExceptions } from '../../core/inventory/policyExceptions';
import type { ProjectConfigService } from '../projectConfigService';
import { displayPath } from './displayPath';
import type { WorkspaceFlowIndex } from './workspaceFlowIndex';

/**
 * "Export AI & ePHI Inventory": the workspace map as a document for the compliance team. Versions come from the
 * workspace's package.json/package-lock.json and the commit from `.git` files, all read as text (no git, no npm).
 * `format` and `target` skip the prompts (tests, keybindings).
 */
export async function exportInventory(
  index: WorkspaceFlowIndex, configs: ProjectConfigService, log: vscode.LogOutputChannel, format?: InventoryFormat, target?: vscode.Uri,
): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (!folders.length) {
    void vscode.window.showWarningMessage('PHI Guard: open a folder first; the inventory covers the JavaScript/TypeScript files of the workspace folders.');
    return undefined;
  }
  const chosen =
    format ??
    (
      await vscode.window.showQuickPick(
        [
          { label: 'Markdown', description: 'tables and a Mermaid map, for people', format: 'markdown' as const },
          { label: 'JSON', description: 'the same data, for tools', format: 'json' as const },
        ],
        { title: 'Export AI & ePHI Inventory', placeHolder: 'Format' },
      )
    )?.format;
  if (!chosen) return undefined;
  await index.ensureScanned();
  const versions: Record<string, string> = {};
  for (const folder of [...folders].reverse()) {
    Object.assign(versions, packageVersions(await readText(vscode.Uri.joinPath(folder.uri, 'package.json')), await readText(vscode.Uri.joinPath(folder.uri, 'package-lock.json'))));
  }
  const home = folders[0]!;
  const commit = await readGitCommit((relative) => readText(path.isAbsolute(relative) ? vscode.Uri.file(relative) : vscode.Uri.joinPath(home.uri, ...relative.split('/'))));
  const text = inventoryDocument(
    index.inventoryInputs(),
    { root: folders.map((folder) => folder.name).join(', '), generatedAt: new Date().toISOString(), ...(commit ? { commit } : {}), versions, policyExceptions: await workspacePolicyExceptions(configs) },
    chosen,
  );
  const file =
    target ??
    (await vscode.window.showSaveDialog({
      title: 'Export AI & ePHI Inventory',
      defaultUri: vscode.Uri.joinPath(home.uri, INVENTORY_FILE_NAMES[chosen]),
      filters: chosen === 'json' ? { JSON: ['json'] } : { Markdown: ['md'] },
    }));
  if (!file) return undefined;
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text));
  log.info(`Exported the AI & ePHI inventory (${chosen}, ${index.filesAnalysed} files) to ${file.fsPath}.`);
  if (!target) await vscode.window.showTextDocument(file, { preview: false });
  return file;
}

/**
 * The exceptions of every policy file in the workspace folders (outside `node_modules`), named as the inventory names
 * files, each as the analysis reads it (the same cached, validated policy).
 */
async function workspacePolicyExceptions(configs: ProjectConfigService): Promise<(PolicyExceptions | undefined)[]> {
  const files = await vscode.workspace.findFiles(`**/${CONFIG_FILE_NAME}`, '**/node_modules/**');
  return Promise.all(files.map(async (file) => policyExceptions(displayPath(file), await configs.load(file))));
}
