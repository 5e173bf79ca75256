import type { PhiCategoryId } from '../core/catalog/phiCategories';
import { splitWords } from '../core/names/splitWords';
import { generalizeAge } from './age';
import { isNinetyOrOlder, isValidDay, monthNumber, parseDate } from './dates';
import type { DateParts } from './dates';
import type { FieldKind } from './fieldKind';
import { classifyField, isClinical, kindOf } from './fieldKind';
import { deidentifyFhirResource, isFhirResource } from './fhir';
import { scrubTextResolved } from './freeText';
import type { ResolvedOptions } from './options';
import { AGE_90_OR_OLDER, placeholder } from './placeholder';
import { generalizeZip } from './zip3';

/** Returned by a field transform to say "drop this field" (mode `remove`). */
export const REMOVE: unique symbol = /* @__PURE__ */ Symbol('remove');
export type Transformed = unknown | typeof REMOVE;

/** Where the walk is: the words of the enclosing fields and the category they impose. */
export interface Frame {
  readonly context: readonly string[];
  readonly inherited: PhiCategoryId | undefined;
  /** The name of the field being transformed (also for the items of an array it holds). */
  readonly field?: string;
}

/**
 * The deep, non-mutating walk behind deidentify, pseudonymize and mask. Every container is copied; primitives
 * are transformed by the field's kind (from the analyzer's catalog) or, in unclassified string fields, scrubbed
 * as free text.
 */
export class Walker {
  private readonly copies = new WeakMap<object, unknown>();

  constructor(readonly options: ResolvedOptions) {}

  root(value: unknown): unknown {
    const frame: Frame = { context: this.options.context, inherited: undefined };
    const { category, fieldName } = this.options;
    let kind: FieldKind | undefined;
    if (category) {
      kind = kindOf(category, fieldName ?? category);
    } else if (fieldName) {
      const words = fieldName.split('.');
      const last = words.pop()!;
      kind = classifyField(last, [...frame.context, ...words.flatMap(splitWords)], undefined, this.options.fields);
    }
    const result = kind ? this.field(kind, value, frame) : this.value(value, frame);
    return result === REMOVE ? undefined : result;
  }

  scrub(text: string): string {
    return scrubTextResolved(text, this.options).text;
  }

  /** Replacement for a removed identifier in a structured field. */
  removed(category: PhiCategoryId, original: unknown): Transformed {
    return this.options.mode === 'remove' ? REMOVE : this.options.replace(category, String(original));
  }

  /** A value in a field that did not classify. */
  value(input: unknown, frame: Frame): unknown {
    const value = jsonForm(input);
    if (typeof value === 'string') return this.scrub(value);
    if (value === null || typeof value !== 'object') return value;
    if (value instanceof Date) return this.dateValue(value, false);
    const existing = this.copies.get(value);
    if (existing !== undefined) return existing;
    if (Array.isArray(value)) return this.array(value, (item) => this.value(item, frame));
    if (isFhirResource(value)) return this.remember(value, deidentifyFhirResource(value, this));
    return this.object(value, frame);
  }

