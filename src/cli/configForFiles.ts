import type { PhiGuardConfig } from '../core';
import type { ConfigResolver } from '../core/config/loadConfig';

/** The configuration a scanned file is analysed with, by its absolute path. */
export type ConfigForFile = (absolutePath: string) => PhiGuardConfig;

/** A file's policy: the configuration and the `.phi-guard.json` it comes from (none: the defaults). */
export interface FilePolicy {
  readonly file: string | undefined;
  readonly config: PhiGuardConfig;
}

/**
 * One policy for every file (`--config`, or the one found above the first path), or (with `nearest`) each file's
 * nearest `.phi-guard.json`, looked up as ESLint looks it up, with that one for files that have none. A lookup reads the
 * file system once per folder: the main thread reuses the resolver that collected the files, each worker thread makes
 * its own.
 */
export function policyForFiles(fallback: FilePolicy, nearest: ConfigResolver | undefined): (absolutePath: string) => FilePolicy {
  if (!nearest) return () => fallback;
  const resolver = nearest;
  return (absolutePath) => {
    const loaded = resolver.forFile(absolutePath);
    return loaded.file ? { file: loaded.file, config: loaded.config } : fallback;
  };
}

export function configForFiles(config: PhiGuardConfig, nearest: ConfigResolver | undefined): ConfigForFile {
  const policyFor = policyForFiles({ file: undefined, config }, nearest);
  return (absolutePath) => policyFor(absolutePath).config;
}
