import * as fs from 'fs';
import * as vscode from 'vscode';
import { Worker } from 'worker_threads';
import { loadEngine } from '../loadEngine';
import { AnalysisClient } from './analysisClient';
import { OpenDocumentOverlays } from './openDocumentOverlays';

/** The bundles esbuild.js writes next to dist/extension.js: the worker's entry, and the engine it loads (loadEngine). */
export const WORKER_BUNDLE = 'dist/analysisWorker.js';
export const ENGINE_BUNDLE = 'dist/engineParts.js';

/**
 * The extension's analysis client: one worker thread (dist/analysisWorker.js) shared by the editor's diagnostics
 * and the workspace scan, fed with unsaved editor buffers. Disposing it terminates the worker.
 */
export function startAnalysisClient(extensionUri: vscode.Uri, log: vscode.LogOutputChannel): { readonly client: AnalysisClient } & vscode.Disposable {
  const script = vscode.Uri.joinPath(extensionUri, WORKER_BUNDLE).fsPath;
  const engine = vscode.Uri.joinPath(extensionUri, ENGINE_BUNDLE).fsPath;
  const overlays = new OpenDocumentOverlays();
  const client = new AnalysisClient({
    startWorker: () => {
      const missing = [script, engine].find((bundle) => !fs.existsSync(bundle));
      if (missing) {
        log.error(`${missing} is missing (the extension was built without it); reinstall PHI Guard.`);
        return undefined;
      }
      const worker = new Worker(script, { name: 'PHI Guard analysis' });
      log.debug(`Analysis worker started (thread ${worker.threadId}).`);
      return worker;
    },
    inProcess: () => new (loadEngine().AnalysisService)(),
    overlays,
    log,
  });
  return {
    client,
    dispose: () => {
      client.dispose();
      overlays.dispose();
    },
  };
}