  /** A value in a field of a known kind. */
  field(kind: FieldKind, input: unknown, frame: Frame): Transformed {
    if (input === null || input === undefined || typeof input === 'boolean') return input;
    if (kind.kind === 'keep') return structuredCopy(input);
    const value = jsonForm(input);
    if (isBinary(value)) {
      // Bytes in a photo, biometric or other identifier field are the identifier; only clinical content stays.
      if (kind.kind === 'clinical' && this.options.clinical === 'keep') return this.object(value, frame);
      // A placeholder, never a token: bytes have no text form to tokenise, and equal lengths must not link records.
      return this.options.mode === 'remove' ? REMOVE : placeholder('category' in kind ? kind.category : 'other-id');
    }
    if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
      // Dropping a whole name, phone list or medication list in remove mode; an address object is walked instead
      // so that its state and three-digit ZIP survive.
      if (this.options.mode === 'remove' && this.dropsWhole(kind)) return REMOVE;
      const existing = this.copies.get(value);
      if (existing !== undefined) return existing;
      if (Array.isArray(value)) return this.array(value, (item) => this.field(kind, item, frame));
      // A FHIR resource knows its own identifier-bearing elements better than the field that holds it.
      if (isFhirResource(value)) return this.remember(value, deidentifyFhirResource(value, this));
      if ((kind.kind === 'age' || kind.kind === 'date' || kind.kind === 'birth-date') && isPlainObject(value)) {
        return this.dateObject(kind.kind, value, frame);
      }
      const category = 'category' in kind ? kind.category : kind.kind === 'zip' || kind.kind === 'state' ? 'geographic' : 'date';
      return this.object(value, { context: frame.context, inherited: category, field: frame.field });
    }
    switch (kind.kind) {
      case 'identifier':
        return this.removed(kind.category, value);
      case 'zip': {
        const zip = typeof value === 'string' || typeof value === 'number' ? generalizeZip(value, this.options.restrictedZip3) : undefined;
        return zip ?? this.removed('geographic', value);
      }
      case 'state':
        return typeof value === 'string' ? value : this.removed('geographic', value);
      case 'age':
        return typeof value === 'number' || typeof value === 'string' ? generalizeAge(value) : this.removed('date', value);
      case 'birth-date':
      case 'date':
        return this.dateValue(value, kind.kind === 'birth-date', frame.field);
      case 'clinical':
        if (this.options.clinical === 'remove') return this.removed(kind.category, value);
        if (value instanceof Date) return this.dateValue(value, false);
        return typeof value === 'string' ? this.scrub(value) : value;
    }
  }

  private dropsWhole(kind: FieldKind): boolean {
    if (kind.kind === 'identifier') return kind.category !== 'geographic' && kind.category !== 'date';
    return kind.kind === 'clinical' && this.options.clinical === 'remove';
  }

  /**
   * An object that stands for a date or an age. Date parts (`dob: { year, month, day }`) keep the year, or `90+`
   * for a birth date of someone 90 or older, and lose every finer part. An age (`{ value: 95, unit: 'years' }`)
   * keeps its shape with the 90+ rule applied to the number. Anything else inside is a date element: a member
   * that is not a date is removed, and inside a birth date every date stays a birth date.
   */
  private dateObject(kind: 'age' | 'date' | 'birth-date', value: Record<string, unknown>, frame: Frame): unknown {
    const out = this.remember(value, {} as Record<string, unknown>);
    const parts = kind === 'age' ? undefined : datePartsOf(value);
    for (const [key, item] of Object.entries(value)) {
      const result = this.datePart(kind, key, item, parts, frame);
      if (result !== REMOVE) setOwn(out, key, result);
    }
    return out;
  }

  private datePart(kind: 'age' | 'date' | 'birth-date', key: string, item: unknown, parts: DateParts | undefined, frame: Frame): Transformed {
    const words = splitWords(key);
    const child: Frame = { context: [...frame.context, ...words].slice(-8), inherited: 'date', field: key };
    if (kind === 'age') {
      if (words.some((w) => AGE_AMOUNT_WORDS.has(w)) && (typeof item === 'number' || typeof item === 'string')) return generalizeAge(item);
      // The unit and its code system (`unit: 'years'`, UCUM) say nothing about the person.
      if (words.some((w) => UNIT_WORDS.has(w)) && typeof item === 'string') return item;
    } else if (parts) {
      if (words.length === 1 && YEAR_WORDS.has(words[0]!)) return kind === 'birth-date' && isNinetyOrOlder(parts, this.options.now) ? AGE_90_OR_OLDER : item;
      if (words.length === 1 && (MONTH_WORDS.has(words[0]!) || DAY_WORDS.has(words[0]!))) return this.removed('date', item);
    }
    const own = classifyField(key, child.context, 'date', this.options.fields);
    if (!own) return this.value(item, child);
    // A birth date's `value` or `date` is the birth date itself, not some other date of the person.
    return this.field(kind === 'birth-date' && own.kind === 'date' ? { kind: 'birth-date' } : own, item, child);
  }

  /** Year only; a birth date of someone 90 or older becomes `90+`; an unreadable date is removed. `field` names
   * the field, so that a number is read as epoch time only where the name says it is one. */
  dateValue(value: unknown, isBirth: boolean, field?: string): Transformed {
    // Already generalised (a second pass over de-identified data changes nothing).
    if (value === AGE_90_OR_OLDER) return value;
    let parts: DateParts | undefined;
    let asNumber = false;
    if (typeof value === 'string') {
      parts = parseDate(value, this.options.now);
    } else if (value instanceof Date) {
      parts = Number.isNaN(value.getTime()) ? undefined : { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate() };
    } else if (typeof value === 'number' && Number.isFinite(value)) {
      asNumber = true;
      // A four-digit number is a year already; only a plausible timestamp is read as epoch time. Anything else
      // (a month, a day, an age, a count) is unreadable, hence removed: read as milliseconds it would become 1970.
      const epoch = epochMilliseconds(value, field);
      if (Number.isInteger(value) && value >= 1000 && value <= 9999) parts = { year: value };
      else if (epoch !== undefined) {
        const date = new Date(epoch);
        const year = date.getUTCFullYear();
        parts = year >= 1000 && year <= 9999 ? { year, month: date.getUTCMonth() + 1, day: date.getUTCDate() } : undefined;
      }
    }
    if (!parts) return this.removed('date', value);
    if (isBirth && isNinetyOrOlder(parts, this.options.now)) return AGE_90_OR_OLDER;
    return asNumber ? parts.year : String(parts.year);
  }

  array(items: readonly unknown[], each: (item: unknown) => Transformed): unknown[] {
    const out: unknown[] = [];
    this.copies.set(items, out);
    for (const item of items) {
      const result = each(item);
      if (result !== REMOVE) out.push(result);
    }
    return out;
  }

  remember<T>(original: object, copy: T): T {
    this.copies.set(original, copy);
    return copy;
  }

  /** Copies an object field by field; Maps keep their type, other class instances become plain objects. */
  object(value: object, frame: Frame): unknown {
    if (value instanceof Map) {
      const out = this.remember(value, new Map<unknown, unknown>());
      const renamed = this.renamedKeys([...value.keys()].filter((key): key is string => typeof key === 'string'), frame);
      for (const [key, item] of value) {
        const newKey = typeof key === 'string' ? renamed.get(key) : undefined;
        const result = newKey !== undefined ? this.underRenamedKey(item, frame) : typeof key === 'string' ? this.member(key, item, frame) : this.value(item, frame);
        if (result !== REMOVE) out.set(newKey ?? key, result);
      }
      return out;
    }
    if (value instanceof Set) {
      const out = this.remember(value, new Set<unknown>());
      for (const item of value) {
        const result = frame.inherited ? this.field(kindOf(frame.inherited, ''), item, frame) : this.value(item, frame);
        if (result !== REMOVE) out.add(result);
      }
      return out;
    }
    if (value instanceof ArrayBuffer) return this.remember(value, value.slice(0));
    if (ArrayBuffer.isView(value)) return this.remember(value, copyView(value));
    const out = this.remember(value, {} as Record<string, unknown>);
    const entries = Object.entries(value);
    const renamed = this.renamedKeys(entries.map(([key]) => key), frame);
    for (const [key, item] of entries) {
      const newKey = renamed.get(key);
      const result = newKey === undefined ? this.member(key, item, frame) : this.underRenamedKey(item, frame);
      if (result !== REMOVE) setOwn(out, newKey ?? key, result);
    }
    return out;
  }

  /**
   * New names for the keys of one object or Map that are themselves identifiers: data keyed by e-mail, SSN, phone,
   * record number or date (`{ byEmail: { 'maria@example.com': … } }`), and keys that look like a person's name in a
   * container named for names (`patientsByName`). A key is scrubbed like free text (a date key keeps its year); in
   * remove mode too, since dropping the key would drop its data. When two keys end up alike, each gets `#1`, `#2` …
   * (`[REDACTED:email#2]`), so no entry overwrites another. Code-like keys (`visitCount`, `first_name`) stay; a key
   * replaced by an earlier pass maps to itself.
   */
  private renamedKeys(keys: readonly string[], frame: Frame): Map<string, string> {
    const renamed = new Map<string, string>();
    const keysAreNames = frame.field !== undefined && splitWords(frame.field).some((w) => w === 'name' || w === 'names') && !(frame.inherited && isClinical(frame.inherited));
    for (const key of keys) {
      if (CODE_LIKE_KEY.test(key)) continue;
      // Already replaced (a second pass): the key stays, and its value is still judged by its own names.
      if (REPLACED_KEY.test(key)) {
        renamed.set(key, key);
        continue;
      }
      const newKey = keysAreNames && PERSON_NAME_KEY.test(key) ? this.options.replace('name', key) : this.scrub(key);
      if (newKey !== key) renamed.set(key, newKey);
    }
    if (renamed.size === 0) return renamed;
    // Number the new keys that collide with each other or with a key that stays.
    const uses = new Map<string, number>();
    for (const key of keys) {
      const name = renamed.get(key) ?? key;
      uses.set(name, (uses.get(name) ?? 0) + 1);
    }
    const counters = new Map<string, number>();
    for (const [key, name] of renamed) {
      if (uses.get(name)! < 2) continue;
      let numbered: string;
      do {
        const n = (counters.get(name) ?? 0) + 1;
        counters.set(name, n);
        numbered = name.endsWith(']') ? `${name.slice(0, -1)}#${n}]` : `${name}#${n}`;
      } while (uses.has(numbered));
      uses.set(numbered, 1);
      renamed.set(key, numbered);
    }
    return renamed;
  }

  /** A value whose key was an identifier. The key named an instance (one patient's e-mail), not a kind of field, so
   * neither it nor the container's category (`byEmail`) says what the value is: its own field names do. */
  private underRenamedKey(item: unknown, frame: Frame): unknown {
    return this.value(item, { context: frame.context, inherited: undefined });
  }

  /** One named member of an object or Map. */
  member(key: string, item: unknown, frame: Frame): Transformed {
    const kind = classifyField(key, frame.context, frame.inherited, this.options.fields);
    // Inside clinical content, the default "this is about a patient" context would turn `medications[0].name`
    // into a person's name; the clinical field's own words are context enough there.
    const base = kind?.kind === 'clinical' ? [] : frame.context;
    const child: Frame = { context: [...base, ...contextWordsOf(key)].slice(-8), inherited: frame.inherited, field: key };
    return kind ? this.field(kind, item, child) : this.value(item, child);
  }
}

