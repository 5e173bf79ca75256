/**
 * The project's `include`/`exclude` globs (relative to the folder of `.phi-guard.json`) decide which files the
 * editor analyses, as in CI: an excluded file (vendored, generated) gets no squiggles.
 */
import { minimatch } from 'minimatch';
import type { PhiGuardConfig } from '../core';

/** `relativePath` uses `/` separators; `undefined` means the file is outside the configured folder. */
export function isAnalysedFile(relativePath: string | undefined, config: PhiGuardConfig): boolean {
  if (relativePath === undefined) return true;
  const matches = (pattern: string) => minimatch(relativePath, pattern, { dot: true, matchBase: !pattern.includes('/') });
  return config.include.some(matches) && !config.exclude.some(matches);
}
