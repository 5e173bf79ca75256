import * as vscode from 'vscode';

/**
 * The extension's own log (Output → PHI Guard). It records what the extension did (file paths, counts,
 * timings, errors), never source text or finding expressions: those may hold PHI.
 */
export function createLog(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel('PHI Guard', { log: true });
}
