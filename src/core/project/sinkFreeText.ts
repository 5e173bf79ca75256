import { AMBIENT_CLIENTS } from '../catalog/ambientClients';
import type { CompiledApiPattern } from '../analysis/apiPattern';
import type { ApiRef } from '../analysis/values';
import { GLOBAL_ALIASES } from '../analysis/apiRefs';
import { normalizeModule } from '../analysis/apiPattern';
import { isCatalogModule, sinkPatternsOf } from '../analysis/catalogIndex';
import { IDENTIFIER, isIdentifierPart, wordAt, wordEndingAt } from '../text/identifierUses';
import { onlyJsxTagMentions } from '../text/jsxTagMentions';
import { skipLineSpace, skipLineSpaceBackwards, skipSpace, skipSpaceBackwards } from '../text/whitespace';
import type { ExportedClass, ExportedFunction, ExportedSymbol, ModuleSummary } from './moduleSummary';

/**
 * Whether a file's text shows that nothing in it can reach a sink, so that its analysis would find nothing: no global
 * a sink starts from (`console`, `fetch`, `localStorage`, `window`, … as the catalog has them), no ambient client
 * namespace, no `require`, no suppression comment, no import of a sink's API from its package, and no import of a
 * project module's export that reaches a sink or holds a client (its summary, looked up as the analysis would). Such a
 * file needs neither a parse nor an analysis for its own findings (its module summary, if another file imports it, is
 * made then). The guess errs in one direction only: every doubt (a word in a comment, an `import` this reading does
 * not understand) counts as a way to a sink.
 *
 * `lookUp(specifier, names)`: the summary an import of these exported names (every export, for a namespace import)
 * gives, or undefined for a package or a file outside the project. In a JSX file, an import whose names are only
 * rendered as tags (`<Card …>`) is not looked up, as the analysis does not (see Interpreter.bindImport): a component
 * imported only to be rendered is not analysed for it.
 */
export function textReachesNoSink(fileName: string, text: string, lookUp: (specifier: string, names: readonly string[] | undefined) => ModuleSummary | undefined): boolean {
  if (GLOBAL_SINK_ROOTS === undefined || text.includes('phi-guard-allow')) return false;
  const imports = staticImports(text);
  if (!imports) return false;
  const importedLocals = new Set(imports.flatMap((i) => i.locals));
  let importAfter = 0; // the first import that does not end before the mention (both come in the text's order)
  for (const mention of text.matchAll(GLOBAL_SINK_ROOT_MENTION!)) {
    const name = mention[0];
    while (importAfter < imports.length && imports[importAfter]!.end <= mention.index) importAfter++;
    // Inside an import read above: a name it binds or a word of its module's path (`'./medical-history-tab'`).
    if (importAfter < imports.length && imports[importAfter]!.start <= mention.index) continue;
    // An imported name is bound in the whole module: no mention of it is the global.
    if (!importedLocals.has(name) && mentionsGlobalAt(text, mention.index, name, GLOBAL_SINK_ROOTS.get(name)!)) return false;
  }
  const jsx = /\.[jt]sx$/i.test(fileName);
  for (const { specifier, names, locals, dynamic, start, end } of imports) {
    const module = normalizeModule(specifier);
    // The analysis binds a catalog package's exports as its API (`import()`: the module itself), never a summary.
    if (isCatalogModule(module)) {
      const patterns = sinkPatternsOf(module);
      if (dynamic ? patterns.length > 0 : names.some((name) => apiReachesSink({ module, path: name === '*' ? [] : [name] }))) return false;
      continue;
    }
    if (dynamic || !names.length) continue; // `import('./x')`, `import './polyfill'`: nothing of the module is followed
    if (jsx && locals.every((local) => onlyJsxTagMentions(text, local, start, end))) continue;
    const summary = lookUp(specifier, names.includes('*') ? undefined : names);
    if (!summary) continue;
    if (summary.pending) return false;
    const symbols = names.includes('*') ? Object.values(summary.exports) : names.map((name) => (Object.hasOwn(summary.exports, name) ? summary.exports[name] : undefined));
    if (symbols.some((symbol) => symbol && symbolReachesSink(symbol, summary))) return false;
  }
  return true;
}

const RESERVED_WORDS: ReadonlySet<string> = new Set(['default', 'new', 'delete', 'import', 'export', 'function', 'class', 'return']);

