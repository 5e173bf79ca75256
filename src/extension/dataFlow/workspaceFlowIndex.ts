import * as vscode from 'vscode';
import { readText } from '../readText';
import type { InventoryFileInput } from '../../core/inventory/inventory';
import { settingsFor } from '../analysisController';
import type { AnalysisClient } from '../analysisWorker/analysisClient';
import { WORKER_BUNDLE } from '../analysisWorker/startAnalysisClient';
import type { ProjectConfigService } from '../projectConfigService';
import type { FileFlows, WorkspaceFlow } from './fileFlows';
import { reusableEntries, staleEntries, type CacheCheckContext, type EntryCheck } from './cacheCheck';
import { FlowCache } from './flowCache';
import { GitignoreRules } from './gitignoreRules';
import { ScanProgress } from './scanProgress';
import { excludeArgument, isScanCandidate, scanExcludeGlobs, SCANNED_FILES_GLOB } from './scanSelection';
import { SerialWrites } from './serialWrites';
import { displayPath } from './displayPath';

export type ScanState = 'notRun' | 'scanning' | 'done';

export interface ScanStats {
  readonly files: number;
  readonly fromCache: number;
  readonly skipped: number;
  readonly cancelled: boolean;
  readonly milliseconds: number;
}

const CACHE_FILE = 'data-flow-cache.json';
const PRISMA_SCHEMA_GLOB = '**/schema.prisma';
const UPDATE_DELAY_MS = 250;

interface FolderSelection {
  readonly excludeGlobs: readonly string[];
  readonly gitignore: GitignoreRules;
}

/** `failed`: the worker could not analyse the file (logged); `skipped`: the engine's notice (minified, too large). */
type FileOutcome = 'excluded' | 'cancelled' | 'failed' | { readonly skipped: string } | { readonly flows: FileFlows; readonly cached: boolean };

/**
 * Every PHI flow in the workspace's JS/TS files, found by the analysis worker with cross-file analysis (as the CLI
 * does), so PHI handed to a helper in another file shows where it enters the helper's sink. The first scan runs
 * under a cancellable progress notification and reuses the on-disk cache; afterwards a file watcher re-analyses
 * only the files that changed, appeared, went or were renamed, plus the files that import them, the files whose
 * import named nothing until a file appeared, and the files whose analysis read a schema.prisma that changed. Files
 * are read from disk and parsed, never executed.
 */
