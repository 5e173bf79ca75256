import * as assert from 'assert';
import { readGitCommit } from '../../../src/core/inventory/gitCommit';

const SHA = '0123456789abcdef0123456789abcdef01234567';
const OTHER = 'fedcba9876543210fedcba9876543210fedcba98';
const reader = (files: Record<string, string>) => async (path: string) => files[path];

describe('readGitCommit (from .git files, without running git)', () => {
  it('reads a detached HEAD', async () => {
    assert.strictEqual(await readGitCommit(reader({ '.git/HEAD': `${SHA}\n` })), SHA);
  });

  it('follows a branch ref, loose or packed', async () => {
    assert.strictEqual(await readGitCommit(reader({ '.git/HEAD': 'ref: refs/heads/main\n', '.git/refs/heads/main': `${SHA}\n` })), SHA);
    const packed = `# pack-refs with: peeled fully-peeled sorted\n${OTHER} refs/heads/dev\n${SHA} refs/heads/main\n`;
    assert.strictEqual(await readGitCommit(reader({ '.git/HEAD': 'ref: refs/heads/main', '.git/packed-refs': packed })), SHA);
  });

  it('follows a worktree .git file to its git dir and the common dir', async () => {
    const files = { '.git': 'gitdir: ../repo/.git/worktrees/wt\n', '../repo/.git/worktrees/wt/HEAD': 'ref: refs/heads/feature', '../repo/.git/worktrees/wt/commondir': '../..\n', '../repo/.git/worktrees/wt/../../refs/heads/feature': OTHER };
    assert.strictEqual(await readGitCommit(reader(files)), OTHER);
  });

  it('returns undefined without a repository, for a missing ref, and for a ref that climbs out', async () => {
    assert.strictEqual(await readGitCommit(reader({})), undefined);
    assert.strictEqual(await readGitCommit(reader({ '.git/HEAD': 'ref: refs/heads/gone' })), undefined);
    assert.strictEqual(await readGitCommit(reader({ '.git/HEAD': 'ref: refs/../../etc/passwd', '.git/refs/../../etc/passwd': SHA })), undefined);
    assert.strictEqual(await readGitCommit(reader({ '.git/HEAD': 'garbage' })), undefined);
  });
});
