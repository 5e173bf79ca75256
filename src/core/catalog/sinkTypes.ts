import type { SinkCategory } from '../findings/finding';

/**
 * Where a sink reads the data it leaks: an argument, optionally only some (dotted) properties of
 * an object argument (`{ index: 0, properties: ['Body'] }` for S3's PutObjectCommand input).
 */
export interface ArgSpec {
  readonly index: number;
  readonly properties?: readonly string[];
}

/**
 * One sink API, as data. `paths` are access paths from the module's exports to the callee, written
 * with `.` between segments: `new OpenAI().chat.completions.create`, `{default,pino}().info`,
 * `console.log`. `{a,b}` is a choice, `*` any one segment, `**` any number of segments,
 * `$argN` the N-th parameter of a callback passed to the API (Express handlers' `res`).
 */
export interface SinkEntry {
  readonly id: string;
  readonly category: SinkCategory;
  readonly vendor: string;
  /** The npm package users know it by; `<global>` for browser/Node globals. */
  readonly package: string;
  readonly api: string;
  /** Module specifiers that provide it (`@langchain/*` matches any LangChain package); `<global>` for globals. */
  readonly modules: readonly string[];
  readonly paths: readonly string[];
  /** With `<global>` among `modules`: the paths of the globals, where not all of `paths` are (`console.log` is a global,
   * `log` only an export of the `console` module). */
  readonly globals?: readonly string[];
  /** `call` (default), `new` for constructors, `assign` for property writes (`document.cookie = …`), `return` for what a
   * callback given to the call returns (a tool's `execute`: its result goes back to the model). */
  readonly kind?: 'call' | 'new' | 'assign' | 'return';
  /** For `return`: the argument holding the callback (`last`: the last one, for APIs of several arities), or the
   * (dotted) property of that argument which does (`{ index: 0, property: 'execute' }`; `*` is every field:
   * `tools.*.execute`). */
  readonly callback?: { readonly index: number | 'last'; readonly property?: string };
  /** Data-bearing arguments; default: all of them. */
  readonly args?: readonly ArgSpec[];
  /** Not a sink when the first argument object has one of these (dotted) properties (S3 `ServerSideEncryption`). */
  readonly unlessArgHas?: readonly string[];
  /** For HTTP clients: where the URL is, so a request to an AI host is an `ai` sink for `bodyArgs`. */
  readonly urlArg?: ArgSpec;
  readonly bodyArgs?: readonly ArgSpec[];
  /** Only PHI in the query string or fragment counts (router navigation: path segments of the app's own routes
   * hold record ids, and the query is what analytics and referrers copy). */
  readonly queryOnly?: boolean;
  /** Methods that return the same kind of object (`logger.child()`), so calls on the result are sinks too. */
  readonly chainable?: readonly string[];
  /** Code that must (match) and must not (noMatch) produce a finding of this entry; checked by a test. */
  readonly examples: { readonly match: readonly string[]; readonly noMatch: readonly string[] };
}

/** A function whose result no longer carries PHI. */
export interface SanitizerEntry {
  readonly id: string;
  readonly description: string;
  /** Modules and access paths, as for sinks; or `names`: callee names split into words, any of which sanitizes. */
  readonly modules?: readonly string[];
  readonly paths?: readonly string[];
  readonly examples: { readonly match: readonly string[]; readonly noMatch: readonly string[] };
}

/**
 * A call that returns the function it is given, or a wrapper that calls it with the same arguments
 * (`useCallback(fn, deps)`, `debounce(fn)`, Genkit's `ai.defineFlow(config, fn)`): calling the result is calling that
 * function, so what a caller passes reaches the sinks inside it.
 */
export interface CallbackWrapperEntry {
  readonly id: string;
  readonly description: string;
  /** Modules and access paths, as for sinks; or `names`: callee names, whatever module (if any) they come from. */
  readonly modules?: readonly string[];
  readonly paths?: readonly string[];
  readonly names?: readonly string[];
  /** The argument that holds the wrapped function. */
  readonly callbackArg: number;
  /** Where the call names a zod schema for the function's first parameter (`{ inputSchema }` of Genkit's flow config):
   * the argument and its property. The parameter then carries the schema's PHI fields, as a typed one does. */
  readonly inputSchema?: { readonly arg: number; readonly property: string };
  /** Code in which PHI passed to the result must (match) and must not (noMatch) be reported; checked by a test. */
  readonly examples: { readonly match: readonly string[]; readonly noMatch: readonly string[] };
}

/**
 * A generic call of a library whose type argument says what data it hands out (`useForm<IntakeForm>()`), and where its
 * result hands it out: a member read (`value`: `useQuery<T>().data`), a member called (`returns`: `getValues()`), or a
 * member that calls the function it is given with it (`callback`: `handleSubmit((data) => …)`, its first parameter).
 */
export interface TypedDataEntry {
  readonly id: string;
  readonly description: string;
  readonly modules: readonly string[];
  /** The generic function, as an access path of the module (as for sinks). */
  readonly paths: readonly string[];
  readonly members: Readonly<Record<string, 'value' | 'returns' | 'callback'>>;
  /** The call's result is the data itself (`useOutletContext<T>()` returns a `T`), not an object handing it out. */
  readonly result?: true;
  /** Properties of the call's first argument that are callbacks it calls with the data (`useFormik<T>({ onSubmit })`). */
  readonly optionCallbacks?: readonly string[];
  /** Code in which the data typed by a PHI type must (match) and by another type must not (noMatch) be reported. */
  readonly examples: { readonly match: readonly string[]; readonly noMatch: readonly string[] };
}
