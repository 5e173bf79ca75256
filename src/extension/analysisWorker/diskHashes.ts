import { createHash } from 'crypto';
import * as fs from 'fs';

/**
 * Content hashes of files on disk, re-read only when a file's change stamp (mtime and size) moved: the scan checks
 * the same helper modules for many importers.
 */
export class DiskHashes {
  private readonly known = new Map<string, { readonly stamp: string; readonly hash: string }>();

  /** `undefined` when the file cannot be read (deleted, a folder, no permission). */
  hash(file: string): string | undefined {
    let stamp: string;
    try {
      const stat = fs.statSync(file);
      if (!stat.isFile()) return undefined;
      stamp = `${stat.mtimeMs}:${stat.size}`;
    } catch {
      this.known.delete(file);
      return undefined;
    }
    const known = this.known.get(file);
    if (known?.stamp === stamp) return known.hash;
    try {
      const hash = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
      this.known.set(file, { stamp, hash });
      return hash;
    } catch {
      return undefined;
    }
  }

  /** Hashes of `files` (an unreadable file as ''), for a cache entry. */
  hashAll(files: readonly string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const file of [...files].sort()) out[file] = this.hash(file) ?? '';
    return out;
  }

  /** Whether every file still hashes as recorded. */
  unchanged(recorded: Readonly<Record<string, string>>): boolean {
    return Object.entries(recorded).every(([file, hash]) => (this.hash(file) ?? '') === hash);
  }
}
