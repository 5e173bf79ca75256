import * as path from 'path';
import * as vscode from 'vscode';
import type { Finding } from '../core/findings/finding';
import type { PhiGuardConfig } from '../core/config/config';
import { analysisFileName, SUPPORTED_LANGUAGES } from './analysisFileName';
import type { AnalysisClient, Outcome } from './analysisWorker/analysisClient';
import { resultWithFindings } from './analysisWorker/findingsUpdate';
import type { AnalyzeDocumentRequest, AnalyzeDocumentResponse } from './analysisWorker/protocol';
import { AnalysisStore, type StoredAnalysis } from './analysisStore';
import { KeyedDebouncer } from './debouncer';
import { describeAnalysisGap, describeFinding, describeSuppressionProblem, type DiagnosticDescription } from './diagnosticModel';
import { toDiagnostic, type OtherFiles } from './diagnostics';
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
/** Diagnostics converted per turn of the event loop when publishing. */
const PUBLISH_SLICE = 50;

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
 * Runs the engine on open JS/TS documents (debounced per document, in the analysis worker so the extension host
 * never waits for it) and publishes diagnostics for the exact version analysed. Results for outdated versions are
 * dropped; a file with syntax errors keeps its last good diagnostics until it parses again.
 */
export class AnalysisController implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('phi-guard');
  private readonly debouncer = new KeyedDebouncer();
  private readonly store = new AnalysisStore();
  private readonly shown = new Map<string, ShownAnalysis>();
  /** Analyses under way per document (a superseded one may still be finishing while its successor starts). */
  private readonly running = new Map<string, number>();
  private readonly skipped = new Map<string, string>();
  private readonly noticedSkips = new Set<string>();
  private readonly published = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [this.published];
  /** Fires after a document's diagnostics were published (`findingsShownAt` has its new findings). */
  readonly onDidPublish = this.published.event;
  /** Each open document's module summary (its fingerprint) as last published, to tell when its importers need a new analysis. */
  private readonly summaries = new Map<string, string>();
  /** How many times each document's results were cleared: an analysis that began before a clear must not publish. */
  private readonly clears = new Map<string, number>();

  constructor(
    /** The analysis worker: cross-file analysis per workspace folder, other modules read from open editors first, then disk. */
    private readonly analysis: AnalysisClient,
    private readonly configs: ProjectConfigService,
    private readonly log: vscode.LogOutputChannel,
    private readonly statusBar: PhiStatusBar,
  ) {
    this.disposables.push(
      this.diagnostics,
      vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document, 0)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length === 0) return;
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
          if (!this.store.latest(key) && !this.debouncer.isPending(key) && !this.isRunning(key)) this.schedule(document, 0);
        }
      }),
    );
  }

  analyseAllOpen(why: string): void {
    const documents = this.openDocuments();
    this.log.info(`Analysing ${documents.length} open document(s): ${why}.`);
    for (const document of documents) this.schedule(document, 0);
  }

  /**
   * Source files were created: open documents whose text names one (its base name, or its folder's for an index file)
   * may import it, in vain until now, and are analysed again.
   */
  analyseOpenNaming(created: readonly vscode.Uri[]): void {
    const names = new Set(created.map((uri) => {
      const base = path.basename(uri.fsPath).replace(/\.[^.]*$/, '');
      return base === 'index' ? path.basename(path.dirname(uri.fsPath)) : base;
    }));
    const documents = this.openDocuments().filter((document) => {
      const text = document.getText();
      return [...names].some((name) => text.includes(name));
    });
    if (documents.length) this.log.info(`Analysing ${documents.length} open document(s): a module they may import was created.`);
    for (const document of documents) this.schedule(document, 0);
  }

  private openDocuments(): vscode.TextDocument[] {
    return vscode.workspace.textDocuments.filter((document) => this.isSupported(document) && (this.isInATab(document.uri) || document.isUntitled));
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
    // Whatever asks (a policy change, a changed import), unsaved edits of a file analysed on save are not analysed.
    if (document.isDirty && settingsFor(document.uri).run === 'onSave') return;
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
    this.running.set(key, (this.running.get(key) ?? 0) + 1);
    this.updateStatus();
    const clearsBefore = this.clears.get(key) ?? 0;
    // Closed, disabled, excluded or skipped while this analysis ran: its result would bring back what was cleared.
    const superseded = () => document.isClosed || (this.clears.get(key) ?? 0) !== clearsBefore;
    try {
      const policy = await this.configs.policyFor(document.uri);
      if (superseded()) return;
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
      // The findings shown now: the worker may answer with what changed since them.
      const held = this.store.latest(key);
      const outcome = await this.analyseText(document, text, config, held);
      if (outcome.status === 'cancelled' || superseded()) return;
      if (outcome.status === 'failed') {
        this.log.error(`Analysis of ${document.uri.fsPath} failed: ${outcome.message}. Its last diagnostics stay; edit or save the file to try again.`);
        return;
      }
      const { summaryFingerprint, summaryChangedHere, findingsId } = outcome.value;
      const result = resultWithFindings(outcome.value, held?.findingsId !== undefined ? { id: held.findingsId, findings: held.findings } : undefined);
      if (!result) {
        this.log.error(`Analysis of ${document.uri.fsPath}: the worker's findings update does not apply to the findings shown (a bug, please report it). Its last diagnostics stay; edit or save the file to try again.`);
        return;
      }
      if (result.skipped) {
        this.skip(document, `${path.basename(document.fileName)}: ${result.skipped.message}`);
        return;
      }
      this.skipped.delete(key);
      const accepted = this.store.accept(key, version, document.version, result, findingsId);
      // Not analysed for a last good result the store no longer has: analyse it now.
      if (result.lastGood && accepted === 'outdated' && version === document.version) this.schedule(document, 0);
      this.log.debug(`${document.uri.fsPath} v${version}: ${result.findings.length} finding(s), ${result.parseProblems.length} parse problem(s) in ${Math.round(performance.now() - started)} ms → ${accepted}.`);
      if (accepted === 'publish') {
        await this.publish(document, settings, policy.config);
        // Only when what other files see of this one changed (this also ends the round trip through an import cycle).
        if (this.summaries.get(key) !== summaryFingerprint || summaryChangedHere) {
          this.summaries.set(key, summaryFingerprint);
          await this.refreshDependents(document.uri);
        }
      }
    } catch (error) {
      this.log.error(`Analysis of ${document.uri.fsPath} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    } finally {
      const left = (this.running.get(key) ?? 1) - 1;
      if (left > 0) this.running.set(key, left);
      else this.running.delete(key);
      this.updateStatus();
    }
  }

  private isRunning(key: string): boolean {
    return this.running.has(key);
  }

  /**
   * With `crossFile` (the default) through the folder's project analyser in the worker, so imported helpers are
   * followed. A newer request for the same document supersedes this one.
   */
  private analyseText(document: vscode.TextDocument, text: string, config: PhiGuardConfig, held: StoredAnalysis | undefined): Promise<Outcome<AnalyzeDocumentResponse>> {
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    const fileName = analysisFileName(document.fileName, document.languageId);
    const crossFile = config.crossFile && folder && document.uri.scheme === 'file' && fileName === document.fileName;
    const request: AnalyzeDocumentRequest = {
      kind: 'analyzeDocument', file: document.uri.fsPath, fileName, text, config, keepsLastGood: held !== undefined,
      ...(held?.findingsId !== undefined && { heldFindings: held.findingsId }), ...(crossFile ? { root: folder.uri.fsPath } : {}),
    };
    return this.analysis.request(request, { priority: 'interactive', supersedeKey: `document:${document.uri.toString()}` });
  }

  /**
   * A helper changed (in an editor, or on disk while closed): open files that import it (directly or not) get new
   * diagnostics.
   */
  async refreshDependents(helper: vscode.Uri): Promise<void> {
    const folder = vscode.workspace.getWorkspaceFolder(helper);
    if (!folder || helper.scheme !== 'file') return;
    const outcome = await this.analysis.request({ kind: 'dependents', root: folder.uri.fsPath, file: helper.fsPath });
    if (outcome.status !== 'done') return;
    const dependents = new Set(outcome.value.files);
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
    if (analysis.incomplete) descriptions.push(describeAnalysisGap(analysis.incomplete));
    // In slices, yielding in between: a file with hundreds of findings must not hold up the extension host.
    const diagnostics: vscode.Diagnostic[] = [];
    const otherFiles: OtherFiles = new Map();
    for (let start = 0; start < descriptions.length; start += PUBLISH_SLICE) {
      if (start > 0) await new Promise((resolve) => setImmediate(resolve));
      // A newer analysis may have been accepted meanwhile (also while cross-file flow steps were being resolved).
      if (this.store.latest(key) !== analysis || document.isClosed) return;
      diagnostics.push(...(await Promise.all(descriptions.slice(start, start + PUBLISH_SLICE).map((description) => toDiagnostic(document, description, otherFiles)))));
    }
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
    this.clears.set(key, (this.clears.get(key) ?? 0) + 1);
    this.store.delete(key);
    this.shown.delete(key);
    this.diagnostics.delete(uri);
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.debouncer.cancel(key);
    this.skipped.delete(key);
    this.summaries.delete(key);
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
    if (this.debouncer.isPending(key) || this.isRunning(key)) this.statusBar.showBusy();
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
