import * as path from 'path';

/** How the CLI names a file in its output: relative to the working directory, with forward slashes. */
export function displayPath(absolutePath: string, cwd: string): string {
  const relative = path.relative(cwd, absolutePath);
  return (relative === '' ? '.' : relative).split(path.sep).join('/');
}
