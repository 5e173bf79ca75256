import { nodeProjectHost } from '../../core/project/nodeHost';
import type { ProjectHost } from '../../core/project/moduleResolver';
import type { OverlayUpdate } from './protocol';

/**
 * The file system as the editor's cross-file analysis sees it: unsaved editor buffers first, then disk. Each buffer
 * update gets a new change stamp, so an edit that keeps the length still invalidates what was derived from it.
 */
export class OverlayHost implements ProjectHost {
  private readonly buffers = new Map<string, { readonly text: string; readonly stamp: number }>();
  private readonly disk = nodeProjectHost();
  private updates = 0;

  /**
   * Applies buffer changes. `contents`: only the text of buffers already open changed; `files`: a buffer was opened
   * or closed (a file may appear or disappear for the analysis); `none`.
   */
  apply(overlays: readonly OverlayUpdate[]): 'none' | 'contents' | 'files' {
    let changed: 'none' | 'contents' | 'files' = 'none';
    for (const { file, text } of overlays) {
      const known = this.buffers.get(file);
      if (text === undefined) {
        if (this.buffers.delete(file)) changed = 'files';
      } else if (known?.text !== text) {
        this.buffers.set(file, { text, stamp: ++this.updates });
        if (!known) changed = 'files';
        else if (changed === 'none') changed = 'contents';
      }
    }
    return changed;
  }

  readFile(file: string): string | undefined {
    return this.buffers.get(file)?.text ?? this.disk.readFile(file);
  }

  fileExists(file: string): boolean {
    return this.buffers.has(file) || this.disk.fileExists(file);
  }

  version(file: string): string | undefined {
    const buffer = this.buffers.get(file);
    return buffer ? `buffer:${buffer.stamp}` : this.disk.version?.(file);
  }
}
