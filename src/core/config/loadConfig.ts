import * as fs from 'node:fs';
import * as path from 'node:path';
import { Minimatch } from 'minimatch';
import { CONFIG_FILE_NAME, DEFAULT_CONFIG } from './config';
import type { PhiGuardConfig } from './config';
import { parseConfigText } from './validateConfig';
import { configProblem, type ConfigProblem } from './validateConfig';

export interface LoadedConfig {
  readonly config: PhiGuardConfig;
  readonly problems: readonly ConfigProblem[];
  /** The file it came from; undefined when defaults apply. */
  readonly file: string | undefined;
}

/** Walks up from `startDir` to the nearest `.phi-guard.json` (stopping at the filesystem root). */
export function findConfigFile(startDir: string): string | undefined {
  for (let dir = path.resolve(startDir); ; dir = path.dirname(dir)) {
    const file = configFileIn(dir);
    if (file || path.dirname(dir) === dir) return file;
  }
}

/** `.phi-guard.json` in `dir` itself, if there is one. */
function configFileIn(dir: string): string | undefined {
  const candidate = path.join(dir, CONFIG_FILE_NAME);
  return fs.existsSync(candidate) ? candidate : undefined;
}

/** Reads and validates a config file. Never throws: an unreadable file is a problem and defaults apply. */
export function loadConfigFile(file: string): LoadedConfig {
  return configFrom(file, readConfigText(file));
}

/** A config file's text, or why it cannot be read. */
type ConfigText = { readonly text: string } | { readonly error: string };

function readConfigText(file: string): ConfigText {
  try {
    return { text: fs.readFileSync(file, 'utf8') };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

function textOf(read: ConfigText): string | undefined {
  return 'text' in read ? read.text : undefined;
}

function configFrom(file: string, read: ConfigText): LoadedConfig {
  if ('error' in read) return { config: DEFAULT_CONFIG, file, problems: [configProblem(file, 0, 0, `${file}: cannot read the configuration (${read.error})`, 'using the default configuration')] };
  const { config, problems } = parseConfigText(file, read.text);
  return { config, problems, file };
}

const NO_CONFIG_FILE: LoadedConfig = { config: DEFAULT_CONFIG, problems: [], file: undefined };

/**
 * Config lookups cached per directory, for linting many files of one project. Each directory is looked at once: a
 * directory without a config file takes its parent's answer (walking up from every directory was ten checks per
 * directory on a deep monorepo).
 */
export class ConfigResolver {
  private readonly byDir = new Map<string, LoadedConfig>();
  /** Each folder looked at → its own config file then (undefined: none), and that file's text as read (undefined: unreadable). */
  private readonly seen = new Map<string, { readonly file: string | undefined; readonly text: string | undefined }>();

  forFile(filePath: string): LoadedConfig {
    return this.forDirectory(path.dirname(path.resolve(filePath)));
  }

  /**
   * Whether a configuration file it read has changed or gone, or one has appeared in a folder it looked at: a
   * long-lived host (an ESLint server) then needs a new resolver, and new analyses.
   */
  changedOnDisk(): boolean {
    for (const [dir, before] of this.seen) {
      const file = configFileIn(dir);
      if (file !== before.file || (file !== undefined && textOf(readConfigText(file)) !== before.text)) return true;
    }
    return false;
  }

  /** The problems of every configuration file looked up so far, each file once. */
  problems(): ConfigProblem[] {
    return [...new Set(this.byDir.values())].flatMap((loaded) => loaded.problems);
  }

  private forDirectory(dir: string): LoadedConfig {
    let loaded = this.byDir.get(dir);
    if (!loaded) {
      const file = configFileIn(dir);
      const read = file === undefined ? undefined : readConfigText(file);
      this.seen.set(dir, { file, text: read && textOf(read) });
      const parent = path.dirname(dir);
      loaded = file && read ? configFrom(file, read) : parent === dir ? NO_CONFIG_FILE : this.forDirectory(parent);
      this.byDir.set(dir, loaded);
    }
    return loaded;
  }
}

/** Whether the config's include/exclude globs (relative to the config file's folder) select this file. */
export function isFileIncluded(filePath: string, loaded: LoadedConfig): boolean {
  const base = loaded.file ? path.dirname(loaded.file) : process.cwd();
  const relative = path.relative(base, path.resolve(filePath)).split(path.sep).join('/');
  if (relative.startsWith('../')) return true;
  if (!loaded.config.include.some((g) => matcher(g).match(relative))) return false;
  return !loaded.config.exclude.some((g) => matcher(g).match(relative));
}

/** Globs compiled once: a scan or an ESLint run asks about every file with the same few globs. */
const matchers = new Map<string, Minimatch>();

function matcher(glob: string): Minimatch {
  let compiled = matchers.get(glob);
  if (!compiled) matchers.set(glob, (compiled = new Minimatch(glob, { dot: true, nocase: process.platform === 'win32' })));
  return compiled;
}
