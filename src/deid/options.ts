import type { PhiCategoryId } from '../core/catalog/phiCategories';
import { describeType } from './describeType';
import { placeholder } from './placeholder';
import { DEFAULT_RECOGNIZERS } from './recognizers/defaults';
import type { Recognizer } from './recognizers/recognizer';
import { RESTRICTED_ZIP3 } from './zip3';

/** How removed identifiers appear in structured values: a typed placeholder (`[REDACTED:ssn]`) or no field at all. */
export type RemovalMode = 'placeholder' | 'remove';

export interface DeidentifyOptions {
  /** Structured identifier fields become a typed placeholder (default) or are deleted. Free text always uses
   * placeholders, so a sentence keeps its shape. */
  readonly mode?: RemovalMode;
  /** Clinical fields (diagnosis, medication, lab result, note, procedure, allergy) are not identifiers, so they are
   * kept (their text still scrubbed). `'remove'` drops them too. */
  readonly clinical?: 'keep' | 'remove';
  /** Three-digit ZIP areas reported as `000`; defaults to the HHS list (see zip3.ts). */
  readonly restrictedZip3?: readonly string[];
  /** Reference date for ages (birth dates of people 90 or older become `90+`). Defaults to the current date. */
  readonly now?: Date;
  /** Words describing the value passed in, used to classify its fields (`name` is PHI on a patient, not on a file).
   * Defaults to `['patient']`: what is handed to deidentify is presumed to be about a person. */
  readonly context?: readonly string[];
  /** Treat the value itself as this category (a quick fix that wraps `patient.firstName` passes `'name'`). */
  readonly category?: PhiCategoryId;
  /** Classify the value itself by this field name, as the analyzer would (`'patient.firstName'`). */
  readonly fieldName?: string;
  /** Per field name (exact, case-insensitive): a category to force, or `'keep'` to leave the field as is. */
  readonly fields?: Readonly<Record<string, PhiCategoryId | 'keep'>>;
  /** Recognizers used on free text; defaults to all built-in ones. */
  readonly recognizers?: readonly Recognizer[];
}

/** Produces the text that replaces an identifier; deidentify uses placeholders, pseudonymize keyed tokens. */
export type Replacer = (category: PhiCategoryId, original: string) => string;

export interface ResolvedOptions {
  readonly mode: RemovalMode;
  readonly clinical: 'keep' | 'remove';
  readonly restrictedZip3: ReadonlySet<string>;
  readonly now: Date;
  readonly context: readonly string[];
  readonly category: PhiCategoryId | undefined;
  readonly fieldName: string | undefined;
  readonly fields: ReadonlyMap<string, PhiCategoryId | 'keep'>;
  readonly recognizers: readonly Recognizer[];
  readonly replace: Replacer;
}

export const placeholderReplacer: Replacer = (category) => placeholder(category);

export function resolveOptions(options: DeidentifyOptions = {}, replace: Replacer = placeholderReplacer): ResolvedOptions {
  return {
    mode: options.mode ?? 'placeholder',
    clinical: options.clinical ?? 'keep',
    restrictedZip3: new Set(options.restrictedZip3 ?? RESTRICTED_ZIP3),
    now: referenceDate(options.now),
    context: options.context ?? ['patient'],
    category: options.category,
    fieldName: options.fieldName,
    fields: new Map(Object.entries(options.fields ?? {}).map(([name, value]) => [name.toLowerCase(), value])),
    recognizers: options.recognizers ?? DEFAULT_RECOGNIZERS,
    replace,
  };
}

/** The `now` option, checked: an invalid Date would silently switch the 90+ rule off (every age comparison fails). */
function referenceDate(now: unknown): Date {
  if (now === undefined) return new Date();
  if (!(now instanceof Date) && Object.prototype.toString.call(now) !== '[object Date]') {
    throw new TypeError(`phi-guard/deid: the now option must be a Date; got ${describeType(now)}. Pass new Date(...) for a date in text or a timestamp.`);
  }
  if (Number.isNaN((now as Date).getTime())) throw new TypeError('phi-guard/deid: the now option is an invalid Date; the 90+ rule needs a real reference date.');
  return now as Date;
}