export class WorkspaceFlowIndex implements vscode.Disposable {
  private readonly files = new Map<string, FileFlows>();
  private readonly folders = new Map<string, FolderSelection>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private readonly pending = new Set<string>();
  /** Whether a pending file was created: then every cached file is checked (see updatePending). */
  private pendingCreated = false;
  private pendingTimer: ReturnType<typeof setTimeout> | undefined;
  private updating: Promise<void> = Promise.resolve();
  private rescanWhenDone = false;
  private cache: FlowCache | undefined;
  private scanning: Promise<void> | undefined;
  /** A scan asked for while another ran (see scan). */
  private followingScan: Promise<void> | undefined;
  private currentState: ScanState = 'notRun';
  private skippedFiles = 0;
  private lastScanStats: ScanStats | undefined;
  /** Fires after the flows changed (scan finished, file updated). */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly analysis: AnalysisClient,
    private readonly configs: ProjectConfigService,
    private readonly log: vscode.LogOutputChannel,
  ) {
    void this.setState('notRun');
    const watcher = vscode.workspace.createFileSystemWatcher(SCANNED_FILES_GLOB);
    // Prisma models with `/// @phi` fields are PHI types: files whose analysis read a schema that changed, or would read a new one, are updated.
    const prismaWatcher = vscode.workspace.createFileSystemWatcher(PRISMA_SCHEMA_GLOB);
    const gitignoreWatcher = vscode.workspace.createFileSystemWatcher('**/.gitignore');
    const rescan = () => {
      if (this.currentState === 'notRun') return;
      // A running scan may have read the old policy or file list already: scan again once it ends.
      if (this.scanning) this.rescanWhenDone = true;
      else void this.scan('.gitignore, files.exclude or .phi-guard.json changed', false);
    };
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => this.queue(uri, true)),
      watcher.onDidChange((uri) => this.queue(uri)),
      watcher.onDidDelete((uri) => this.remove(uri)),
      prismaWatcher,
      prismaWatcher.onDidCreate((uri) => this.queue(uri, true)),
      prismaWatcher.onDidChange((uri) => this.queue(uri)),
      prismaWatcher.onDidDelete((uri) => this.queue(uri)),
      // Deleting or renaming a folder reports only the folder; edits made inside VS Code are reported at once.
      vscode.workspace.onDidDeleteFiles((event) => event.files.forEach((uri) => this.remove(uri))),
      vscode.workspace.onDidCreateFiles((event) => event.files.forEach((uri) => void this.queueTree(uri))),
      vscode.workspace.onDidRenameFiles((event) => {
        for (const { oldUri, newUri } of event.files) {
          this.remove(oldUri);
          void this.queueTree(newUri);
        }
      }),
      gitignoreWatcher,
      gitignoreWatcher.onDidCreate(rescan),
      gitignoreWatcher.onDidChange(rescan),
      gitignoreWatcher.onDidDelete(rescan),
      configs.onDidChange(rescan),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('files.exclude') || event.affectsConfiguration('phiGuard.enable') || event.affectsConfiguration('phiGuard.maxFileSizeKb')) rescan();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(rescan),
    );
  }

  get state(): ScanState {
    return this.currentState;
  }

  get filesAnalysed(): number {
    return this.files.size;
  }

  /** What the last full scan did (the log says the same). */
  get lastScan(): ScanStats | undefined {
    return this.lastScanStats;
  }

  get filesSkipped(): number {
    return this.skippedFiles;
  }

  flows(): WorkspaceFlow[] {
    return [...this.files.values()].flatMap((file) => file.flows);
  }

  flowById(id: string): WorkspaceFlow | undefined {
    const uri = id.slice(0, id.lastIndexOf('#'));
    return this.files.get(uri)?.flows.find((flow) => flow.id === id);
  }

  inventoryInputs(): InventoryFileInput[] {
    return [...this.files.values()].map((file) => file.inventory).sort((a, b) => a.file.localeCompare(b.file));
  }

  /** Scans once if no scan has run yet; waits for a running scan. */
  ensureScanned(): Promise<void> {
    if (this.scanning) return this.scanning;
    if (this.currentState === 'done') return this.updating;
    return this.scan('first use', true);
  }

  /**
   * A full scan (cached files are not analysed again). `showProgress` shows the cancellable notification. Asked for while
   * a scan runs (one a policy change started, say), it answers with a scan that starts after that one: the running scan
   * may have listed the workspace's files before the caller wrote its own.
   */
  scan(why: string, showProgress: boolean): Promise<void> {
    if (this.scanning) {
      this.followingScan ??= this.scanning.then(() => {
        this.followingScan = undefined;
        // A rescan the running scan left behind started after this request, so it answers it too.
        return this.scanning ?? this.scan(why, showProgress);
      });
      return this.followingScan;
    }
    const run = async () => {
      await this.setState('scanning');
      try {
        if (showProgress) {
          await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'PHI Guard: scanning the workspace for PHI flows', cancellable: true }, (progress, token) => this.runScan(why, progress, token));
        } else {
          const source = new vscode.CancellationTokenSource();
          try {
            await this.runScan(why, { report: () => undefined }, source.token);
          } finally {
            source.dispose();
          }
        }
      } catch (error) {
        this.log.error(`Workspace scan failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      } finally {
        this.scanning = undefined;
        await this.setState('done');
        this.changed.fire();
        if (this.rescanWhenDone) {
          this.rescanWhenDone = false;
          void this.scan('.gitignore, files.exclude or .phi-guard.json changed during the last scan', false);
        }
      }
    };
    this.scanning = run();
    return this.scanning;
  }

  private async runScan(why: string, progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken): Promise<void> {
    const started = performance.now();
    const cache = await this.loadCache();
    const uris: vscode.Uri[] = [];
    this.folders.clear();
    // A file of two workspace folders (one inside the other) is scanned once.
    const listed = new Set<string>();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const selection = await this.selectionFor(folder, token);
      const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, SCANNED_FILES_GLOB), excludeArgument(selection.excludeGlobs), undefined, token);
      for (const uri of found) {
        if (listed.has(uri.toString())) continue;
        listed.add(uri.toString());
        uris.push(uri);
      }
    }
    const seen = new Set<string>();
    const next = new Map<string, FileFlows>();
    const skipNotices: string[] = [];
    let reused = 0;
    const counter = new ScanProgress(uris.length, (update) => progress.report(update));
    this.skippedFiles = 0;
    const abort = new AbortController();
    const cancellation = token.onCancellationRequested(() => abort.abort());
    // Files changed on disk since the worker last looked: it checks its cached module summaries and hashes again.
    void this.analysis.request({ kind: 'diskChanged', deleted: [] }, { priority: 'background' });
    const analyses: Promise<void>[] = [];
    try {
      if (cache.size) progress.report({ message: 'checking the cached files' });
      const reusable = await reusableEntries(cache, uris.map((uri) => uri.toString()), this.cacheCheckContext(abort.signal));
      for (const [index, uri] of uris.entries()) {
        if (token.isCancellationRequested) break;
        // The checks before each file run here; keep the extension host responsive between batches of them.
        if (index % 25 === 0) await new Promise((resolve) => setImmediate(resolve));
        analyses.push(
          this.analyseFile(uri, cache, reusable, abort.signal).then((outcome) => {
            if (outcome === 'excluded') counter.fileExcluded();
            else counter.fileDone();
            if (outcome === 'excluded' || outcome === 'cancelled' || outcome === 'failed') return;
            seen.add(uri.toString());
            if ('skipped' in outcome) {
              skipNotices.push(outcome.skipped);
              return;
            }
            next.set(uri.toString(), outcome.flows);
            if (outcome.cached) reused++;
          }),
        );
      }
      await Promise.all(analyses);
    } finally {
      cancellation.dispose();
    }
    const cancelled = token.isCancellationRequested;
    this.files.clear();
    for (const [key, value] of next) this.files.set(key, value);
    if (!cancelled) cache.retain(seen);
    await this.saveCache();
    const flows = this.flows().length;
    this.lastScanStats = { files: next.size, fromCache: reused, skipped: this.skippedFiles, cancelled, milliseconds: Math.round(performance.now() - started) };
    this.log.info(`Workspace scan (${why})${cancelled ? ' cancelled' : ''}: ${next.size} file(s), ${reused} from the cache, ${this.skippedFiles} skipped, ${flows} flow site(s) in ${this.lastScanStats.milliseconds} ms.`);
    // One entry per scan, whether the skip was found now or cached.
    if (skipNotices.length) this.log.info(`Skipped by the workspace scan:\n${skipNotices.sort().join('\n')}`);
    if (cancelled) void vscode.window.showInformationMessage(`PHI Guard: workspace scan cancelled after ${next.size} of ${counter.total} files; the Data Flows view shows those. Run "PHI Guard: Scan Workspace for PHI Flows" to finish it.`);
  }

  private async selectionFor(folder: vscode.WorkspaceFolder, token?: vscode.CancellationToken): Promise<FolderSelection> {
    const known = this.folders.get(folder.uri.toString());
    if (known) return known;
    const excludeGlobs = scanExcludeGlobs(vscode.workspace.getConfiguration('files', folder.uri).get<Record<string, unknown>>('exclude'));
    const gitignore = new GitignoreRules();
    const ignoreFiles = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/.gitignore'), excludeArgument(excludeGlobs), undefined, token);
    for (const file of ignoreFiles.sort((a, b) => a.path.length - b.path.length)) {
      const text = await readText(file);
      if (text !== undefined) gitignore.add(relativeTo(folder, vscode.Uri.joinPath(file, '..')), text);
    }
    const selection = { excludeGlobs, gitignore };
    this.folders.set(folder.uri.toString(), selection);
    return selection;
  }

  private cacheCheckContext(signal?: AbortSignal): CacheCheckContext {
    return {
      analysis: this.analysis,
      rootOf: (key) => vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(key))?.uri.fsPath,
      warn: (message) => this.log.warn(message),
      ...(signal ? { signal } : {}),
    };
  }

  /**
   * Analyses one file in the worker (which answers from the cache when the file is unchanged and `reusable` says
   * the modules it imports are); `excluded` if the scan does not cover it.
   */
  private async analyseFile(uri: vscode.Uri, cache: FlowCache, reusable: EntryCheck, signal?: AbortSignal): Promise<FileOutcome> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder || uri.scheme !== 'file') return 'excluded';
    const selection = await this.selectionFor(folder);
    const relative = relativeTo(folder, uri);
    if (!isScanCandidate(relative, selection.excludeGlobs) || selection.gitignore.ignores(relative)) return 'excluded';
    const settings = settingsFor(uri);
    if (!settings.enable) return 'excluded';
    const policy = await this.configs.policyFor(uri);
    if (!policy.included) return 'excluded';
    const config = { ...policy.config, maxFileSizeKb: settings.maxFileSizeKb };
    const key = uri.toString();
    const known = cache.entry(key);
    const outcome = await this.analysis.request(
      {
        kind: 'scanFile',
        file: uri.fsPath,
        uri: key,
        displayPath: displayPath(uri),
        config,
        ...(config.crossFile ? { root: folder.uri.fsPath } : {}),
        ...(known && reusable(key) ? { cached: { hash: known.hash } } : {}),
      },
      { priority: 'background', ...(signal ? { signal } : {}) },
    );
    if (outcome.status === 'cancelled') return 'cancelled';
    if (outcome.status === 'failed') {
      this.skippedFiles++;
      this.log.error(`${uri.fsPath}: the workspace scan could not analyse it (${outcome.message}); it is left out of the Data Flows view. Scan again to retry.`);
      return 'failed';
    }
    const result = outcome.value;
    switch (result.kind) {
      case 'unchanged':
        if (!known) return 'excluded';
        if (known.skipped === undefined) return this.logNotFollowed({ flows: known.flows, cached: true });
        this.skippedFiles++;
        return { skipped: known.skipped };
      case 'unreadable':
        return 'excluded';
      case 'skipped':
        this.skippedFiles++;
        cache.setSkipped(key, result.hash, result.message, result);
        return { skipped: result.message };
      case 'analysed':
        cache.set(key, result.hash, result.flows, result);
        return this.logNotFollowed({ flows: result.flows, cached: false });
    }
  }

  /** Code the engine did not follow is logged on each scan, as skipped files are (cached or not). */
  private logNotFollowed<T extends { readonly flows: FileFlows }>(outcome: T): T {
    if (outcome.flows.notFollowed) this.log.warn(outcome.flows.notFollowed);
    return outcome;
  }

  /** A tsconfig/jsconfig or workspace manifest changed: each file whose imports now name other modules is analysed again. */
  resolutionSettingsChanged(files: readonly vscode.Uri[]): void {
    // As for a created file: every cached file's imports are resolved afresh and compared (see updatePending).
    for (const uri of files) this.queue(uri, true);
  }

  private queue(uri: vscode.Uri, created = false): void {
    if (this.currentState === 'notRun') return;
    this.pending.add(uri.toString());
    if (created) this.pendingCreated = true;
    if (this.pendingTimer) clearTimeout(this.pendingTimer);
    this.pendingTimer = setTimeout(() => {
      this.pendingTimer = undefined;
      // One failed update is logged and must not stop the ones after it (a rejected link would reject every later one).
      this.updating = this.updating.then(() => this.updatePending()).catch((error: unknown) => this.log.error(`Workspace map update failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`));
    }, UPDATE_DELAY_MS);
  }

  /** A created or renamed path may be a folder: queue the scanned files inside it. */
  private async queueTree(uri: vscode.Uri): Promise<void> {
    if (this.currentState === 'notRun') return;
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.type & vscode.FileType.Directory) {
        for (const file of await vscode.workspace.findFiles(new vscode.RelativePattern(uri, SCANNED_FILES_GLOB))) this.queue(file, true);
        return;
      }
    } catch {
      return;
    }
    this.queue(uri, true);
  }

  private async updatePending(): Promise<void> {
    if (this.scanning) await this.scanning;
    const changedFiles = [...this.pending];
    const created = this.pendingCreated;
    this.pending.clear();
    this.pendingCreated = false;
    if (!changedFiles.length) return;
    const cache = await this.loadCache();
    // Files that import a changed one (directly or not) may gain or lose cross-file flows.
    const keys = new Set(changedFiles);
    for (const key of changedFiles) for (const dependent of cache.dependentsOf(vscode.Uri.parse(key).fsPath)) keys.add(dependent);
    void this.analysis.request({ kind: 'diskChanged', deleted: [] }, { priority: 'background' });
    // A new file may be the module an import named in vain so far, or a schema.prisma nearer than the one files read:
    // then every cached file is checked.
    const stale = await staleEntries(cache, created ? cache.keys() : keys, this.cacheCheckContext());
    if (created) for (const key of stale ?? []) keys.add(key);
    const reusable: EntryCheck = (key) => stale !== undefined && !stale.has(key);
    const outcomes = await Promise.all([...keys].map(async (key) => [key, await this.analyseFile(vscode.Uri.parse(key), cache, reusable)] as const));
    let changed = false;
    for (const [key, outcome] of outcomes) {
      if (outcome === 'cancelled') continue;
      if (outcome === 'failed' || outcome === 'excluded') {
        changed = this.files.delete(key) || changed;
        continue;
      }
      if ('skipped' in outcome) {
        this.log.info(outcome.skipped);
        changed = this.files.delete(key) || changed;
        continue;
      }
      if (this.files.get(key) !== outcome.flows) changed = true;
      this.files.set(key, outcome.flows);
    }
    this.log.debug(`Workspace map: re-analysed ${changedFiles.length} changed file(s) and ${keys.size - changedFiles.length} file(s) that import them or whose imports or schema.prisma resolve otherwise now.`);
    await this.saveCache();
    if (changed) this.changed.fire();
  }

  private remove(uri: vscode.Uri): void {
    if (this.currentState === 'notRun') return;
    const key = uri.toString();
    const prefix = `${key}/`;
    const removed: string[] = [];
    for (const file of [...this.files.keys()]) {
      if (file !== key && !file.startsWith(prefix)) continue;
      this.files.delete(file);
      removed.push(file);
    }
    if (!removed.length) return;
    const deleted = removed.map((file) => vscode.Uri.parse(file).fsPath);
    void this.analysis.request({ kind: 'diskChanged', deleted }, { priority: 'background' });
    // Files that imported a removed one lose the flows that went through it.
    for (const path of deleted) for (const dependent of this.cache?.dependentsOf(path) ?? []) if (!removed.includes(dependent)) this.queue(vscode.Uri.parse(dependent));
    for (const file of removed) this.cache?.delete(file);
    this.changed.fire();
    void this.saveCache();
  }

  private async loadCache(): Promise<FlowCache> {
    if (this.cache) return this.cache;
    const cache = new FlowCache(await this.engineVersion());
    const file = this.cacheFile();
    if (file) cache.load(await readText(file));
    this.log.debug(`Data-flow cache: ${cache.size} file(s) loaded.`);
    this.cache = cache;
    return cache;
  }

  /** Writes of the cache file, in the order they were asked for (see SerialWrites). */
  private readonly cacheWrites = new SerialWrites();

  private saveCache(): Promise<void> {
    return this.cacheWrites.run(() => this.writeCache());
  }

  /** Writes the cache as it is when the write starts, if it changed since the last write. */
  private async writeCache(): Promise<void> {
    const file = this.cacheFile();
    const text = this.cache?.takeChanges();
    if (!file || text === undefined) return;
    try {
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(file, '..'));
      await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text));
    } catch (error) {
      this.log.warn(`Could not save the data-flow cache to ${file.fsPath}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Where the scan cache is kept (`undefined` without a workspace). */
  get cacheLocation(): vscode.Uri | undefined {
    return this.cacheFile();
  }

  private cacheFile(): vscode.Uri | undefined {
    return this.context.storageUri ? vscode.Uri.joinPath(this.context.storageUri, CACHE_FILE) : undefined;
  }

  /** The version plus the worker bundle's build time: a rebuilt engine (development) does not reuse old results. */
  private async engineVersion(): Promise<string> {
    const version = String(this.context.extension.packageJSON.version);
    try {
      const bundle = await vscode.workspace.fs.stat(vscode.Uri.joinPath(this.context.extensionUri, WORKER_BUNDLE));
      return `${version}+${bundle.mtime}`;
    } catch {
      return version;
    }
  }

  private async setState(state: ScanState): Promise<void> {
    this.currentState = state;
    await vscode.commands.executeCommand('setContext', 'phiGuard.scanState', state);
  }

  dispose(): void {
    if (this.pendingTimer) clearTimeout(this.pendingTimer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}

function relativeTo(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string {
  return uri.path === folder.uri.path ? '' : uri.path.slice(folder.uri.path.replace(/\/$/, '').length + 1);
}
