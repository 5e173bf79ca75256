import * as path from 'path';
import * as vscode from 'vscode';
import { CONFIG_FILE_NAME, DEFAULT_CONFIG, type PhiGuardConfig } from '../core/config/config';
import { parseConfigText } from '../core/config/validateConfig';
import { isFileIncluded } from '../core/config/loadConfig';

export interface DocumentPolicy {
  readonly config: PhiGuardConfig;
  /** Whether the policy's include/exclude globs select the document (as in the CLI). */
  readonly included: boolean;
}

/**
 * Project policy for a document: the nearest `.phi-guard.json` between the document's folder and its workspace
 * folder's root, as the ESLint plugin and the CLI find it (so multi-root workspaces and monorepos get each
 * folder's own policy). Lookups and parsed files are cached and dropped when any `.phi-guard.json` changes.
 */
export class ProjectConfigService implements vscode.Disposable {
  private readonly nearestByDirectory = new Map<string, Promise<vscode.Uri | undefined>>();
  private readonly configByFile = new Map<string, Promise<PhiGuardConfig>>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private folderWatchers: vscode.Disposable[] = [];
  /** Fires after a `.phi-guard.json` changed; listeners re-analyse open documents. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.watchFolders();
    this.disposables.push(
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.watchFolders();
        this.invalidate(undefined);
      }),
      // Saving from an editor is the common way to change the policy; do not wait for the file watcher.
      vscode.workspace.onDidSaveTextDocument((document) => {
        if (path.basename(document.uri.path) === CONFIG_FILE_NAME) this.invalidate(document.uri);
      }),
    );
  }

  async policyFor(document: vscode.Uri): Promise<DocumentPolicy> {
    const folder = vscode.workspace.getWorkspaceFolder(document);
    if (!folder || document.scheme !== 'file') return { config: DEFAULT_CONFIG, included: true };
    const configFile = await this.nearestConfigFile(document, folder);
    const config = configFile ? await this.load(configFile) : DEFAULT_CONFIG;
    // Without a config file the workspace folder is the base of the default globs.
    const base = configFile ?? vscode.Uri.joinPath(folder.uri, CONFIG_FILE_NAME);
    return { config, included: isFileIncluded(document.fsPath, { config, problems: [], file: base.fsPath }) };
  }

  /** Where "mark as not PHI" writes: the policy the document uses, or a new one at its workspace folder's root. */
  async configFileFor(document: vscode.Uri): Promise<vscode.Uri | undefined> {
    const folder = vscode.workspace.getWorkspaceFolder(document);
    if (!folder) return undefined;
    return (await this.nearestConfigFile(document, folder)) ?? vscode.Uri.joinPath(folder.uri, CONFIG_FILE_NAME);
  }

  /** Drops cached policies (all of them: a new or deleted file changes which one is nearest) and re-analyses. */
  invalidate(configFile: vscode.Uri | undefined): void {
    this.nearestByDirectory.clear();
    this.configByFile.clear();
    if (configFile) this.log.info(`${configFile.fsPath} changed; re-analysing open documents.`);
    this.changed.fire();
  }

  private watchFolders(): void {
    for (const disposable of this.folderWatchers) disposable.dispose();
    this.folderWatchers = (vscode.workspace.workspaceFolders ?? []).flatMap((folder) => {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, `**/${CONFIG_FILE_NAME}`));
      const invalidate = (uri: vscode.Uri) => this.invalidate(uri);
      return [watcher, watcher.onDidCreate(invalidate), watcher.onDidChange(invalidate), watcher.onDidDelete(invalidate)];
    });
  }

  private nearestConfigFile(document: vscode.Uri, folder: vscode.WorkspaceFolder): Promise<vscode.Uri | undefined> {
    return this.nearestFrom(vscode.Uri.joinPath(document, '..'), folder);
  }

  private nearestFrom(directory: vscode.Uri, folder: vscode.WorkspaceFolder): Promise<vscode.Uri | undefined> {
    const key = directory.toString();
    let nearest = this.nearestByDirectory.get(key);
    if (!nearest) {
      nearest = (async () => {
        const candidate = vscode.Uri.joinPath(directory, CONFIG_FILE_NAME);
        if (await exists(candidate)) return candidate;
        const atRoot = directory.path === folder.uri.path || !directory.path.startsWith(`${folder.uri.path}/`);
        return atRoot ? undefined : this.nearestFrom(vscode.Uri.joinPath(directory, '..'), folder);
      })();
      this.nearestByDirectory.set(key, nearest);
    }
    return nearest;
  }

  /** The policy `file` holds, read and validated once (its problems shown then) until it changes. */
  load(file: vscode.Uri): Promise<PhiGuardConfig> {
    const key = file.toString();
    let config = this.configByFile.get(key);
    if (!config) {
      config = this.read(file);
      this.configByFile.set(key, config);
    }
    return config;
  }

  private async read(file: vscode.Uri): Promise<PhiGuardConfig> {
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    } catch (error) {
      this.log.warn(`${file.fsPath}: cannot read it (${error instanceof Error ? error.message : String(error)}); using the default policy.`);
      return DEFAULT_CONFIG;
    }
    let parsed: ReturnType<typeof parseConfigText>;
    try {
      parsed = parseConfigText(file.fsPath, text);
    } catch (error) {
      // Cached for every file under this config: a rejected read would stop their analysis until the window reloads.
      this.log.error(`${file.fsPath}: could not read the policy (${error instanceof Error ? error.message : String(error)}); using the default policy.`);
      return DEFAULT_CONFIG;
    }
    const { config, problems } = parsed;
    for (const problem of problems) {
      this.log.warn(problem.message);
      void vscode.window.showWarningMessage(`PHI Guard: ${problem.message}`);
    }
    this.log.info(`Loaded ${file.fsPath}.`);
    return config;
  }

  dispose(): void {
    for (const disposable of [...this.disposables, ...this.folderWatchers]) disposable.dispose();
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
