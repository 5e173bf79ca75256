/** A module a cached result used, with the content hash it had when the result was made. */
export interface Dependency {
  readonly path: string;
  readonly hash: string;
}

/**
 * Every (module path, content hash) pair the workspace scan's cache refers to, each stored once: thousands of files
 * import the same helpers, and an id is far smaller than an absolute path plus a SHA-256. A path can have several
 * pairs (an entry made before the module changed keeps the old hash, so it is not taken for current).
 */
export class DependencyTable {
  private readonly pairs: Dependency[] = [];
  private readonly idsByPair = new Map<string, number>();
  private readonly idsByPath = new Map<string, number[]>();

  /** The pair's id, adding it if new. */
  idOf(path: string, hash: string): number {
    const key = `${hash}\u0000${path}`;
    const known = this.idsByPair.get(key);
    if (known !== undefined) return known;
    const id = this.pairs.push({ path, hash }) - 1;
    this.idsByPair.set(key, id);
    const ofPath = this.idsByPath.get(path);
    if (ofPath) ofPath.push(id);
    else this.idsByPath.set(path, [id]);
    return id;
  }

  get(id: number): Dependency {
    const pair = this.pairs[id];
    if (!pair) throw new RangeError(`no dependency with id ${id}`);
    return pair;
  }

  /** The ids of every recorded hash of `path`. */
  idsOfPath(path: string): readonly number[] {
    return this.idsByPath.get(path) ?? [];
  }
}
