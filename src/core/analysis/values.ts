import type ts from 'typescript';
import type { PhiCategoryId } from '../catalog/phiCategories';
import type { FlowStep, SourceReason } from '../findings/finding';

/** PHI carried by a value: concrete categories, and (while summarising a function) which of its parameters flow in. */
export interface Taint {
  readonly categories: ReadonlySet<PhiCategoryId>;
  readonly params: ReadonlySet<number>;
  readonly reasons: readonly SourceReason[];
  /** One representative path from the source to here. */
  readonly steps: readonly FlowStep[];
  /** A whole record (a patient object): reading its fields is judged field by field. */
  readonly record?: boolean;
  /** Returned by a function the engine cannot see into, given PHI: the value as a whole may carry it,
   * but a field read from it (`(await api.upload({ patientId })).url`) is judged by its name only. */
  readonly opaque?: boolean;
}

/** A reference into a library's API: `openai` → `default`, `new()`, `chat`, `completions`, `create`. */
export interface ApiRef {
  readonly module: string;
  readonly path: readonly string[];
  /** The type a generic call of a TYPED_DATA library was given (`useForm<IntakeForm>()`), kept by its members. */
  readonly typeArg?: string;
}

/** Part of an object or array literal, kept so findings can point at the innermost value that carries PHI. */
export interface LiteralPart {
  readonly key: string | undefined;
  readonly node: ts.Node;
  readonly value: Value;
}

/** What the interpreter knows about an expression's value. */
export interface Value {
  readonly taint: Taint | undefined;
  readonly api: ApiRef | undefined;
  readonly fn: FunctionRef | undefined;
  /** Known object shape (object literals, objects written field by field). */
  readonly fields: ReadonlyMap<string, Value> | undefined;
  readonly parts: readonly LiteralPart[] | undefined;
  /** Constant string value when known (URL hosts). */
  readonly str: string | undefined;
  /** Produced by a sanitizer: suppresses name-based sources of the variable it is stored in. */
  readonly sanitized: boolean | undefined;
  /** Words describing what the value is (its type name), for field classification (`p: Patient` → `patient`). */
  readonly context: readonly string[] | undefined;
  /** Name of a local PHI type (interface) describing this value's fields. */
  readonly typeName: string | undefined;
  /** An array's elements, field by field: what was written into it (`[{ code, files }]`, `docs.push(doc)`). Read
   * through `elementOf`, only while it accounts for all the PHI the array holds. */
  readonly element: Value | undefined;
}

/** Opaque handle to a function defined in the analysed file. */
export interface FunctionRef {
  readonly id: number;
}

/** The fields a value is made from: those not given are undefined. */
export type ValueFields = { readonly [K in keyof Value]?: Value[K] };

/**
 * Every value is made here, with all nine fields in one order, so that all values share one object shape. With a
 * shape per combination of fields (there were 34) every read of a value's field in the interpreter saw many shapes,
 * which V8 answers through a slow generic lookup and which sent optimised code back to the slow tiers again and again.
 */
export function makeValue(fields: ValueFields): Value {
  return {
    taint: fields.taint, api: fields.api, fn: fields.fn, fields: fields.fields, parts: fields.parts, str: fields.str,
    sanitized: fields.sanitized, context: fields.context, typeName: fields.typeName, element: fields.element,
  };
}

export const EMPTY: Value = makeValue({});

// Taints and flow steps are copied field by field, never spread: V8 turns a spread of an object whose shape varies
// into a slow runtime call (a spread of flow steps took half of the module summary's time). A value spread into
// makeValue is a plain copy: every value has the one shape.

/** `value` joined with what a type annotation or assertion says of it, and described by that type. */
export function describedBy(value: Value, typed: Value): Value {
  return makeValue({ ...joinValues(value, typed), context: typed.context, typeName: typed.typeName });
}

/** `v` with no PHI in it or its known fields (a few levels deep), its shape kept: a value the code says is not PHI. */
export function withoutTaint(v: Value, depth = 3): Value {
  if (!v.fields) return v.taint ? withTaint(v, undefined) : v;
  const fields = new Map<string, Value>();
  for (const [key, field] of v.fields) fields.set(key, depth > 0 ? withoutTaint(field, depth - 1) : EMPTY);
  return { taint: undefined, api: v.api, fn: v.fn, fields, parts: undefined, str: v.str, sanitized: v.sanitized, context: v.context, typeName: v.typeName, element: undefined };
}

/** `v` carrying `taint` instead of its own. */
export function withTaint(v: Value, taint: Taint | undefined): Value {
  return { taint, api: v.api, fn: v.fn, fields: v.fields, parts: v.parts, str: v.str, sanitized: v.sanitized, context: v.context, typeName: v.typeName, element: v.element };
}

