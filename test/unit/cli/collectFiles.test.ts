import * as assert from 'assert';
import * as path from 'path';
import { collectFiles, PathNotFoundError } from '../../../src/cli/collectFiles';
import { DEFAULT_CONFIG, type PhiGuardConfig } from '../../../src/core';
import { MIXED_PROJECT, MIXED_PROJECT_SCANNED, materialize, removeTree } from './fixtures/fixtureTrees';

describe('cli collectFiles', () => {
  let root: string;
  beforeEach(() => {
    root = materialize(MIXED_PROJECT);
  });
  afterEach(() => removeTree(root));

  const relative = (files: readonly string[]) => files.map((file) => path.relative(root, file).split(path.sep).join('/'));
  const collect = (paths: string[], config: PhiGuardConfig = DEFAULT_CONFIG) => collectFiles({ paths, cwd: root, config, root });

  it('collects every JS/TS extension and skips node_modules, .git, the root .gitignore and the default excludes', () => {
    const { files, notices } = collect(['.']);
    assert.deepStrictEqual(relative(files), MIXED_PROJECT_SCANNED);
    assert.deepStrictEqual(notices, []);
  });

  it('keeps a dangling symlink with a source extension so that the scan can report it as unreadable', () => {
    assert.ok(relative(collect(['src']).files).includes('src/dangling.ts'));
  });

  it('applies the config include and exclude globs relative to the root', () => {
    const config: PhiGuardConfig = { ...DEFAULT_CONFIG, include: ['src/**/*.ts'], exclude: [...DEFAULT_CONFIG.exclude, '**/broken-*.ts', 'src/.storybook/**'] };
    assert.deepStrictEqual(relative(collect(['.'], config).files), ['src/app.ts', 'src/dangling.ts', 'src/keep.local.ts']);
  });

  it('reports a file named on the command line that the filters exclude, instead of scanning it', () => {
    const { files, notices } = collect(['src/settings.local.ts', 'src/readme.md', 'src/types.d.ts', 'src/app.ts']);
    assert.deepStrictEqual(relative(files), ['src/app.ts']);
    assert.deepStrictEqual(
      notices.map((n) => [n.file, n.kind, n.message]),
      [
        ['src/settings.local.ts', 'ignored', 'not scanned: ignored by .gitignore'],
        ['src/readme.md', 'ignored', 'not scanned: not a JavaScript/TypeScript file (.js, .jsx, .ts, .tsx, .mjs, .cjs, .mts, .cts)'],
        ['src/types.d.ts', 'ignored', 'not scanned: matched by "exclude" pattern **/*.d.ts in the PHI Guard config'],
      ],
    );
  });

  it('collects each file once when paths overlap', () => {
    assert.deepStrictEqual(relative(collect(['src', 'src/app.ts', '.']).files), MIXED_PROJECT_SCANNED);
  });

  it('throws PathNotFoundError naming a path that does not exist', () => {
    assert.throws(() => collect(['src', 'no/such/folder']), (error: unknown) => error instanceof PathNotFoundError && error.message.startsWith('no/such/folder: no such file or folder'));
  });

  it('walks a folder whose name looks like a source file instead of reading it', () => {
    assert.deepStrictEqual(collect(['src/looks-like-a-file.ts']).files, []);
  });
});
