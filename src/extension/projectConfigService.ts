import * as vscode from 'vscode';
import { CONFIG_FILE_NAME, DEFAULT_CONFIG, type PhiGuardConfig } from '../core';
import { parseProjectConfig } from './projectConfig';

export interface FolderPolicy {
  readonly config: PhiGuardConfig;
  /** The folder `include`/`exclude` are relative to; `undefined` for files outside the workspace. */
  readonly folder: vscode.WorkspaceFolder | undefined;
}

/**
 * Project policy per workspace folder (multi-root: each folder has its own `.phi-guard.json`), cached and
 * re-read when a `.phi-guard.json` is created, changed or deleted.
 */
export class ProjectConfigService implements vscode.Disposable {
  private readonly cache = new Map<string, Promise<PhiGuardConfig>>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** Fires after a `.phi-guard.json` changed; listeners re-analyse open documents. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: vscode.LogOutputChannel) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`);
    const invalidate = (uri: vscode.Uri) => this.invalidate(uri);
    this.disposables.push(watcher, watcher.onDidCreate(invalidate), watcher.onDidChange(invalidate), watcher.onDidDelete(invalidate));
    this.disposables.push(vscode.workspace.onDidChangeWorkspaceFolders(() => this.invalidateAll()));
  }

  async policyFor(document: vscode.Uri): Promise<FolderPolicy> {
    const folder = vscode.workspace.getWorkspaceFolder(document);
    if (!folder) return { config: DEFAULT_CONFIG, folder: undefined };
    const key = folder.uri.toString();
    let config = this.cache.get(key);
    if (!config) {
      config = this.load(folder);
      this.cache.set(key, config);
    }
    return { config: await config, folder };
  }

  configFileOf(folder: vscode.WorkspaceFolder): vscode.Uri {
    return vscode.Uri.joinPath(folder.uri, CONFIG_FILE_NAME);
  }

  /** Called after the extension itself wrote a config file, without waiting for the file watcher. */
  invalidate(configFile: vscode.Uri): void {
    const folder = vscode.workspace.getWorkspaceFolder(configFile);
    if (folder && vscode.Uri.joinPath(folder.uri, CONFIG_FILE_NAME).toString() !== configFile.toString()) return;
    if (folder) this.cache.delete(folder.uri.toString());
    else this.cache.clear();
    this.log.info(`${configFile.fsPath} changed; re-analysing open documents.`);
    this.changed.fire();
  }

  private invalidateAll(): void {
    this.cache.clear();
    this.changed.fire();
  }

  private async load(folder: vscode.WorkspaceFolder): Promise<PhiGuardConfig> {
    const file = this.configFileOf(folder);
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    } catch {
      return DEFAULT_CONFIG; // No .phi-guard.json: the default policy.
    }
    const { config, problems } = parseProjectConfig(text, file.fsPath);
    for (const problem of problems) {
      this.log.warn(problem);
      void vscode.window.showWarningMessage(`PHI Guard: ${problem}`);
    }
    this.log.info(`Loaded ${file.fsPath}.`);
    return config;
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