/**
 * The names the catalog's global sinks start from, each with the property names a sink's path goes on with
 * (`location` → `href`, `assign`, …; none for `open`, a sink only when called itself; null: any, as for `window`).
 * Undefined if a global sink's path may start with any name (`**`): then no text is sink-free.
 */
const GLOBAL_SINK_ROOTS: ReadonlyMap<string, ReadonlySet<string> | null> | undefined = (() => {
  const roots = new Map<string, Set<string> | null>();
  const add = (name: string, continuation: string | null | undefined): void => {
    if (RESERVED_WORDS.has(name)) return; // `default`: never a free identifier
    const known = roots.get(name);
    if (known === null) return;
    if (continuation === null) roots.set(name, null);
    else {
      const set = known ?? new Set<string>();
      if (continuation !== undefined) set.add(continuation);
      roots.set(name, set);
    }
  };
  for (const pattern of sinkPatternsOf('<global>')) {
    const [first, second] = pattern;
    if (first?.kind !== 'choice') return undefined;
    for (const option of first.options) {
      if (option.length > 1) add(option[0]!, option[1]);
      else if (!second) add(option[0]!, undefined);
      else if (second.kind !== 'choice') add(option[0]!, null);
      else for (const next of second.options) add(option[0]!, next[0]);
    }
  }
  // A global alias reaches every global (`window.localStorage`); an ambient namespace's types are clients
  // (`PouchDB.Database`); `require` loads any module, a sink's package too.
  for (const name of [...GLOBAL_ALIASES, 'require', ...AMBIENT_CLIENTS.map((a) => a.namespace)]) add(name, null);
  return roots;
})();

/** Any mention of a root (one pass over the text for all of them; a match inside a longer name is skipped below). */
const GLOBAL_SINK_ROOT_MENTION = GLOBAL_SINK_ROOTS && new RegExp(`(?<![\\w$])(?:${[...GLOBAL_SINK_ROOTS.keys()].join('|')})(?![\\w$])`, 'g');

/**
 * Whether the mention of the global `name` at `at` may be the global as a value: any mention but a property name
 * (`.open`, `{ open: … }`, `open?: boolean`), a word in quotes or in prose, or a read of a property no sink's path goes
 * on with (`location.pathname`, `window.scrollY`).
 */
function mentionsGlobalAt(text: string, at: number, name: string, continuations: ReadonlySet<string> | null): boolean {
  const end = at + name.length;
  if (isIdentifierPart(text.charCodeAt(at - 1)) || isIdentifierPart(text.charCodeAt(end))) return false; // `ëopen`: a longer name
  const before = previousCharacter(text, at);
  if (before === '"' || before === "'" || before === '`') return false;
  if (before === '.' && previousCharacter(text, text.lastIndexOf('.', at - 1)) !== '.') return false; // `x.open`, `x?.open`, not `...open`
  if (amidProse(text, at, end)) return false;
  const afterAt = skipSpace(text, end);
  const after = text[afterAt] ?? '';
  const isKey = after === ':' || (after === '?' && text[skipSpace(text, afterAt + 1)] === ':');
  if (isKey && (before === '{' || before === ',' || before === '(' || before === ';' || before === '')) return false;
  return mayGoOnToSink(text, end, name, continuations);
}

/**
 * Whether what follows the global `name` (ending at `end`) may reach a sink: anything but a read of a property no
 * sink's path goes on with (`location.pathname`). Through a global alias, the global it reads decides, as the analysis
 * drops the alias: `window.scrollY` is none a sink starts from, `window.location.origin` none of location's sinks.
 */
function mayGoOnToSink(text: string, end: number, name: string, continuations: ReadonlySet<string> | null): boolean {
  const dot = skipSpace(text, end);
  if (text[dot] !== '.') return true;
  const propertyAt = skipSpace(text, dot + 1);
  const property = wordAt(text, propertyAt);
  if (!property) return true;
  if (continuations !== null) return continuations.has(property);
  if (!GLOBAL_ALIASES.has(name)) return true; // `require.resolve`, an ambient namespace's member: any of them
  const next = GLOBAL_SINK_ROOTS!.get(property);
  return next !== undefined && mayGoOnToSink(text, propertyAt + property.length, property, next);
}

/**
 * The words that may stand next to a name on its line in code: keywords (`return history`, `typeof open`,
 * `history in x`), contextual ones (`readonly location`, `async open =>`) and the other reserved words.
 */
