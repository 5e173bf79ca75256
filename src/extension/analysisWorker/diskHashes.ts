import { createHash } from 'crypto';
import * as fs from 'fs';

/**
 * Content hashes of files on disk. A file is looked at once until `forgetVerdicts` (the scan calls it when files may
 * have changed, before each scan or update): thousands of files import the same helper modules. After that its
 * content is re-read only when its change stamp (mtime and size) moved.
 */
export class DiskHashes {
  private readonly known = new Map<string, { readonly stamp: string; readonly hash: string }>();
  /** This scan's answer per file (`undefined`: unreadable). */
  private readonly verdicts = new Map<string, string | undefined>();

  /** `undefined` when the file cannot be read (deleted, a folder, no permission). */
  hash(file: string): string | undefined {
    if (this.verdicts.has(file)) return this.verdicts.get(file);
    const hash = this.hashOnDisk(file);
    this.verdicts.set(file, hash);
    return hash;
  }

  /** Files may have changed on disk: look at each again (by its stamp) on its next use. */
  forgetVerdicts(): void {
    this.verdicts.clear();
  }

  /** Positions of the files that no longer hash as recorded (`hashes[i]` for `files[i]`, '' for unreadable). */
  changed(files: readonly string[], hashes: readonly string[]): number[] {
    const out: number[] = [];
    files.forEach((file, index) => {
      if ((this.hash(file) ?? '') !== hashes[index]) out.push(index);
    });
    return out;
  }

  private hashOnDisk(file: string): string | undefined {
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
}