/** Keys that only wrap what they hold (`data`, `results`, `responseBody`): they say nothing about whose data it is,
 * so they must not push the enclosing `patient` context out (`{ data: { name } }` is still a person's name). */
const WRAPPER_WORDS: ReadonlySet<string> = /* @__PURE__ */ new Set([
  'data', 'datum', 'result', 'results', 'item', 'items', 'record', 'records', 'payload', 'body', 'response', 'res', 'resp', 'entry', 'entries',
  'value', 'values', 'content', 'contents', 'row', 'rows', 'list', 'hit', 'hits', 'node', 'nodes', 'edge', 'edges', 'object', 'objects',
  'attributes', 'attrs', 'fields', 'properties', 'props', 'details', 'detail', 'info', 'json', 'dto',
]);
/** Keys holding a person's relatives (`familyHistory`, `household`): a bare `name` inside is a relative's name. */
const RELATIVE_WORDS: ReadonlySet<string> = /* @__PURE__ */ new Set(['family', 'household', 'relatives']);

/** The words a key adds to the context of what it holds. */
function contextWordsOf(key: string): readonly string[] {
  const words = splitWords(key);
  if (words.every((w) => WRAPPER_WORDS.has(w))) return [];
  return words.some((w) => RELATIVE_WORDS.has(w)) ? [...words, 'relative'] : words;
}

