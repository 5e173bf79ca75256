/** Finds the fixture files and the configuration the corpus is analysed with. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PhiGuardConfig } from '../../src/core/index';
import { CONFIG_FILE_NAME, DEFAULT_CONFIG } from '../../src/core/index';

const SOURCE_EXTENSIONS = new Set(['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts']);

/** Every source file under `dir`, as absolute paths, sorted so reports are stable. */
export function collectCorpusFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (current: string): void => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && SOURCE_EXTENSIONS.has(path.extname(entry.name))) files.push(full);
    }
  };
  walk(dir);
  return files.sort();
}

/**
 * DEFAULT_CONFIG, overridden key by key by `<dir>/.phi-guard.json` when it exists. A plain merge without
 * field validation; switch to the core's config loader once src/core/config has one.
 * Throws an error naming the file when it is not a JSON object.
 */
export function loadCorpusConfig(dir: string): PhiGuardConfig {
  const file = path.join(dir, CONFIG_FILE_NAME);
  if (!fs.existsSync(file)) return DEFAULT_CONFIG;
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message}); fix the file or delete it to use the defaults`, {
      cause: error,
    });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`${file}: expected a JSON object with PHI Guard settings`);
  }
  return { ...DEFAULT_CONFIG, ...(parsed as Partial<PhiGuardConfig>) };
}
