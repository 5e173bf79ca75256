import * as path from 'node:path';
import ts from '../typescriptCompiler';
import { isJsonObject } from '../text/jsonObject';
import { workspaceFolders } from './workspaceFolders';

/** What module resolution needs from a file system (the editor passes one that sees unsaved buffers). */
export interface ProjectHost {
  readFile(file: string): string | undefined;
  fileExists(file: string): boolean;
  /** A cheap change stamp (mtime and size, or an editor buffer's version); undefined when the file is gone. */
  version?(file: string): string | undefined;
  /**
   * A folder's entries, so that module resolution answers its many probes of one folder with one read (a probe was a
   * system call each: about 12,000 per pass over ottehr, 2,200 folders). Optional; undefined when the folder cannot be
   * listed: each probe then asks fileExists.
   */
  listFolder?(dir: string): FolderListing | undefined;
}

/** The names in a folder, as module resolution needs them. */
export interface FolderListing {
  /** Regular files. */
  readonly files: ReadonlySet<string>;
  /** Every name, lowercased: any other name that matches (a symbolic link, a name in another case on a
   * case-insensitive disk) is asked with fileExists; a name that matches none is not there. */
  readonly lowerCaseNames: ReadonlySet<string>;
}

/** A folder that does not exist. */
export const MISSING_FOLDER: FolderListing = { files: new Set(), lowerCaseNames: new Set() };

const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

interface PathsConfig {
  readonly baseUrl: string;
  readonly paths: Readonly<Record<string, readonly string[]>>;
}

interface WorkspacePackage {
  readonly dir: string;
  /** As read from package.json: any JSON, whatever the key usually holds. */
  readonly manifest: { readonly main?: unknown; readonly module?: unknown; readonly types?: unknown; readonly source?: unknown; readonly exports?: unknown };
}

/**
 * Resolves import specifiers to source files the way TypeScript and bundlers do for a project's own code: relative
 * paths with or without extensions (`./x.js` naming `x.ts`), index files, `tsconfig` `baseUrl`/`paths`, and workspace
 * packages (npm/yarn/pnpm `workspaces`, `pnpm-workspace.yaml`) through `exports`/`source`/`main`, mapped back to
 * sources. Packages in node_modules are not followed: the sink catalog describes them.
 */
export class ModuleResolver {
  private readonly tsconfigByDir = new Map<string, PathsConfig | null>();
  /** Each tsconfig read once (at each depth of an `extends` chain): the base that many packages' tsconfigs extend too. */
  private readonly tsconfigByFile = new Map<string, PathsConfig | null>();
  private workspaces: Map<string, WorkspacePackage> | undefined;
  /** Folder + specifier → file (null: unresolved). A project imports the same modules from many files, and each
   * resolution probes the file system up to 16 times. */
  private readonly resolved = new Map<string, string | null>();

  constructor(private readonly host: ProjectHost, private readonly root: string) {}

  /** A bare specifier (`react`, `@/lib/x`) resolves the same from every folder under one tsconfig: keyed by it. */
  private readonly resolvedBare = new Map<PathsConfig | undefined, Map<string, string | null>>();
  private readonly exists = new Map<string, boolean>();
  private readonly folders = new Map<string, FolderListing | undefined>();

  /**
   * Files may have been created, deleted or changed: resolve afresh, with the tsconfig/jsconfig files and workspace
   * manifests as they are now (a long-lived host, the editor or an ESLint server, sees an edited `paths` or a new
   * workspace package without a restart).
   */
  invalidate(): void {
    this.tsconfigByDir.clear();
    this.tsconfigByFile.clear();
    this.workspaces = undefined;
    this.resolved.clear();
    this.resolvedBare.clear();
    this.exists.clear();
    this.folders.clear();
  }

