import { CALLBACK_WRAPPERS } from '../catalog/callbackWrappers';
import { TYPED_DATA } from '../catalog/typedData';
import { SANITIZERS } from '../catalog/sanitizers';
import type { CallbackWrapperEntry, SanitizerEntry, SinkEntry, TypedDataEntry } from '../catalog/sinkTypes';
import { SINKS } from '../catalog/sinks';
import type { ApiRef } from './values';
import { compileApiPattern, matchesApiPattern, moduleMatches } from './apiPattern';
import type { CompiledApiPattern } from './apiPattern';
import { detached } from '../text/detached';

interface CompiledSink {
  readonly entry: SinkEntry;
  readonly patterns: readonly CompiledApiPattern[];
  /** The patterns of the globals (`<global>` refs): SinkEntry.globals, or all of `patterns`. */
  readonly globalPatterns: readonly CompiledApiPattern[];
}

function compileSinks(entries: readonly SinkEntry[]): CompiledSink[] {
  return entries.map((entry) => {
    const patterns = entry.paths.map(compileApiPattern);
    return { entry, patterns, globalPatterns: entry.globals?.map(compileApiPattern) ?? patterns };
  });
}

const COMPILED_SINKS = compileSinks(SINKS);
/** Entries known by module and access path (sanitizers and callback wrappers may be known by name instead). */
interface CompiledByPath<E> {
  readonly entry: E & { readonly modules: readonly string[] };
  readonly patterns: readonly CompiledApiPattern[];
}

function compileByPath<E extends { readonly modules?: readonly string[]; readonly paths?: readonly string[] }>(entries: readonly E[]): CompiledByPath<E>[] {
  return entries.flatMap((entry) => (entry.modules && entry.paths ? [{ entry: entry as E & { modules: readonly string[] }, patterns: entry.paths.map(compileApiPattern) }] : []));
}

const COMPILED_SANITIZERS = compileByPath(SANITIZERS);
const COMPILED_WRAPPERS = compileByPath(CALLBACK_WRAPPERS);
const WRAPPERS_BY_NAME: ReadonlyMap<string, CallbackWrapperEntry> = new Map(CALLBACK_WRAPPERS.flatMap((entry) => (entry.names ?? []).map((name) => [name, entry] as const)));

/** Modules that appear in the catalogs: imports of other modules are not tracked as API references. */
const KNOWN_MODULE_PATTERNS: readonly string[] = [...new Set([...SINKS.flatMap((s) => s.modules), ...SANITIZERS.flatMap((s) => s.modules ?? []), ...CALLBACK_WRAPPERS.flatMap((w) => w.modules ?? [])])];
const moduleCache = new Map<string, boolean>();

export function isCatalogModule(module: string): boolean {
  let known = moduleCache.get(module);
  if (known === undefined) {
    known = moduleMatches(KNOWN_MODULE_PATTERNS, module);
    moduleCache.set(detached(module), known);
  }
  return known;
}

const sinkPatternsByModule = new Map<string, readonly CompiledApiPattern[]>();

/** Every access path of a sink of `module` (`<global>`: the globals), of any kind: what an API of it must start as to reach one. */
export function sinkPatternsOf(module: string): readonly CompiledApiPattern[] {
  let patterns = sinkPatternsByModule.get(module);
  if (!patterns) {
    patterns = COMPILED_SINKS.flatMap(({ entry, patterns: all, globalPatterns }) => (moduleMatches(entry.modules, module) ? (module === '<global>' ? globalPatterns : all) : []));
    if (sinkPatternsByModule.size > 20_000) sinkPatternsByModule.clear();
    sinkPatternsByModule.set(detached(module), patterns);
  }
  return patterns;
}

export type SinkKind = 'call' | 'new' | 'assign' | 'return';

const sinkCache = new Map<string, SinkEntry[]>();

/** The catalog entries whose path matches this callee (or assigned property); memoised, API paths repeat. */
export function findSinks(ref: ApiRef, kind: SinkKind): SinkEntry[] {
  const key = `${kind}|${ref.module}|${ref.path.join('.')}`;
  let found = sinkCache.get(key);
  if (!found) {
    found = matchSinks(ref, kind);
    if (sinkCache.size > 20_000) sinkCache.clear();
    sinkCache.set(key, found);
  }
  return found;
}

