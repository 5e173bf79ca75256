import ignore, { type Ignore } from 'ignore';

/**
 * The `.gitignore` files of one workspace folder: each applies to paths below its own folder, as git does.
 * Paths are relative to the workspace folder, with `/` separators.
 */
export class GitignoreRules {
  private readonly rules: { readonly dir: string; readonly matcher: Ignore }[] = [];

  /** `dir`: the folder holding the `.gitignore` ('' for the workspace folder itself). */
  add(dir: string, text: string): void {
    this.rules.push({ dir: dir.replace(/\/+$/, ''), matcher: ignore().add(text) });
  }

  ignores(relativePath: string): boolean {
    for (const { dir, matcher } of this.rules) {
      if (dir && !relativePath.startsWith(`${dir}/`)) continue;
      const inside = dir ? relativePath.slice(dir.length + 1) : relativePath;
      if (inside && matcher.ignores(inside)) return true;
    }
    return false;
  }
}