  resolve(fromFile: string, specifier: string): string | undefined {
    const dir = path.dirname(fromFile);
    const relative = specifier.startsWith('.') || path.isAbsolute(specifier);
    const config = relative ? undefined : this.tsconfigFor(dir);
    let table = relative ? this.resolved : this.resolvedBare.get(config);
    if (!table) this.resolvedBare.set(config, (table = new Map()));
    const key = relative ? `${dir}\0${specifier}` : specifier;
    const cached = table.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const target = relative ? this.resolvePath(path.resolve(dir, specifier)) : (config && this.resolvePaths(config, specifier)) ?? this.resolveWorkspacePackage(specifier);
    table.set(key, target ?? null);
    return target;
  }

  /** Whether `file` is a file, remembered until the next invalidate (schema lookups ask too). */
  fileExists(file: string): boolean {
    let exists = this.exists.get(file);
    if (exists === undefined) this.exists.set(file, (exists = this.probe(file)));
    return exists;
  }

  /**
   * Most folders probed do not exist (`x/prisma/` for a schema, `x/index.ts` after `x.ts`): the parent's listing says
   * so without a read that fails (a failed read throws, which costs more than the read). The parent is read for it if
   * need be; it is nearly always probed too.
   */
  private listFolder(dir: string): FolderListing | undefined {
    const parentDir = path.dirname(dir);
    if (parentDir !== dir) {
      const parent = this.remembered(parentDir, (folder) => this.host.listFolder?.(folder));
      const name = path.basename(dir);
      if (parent && (parent.files.has(name) || !parent.lowerCaseNames.has(name.toLowerCase()))) return MISSING_FOLDER;
    }
    return this.host.listFolder?.(dir);
  }

  /** The folder's listing settles most probes; a link, a name found only in another case or an unlistable folder is asked directly. */
  private probe(file: string): boolean {
    const listing = this.remembered(path.dirname(file), (folder) => this.listFolder(folder));
    if (!listing) return this.host.fileExists(file);
    const name = path.basename(file);
    if (listing.files.has(name)) return true;
    return listing.lowerCaseNames.has(name.toLowerCase()) ? this.host.fileExists(file) : false;
  }

  /** `dir`'s listing as first read (undefined, an unlistable folder, is remembered too), until the next invalidate. */
  private remembered(dir: string, read: (dir: string) => FolderListing | undefined): FolderListing | undefined {
    const known = this.folders.get(dir);
    if (known !== undefined || this.folders.has(dir)) return known;
    const listing = read(dir);
    this.folders.set(dir, listing);
    return listing;
  }

  private resolvePath(candidate: string): string | undefined {
    const ext = path.extname(candidate);
    if (SOURCE_EXTENSIONS.includes(ext) && this.fileExists(candidate) && !candidate.endsWith('.d.ts')) {
      // `./x.js` in TypeScript sources names `./x.ts`.
      if (ext === '.js' || ext === '.jsx' || ext === '.mjs' || ext === '.cjs') {
        for (const tsExt of ['.ts', '.tsx', '.mts', '.cts']) {
          const source = candidate.slice(0, -ext.length) + tsExt;
          if (this.fileExists(source)) return source;
        }
      }
      return candidate;
    }
    if (ext === '.js' || ext === '.mjs' || ext === '.cjs' || ext === '.jsx') {
      const base = candidate.slice(0, -ext.length);
      for (const tsExt of ['.ts', '.tsx', '.mts', '.cts']) if (this.fileExists(base + tsExt)) return base + tsExt;
    }
    for (const e of SOURCE_EXTENSIONS) if (this.fileExists(candidate + e)) return candidate + e;
    for (const e of SOURCE_EXTENSIONS) if (this.fileExists(path.join(candidate, `index${e}`))) return path.join(candidate, `index${e}`);
    return undefined;
  }

