import { fileInputKey, type FileInput } from '../analysisWorker/protocol';

/**
 * A file a cached result depends on, as the analysis saw it: its content hash, its imports (those that named no
 * project module, and the module each other one named) and the schema.prisma its analysis read (see FileInput).
 */
export type Dependency = FileInput;

/**
 * Every dependency the workspace scan's cache refers to, each stored once: thousands of files import the same
 * helpers, and an id is far smaller than an absolute path plus a SHA-256. A path can have several (an entry made
 * before the module changed, or before one of its imports resolved, keeps what it saw, so it is not taken for
 * current).
 */
export class DependencyTable {
  private readonly dependencies: Dependency[] = [];
  private readonly idsByKey = new Map<string, number>();
  private readonly idsByPath = new Map<string, number[]>();
  /** Ids by object: the scan's responses share one object per input (see ScanInputTable), met once per dependent. */
  private readonly idsByObject = new WeakMap<Dependency, number>();

  /** The dependency's id, adding it if new. */
  idOf(dependency: Dependency): number {
    const seen = this.idsByObject.get(dependency);
    if (seen !== undefined) return seen;
    const { path, hash, unresolved, schema, resolved = [] } = dependency;
    const key = fileInputKey(dependency);
    const known = this.idsByKey.get(key);
    if (known !== undefined) {
      this.idsByObject.set(dependency, known);
      return known;
    }
    const id = this.dependencies.push({ path, hash, unresolved: [...unresolved], schema, ...(resolved.length ? { resolved: resolved.map(([specifier, target]) => [specifier, target] as const) } : {}) }) - 1;
    this.idsByKey.set(key, id);
    this.idsByObject.set(dependency, id);
    const ofPath = this.idsByPath.get(path);
    if (ofPath) ofPath.push(id);
    else this.idsByPath.set(path, [id]);
    return id;
  }

  get(id: number): Dependency {
    const dependency = this.dependencies[id];
    if (!dependency) throw new RangeError(`no dependency with id ${id}`);
    return dependency;
  }

  /** The ids of every recorded version of `path`. */
  idsOfPath(path: string): readonly number[] {
    return this.idsByPath.get(path) ?? [];
  }
}