/** A taint from its parts (the one place taints are made, so that they share one shape). */
export function makeTaint(
  categories: ReadonlySet<PhiCategoryId>, params: ReadonlySet<number>, reasons: readonly SourceReason[], steps: readonly FlowStep[],
  record: boolean | undefined, opaque: boolean | undefined,
): Taint {
  return { categories, params, reasons, steps, record, opaque };
}

const MAX_STEPS = 12;
const MAX_REASONS = 4;

export function isTainted(t: Taint | undefined): t is Taint {
  return !!t && (t.categories.size > 0 || t.params.size > 0);
}

export function hasConcrete(t: Taint | undefined): t is Taint {
  return !!t && t.categories.size > 0;
}

/** Shared by every taint without categories or parameters: taint sets are never changed once made. */
const NO_CATEGORIES: ReadonlySet<PhiCategoryId> = new Set();
const NO_PARAMS: ReadonlySet<number> = new Set();

export function sourceTaint(categories: Iterable<PhiCategoryId>, reason: SourceReason, step: FlowStep, record = false): Taint {
  return makeTaint(new Set(categories), NO_PARAMS, [reason], [step], record, undefined);
}

export function paramTaint(index: number, step: FlowStep): Taint {
  return makeTaint(NO_CATEGORIES, new Set([index]), [], [step], undefined, undefined);
}

/** Union of two taints; the path of the first concrete one is kept (it is the one findings show). */
export function joinTaint(a: Taint | undefined, b: Taint | undefined): Taint | undefined {
  if (!isTainted(a)) return isTainted(b) ? b : undefined;
  if (!isTainted(b) || a === b) return a;
  const primary = pathOwner(a, b);
  const categories = unionSet(a.categories, b.categories);
  const params = unionSet(a.params, b.params);
  if (categories === a.categories && params === a.params && primary === a) return a;
  const reasons = a.reasons.length >= MAX_REASONS ? a.reasons : dedupeReasons([...primary.reasons, ...(primary === a ? b.reasons : a.reasons)]);
  return makeTaint(categories, params, reasons, primary.steps, a.record && b.record, a.opaque && b.opaque);
}

export function opaque(t: Taint | undefined): Taint | undefined {
  return t && !t.opaque ? makeTaint(t.categories, t.params, t.reasons, t.steps, false, true) : t;
}

/**
 * Whose path a join keeps: PHI of its own over a parameter's flow, and PHI that is more than a record key over a
 * record key (a URL sink drops record keys: a path from `patientId` would not show where its date came from).
 */
function pathOwner(a: Taint, b: Taint): Taint {
  if (a.categories.size === 0) return b.categories.size === 0 ? a : b;
  return b.categories.size !== 0 && onlyRecordKey(a) && !onlyRecordKey(b) ? b : a;
}

function onlyRecordKey(t: Taint): boolean {
  return t.categories.size === 1 && t.categories.has('other-id');
}

function unionSet<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): ReadonlySet<T> {
  if (b.size === 0 || a === b) return a;
  if (a.size === 0) return b;
  let missing = false;
  for (const x of b) if (!a.has(x)) { missing = true; break; }
  if (!missing) return a;
  return new Set([...a, ...b]);
}

function dedupeReasons(reasons: SourceReason[]): SourceReason[] {
  const out: SourceReason[] = [];
  for (const r of reasons) {
    if (out.some((kept) => sameReason(kept, r))) continue;
    out.push(r);
    if (out.length >= MAX_REASONS) break;
  }
  return out;
}

/**
 * Whether two reasons say the same: equal `JSON.stringify` texts (the same keys in the same order, equal strings and
 * word lists), worked out without building them. Most joins meet the very same reason objects.
 */
function sameReason(a: SourceReason, b: SourceReason): boolean {
  if (a === b) return true;
  if (a.kind !== b.kind) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  for (let i = 0; i < keysA.length; i++) {
    const key = keysA[i]!;
    if (key !== keysB[i]) return false;
    const valueA: unknown = a[key as keyof SourceReason];
    const valueB: unknown = b[key as keyof SourceReason];
    if (valueA === valueB) continue;
    if (!Array.isArray(valueA) || !Array.isArray(valueB) || valueA.length !== valueB.length || valueA.some((word, j) => word !== valueB[j])) return false;
  }
  return true;
}

/** The same taint, one step further along its path. */
export function withStep(t: Taint | undefined, step: FlowStep): Taint | undefined {
  if (!isTainted(t)) return undefined;
  const last = t.steps[t.steps.length - 1];
  if (last && last.range.start === step.range.start && last.range.end === step.range.end) return t;
  const steps = t.steps.length >= MAX_STEPS ? [...t.steps.slice(0, 2), ...t.steps.slice(t.steps.length - MAX_STEPS + 3), step] : [...t.steps, step];
  return makeTaint(t.categories, t.params, t.reasons, steps, t.record, t.opaque);
}

