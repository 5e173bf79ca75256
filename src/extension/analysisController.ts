import * as path from 'path';
import * as vscode from 'vscode';
import { analyzeSource, nodeProjectHost, ProjectAnalyzer, type AnalysisResult, type Finding, type PhiGuardConfig } from '../core';
import { analysisFileName, SUPPORTED_LANGUAGES } from './analysisFileName';
import { AnalysisStore } from './analysisStore';
import { KeyedDebouncer } from './debouncer';
import { describeFinding, describeSuppressionProblem, type DiagnosticDescription } from './diagnosticModel';
import { toDiagnostic } from './diagnostics';
import type { ProjectConfigService } from './projectConfigService';
import { readSettings, SETTINGS_SECTION, type PhiGuardSettings } from './settings';
import { editorSeverityFor } from './severity';
import type { PhiStatusBar } from './statusBar';

export interface ShownFinding {
  readonly finding: Finding;
  /** Index in the analysis' findings: the stable id hover links and commands carry. */
  readonly index: number;
}

interface ShownAnalysis {
  readonly version: number;
  readonly findings: readonly ShownFinding[];
}

const SUPPORTED_SCHEMES = new Set(['file', 'untitled']);

function tabUri(tab: vscode.Tab): vscode.Uri | undefined {
  if (tab.input instanceof vscode.TabInputText) return tab.input.uri;
  if (tab.input instanceof vscode.TabInputTextDiff) return tab.input.modified;
  return undefined;
}

export function settingsFor(uri: vscode.Uri | undefined): PhiGuardSettings {
  const configuration = vscode.workspace.getConfiguration(SETTINGS_SECTION, uri);
  return readSettings((name) => configuration.get(name));
}

/**
 * Runs the engine on open JS/TS documents (debounced per document) and publishes diagnostics for the exact
 * version analysed. Results for outdated versions are dropped; a file with syntax errors keeps its last good
 * diagnostics until it parses again.
 */
