/**
 * The checked-out commit, read from `.git` files without running git (never execute anything in a workspace).
 * Handles a detached HEAD, a branch ref (loose or in packed-refs) and a worktree/submodule `.git` file.
 * `read(relativePath)` reads a file relative to the workspace folder and returns `undefined` if it is missing.
 */
export async function readGitCommit(read: (relativePath: string) => Promise<string | undefined>): Promise<string | undefined> {
  let gitDir = '.git';
  const dotGit = await read('.git');
  // A `.git` *file* (worktree, submodule) points at the real git directory; `read` of a directory fails.
  const pointer = dotGit?.match(/^gitdir:\s*(.+?)\s*$/m)?.[1];
  if (pointer) gitDir = pointer.replace(/\\/g, '/').replace(/\/$/, '');
  const head = (await read(`${gitDir}/HEAD`))?.trim();
  if (!head) return undefined;
  if (isSha(head)) return head;
  const ref = head.match(/^ref:\s*(refs\/[^\s]+)$/)?.[1];
  if (!ref || ref.split('/').includes('..')) return undefined;
  const loose = (await read(`${gitDir}/${ref}`))?.trim();
  if (loose && isSha(loose)) return loose;
  // A worktree keeps shared refs in the common dir.
  const common = (await read(`${gitDir}/commondir`))?.trim();
  const dirs = common ? [gitDir, `${gitDir}/${common.replace(/\\/g, '/')}`] : [gitDir];
  for (const dir of dirs) {
    if (dir !== gitDir) {
      const shared = (await read(`${dir}/${ref}`))?.trim();
      if (shared && isSha(shared)) return shared;
    }
    const packed = await read(`${dir}/packed-refs`);
    const line = packed?.split(/\r?\n/).find((candidate) => candidate.endsWith(` ${ref}`));
    const sha = line?.split(' ')[0];
    if (sha && isSha(sha)) return sha;
  }
  return undefined;
}

function isSha(text: string): boolean {
  return /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(text);
}
