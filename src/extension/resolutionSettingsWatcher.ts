import * as vscode from 'vscode';

/**
 * The files that decide which module an import names: tsconfig/jsconfig (`paths`, `baseUrl`, `extends` bases such as
 * `tsconfig.base.json`), package.json (workspace packages and their `exports`/`main`) and pnpm-workspace.yaml.
 */
export const RESOLUTION_SETTINGS_GLOBS: readonly string[] = ['**/tsconfig*.json', '**/jsconfig*.json', '**/package.json', '**/pnpm-workspace.yaml'];

/** Long enough to take a branch switch or an install as one change. */
const SETTLE_MS = 300;

/**
 * Calls `onChange` with the resolution settings files created, changed or deleted (outside node_modules, whose
 * manifests are not the project's own), a burst of them once.
 */
export function watchResolutionSettings(onChange: (files: readonly vscode.Uri[]) => void): vscode.Disposable {
  const changed = new Map<string, vscode.Uri>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const note = (uri: vscode.Uri) => {
    if (uri.path.includes('/node_modules/')) return;
    changed.set(uri.toString(), uri);
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      const files = [...changed.values()];
      changed.clear();
      onChange(files);
    }, SETTLE_MS);
  };
  const disposables = RESOLUTION_SETTINGS_GLOBS.flatMap((glob) => {
    const watcher = vscode.workspace.createFileSystemWatcher(glob);
    return [watcher, watcher.onDidCreate(note), watcher.onDidChange(note), watcher.onDidDelete(note)];
  });
  return new vscode.Disposable(() => {
    if (timer) clearTimeout(timer);
    for (const disposable of disposables) disposable.dispose();
  });
}
