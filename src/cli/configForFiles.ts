import type { PhiGuardConfig } from '../core';
import { ConfigResolver } from '../core/config/loadConfig';

/** The configuration a scanned file is analysed with, by its absolute path. */
export type ConfigForFile = (absolutePath: string) => PhiGuardConfig;

/**
 * One configuration for every file (`--config`), or (`nearest`) each file's nearest `.phi-guard.json`, looked up as
 * ESLint looks it up, with `config` for files that have none. Every thread of a scan makes its own: a lookup reads
 * the file system once per folder.
 */
export function configForFiles(config: PhiGuardConfig, nearest: boolean): ConfigForFile {
  if (!nearest) return () => config;
  const resolver = new ConfigResolver();
  return (absolutePath) => {
    const loaded = resolver.forFile(absolutePath);
    return loaded.file ? loaded.config : config;
  };
}
