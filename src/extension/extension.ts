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
import { PhiHoverProvider } from './hoverProvider';
import { createLog } from './log';
import { ProjectConfigService } from './projectConfigService';
import { watchResolutionSettings } from './resolutionSettingsWatcher';
import { PhiStatusBar } from './statusBar';

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
  // tsconfig `paths` or a workspace manifest edited: the worker resolves imports afresh (this request goes before the
  // analyses below), open documents are analysed again, and the workspace map updates the files whose imports changed.
  context.subscriptions.push(watchResolutionSettings((files) => {
    log.info(`Imports resolved afresh: ${files.map((uri) => vscode.workspace.asRelativePath(uri)).join(', ')} changed.`);
    void analysis.client.request({ kind: 'diskChanged', deleted: [] });
    controller.analyseAllOpen('tsconfig, jsconfig or package manifest changed');
    dataFlows.index.resolutionSettingsChanged(files);
  }));
  controller.analyseAllOpen('activation');
  return { dataFlows };
}

/** Everything is in `context.subscriptions`, which VS Code disposes. */
export function deactivate(): void {}
