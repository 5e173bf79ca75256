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

// A code system's name, then the code (or a list of codes: `SNOMED 195967001, 73211009`).
const CODE_SYSTEM_CUE =
  /\b(?:SNOMED(?:[\s-]?CT)?|SCT(?:ID)?|NDC|LOINC|RxNorm|RXCUI|ICD(?:-?(?:9|10|11))?(?:-?(?:CM|PCS))?|CPT|HCPCS)(?:\s*(?:codes?|#|no\.?|number))?[\s:#=]*(?:\d[\w.-]*\s*(?:,|;|\/|\bor\b|\band\b)\s*)*$/i;
// A dose or amount unit right after the number (`200-400-1200 mg`, `1000000 units`).
const DOSE_UNIT = /^\s*(?:mg|mcg|µg|ug|ng|g|kg|ml|l|dl|units?|u|iu|mmol|meq|mol)\b/i;

/** Whether the number at `start` is a code after its code system's name (`SNOMED 195967001`, `NDC 00071015523`):
 * clinical content, not an identifier, whatever its digits look like. */
export function followsCodeSystem(text: string, start: number): boolean {
  return CODE_SYSTEM_CUE.test(textBefore(text, start, 60));
}

/** Whether the number ending at `end` is an amount (`200-400-1200 mg`, `1000000 units`). */
export function precedesDoseUnit(text: string, end: number): boolean {
  return DOSE_UNIT.test(text.slice(end, end + 8));
}
