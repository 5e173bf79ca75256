import type { PhiCategoryId } from '../../core/catalog/phiCategories';

/** What a recognizer may need to know beyond the text. */
export interface RecognizerContext {
  /** Reference date for ages ("born 1931" is 90+ in 2026). */
  readonly now: Date;
  /** Three-digit ZIP areas reported as `000`. */
  readonly restrictedZip3: ReadonlySet<string>;
}

/** A span of free text that holds an identifier. */
export interface TextMatch {
  readonly start: number;
  readonly end: number;
  readonly category: PhiCategoryId;
  /** What Safe Harbor lets us keep of the value (a date's year, a ZIP's first three digits, `90+`). Absent: the
   * whole span is an identifier and is replaced. */
  readonly generalized?: string;
}

/** A value recognizer: finds candidates with a pattern, then validates them (check digits, ranges, context). */
export interface Recognizer {
  readonly id: string;
  /** Breaks ties between overlapping matches of equal length: the more specific (validated) recognizer wins. */
  readonly priority: number;
  find(text: string, context: RecognizerContext): TextMatch[];
}

/** Text within `distance` characters before `index`, for keyword checks ("fax", "DOB"). */
export function textBefore(text: string, index: number, distance: number): string {
  return text.slice(Math.max(0, index - distance), index);
}