  private resolvePaths(config: PathsConfig, specifier: string): string | undefined {
    for (const [pattern, targets] of Object.entries(config.paths)) {
      const star = pattern.indexOf('*');
      let captured: string | undefined;
      if (star < 0) captured = pattern === specifier ? '' : undefined;
      else if (specifier.startsWith(pattern.slice(0, star)) && specifier.endsWith(pattern.slice(star + 1))) captured = specifier.slice(star, specifier.length - (pattern.length - star - 1));
      if (captured === undefined) continue;
      for (const target of targets) {
        const resolved = this.resolvePath(path.resolve(config.baseUrl, target.replace('*', captured)));
        if (resolved) return resolved;
      }
    }
    if (Object.keys(config.paths).length === 0 || config.baseUrl) {
      const viaBase = this.resolvePath(path.resolve(config.baseUrl, specifier));
      if (viaBase && !viaBase.includes(`${path.sep}node_modules${path.sep}`)) return viaBase;
    }
    return undefined;
  }

  /** The nearest tsconfig.json (or jsconfig.json) with `paths` or `baseUrl`, following `extends` to local files. */
  private tsconfigFor(dir: string): PathsConfig | undefined {
    const cached = this.tsconfigByDir.get(dir);
    if (cached !== undefined) return cached ?? undefined;
    let result: PathsConfig | undefined;
    for (const name of ['tsconfig.json', 'jsconfig.json']) {
      const file = path.join(dir, name);
      if (this.fileExists(file)) {
        result = this.readTsconfig(file, 0);
        break;
      }
    }
    const parent = path.dirname(dir);
    if (!result && parent !== dir && dir.startsWith(this.root)) result = this.tsconfigFor(parent);
    this.tsconfigByDir.set(dir, result ?? null);
    return result;
  }

  private readTsconfig(file: string, depth: number): PathsConfig | undefined {
    // By depth too: how much of a long `extends` chain is followed depends on it.
    const key = `${depth}:${file}`;
    const known = this.tsconfigByFile.get(key);
    if (known !== undefined) return known ?? undefined;
    const config = this.readTsconfigUncached(file, depth);
    this.tsconfigByFile.set(key, config ?? null);
    return config;
  }

  private readTsconfigUncached(file: string, depth: number): PathsConfig | undefined {
    const text = this.host.readFile(file);
    if (text === undefined || depth > 5) return undefined;
    // Any JSON may stand where a tsconfig has a string or a list: only well-formed values are used, the rest ignored.
    const parsed: unknown = ts.parseConfigFileTextToJson(file, text).config;
    if (!isJsonObject(parsed)) return undefined;
    let inherited: PathsConfig | undefined;
    for (const ext of [parsed.extends ?? []].flat()) {
      if (typeof ext !== 'string' || !ext.startsWith('.')) continue;
      const target = path.resolve(path.dirname(file), ext.endsWith('.json') ? ext : `${ext}.json`);
      inherited = this.readTsconfig(target, depth + 1) ?? inherited;
    }
    const options = isJsonObject(parsed.compilerOptions) ? parsed.compilerOptions : {};
    const ownPaths = isJsonObject(options.paths) ? pathMappings(options.paths) : undefined;
    const baseUrl = typeof options.baseUrl === 'string' ? path.resolve(path.dirname(file), options.baseUrl) : inherited?.baseUrl ?? (ownPaths ? path.dirname(file) : '');
    const paths = ownPaths ?? inherited?.paths ?? {};
    if (!baseUrl && Object.keys(paths).length === 0) return undefined;
    return { baseUrl: baseUrl || path.dirname(file), paths };
  }

