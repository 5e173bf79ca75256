import * as fs from 'node:fs';
import * as path from 'node:path';
import { withoutByteOrderMark } from '../text/byteOrderMark';
import { MISSING_FOLDER } from './moduleResolver';
import type { FolderListing, ProjectHost } from './moduleResolver';

/** The file system as a ProjectHost, with `overrides` for unsaved editor buffers. Never throws. */
export function nodeProjectHost(overrides?: (file: string) => string | undefined): ProjectHost & { listFolder(dir: string): FolderListing | undefined; listDirectories(dir: string): string[] } {
  return {
    readFile(file) {
      const override = overrides?.(file);
      if (override !== undefined) return override;
      try {
        return withoutByteOrderMark(fs.readFileSync(file, 'utf8'));
      } catch {
        return undefined;
      }
    },
    version(file) {
      const override = overrides?.(file);
      if (override !== undefined) return `buffer:${override.length}:${override.slice(0, 64)}`;
      try {
        const stat = fs.statSync(file, { throwIfNoEntry: false });
        return stat ? `${stat.mtimeMs}:${stat.size}` : undefined;
      } catch {
        return undefined;
      }
    },
    fileExists(file) {
      // Asked for what a folder listing does not settle (links, names in another case) and by hosts that list no
      // folders (the editor's buffer overlay): often a file that is not there, so no exception for those (its stack
      // trace cost more than the system call).
      try {
        return fs.statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
      } catch {
        return false;
      }
    },
    listFolder(dir) {
      try {
        const listing = { files: new Set<string>(), lowerCaseNames: new Set<string>() } satisfies FolderListing;
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
          if (entry.isFile()) listing.files.add(entry.name);
          listing.lowerCaseNames.add(entry.name.toLowerCase());
        }
        return listing;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        return code === 'ENOENT' || code === 'ENOTDIR' ? MISSING_FOLDER : undefined;
      }
    },
    listDirectories(dir) {
      try {
        return fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory() && e.name !== 'node_modules').map((e) => path.join(dir, e.name));
      } catch {
        return [];
      }
    },
  };
}
