import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { workspaceFolders } from '../../../src/core/project/workspaceFolders';

/** A folder tree as a listing: `dirs` are relative folders; those in `packages` hold a package.json. */
function tree(dirs: readonly string[], packages: readonly string[]) {
  const root = path.resolve('/repo');
  const listDirs = (dir: string): string[] => {
    const relative = path.relative(root, dir).split(path.sep).join('/');
    return dirs.filter((d) => path.posix.dirname(d) === (relative || '.')).map((d) => path.join(root, d));
  };
  const isPackage = (dir: string): boolean => packages.includes(path.relative(root, dir).split(path.sep).join('/'));
  return { root, folders: (globs: string[]) => workspaceFolders(root, globs, listDirs, isPackage).map((dir) => path.relative(root, dir).split(path.sep).join('/')).sort() };
}

describe('workspace folders', () => {
  const dirs = ['packages', 'packages/utils', 'packages/utils/lib', 'packages/group', 'packages/group/logging', 'packages/legacy', 'packages/legacy/old',
    'packages/.cache', 'packages/.cache/x', 'packages/node_modules', 'packages/node_modules/dep', 'apps', 'apps/web', 'apps/web/src', 'tools', 'tools/cli'];
  const packages = ['packages/utils', 'packages/group/logging', 'packages/legacy/old', 'packages/.cache/x', 'packages/node_modules/dep', 'apps/web', 'tools/cli'];
  const { folders } = tree(dirs, packages);

  it('matches `*` one folder deep and `**` at any depth, never into dot folders, node_modules or below a package', () => {
    assert.deepEqual(folders(['packages/*']), ['packages/utils']);
    assert.deepEqual(folders(['packages/**/*']), ['packages/group/logging', 'packages/legacy/old', 'packages/utils']);
    assert.deepEqual(folders(['packages/**']), ['packages/group/logging', 'packages/legacy/old', 'packages/utils']);
  });

  it('takes braces, literal folders, `./` and trailing slashes, and leaves out negated globs', () => {
    assert.deepEqual(folders(['{apps,tools}/*']), ['apps/web', 'tools/cli']);
    assert.deepEqual(folders(['./apps/web/', 'tools/cli']), ['apps/web', 'tools/cli']);
    assert.deepEqual(folders(['packages/**/*', '!packages/legacy/*']), ['packages/group/logging', 'packages/utils']);
  });

  it('ignores globs that leave the repository', () => {
    assert.deepEqual(folders(['../elsewhere/*', '/abs/*', '']), []);
  });
});
