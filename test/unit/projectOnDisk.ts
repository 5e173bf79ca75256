import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** A temporary project on disk; `write` changes a file so its change stamp moves (mtime and size). */
export function projectOnDisk(files: Record<string, string>): { root: string; file(name: string): string; write(name: string, text: string): void } {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-test-')));
  const file = (name: string) => path.join(root, name);
  const write = (name: string, text: string) => {
    fs.mkdirSync(path.dirname(file(name)), { recursive: true });
    fs.writeFileSync(file(name), text);
    // Stamps have a coarse clock on some file systems: make every write visible.
    const later = new Date(Date.now() + Math.floor(Math.random() * 100_000) + 1000);
    fs.utimesSync(file(name), later, later);
  };
  for (const [name, text] of Object.entries(files)) write(name, text);
  return { root, file, write };
}
