import * as fs from 'fs';
import * as path from 'path';
import { inventoryInput, policyExceptions, withoutByteOrderMark, type InventoryFileInput } from '../core';
import { readGitCommit } from '../core/inventory/gitCommit';
import { inventoryDocument } from '../core/inventory/inventoryDocument';
import { packageVersions } from '../core/inventory/packageVersions';
import type { InventoryCommand } from './cliArgs';
import { openProject } from './openProject';
import { displayPath } from './displayPath';
import { policyForFiles } from './configForFiles';
import { createEngine } from './engine';
import { EXIT_OK, EXIT_USAGE } from './exitCodes';
import { ProgressLine } from './progress';
import { cacheFilePath, engineIdentity, openScanCache } from './scanCache';
import type { ScanIo } from './runScan';

/**
 * `phi-guard inventory`: the AI & ePHI inventory of the project as Markdown (with a Mermaid map) or JSON. The same
 * cross-file analysis as `scan`; versions from package.json / package-lock.json and the commit from .git, read as
 * files (no git, no workspace code run).
 */
export async function runInventory(command: InventoryCommand, io: ScanIo, cacheEngine?: string): Promise<number> {
  const opened = openProject({ cwd: io.cwd, paths: command.paths, configPath: command.configPath }, io.stderr);
  if (!opened) return EXIT_USAGE;
  const { project, collected, nearestConfigs } = opened;
  const policyFor = policyForFiles({ file: project.configFile, config: project.config }, nearestConfigs);
  const configFor = (file: string) => policyFor(file).config;
  const cacheFile = command.cache ? cacheFilePath(io.cwd, command.cacheLocation) : undefined;
  const cache = cacheFile ? openScanCache({ file: cacheFile, engine: cacheEngine ?? engineIdentity(), onProblem: (problem) => io.stderr.write(`phi-guard: ${displayPath(cacheFile, io.cwd)}: ${problem}\n`) }, 'inventory') : undefined;
  const analyze = createEngine(project.root, configFor, [], cache?.persisted);
  const progress = new ProgressLine(io.stderr);
  const inputs: InventoryFileInput[] = [];
  try {
    collected.files.forEach((file, i) => {
      progress.update(i, collected.files.length);
      let text: string;
      try {
        text = withoutByteOrderMark(fs.readFileSync(file, 'utf8'));
      } catch (error) {
        io.stderr.write(`phi-guard: ${displayPath(file, io.cwd)}: could not read the file (${error instanceof Error ? error.message : String(error)}); it is not in the inventory\n`);
        return;
      }
      const result = analyze({ fileName: file, text, config: configFor(file) });
      if (result.skipped) return;
      inputs.push(inventoryInput(displayPath(file, io.cwd), text, result, (other) => displayPath(other, io.cwd)));
    });
  } finally {
    progress.clear();
  }
  cache?.close(analyze);
  const read = (relative: string) => {
    try {
      return withoutByteOrderMark(fs.readFileSync(path.join(project.root, relative), 'utf8'));
    } catch {
      return undefined;
    }
  };
  const commit = await readGitCommit(async (relative) => read(relative));
  const versions = packageVersions(read('package.json'), read('package-lock.json'));
  // The policy files the analysed files use, each once.
  const policies = new Map(collected.files.map((file) => policyFor(file)).flatMap(({ file, config }) => (file ? [[file, config] as const] : [])));
  const exceptions = [...policies].map(([file, config]) => policyExceptions(displayPath(file, io.cwd), config));
  const options = { root: displayPath(project.root, io.cwd) || '.', generatedAt: new Date().toISOString(), commit, versions, policyExceptions: exceptions };
  io.stdout.write(inventoryDocument(inputs, options, command.format));
  return EXIT_OK;
}