/** A key as code names fields (`visitCount`, `first_name`, `$ref`): never an identifier itself. */
const CODE_LIKE_KEY = /^[A-Za-z_$][\w$]*$/;
/** A key that already holds a placeholder (`[REDACTED:email#1]`) or a pseudonym token (`[EMAIL-3fa9c2d1]`). */
const REPLACED_KEY = /\[REDACTED:[a-z-]+(?:#\d+)?\]|\[[A-Z]+(?:-[A-Z]+)*-[0-9a-f]{8,64}\]/;
/** Two or more words of letters (`Maria Lopez`, `Lopez, Maria`, `José García-Núñez`): a person's name as a key. */
const PERSON_NAME_KEY = /^\p{L}[\p{L}'’.-]*(?:,?\s+\p{L}[\p{L}'’.-]*)+$/u;

const YEAR_WORDS: ReadonlySet<string> = /* @__PURE__ */ new Set(['year', 'yr', 'yyyy']);
const MONTH_WORDS: ReadonlySet<string> = /* @__PURE__ */ new Set(['month', 'mon', 'mo', 'mm']);
const DAY_WORDS: ReadonlySet<string> = /* @__PURE__ */ new Set(['day', 'dd']);
const AGE_AMOUNT_WORDS: ReadonlySet<string> = /* @__PURE__ */ new Set(['value', 'age', 'years', 'amount', 'quantity']);
const UNIT_WORDS: ReadonlySet<string> = /* @__PURE__ */ new Set(['unit', 'units', 'system', 'code', 'comparator']);
const MILLISECOND_WORDS: ReadonlySet<string> = /* @__PURE__ */ new Set(['ms', 'millis', 'milliseconds', 'timestamp', 'ts']);
const SECOND_WORDS: ReadonlySet<string> = /* @__PURE__ */ new Set(['unix', 'seconds', 'secs', 'sec']);

/**
 * Epoch milliseconds for a number that plausibly is a timestamp, else undefined. Millisecond timestamps of real
 * dates are at least 1e11 in magnitude (all but late 1966 to early 1973); a smaller number counts only when the
 * field's name says it is a timestamp (`updatedAtMs`, `timestamp`; `unixTime`, `epochSeconds` in seconds).
 */
function epochMilliseconds(value: number, field: string | undefined): number | undefined {
  const words = field === undefined ? [] : splitWords(field);
  if (words.some((w) => SECOND_WORDS.has(w))) return value * 1000;
  if (Math.abs(value) >= 1e11 || words.some((w) => MILLISECOND_WORDS.has(w))) return value;
  return undefined;
}

/** The calendar parts of an object such as `{ year: 1931, month: 3, day: 2 }`; undefined without a readable year. */
function datePartsOf(value: Record<string, unknown>): DateParts | undefined {
  let year: number | undefined;
  let month: number | undefined;
  let day: number | undefined;
  for (const [key, item] of Object.entries(value)) {
    const words = splitWords(key);
    if (words.length !== 1) continue;
    const number = typeof item === 'number' ? item : typeof item === 'string' && /^\s*\d{1,4}\s*$/.test(item) ? Number(item) : undefined;
    if (YEAR_WORDS.has(words[0]!) && number !== undefined && Number.isInteger(number) && number >= 1000 && number <= 9999) year = number;
    else if (MONTH_WORDS.has(words[0]!)) month = number ?? (typeof item === 'string' ? monthNumber(item) : undefined);
    else if (DAY_WORDS.has(words[0]!)) day = number;
  }
  if (year === undefined) return undefined;
  if (month === undefined || !Number.isInteger(month) || month < 1 || month > 12) return { year };
  return day !== undefined && isValidDay(year, month, day) ? { year, month, day } : { year, month };
}

function isPlainObject(value: object): value is Record<string, unknown> {
  return !(value instanceof Map) && !(value instanceof Set) && !(value instanceof Date) && !isBinary(value);
}

/** Sets an own property, even one named `__proto__` (plain assignment would replace the prototype instead). */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** A deep copy with no transformation, for fields the caller marked `keep`. */
function structuredCopy(value: unknown): unknown {
  if (typeof globalThis.structuredClone === 'function') {
    try {
      return globalThis.structuredClone(value);
    } catch {
      // Functions and class instances cannot be cloned structurally; fall through.
    }
  }
  if (Array.isArray(value)) return value.map(structuredCopy);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, structuredCopy(v)]));
  }
  return value instanceof Date ? new Date(value.getTime()) : value;
}

/** A copy of binary data (typed array or DataView) with its own buffer. */
function copyView(view: ArrayBufferView): ArrayBufferView {
  const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength).slice();
  if (view instanceof DataView) return new DataView(bytes.buffer);
  // Standard typed arrays keep their type; subclasses (such as Node's buffers) become a plain Uint8Array copy.
  const Ctor = view.constructor as new (buffer: ArrayBufferLike) => ArrayBufferView;
  return STANDARD_TYPED_ARRAYS.includes(Ctor) ? new Ctor(bytes.buffer) : bytes;
}

const STANDARD_TYPED_ARRAYS: readonly unknown[] = [
  Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array,
];

function isBinary(value: unknown): value is ArrayBuffer | ArrayBufferView {
  return value instanceof ArrayBuffer || ArrayBuffer.isView(value);
}

/** What JSON.stringify would see: class instances with a toJSON (URL, ObjectId, Decimal, Luxon dates) are walked
 * in that form, since de-identified data is usually serialised next. Dates are handled as dates. */
function jsonForm(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || value instanceof Date || Array.isArray(value)) return value;
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  return typeof toJSON === 'function' && !isBinary(value) ? (toJSON as () => unknown).call(value) : value;
}
