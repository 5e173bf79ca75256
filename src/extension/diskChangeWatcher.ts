import * as vscode from 'vscode';
import { SCANNED_FILES_GLOB } from './dataFlow/scanSelection';

/**
 * The files that decide which module an import names: tsconfig/jsconfig (`paths`, `baseUrl`, `extends` bases such as
 * `tsconfig.base.json`), package.json (workspace packages and their `exports`/`main`) and pnpm-workspace.yaml.
 */
export const RESOLUTION_SETTINGS_GLOBS: readonly string[] = ['**/tsconfig*.json', '**/jsconfig*.json', '**/package.json', '**/pnpm-workspace.yaml'];

/** Long enough to take a branch switch, a pull or an install as one batch. */
const SETTLE_MS = 300;

/** What changed on disk outside the editor's open documents (whose buffers are what the analysis reads). */
export interface DiskChanges {
  /** Source files whose content changed. */
  readonly changed: readonly vscode.Uri[];
  /** Source files created or deleted: an import may name another module now. */
  readonly created: readonly vscode.Uri[];
  readonly deleted: readonly vscode.Uri[];
  /** Resolution settings files (see RESOLUTION_SETTINGS_GLOBS) created, changed or deleted. */
  readonly resolutionSettings: readonly vscode.Uri[];
}

/**
 * Calls `onChanges` with the files a branch switch, a pull, a code generator or another editor changed: JavaScript and
 * TypeScript sources no editor has open, and resolution settings; a burst of them once. Files under node_modules are
 * not the project's own and are left out.
 */
export function watchDiskChanges(onChanges: (changes: DiskChanges) => void): vscode.Disposable {
  type Kind = 'changed' | 'created' | 'deleted' | 'resolutionSettings';
  const pending = new Map<string, { readonly uri: vscode.Uri; readonly kind: Kind }>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    const of = (kind: Kind) => [...pending.values()].filter((change) => change.kind === kind).map((change) => change.uri);
    const changes: DiskChanges = { changed: of('changed'), created: of('created'), deleted: of('deleted'), resolutionSettings: of('resolutionSettings') };
    pending.clear();
    onChanges(changes);
  };
  const note = (kind: Kind) => (uri: vscode.Uri) => {
    if (uri.scheme !== 'file' || uri.path.includes('/node_modules/')) return;
    if (kind !== 'resolutionSettings' && isOpen(uri)) return;
    const key = uri.toString();
    // A file created then changed in one burst is still new; one deleted and created again (a branch switch) changed.
    const before = pending.get(key)?.kind;
    pending.set(key, { uri, kind: before === 'created' && kind === 'changed' ? 'created' : before === 'deleted' && kind === 'created' ? 'changed' : kind });
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, SETTLE_MS);
  };
  const sources = vscode.workspace.createFileSystemWatcher(SCANNED_FILES_GLOB);
  const disposables: vscode.Disposable[] = [sources, sources.onDidCreate(note('created')), sources.onDidChange(note('changed')), sources.onDidDelete(note('deleted'))];
  for (const glob of RESOLUTION_SETTINGS_GLOBS) {
    const watcher = vscode.workspace.createFileSystemWatcher(glob);
    disposables.push(watcher, watcher.onDidCreate(note('resolutionSettings')), watcher.onDidChange(note('resolutionSettings')), watcher.onDidDelete(note('resolutionSettings')));
  }
  return new vscode.Disposable(() => {
    if (timer) clearTimeout(timer);
    for (const disposable of disposables) disposable.dispose();
  });
}

/** An open document's changes reach the analysis as its buffer (saved or not), not through the disk. */
function isOpen(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return vscode.workspace.textDocuments.some((document) => document.uri.toString() === key);
}
