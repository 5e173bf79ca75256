import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_CONFIG, type PhiGuardConfig } from '../core';
import { findConfigFile, loadConfigFile } from '../core/config/loadConfig';
import type { ConfigProblem } from '../core';
import { configProblem } from '../core/config/validateConfig';

export interface ResolvedProject {
  readonly config: PhiGuardConfig;
  /** The `.phi-guard.json` in use, if any. */
  readonly configFile: string | undefined;
  /** Where the root `.gitignore` is read and what the config's globs are relative to. */
  readonly root: string;
}

/** A configuration the scan cannot run with; the CLI exits with 2 and prints each problem. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    // Each fault already starts with `file:line:column:`; what the editor and ESLint would use instead is left out, as
    // the scan uses nothing instead: it stops.
    super(`${problems.map((p) => `${p.fault}.`).join('\n')}\nThe scan did not run: fix the configuration above (or pass another one with --config).`);
  }
}

/**
 * Finds the config and project root for a scan. The config is `--config`, else the nearest
 * `.phi-guard.json` from the first scanned path upwards. The root is the config's folder when the first scanned path
 * is inside it, else the nearest folder holding `.git`, else the first scanned folder: a `--config` kept elsewhere
 * (a shared policy) still has its globs and the project's `.gitignore` applied to the files scanned.
 */
export function resolveProject(options: { readonly cwd: string; readonly firstPath: string; readonly configPath?: string }): ResolvedProject {
  const firstAbsolute = path.resolve(options.cwd, options.firstPath);
  const startDir = isDirectory(firstAbsolute) ? firstAbsolute : path.dirname(firstAbsolute);

  let configFile: string | undefined;
  if (options.configPath !== undefined) {
    configFile = path.resolve(options.cwd, options.configPath);
    if (!fs.existsSync(configFile)) {
      throw new ConfigError([configProblem(options.configPath, 0, 0, `${options.configPath}: config file not found; check the path given to --config`)]);
    }
  } else {
    configFile = findConfigFile(startDir);
  }

  if (configFile === undefined) {
    return { config: DEFAULT_CONFIG, configFile: undefined, root: findGitRoot(startDir) ?? startDir };
  }
  const { config, problems } = loadConfigFile(configFile);
  if (problems.length > 0) throw new ConfigError(problems);
  const configDir = path.dirname(configFile);
  const holdsScannedPath = startDir === configDir || startDir.startsWith(`${configDir}${path.sep}`) || configDir === path.parse(configDir).root;
  return { config, configFile, root: holdsScannedPath ? configDir : findGitRoot(startDir) ?? startDir };
}

function findGitRoot(startDir: string): string | undefined {
  for (let dir = startDir; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

function isDirectory(absolute: string): boolean {
  try {
    return fs.statSync(absolute).isDirectory();
  } catch {
    return false;
  }
}