  private resolveWorkspacePackage(specifier: string): string | undefined {
    const packages = this.workspacePackages();
    const parts = specifier.split('/');
    const nameLength = specifier.startsWith('@') ? 2 : 1;
    const name = parts.slice(0, nameLength).join('/');
    const pkg = packages.get(name);
    if (!pkg) return undefined;
    const subpath = parts.slice(nameLength).join('/');
    const entries: string[] = [];
    const exported = exportTarget(pkg.manifest.exports, subpath ? `./${subpath}` : '.');
    if (exported) entries.push(exported);
    // Manifests hold other things under these keys too (openmrs packages say `"source": true`).
    if (!subpath) entries.push(...[pkg.manifest.source, pkg.manifest.types, pkg.manifest.module, pkg.manifest.main].filter((x): x is string => typeof x === 'string' && x !== ''), 'src/index', 'index');
    else entries.push(subpath, `src/${subpath}`);
    for (const entry of entries) {
      const direct = this.resolvePath(path.resolve(pkg.dir, entry.replace(/\.d\.ts$/, '')));
      if (direct) return direct;
      // Built output (`dist/index.js`) mapped back to its source (`src/index.ts`).
      const source = entry.replace(/^\.?\/?(dist|lib|build|out)\//, 'src/').replace(/\.d\.ts$|\.(m|c)?js$/, '');
      const fromSource = this.resolvePath(path.resolve(pkg.dir, source));
      if (fromSource) return fromSource;
    }
    return undefined;
  }

  private workspacePackages(): Map<string, WorkspacePackage> {
    if (this.workspaces) return this.workspaces;
    this.workspaces = new Map();
    const rootManifest = this.readJson(path.join(this.root, 'package.json'));
    const workspaces = isJsonObject(rootManifest) ? rootManifest.workspaces : undefined;
    const declared = Array.isArray(workspaces) ? workspaces : isJsonObject(workspaces) ? workspaces.packages : undefined;
    let globs = Array.isArray(declared) ? declared.filter((glob): glob is string => typeof glob === 'string') : [];
    const pnpm = this.host.readFile(path.join(this.root, 'pnpm-workspace.yaml'));
    if (pnpm) globs = [...globs, ...[...pnpm.matchAll(/^\s*-\s*['"]?([^'"\n#]+)['"]?/gm)].map((m) => m[1]!.trim())];
    for (const dir of workspaceFolders(this.root, globs, (dir) => this.listDirs(dir), (dir) => this.host.fileExists(path.join(dir, 'package.json')))) {
      const manifest = this.readJson(path.join(dir, 'package.json')) as (WorkspacePackage['manifest'] & { name?: unknown }) | undefined;
      if (typeof manifest?.name === 'string' && manifest.name) this.workspaces.set(manifest.name, { dir, manifest });
    }
    return this.workspaces;
  }

  private listDirs(dir: string): string[] {
    const listing = (this.host as ProjectHost & { listDirectories?(dir: string): string[] }).listDirectories?.(dir);
    return listing ?? [];
  }

  private readJson(file: string): unknown {
    const text = this.host.readFile(file);
    if (text === undefined) return undefined;
    try {
      return JSON.parse(text);
    } catch {
      return undefined;
    }
  }
}

/** tsconfig `paths`, keeping the patterns whose targets are a list of strings. */
function pathMappings(paths: Record<string, unknown>): Record<string, readonly string[]> {
  const out: Record<string, readonly string[]> = {};
  for (const [pattern, targets] of Object.entries(paths)) {
    if (Array.isArray(targets)) out[pattern] = targets.filter((target): target is string => typeof target === 'string');
  }
  return out;
}

/** `exports` of a package.json for a subpath, preferring source-like conditions. */
function exportTarget(exports: unknown, subpath: string): string | undefined {
  if (typeof exports === 'string') return subpath === '.' ? exports : undefined;
  if (!exports || typeof exports !== 'object') return undefined;
  const record = exports as Record<string, unknown>;
  const entry = Object.keys(record).some((k) => k.startsWith('.')) ? record[subpath] : subpath === '.' ? record : undefined;
  return conditionTarget(entry);
}

function conditionTarget(entry: unknown): string | undefined {
  if (typeof entry === 'string') return entry;
  if (!entry || typeof entry !== 'object') return undefined;
  const record = entry as Record<string, unknown>;
  for (const condition of ['source', 'development', 'types', 'import', 'module', 'require', 'node', 'default']) {
    const target = conditionTarget(record[condition]);
    if (target) return target;
  }
  return undefined;
}
