import type { PhiGuardConfig } from '../core';
import type { ConfigResolver } from '../core/config/loadConfig';

/** The configuration a scanned file is analysed with, by its absolute path. */
export type ConfigForFile = (absolutePath: string) => PhiGuardConfig;

/**
 * One configuration for every file (`--config`), or (with `nearest`) each file's nearest `.phi-guard.json`, looked up
 * as ESLint looks it up, with `config` for files that have none. A lookup reads the file system once per folder: the
 * main thread reuses the resolver that collected the files, each worker thread makes its own.
 */
export function configForFiles(config: PhiGuardConfig, nearest: ConfigResolver | undefined): ConfigForFile {
  if (!nearest) return () => config;
  const resolver = nearest;
  return (absolutePath) => {
    const loaded = resolver.forFile(absolutePath);
    return loaded.file ? loaded.config : config;
  };
}
