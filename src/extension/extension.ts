/**
 * PHI Guard for VS Code: a thin adapter over the engine in `src/core` (the same analysis as the ESLint plugin).
 * Activated lazily on JavaScript/TypeScript documents.
 */
import * as vscode from 'vscode';
import { AnalysisController } from './analysisController';
import { SUPPORTED_LANGUAGES } from './analysisFileName';
import { startAnalysisClient } from './analysisWorker/startAnalysisClient';
import { PhiCodeActionProvider } from './codeActions';
import { registerCommands } from './commands';
import { registerDataFlowFeature, type DataFlowFeature } from './dataFlow/dataFlowFeature';
import { watchDiskChanges } from './diskChangeWatcher';
import { PhiHoverProvider } from './hoverProvider';
import { createLog } from './log';
import { ProjectConfigService } from './projectConfigService';
import { PhiStatusBar } from './statusBar';

/** Files changed on disk at once up to which the open files that import each are looked up (see watchDiskChanges). */
const MAX_DEPENDENTS_LOOKUPS = 20;

/** The returned object is the extension's API for its own extension-host tests: the workspace map's parts. */
export function activate(context: vscode.ExtensionContext): { dataFlows: DataFlowFeature } {
  const log = createLog();
  const configs = new ProjectConfigService(log);
  const statusBar = new PhiStatusBar();
  // Analysis runs on a worker thread, never on the extension host's own; disposing it terminates the worker.
  const analysis = startAnalysisClient(context.extensionUri, log);
  const controller = new AnalysisController(analysis.client, configs, log, statusBar);
  const selector: vscode.DocumentSelector = SUPPORTED_LANGUAGES.flatMap((language) => [
    { language, scheme: 'file' },
    { language, scheme: 'untitled' },
  ]);
  context.subscriptions.push(
    log,
    analysis,
    configs,
    statusBar,
    controller,
    vscode.languages.registerCodeActionsProvider(selector, new PhiCodeActionProvider(controller), PhiCodeActionProvider.metadata),
    vscode.languages.registerHoverProvider(selector, new PhiHoverProvider(controller)),
    ...registerCommands(controller, configs, log),
  );
  log.info(`PHI Guard ${context.extension.packageJSON.version as string} activated (workspace trusted: ${vscode.workspace.isTrusted}).`);
  const dataFlows = registerDataFlowFeature(context, controller, analysis.client, configs, log);
  // Files changed on disk outside the editor (a branch switch, a pull, a generator): the worker looks at the disk afresh
  // (this request goes before the analyses below), and open documents that read what changed are analysed again.
  context.subscriptions.push(watchDiskChanges((changes) => {
    const { changed, created, deleted, resolutionSettings } = changes;
    log.debug(`On disk: ${changed.length} changed, ${created.length} created, ${deleted.length} deleted source file(s), ${resolutionSettings.length} tsconfig/jsconfig/package manifest(s) changed.`);
    void analysis.client.request({ kind: 'diskChanged', deleted: deleted.map((uri) => uri.fsPath) });
    if (resolutionSettings.length) dataFlows.index.resolutionSettingsChanged(resolutionSettings);
    if (resolutionSettings.length) {
      controller.analyseAllOpen('tsconfig, jsconfig or package manifests changed: imports may name other modules now');
      return;
    }
    if (created.length) controller.analyseOpenNaming(created);
    // A created file may be one the analysis knows already: a module a barrel re-exports (the watcher can report a write
    // soon after a creation as the creation), whose new exports reach files importing through the barrel.
    const touched = [...changed, ...deleted, ...created];
    // Past a few files (a branch switch), asking which open files import each would cost more than analysing them all.
    if (touched.length > MAX_DEPENDENTS_LOOKUPS) controller.analyseAllOpen(`${touched.length} files changed, created or deleted on disk`);
    else for (const uri of touched) void controller.refreshDependents(uri);
  }));
  controller.analyseAllOpen('activation');
  return { dataFlows };
}

/** Everything is in `context.subscriptions`, which VS Code disposes. */
export function deactivate(): void {}