function matchSinks(ref: ApiRef, kind: SinkKind): SinkEntry[] {
  const found: SinkEntry[] = [];
  const paths = pathVariants(ref);
  for (const { entry, patterns, globalPatterns } of COMPILED_SINKS) {
    if ((entry.kind ?? 'call') !== kind) continue;
    if (!moduleMatches(entry.modules, ref.module)) continue;
    const matching = ref.module === '<global>' ? globalPatterns : patterns;
    if (matching.some((p) => paths.some((path) => matchesApiPattern(p, path)))) found.push(entry);
  }
  return found;
}

/** `require('axios').post` and `import * as axios` reach the default export's members without `default`:
 * CommonJS modules are their default export. */
function pathVariants(ref: ApiRef): (readonly string[])[] {
  if (ref.module === '<global>' || ref.path[0] === 'default') return [ref.path];
  return [ref.path, ['default', ...ref.path]];
}

export interface CallCatalog {
  readonly sanitizer: SanitizerEntry | undefined;
  readonly sinks: readonly SinkEntry[];
  readonly wrapper: CallbackWrapperEntry | undefined;
  /** Sinks of what a callback given to the call returns (kind `return`). */
  readonly returnSinks: readonly SinkEntry[];
}

const callCache = new Map<string, CallCatalog>();
/** By the reference itself: the interpreter's references are interned (apiRefs.ts), so most lookups end here. */
const callCacheByRef = new WeakMap<ApiRef, CallCatalog>();

/** What the catalogs say of a call to this API, in one lookup (every API call asks both): memoised. */
export function catalogForCall(ref: ApiRef): CallCatalog {
  let found = callCacheByRef.get(ref);
  if (found) return found;
  const key = `${ref.module}|${ref.path.join('.')}`;
  found = callCache.get(key);
  if (!found) {
    found = { sanitizer: firstMatch(COMPILED_SANITIZERS, ref), sinks: matchSinks(ref, 'call'), wrapper: firstMatch(COMPILED_WRAPPERS, ref), returnSinks: matchSinks(ref, 'return') };
    if (callCache.size > 20_000) callCache.clear();
    callCache.set(key, found);
  }
  callCacheByRef.set(ref, found);
  return found;
}

const chainableCache = new Map<string, boolean>();

/** Whether `method` on an object of this module returns the same builder (`query.where(…).limit(…)`); memoised. */
export function isChainable(ref: ApiRef, method: string): boolean {
  const key = `${ref.module}|${method}`;
  let chainable = chainableCache.get(key);
  if (chainable === undefined) {
    chainable = COMPILED_SINKS.some(({ entry }) => entry.chainable?.includes(method) && moduleMatches(entry.modules, ref.module));
    if (chainableCache.size > 20_000) chainableCache.clear();
    chainableCache.set(key, chainable);
  }
  return chainable;
}

/** The first entry whose module and access path this callee matches (catalogForCall memoises it). */
function firstMatch<E>(compiled: readonly CompiledByPath<E>[], ref: ApiRef): E | undefined {
  const paths = pathVariants(ref);
  return compiled.find(({ entry, patterns }) => moduleMatches(entry.modules, ref.module) && patterns.some((p) => paths.some((path) => matchesApiPattern(p, path))))?.entry;
}

const COMPILED_TYPED_DATA = compileByPath(TYPED_DATA);

/** The typed-data entry of a generic function (`useForm` of react-hook-form), if the catalog has one. */
export function typedDataOf(ref: ApiRef): TypedDataEntry | undefined {
  return firstMatch(COMPILED_TYPED_DATA, ref);
}

/** A wrapper known by the callee's name alone (`useCallback`, `debounce`), for callees that are not a package's API. */
export function wrapperNamed(name: string | undefined): CallbackWrapperEntry | undefined {
  return name === undefined ? undefined : WRAPPERS_BY_NAME.get(name);
}

/** Which argument a call by this callee name wraps, for naming the callback after the variable that holds the result
 * (`const chartFlow = ai.defineFlow(config, async (input) => …)`): any wrapper entry's names or last path segments. */
const WRAPPED_ARGUMENT_BY_CALLEE: ReadonlyMap<string, number> = new Map([
  ...[...WRAPPERS_BY_NAME].map(([name, entry]) => [name, entry.callbackArg] as const),
  ...COMPILED_WRAPPERS.flatMap(({ entry, patterns }) => patterns.flatMap((pattern) => {
    const last = pattern[pattern.length - 1];
    return last?.kind === 'choice' ? last.options.map((option) => [option[option.length - 1]!, entry.callbackArg] as const) : [];
  })),
]);

export function wrappedArgumentOf(calleeName: string): number | undefined {
  return WRAPPED_ARGUMENT_BY_CALLEE.get(calleeName);
}