const CODE_WORDS: ReadonlySet<string> = new Set([
  'abstract', 'accessor', 'as', 'asserts', 'async', 'await', 'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'declare',
  'default', 'delete', 'do', 'else', 'enum', 'export', 'extends', 'false', 'finally', 'for', 'from', 'function', 'get', 'global', 'if',
  'implements', 'import', 'in', 'infer', 'instanceof', 'interface', 'is', 'keyof', 'let', 'module', 'namespace', 'new', 'null', 'of', 'out',
  'override', 'package', 'private', 'protected', 'public', 'readonly', 'return', 'satisfies', 'set', 'static', 'super', 'switch', 'this',
  'throw', 'true', 'try', 'type', 'typeof', 'unique', 'using', 'var', 'void', 'while', 'with', 'yield',
]);

/**
 * Whether the name at `at`..`end` stands in prose: another word on its line right before or after it that no code
 * puts there (`No history recorded`, `medication history`), or a quote right after it (`'…claim-history'`). Two names
 * side by side, or a name and a string, are not code but in a comment, a string or JSX text; else the first is a JSX
 * attribute's or a decorated class member's name (`<Dialog open={…}>`, `@observable location`), no use of a global.
 */
function amidProse(text: string, at: number, end: number): boolean {
  const before = skipLineSpaceBackwards(text, at - 1);
  const wordBefore = before < at - 1 ? wordEndingAt(text, before) : '';
  if (wordBefore && !CODE_WORDS.has(wordBefore)) return true;
  const after = skipLineSpace(text, end);
  const next = text.charCodeAt(after);
  if (next === 0x27 || next === 0x22) return true; // `history'`, `history "`: a name is never followed by a string
  const wordAfter = after > end ? wordAt(text, after) : '';
  return !!wordAfter && !CODE_WORDS.has(wordAfter);
}

function previousCharacter(text: string, at: number): string {
  return text[skipSpaceBackwards(text, at - 1)] ?? '';
}

interface StaticImport {
  readonly specifier: string;
  /** Exported names the import binds (`default`; `*` for a namespace); none for `import './x'` and `import('x')`. */
  readonly names: readonly string[];
  readonly locals: readonly string[];
  /** `import('x')`: the module itself as a value. */
  readonly dynamic?: true;
  /** Where the import is in the text. */
  readonly start: number;
  readonly end: number;
}

