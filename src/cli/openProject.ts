import { ConfigResolver } from '../core/config/loadConfig';
import { collectFiles, PathNotFoundError, type CollectResult } from './collectFiles';
import { ConfigError, resolveProject } from './resolveConfig';

export type OpenedProject = {
  readonly project: ReturnType<typeof resolveProject>;
  readonly collected: CollectResult;
  /** No `--config`: each file has its nearest `.phi-guard.json` (see configForFiles), as these found them. */
  readonly nearestConfigs: ConfigResolver | undefined;
};

/**
 * What `scan` and `inventory` both start with: the configuration and root for the given paths, and the files to
 * analyse. A configuration or path error is written to `stderr` (naming the file) and gives undefined (exit code 2).
 */
export function openProject(options: { cwd: string; paths: readonly string[]; configPath: string | undefined }, stderr: { write(text: string): unknown }): OpenedProject | undefined {
  try {
    const project = resolveProject({ cwd: options.cwd, firstPath: options.paths[0], configPath: options.configPath });
    // Without --config, a package's own .phi-guard.json applies to its files, as in ESLint and the editor.
    const nearestConfigs = options.configPath === undefined ? new ConfigResolver() : undefined;
    const collected = collectFiles({ paths: options.paths, cwd: options.cwd, config: project.config, root: project.root, nearestConfigs });
    const problems = nearestConfigs?.problems() ?? [];
    if (problems.length > 0) throw new ConfigError(problems);
    return { project, collected, nearestConfigs };
  } catch (error) {
    if (error instanceof ConfigError || error instanceof PathNotFoundError) {
      stderr.write(`phi-guard: ${error.message}\n`);
      return undefined;
    }
    throw error;
  }
}