export class AnalysisController implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('phi-guard');
  private readonly debouncer = new KeyedDebouncer();
  private readonly store = new AnalysisStore();
  private readonly shown = new Map<string, ShownAnalysis>();
  private readonly running = new Set<string>();
  private readonly skipped = new Map<string, string>();
  private readonly noticedSkips = new Set<string>();
  private readonly published = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [this.published];
  /** Fires after a document's diagnostics were published (`findingsShownAt` has its new findings). */
  readonly onDidPublish = this.published.event;
  /** Cross-file analysis, one per workspace folder; other modules are read from open editors first, then disk. */
  private readonly projects = new Map<string, ProjectAnalyzer>();
  /** The policy the project analysers use for the files they read (set before each analysis). */
  private currentConfig: PhiGuardConfig | undefined;
  /** Each open document's module summary as last published, to tell when its importers need a new analysis. */
  private readonly summaries = new Map<string, string>();

  constructor(
    private readonly configs: ProjectConfigService,
    private readonly log: vscode.LogOutputChannel,
    private readonly statusBar: PhiStatusBar,
  ) {
    this.disposables.push(
      this.diagnostics,
      vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document, 0)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length === 0) return;
        for (const project of this.projects.values()) project.changed();
        const settings = settingsFor(event.document.uri);
        if (settings.run === 'onType') this.schedule(event.document, settings.debounceMs);
      }),
      vscode.workspace.onDidSaveTextDocument((document) => {
        if (settingsFor(document.uri).run === 'onSave') this.schedule(document, 0);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(SETTINGS_SECTION)) this.analyseAllOpen('settings changed');
      }),
      configs.onDidChange(() => this.analyseAllOpen('.phi-guard.json changed')),
      vscode.window.onDidChangeActiveTextEditor(() => this.updateStatus()),
      // VS Code closes a document (onDidCloseTextDocument) only a while after its last editor tab closes;
      // the user expects its problems to go with the tab, and to come back when it is shown again.
      vscode.window.tabGroups.onDidChangeTabs((event) => {
        for (const tab of event.closed) {
          const uri = tabUri(tab);
          if (uri && !this.isInATab(uri)) this.forget(uri);
        }
      }),
      vscode.window.onDidChangeVisibleTextEditors((editors) => {
        for (const { document } of editors) {
          const key = document.uri.toString();
          if (!this.store.latest(key) && !this.debouncer.isPending(key) && !this.running.has(key)) this.schedule(document, 0);
        }
      }),
    );
  }

  analyseAllOpen(why: string): void {
    const documents = vscode.workspace.textDocuments.filter((document) => this.isSupported(document) && (this.isInATab(document.uri) || document.isUntitled));
    this.log.info(`Analysing ${documents.length} open document(s): ${why}.`);
    for (const document of documents) this.schedule(document, 0);
  }

  /** Findings shown for exactly this document version; `undefined` if the diagnostics are for another version. */
  findingsShownAt(uri: vscode.Uri, version: number): readonly ShownFinding[] | undefined {
    const shown = this.shown.get(uri.toString());
    return shown && shown.version === version ? shown.findings : undefined;
  }

  private isInATab(uri: vscode.Uri): boolean {
    const key = uri.toString();
    return vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => tabUri(tab)?.toString() === key));
  }

  private isSupported(document: vscode.TextDocument): boolean {
    return SUPPORTED_LANGUAGES.includes(document.languageId) && SUPPORTED_SCHEMES.has(document.uri.scheme);
  }

  private schedule(document: vscode.TextDocument, delayMs: number): void {
    if (!this.isSupported(document)) return;
    this.debouncer.schedule(document.uri.toString(), delayMs, () => void this.analyse(document));
    this.updateStatus();
  }

  private async analyse(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    if (document.isClosed) return;
    const settings = settingsFor(document.uri);
    if (!settings.enable) {
      this.forget(document.uri);
      return;
    }
    this.running.add(key);
    this.updateStatus();
    try {
      const policy = await this.configs.policyFor(document.uri);
      if (document.isClosed) return;
      if (!policy.included) {
        this.clear(document.uri);
        this.log.debug(`${document.uri.fsPath}: not selected by the include/exclude globs of .phi-guard.json.`);
        return;
      }
      const text = document.getText();
      const version = document.version;
      const sizeKb = Buffer.byteLength(text, 'utf8') / 1024;
      if (sizeKb > settings.maxFileSizeKb) {
        this.skip(document, `${path.basename(document.fileName)} is ${Math.round(sizeKb)} KB, above phiGuard.maxFileSizeKb (${settings.maxFileSizeKb} KB); PHI Guard skips it. Raise the setting to analyse it.`);
        return;
      }
      const started = performance.now();
      const config = { ...policy.config, maxFileSizeKb: settings.maxFileSizeKb };
      const result = this.analyseText(document, text, config);
      if (result.skipped) {
        this.skip(document, `${path.basename(document.fileName)}: ${result.skipped.message}`);
        return;
      }
      this.skipped.delete(key);
      const outcome = this.store.accept(key, version, document.version, result);
      this.log.debug(`${document.uri.fsPath} v${version}: ${result.findings.length} finding(s), ${result.parseProblems.length} parse problem(s) in ${Math.round(performance.now() - started)} ms → ${outcome}.`);
      if (outcome === 'publish') {
        await this.publish(document, settings, policy.config);
        // Only when what other files see of this one changed (this also ends the round trip through an import cycle).
        const summary = JSON.stringify(result.summary ?? null);
        if (this.summaries.get(key) !== summary) {
          this.summaries.set(key, summary);
          this.refreshDependents(document);
        }
      }
    } catch (error) {
      this.log.error(`Analysis of ${document.uri.fsPath} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    } finally {
      this.running.delete(key);
      this.updateStatus();
    }
  }

  /** With `crossFile` (the default) through the folder's project analyser, so imported helpers are followed. */
  private analyseText(document: vscode.TextDocument, text: string, config: PhiGuardConfig): AnalysisResult {
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    const fileName = analysisFileName(document.fileName, document.languageId);
    if (!config.crossFile || !folder || document.uri.scheme !== 'file' || fileName !== document.fileName) return analyzeSource({ fileName, text, config });
    this.currentConfig = config;
    const root = folder.uri.fsPath;
    // Keyed by the policy too: cached summaries and results are only valid for the policy they were made with.
    const key = `${root}\0${JSON.stringify(config)}`;
    let project = this.projects.get(key);
    if (!project) {
      for (const old of this.projects.keys()) if (old.startsWith(`${root}\0`)) this.projects.delete(old);
      const openText = (file: string) => vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === file)?.getText();
      project = new ProjectAnalyzer(nodeProjectHost(openText), root, () => this.currentConfig ?? config);
      this.projects.set(key, project);
    }
    return project.analyze(document.uri.fsPath, text) ?? analyzeSource({ fileName, text, config });
  }

  /** A helper changed: open files that import it (directly or not) get new diagnostics. */
  private refreshDependents(document: vscode.TextDocument): void {
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    const project = folder && [...this.projects.entries()].find(([key]) => key.startsWith(`${folder.uri.fsPath}\0`))?.[1];
    if (!project) return;
    const dependents = new Set(project.dependentsOf(document.uri.fsPath));
    for (const other of vscode.workspace.textDocuments) {
      if (other.uri.scheme === 'file' && dependents.has(other.uri.fsPath) && !this.debouncer.isPending(other.uri.toString())) this.schedule(other, 0);
    }
  }

  private async publish(document: vscode.TextDocument, settings: PhiGuardSettings, config: PhiGuardConfig): Promise<void> {
    const key = document.uri.toString();
    const analysis = this.store.latest(key);
    if (!analysis) return;
    const shown: ShownFinding[] = [];
    const descriptions: DiagnosticDescription[] = [];
    analysis.findings.forEach((finding, index) => {
      const description = describeFinding(finding, editorSeverityFor(finding.rule, settings, config));
      if (!description) return;
      shown.push({ finding, index });
      descriptions.push(description);
    });
    descriptions.push(...analysis.suppressionProblems.map(describeSuppressionProblem));
    const diagnostics = await Promise.all(descriptions.map((description) => toDiagnostic(document, description)));
    // A newer analysis may have been accepted while cross-file flow steps were being resolved.
    if (this.store.latest(key) !== analysis || document.isClosed) return;
    this.shown.set(key, { version: analysis.version, findings: shown });
    this.diagnostics.set(document.uri, diagnostics);
    this.published.fire(document.uri);
  }

  private skip(document: vscode.TextDocument, message: string): void {
    const key = document.uri.toString();
    this.clear(document.uri);
    this.skipped.set(key, message);
    this.log.info(message);
    if (this.noticedSkips.has(key)) return;
    this.noticedSkips.add(key);
    void vscode.window.showInformationMessage(`PHI Guard: ${message}`);
  }

  /** Removes diagnostics and stored results, but keeps the document's "already told" notices. */
  private clear(uri: vscode.Uri): void {
    const key = uri.toString();
    this.store.delete(key);
    this.shown.delete(key);
    this.diagnostics.delete(uri);
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.debouncer.cancel(key);
    this.skipped.delete(key);
    this.clear(uri);
    this.updateStatus();
  }

  private updateStatus(): void {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !this.isSupported(document) || !settingsFor(document.uri).enable) {
      this.statusBar.hide();
      return;
    }
    const key = document.uri.toString();
    const skipReason = this.skipped.get(key);
    if (this.debouncer.isPending(key) || this.running.has(key)) this.statusBar.showBusy();
    else if (skipReason) this.statusBar.showSkipped(skipReason);
    else this.statusBar.showCount(this.shown.get(key)?.findings.length ?? 0);
  }

  dispose(): void {
    this.debouncer.cancelAll();
    for (const disposable of this.disposables) disposable.dispose();
    this.store.clear();
    this.shown.clear();
  }
}