const IMPORT_DECLARATION = new RegExp(
  `import\\s+(?:type\\s+)?(?:(${IDENTIFIER})\\s*(?:,\\s*)?)?(?:\\*\\s*as\\s+(${IDENTIFIER})|\\{([^{}]*)\\})?\\s*from\\s*(['"])([^'"\\r\\n]+)\\4`,
  'y',
);
/** `import './polyfill'`, and `import('x')` with a string: the analysis follows neither into a project module. */
const MODULE_ONLY_IMPORT = /import\s*(\(\s*)?(['"])([^'"\r\n]+)\2/y;
const IMPORT_WORD = /\bimport\b/g;
const NAMED_IMPORT = new RegExp(`^(?:type\\s+)?(${IDENTIFIER})(?:\\s+as\\s+(${IDENTIFIER}))?$`);

/**
 * The file's static imports (and `import()`s of a string), read from the text; undefined when any other `import` in it
 * (`import x = require(…)`, a comment inside the braces, the word in a comment or a string) is not understood.
 */
function staticImports(text: string): StaticImport[] | undefined {
  const imports: StaticImport[] = [];
  for (const word of text.matchAll(IMPORT_WORD)) {
    const at = word.index;
    // `import.meta`, `x.import`, `eslint-plugin-import`: no module is loaded there.
    const before = text[at - 1];
    if (before === '.' || before === '-' || before === '/' || before === '@' || text[at + 6] === '-') continue;
    if (text.startsWith('.meta', skipSpace(text, at + 6))) continue;
    IMPORT_DECLARATION.lastIndex = at;
    const declaration = IMPORT_DECLARATION.exec(text);
    if (declaration) {
      const [, defaultName, namespace, named, , specifier] = declaration;
      // `import type from './x'` reads as a type-only import of nothing: not understood.
      if (!defaultName && !namespace && named === undefined) return undefined;
      const names: string[] = [];
      const locals: string[] = [];
      if (defaultName) {
        names.push('default');
        locals.push(defaultName);
      }
      if (namespace) {
        names.push('*');
        locals.push(namespace);
      }
      for (const element of named?.split(',') ?? []) {
        const trimmed = element.trim();
        if (!trimmed) continue;
        const parts = NAMED_IMPORT.exec(trimmed);
        if (!parts) return undefined;
        names.push(parts[1]!);
        locals.push(parts[2] ?? parts[1]!);
      }
      imports.push({ specifier: specifier!, names, locals, start: at, end: IMPORT_DECLARATION.lastIndex });
      continue;
    }
    MODULE_ONLY_IMPORT.lastIndex = at;
    const moduleOnly = MODULE_ONLY_IMPORT.exec(text);
    if (!moduleOnly) return undefined;
    imports.push({ specifier: moduleOnly[3]!, names: [], locals: [], start: at, end: MODULE_ONLY_IMPORT.lastIndex, ...(moduleOnly[1] !== undefined && { dynamic: true as const }) });
  }
  return imports;
}

/**
 * Whether a value of this API can reach a sink: some sink's path starts with its path (for a package's, or with
 * `default` and its path: a CommonJS module is its default export). Every sink is a call, a construction, a write or a
 * callback of a path that goes on from the value's; a global alias (`window`) reaches every global.
 */
function apiReachesSink(api: ApiRef): boolean {
  if (api.module === '<global>' && (api.path.length === 0 || GLOBAL_ALIASES.has(api.path[0]!))) return true;
  const viaDefault = api.module !== '<global>' && api.path[0] !== 'default' ? ['default', ...api.path] : undefined;
  return sinkPatternsOf(api.module).some((pattern) => startsWith(pattern, 0, api.path, 0) || (!!viaDefault && startsWith(pattern, 0, viaDefault, 0)));
}

/** Whether some path `pattern` matches starts with `prefix` (as matchesApiPattern, with the path's end open). */
function startsWith(pattern: CompiledApiPattern, pi: number, prefix: readonly string[], si: number): boolean {
  if (si === prefix.length) return true;
  if (pi === pattern.length) return false;
  const element = pattern[pi]!;
  switch (element.kind) {
    case 'any':
      return !prefix[si]!.endsWith('()') && startsWith(pattern, pi + 1, prefix, si + 1);
    case 'anyMany':
      return true;
    case 'choice':
      return element.options.some((option) => {
        for (let j = 0; j < option.length; j++) {
          if (si + j === prefix.length) return true;
          if (option[j] !== prefix[si + j]) return false;
        }
        return startsWith(pattern, pi + 1, prefix, si + option.length);
      });
  }
}

/**
 * Whether an imported symbol can make a finding in the importer: a function with a sink, or returning a client or such
 * a function; a client value; a class with such a method or a client field. A call on a parameter that only a client
 * makes a sink (`receiverCalls`, a constructor keeping its argument) needs a client from the importer, which a
 * sink-free text has none of.
 */
function symbolReachesSink(symbol: ExportedSymbol, module: ModuleSummary, seen = new Set<ExportedSymbol>()): boolean {
  if (seen.has(symbol)) return false;
  seen.add(symbol);
  switch (symbol.kind) {
    case 'function':
      return functionReachesSink(symbol, module, seen);
    case 'value':
      return (!!symbol.api && apiReachesSink(symbol.api)) || Object.values(symbol.members ?? {}).some((member) => symbolReachesSink(member, module, seen));
    case 'class':
      return classReachesSink(symbol, module, seen);
    case 'type':
      return false;
  }
}

function functionReachesSink(fn: ExportedFunction, module: ModuleSummary, seen: Set<ExportedSymbol>): boolean {
  if (fn.sinks.length) return true;
  const { returns } = fn;
  if (returns.api && apiReachesSink(returns.api)) return true;
  if (returns.fn && symbolReachesSink(returns.fn, module, seen)) return true;
  if (Object.values(returns.fieldFns ?? {}).some((field) => symbolReachesSink(field, module, seen))) return true;
  if (returns.instanceClass && symbolReachesSink(returns.instanceClass, module, seen)) return true;
  const instanceOf = returns.instanceOf !== undefined && Object.hasOwn(module.exports, returns.instanceOf) ? module.exports[returns.instanceOf] : undefined;
  return !!instanceOf && symbolReachesSink(instanceOf, module, seen);
}

function classReachesSink(cls: ExportedClass, module: ModuleSummary, seen: Set<ExportedSymbol>): boolean {
  if (Object.values(cls.fields).some((field) => field.api && apiReachesSink(field.api))) return true;
  return Object.values(cls.methods).some((method) => symbolReachesSink(method, module, seen));
}
