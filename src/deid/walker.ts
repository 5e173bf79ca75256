import type { PhiCategoryId } from '../core/catalog/phiCategories';
import { splitWords } from '../core/names/splitWords';
import { generalizeAge } from './age';
import { isNinetyOrOlder, parseDate } from './dates';
import type { DateParts } from './dates';
import type { FieldKind } from './fieldKind';
import { classifyField, kindOf } from './fieldKind';
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
      const category = 'category' in kind ? kind.category : kind.kind === 'zip' || kind.kind === 'state' ? 'geographic' : 'date';
      return this.object(value, { context: frame.context, inherited: category });
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
        return this.dateValue(value, kind.kind === 'birth-date');
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

  /** Year only; a birth date of someone 90 or older becomes `90+`; an unreadable date is removed. */
  dateValue(value: unknown, isBirth: boolean): Transformed {
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
      // A four-digit number is a year already; anything else is read as epoch milliseconds.
      if (Number.isInteger(value) && value >= 1000 && value <= 9999) parts = { year: value };
      else {
        const date = new Date(value);
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
      for (const [key, item] of value) {
        const result = typeof key === 'string' ? this.member(key, item, frame) : this.value(item, frame);
        if (result !== REMOVE) out.set(key, result);
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
    for (const [key, item] of Object.entries(value)) {
      const result = this.member(key, item, frame);
      if (result !== REMOVE) setOwn(out, key, result);
    }
    return out;
  }

  /** One named member of an object or Map. */
  member(key: string, item: unknown, frame: Frame): Transformed {
    const kind = classifyField(key, frame.context, frame.inherited, this.options.fields);
    const ownWords = splitWords(key);
    // Inside clinical content, the default "this is about a patient" context would turn `medications[0].name`
    // into a person's name; the clinical field's own words are context enough there.
    const base = kind?.kind === 'clinical' ? [] : frame.context;
    const child: Frame = { context: [...base, ...ownWords].slice(-8), inherited: frame.inherited };
    return kind ? this.field(kind, item, child) : this.value(item, child);
  }
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