export function notRecord(t: Taint | undefined): Taint | undefined {
  return t && t.record ? makeTaint(t.categories, t.params, t.reasons, t.steps, false, t.opaque) : t;
}

export function onlyConcrete(t: Taint | undefined): Taint | undefined {
  if (!hasConcrete(t)) return undefined;
  return t.params.size ? makeTaint(t.categories, NO_PARAMS, t.reasons, t.steps, t.record, t.opaque) : t;
}

export function joinValues(a: Value, b: Value): Value {
  if (a === b) return a;
  if (a === EMPTY) return b;
  if (b === EMPTY) return a;
  const taint = joinTaint(a.taint, b.taint);
  return {
    taint,
    api: a.api ?? b.api,
    fn: a.fn ?? b.fn,
    fields: a.fields && b.fields ? mergeFields(a.fields, b.fields) : a.fields ?? b.fields,
    parts: undefined,
    str: a.str === b.str ? a.str : undefined,
    sanitized: !!a.sanitized && !!b.sanitized,
    context: a.context ?? b.context,
    typeName: a.typeName ?? b.typeName,
    // A side with no known elements that carries PHI makes the join's element not account for it: see elementOf.
    element: a.element && b.element ? joinValues(a.element, b.element) : a.element ?? b.element,
  };
}

/** Whether reading `b` where `a` was tells the analysis nothing new: the same value, or two values that carry nothing but the same constant. */
export function carriesSame(a: Value, b: Value): boolean {
  return a === b || (carriesNothing(a) && carriesNothing(b) && a.str === b.str);
}

function carriesNothing(v: Value): boolean {
  return !v.taint && !v.api && !v.fn && !v.fields && !v.parts && !v.sanitized && !v.context && !v.typeName && !v.element;
}

function mergeFields(a: ReadonlyMap<string, Value>, b: ReadonlyMap<string, Value>): ReadonlyMap<string, Value> {
  // Most joins are of an object and the same object with a field more or less (`if (x) out.f = x`): the join is the
  // larger one as it stands, in the order a full merge would give.
  if (a === b || holdsSame(a, b)) return a;
  if (beginsWithSame(b, a)) return b;
  const out = new Map(a);
  for (const [k, v] of b) out.set(k, out.has(k) ? joinValues(out.get(k)!, v) : v);
  return out;
}

/** Every field of `part` is in `whole`, with the very same value. */
function holdsSame(whole: ReadonlyMap<string, Value>, part: ReadonlyMap<string, Value>): boolean {
  if (part.size > whole.size) return false;
  for (const [key, value] of part) if (whole.get(key) !== value) return false;
  return true;
}

/** `whole`'s first fields are exactly `start`'s, in the same order, with the very same values. */
function beginsWithSame(whole: ReadonlyMap<string, Value>, start: ReadonlyMap<string, Value>): boolean {
  if (start.size > whole.size) return false;
  const entries = whole.entries();
  for (const [key, value] of start) {
    const [wholeKey, wholeValue] = entries.next().value as [string, Value];
    if (wholeKey !== key || wholeValue !== value) return false;
  }
  return true;
}

/** Taint of a value including everything its known fields carry. */
export function deepTaint(v: Value | undefined, depth = 0): Taint | undefined {
  if (!v) return undefined;
  let t = v.taint;
  if (v.fields && depth < 4) for (const f of v.fields.values()) t = joinTaint(t, deepTaint(f, depth + 1));
  return t;
}

/** Data and nothing else, at every depth: no PHI (nor a parameter's), no client, no function. */
export function isInertData(v: Value, depth = 0): boolean {
  if (depth > 8 || isTainted(v.taint) || v.api || v.fn) return false;
  if (v.fields) for (const f of v.fields.values()) if (!isInertData(f, depth + 1)) return false;
  return !v.element || isInertData(v.element, depth + 1);
}

/**
 * What an element of `array` holds, field by field, when the array's known elements account for all its PHI (every
 * category and parameter): PHI added some other way (`list[i] = x`, a helper that fills it) makes it unknown, and the
 * caller takes the whole array's PHI for each element, as without elements.
 */
export function elementOf(array: Value): Value | undefined {
  const element = array.element;
  if (!element) return undefined;
  const whole = array.taint;
  const known = deepTaint(element);
  // An array whose PHI was taken away (a declared non-PHI value) has none in its elements either.
  if (!whole) return isTainted(known) ? undefined : element;
  if (!known) return undefined;
  for (const category of whole.categories) if (!known.categories.has(category)) return undefined;
  for (const param of whole.params) if (!known.params.has(param)) return undefined;
  if (whole.record && !known.record) return undefined;
  return element;
}
