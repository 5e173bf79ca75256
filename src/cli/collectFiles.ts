import * as fs from 'fs';
import * as path from 'path';
import ignore, { type Ignore } from 'ignore';
import { Minimatch } from 'minimatch';
import type { PhiGuardConfig } from '../core';
import { isFileIncluded, type ConfigResolver } from '../core/config/loadConfig';
import { displayPath } from './displayPath';
import type { ScanNotice } from './scanReport';
import { SOURCE_EXTENSIONS } from './sourceExtensions';

/** Folders never walked into, whatever the configuration says. */
const ALWAYS_SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

export interface CollectOptions {
  /** Files or folders to scan, absolute or relative to `cwd`. */
  readonly paths: readonly string[];
  readonly cwd: string;
  readonly config: PhiGuardConfig;
  /** Where the root `.gitignore` is read from and what `include`/`exclude` globs are relative to. */
  readonly root: string;
  /**
   * Without `--config`: each file's nearest `.phi-guard.json` decides with its own globs (relative to its folder), as
   * in ESLint and the editor; `config` and `root` decide for files that have none.
   */
  readonly nearestConfigs?: ConfigResolver;
}

export interface CollectResult {
  /** Absolute paths, sorted, without duplicates. */
  readonly files: readonly string[];
  readonly notices: readonly ScanNotice[];
}

export class PathNotFoundError extends Error {
  constructor(readonly missingPath: string) {
    super(`${missingPath}: no such file or folder. Check the path given to \`phi-guard scan\`.`);
  }
}

/** Collects the JS/TS files under `paths` that the root `.gitignore` and the config's globs let through. */
export function collectFiles(options: CollectOptions): CollectResult {
  const filter = new FileFilter(options.root, options.config, options.nearestConfigs);
  const found = new Set<string>();
  const notices: ScanNotice[] = [];

  for (const given of options.paths) {
    const absolute = path.resolve(options.cwd, given);
    let stats: fs.Stats;
    try {
      stats = fs.statSync(absolute);
    } catch {
      if (!isSymlink(absolute)) throw new PathNotFoundError(given);
      found.add(absolute); // a broken link named on the command line: reading it reports why
      continue;
    }
    if (stats.isDirectory()) {
      walk(absolute, filter, found);
    } else {
      const reason = filter.whyExcludedFile(absolute);
      if (reason) notices.push({ kind: 'ignored', file: displayPath(absolute, options.cwd), message: `not scanned: ${reason}` });
      else found.add(absolute);
    }
  }
  return { files: [...found].sort(), notices };
}

function walk(start: string, filter: FileFilter, found: Set<string>): void {
  const pending = [start];
  while (pending.length > 0) {
    const directory = pending.pop() as string;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(directory, { withFileTypes: true });
    } catch {
      continue; // an unreadable folder holds nothing we can analyse
    }
    for (const entry of entries) {
      const absolute = path.join(directory, entry.name);
      if (entry.isDirectory()) {
        if (!ALWAYS_SKIPPED_DIRECTORIES.has(entry.name) && !filter.isIgnoredDirectory(absolute)) pending.push(absolute);
      } else if (entry.isFile() || isFileOrBrokenLink(entry, absolute)) {
        if (!filter.whyExcludedFile(absolute)) found.add(absolute);
      }
    }
  }
}

/** Links to files are followed; links to folders are not (they could loop); a broken link is kept so that
 * the scan reports it as unreadable instead of silently skipping a source file. */
function isFileOrBrokenLink(entry: fs.Dirent, absolute: string): boolean {
  if (!entry.isSymbolicLink()) return false;
  try {
    return fs.statSync(absolute).isFile();
  } catch {
    return true;
  }
}

function isSymlink(absolute: string): boolean {
  try {
    return fs.lstatSync(absolute).isSymbolicLink();
  } catch {
    return false;
  }
}

/** The root `.gitignore` plus the config's `include`/`exclude` globs, both relative to the root. */
class FileFilter {
  private readonly gitignore: Ignore | undefined;
  private readonly include: readonly Minimatch[];
  private readonly exclude: readonly Minimatch[];

  constructor(private readonly root: string, config: PhiGuardConfig, private readonly nearestConfigs?: ConfigResolver) {
    this.gitignore = readGitignore(root);
    this.include = config.include.map((glob) => new Minimatch(glob, { dot: true }));
    this.exclude = config.exclude.map((glob) => new Minimatch(glob, { dot: true }));
  }

  isIgnoredDirectory(absolute: string): boolean {
    const relative = this.relativeToRoot(absolute);
    return relative !== undefined && relative !== '' && this.gitignore !== undefined && this.gitignore.ignores(`${relative}/`);
  }

  /** Why a file is not scanned, or undefined when it is. */
  whyExcludedFile(absolute: string): string | undefined {
    if (!SOURCE_EXTENSIONS.includes(path.extname(absolute).toLowerCase())) return `not a JavaScript/TypeScript file (${SOURCE_EXTENSIONS.join(', ')})`;
    const relative = this.relativeToRoot(absolute);
    if (relative === undefined) return undefined; // outside the project root: only named files get here
    const segments = relative.split('/');
    if (segments.some((segment) => ALWAYS_SKIPPED_DIRECTORIES.has(segment))) return 'inside node_modules or .git';
    if (this.gitignore?.ignores(relative)) return 'ignored by .gitignore';
    const nearest = this.nearestConfigs?.forFile(absolute);
    if (nearest?.file) {
      return isFileIncluded(absolute, nearest) ? undefined : `not selected by the "include"/"exclude" globs of ${path.relative(this.root, nearest.file).split(path.sep).join('/')}`;
    }
    if (!this.include.some((glob) => glob.match(relative))) return 'not matched by "include" in the PHI Guard config';
    const excludedBy = this.exclude.find((glob) => glob.match(relative));
    if (excludedBy) return `matched by "exclude" pattern ${excludedBy.pattern} in the PHI Guard config`;
    return undefined;
  }

  private relativeToRoot(absolute: string): string | undefined {
    const relative = path.relative(this.root, absolute);
    if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
    return relative.split(path.sep).join('/');
  }
}

function readGitignore(root: string): Ignore | undefined {
  let text: string;
  try {
    text = fs.readFileSync(path.join(root, '.gitignore'), 'utf8');
  } catch {
    return undefined;
  }
  return ignore().add(text);
}
