import { minimatch } from 'minimatch';

/** The file types the workspace scan reads (as the CLI does). */
export const SCANNED_FILES_GLOB = '**/*.{js,jsx,ts,tsx,mjs,cjs,mts,cts}';
const SCANNED_EXTENSION = /\.(?:js|jsx|ts|tsx|mjs|cjs|mts|cts)$/i;

/**
 * Folders the scan never enters, whatever the settings say: dependencies and VCS data. `files.exclude` entries set
 * to `true` are added (entries with a `when` condition depend on sibling files; they are left to the policy globs).
 */
export function scanExcludeGlobs(filesExclude: Readonly<Record<string, unknown>> | undefined): string[] {
  const globs = ['**/node_modules/**', '**/.git/**'];
  for (const [glob, value] of Object.entries(filesExclude ?? {})) {
    if (value === true && !globs.includes(glob)) globs.push(glob, `${glob.replace(/\/\*\*$/, '')}/**`);
  }
  return [...new Set(globs)];
}

/** One `{a,b}` glob for `workspace.findFiles`' exclude argument. */
export function excludeArgument(globs: readonly string[]): string {
  return globs.length === 1 ? globs[0]! : `{${globs.join(',')}}`;
}

/** Whether a file event's path (relative to its workspace folder, `/`-separated) is one the scan would read. */
export function isScanCandidate(relativePath: string, excludeGlobs: readonly string[]): boolean {
  if (!SCANNED_EXTENSION.test(relativePath)) return false;
  return !excludeGlobs.some((glob) => minimatch(relativePath, glob, { dot: true }));
}
