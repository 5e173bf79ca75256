import * as path from 'node:path';
import { Minimatch } from 'minimatch';

/** How deep below a glob's fixed start `**` looks for packages (`packages/**` finds `packages/a/b/c`). */
const MAX_GLOB_DEPTH = 4;

/**
 * The folders that npm/yarn/pnpm `workspaces` globs name (`packages/*`, `packages/**` and `packages/**` + `/*`,
 * `apps/web`, `!packages/legacy`), as the package managers match them: each glob is walked from its fixed start,
 * folder by folder, never into dot folders or node_modules, and never below a package (nested packages are rare; a
 * package's own source tree is large). `isPackage` says whether a folder holds a package.json.
 */
export function workspaceFolders(root: string, globs: readonly string[], listDirs: (dir: string) => string[], isPackage: (dir: string) => boolean): string[] {
  const include: Minimatch[] = [];
  const exclude: Minimatch[] = [];
  for (const raw of globs) {
    const negated = raw.startsWith('!');
    const glob = raw.slice(negated ? 1 : 0).trim().replace(/^\.\//, '').replace(/\/+$/, '');
    if (!glob || glob.startsWith('/') || glob.split('/').includes('..')) continue;
    (negated ? exclude : include).push(new Minimatch(glob, { dot: false }));
  }
  const found = new Set<string>();
  for (const matcher of include) {
    const segments = matcher.pattern.split('/');
    const firstGlob = segments.findIndex((segment) => /[*?[\]{}!]/.test(segment));
    if (firstGlob < 0) {
      found.add(path.join(root, matcher.pattern));
      continue;
    }
    const depth = segments.includes('**') ? MAX_GLOB_DEPTH : segments.length - firstGlob;
    let level = [path.join(root, ...segments.slice(0, firstGlob))];
    for (let d = 0; d < depth && level.length > 0; d++) {
      const next: string[] = [];
      for (const dir of level) {
        for (const child of listDirs(dir)) {
          const name = path.basename(child);
          if (name.startsWith('.') || name === 'node_modules') continue;
          const relative = path.relative(root, child).split(path.sep).join('/');
          if (matcher.match(relative) && isPackage(child)) found.add(child);
          else next.push(child);
        }
      }
      level = next;
    }
  }
  return [...found].filter((dir) => {
    const relative = path.relative(root, dir).split(path.sep).join('/');
    return !exclude.some((matcher) => matcher.match(relative));
  });
}
