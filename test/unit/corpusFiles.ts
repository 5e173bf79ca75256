import * as fs from 'node:fs';
import * as path from 'node:path';

/** The labelled fixture corpus's source files (test/fixtures/corpus), sorted. */
export function corpusFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(tsx?|jsx?)$/.test(entry.name)) out.push(full);
    }
  };
  walk(path.join(__dirname, '../fixtures/corpus'));
  return out.sort();
}
