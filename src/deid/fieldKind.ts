import type { PhiCategoryId } from '../core/catalog/phiCategories';
import { classifyName } from '../core/names/classifyName';
import { NOT_PHI_WORDS } from '../core/names/nameRules';
import { splitWords } from '../core/names/splitWords';

/** How a structured field is transformed; see the table in docs/deid.md. */
export type FieldKind =
  | { readonly kind: 'identifier'; readonly category: PhiCategoryId }
  | { readonly kind: 'zip' }
  | { readonly kind: 'state' }
  | { readonly kind: 'age' }
  | { readonly kind: 'birth-date' }
  | { readonly kind: 'date' }
  | { readonly kind: 'clinical'; readonly category: PhiCategoryId }
  | { readonly kind: 'keep' };

const CLINICAL: ReadonlySet<PhiCategoryId> = /* @__PURE__ */ new Set(['diagnosis', 'medication', 'lab-result', 'clinical-note', 'procedure', 'allergy']);
const ZIP_WORDS: ReadonlySet<string> = /* @__PURE__ */ new Set(['zip', 'zipcode', 'postal', 'postcode', 'zip5', 'zip9']);
const STATE_WORDS: ReadonlySet<string> = /* @__PURE__ */ new Set(['state', 'country', 'province']);
const BIRTH_WORDS: ReadonlySet<string> = /* @__PURE__ */ new Set(['birth', 'dob', 'birthdate', 'birthday', 'born', 'bday']);
const YEAR_WORDS: ReadonlySet<string> = /* @__PURE__ */ new Set(['year', 'yr', 'yyyy']);

export function isClinical(category: PhiCategoryId): boolean {
  return CLINICAL.has(category);
}

/** Refines a catalog category into a transformation, from the field's own words (`postalCode` → zip). */
export function kindOf(category: PhiCategoryId, fieldName: string): FieldKind {
  const words = splitWords(fieldName);
  if (category === 'geographic') {
    if (words.some((w) => ZIP_WORDS.has(w))) return { kind: 'zip' };
    if (words.length > 0 && STATE_WORDS.has(words[words.length - 1]!)) return { kind: 'state' };
    return { kind: 'identifier', category };
  }
  if (category === 'date') {
    if (words.includes('age')) return { kind: 'age' };
    if (words.some((w) => BIRTH_WORDS.has(w)) || (words.includes('b') && words.includes('day'))) return { kind: 'birth-date' };
    return { kind: 'date' };
  }
  return isClinical(category) ? { kind: 'clinical', category } : { kind: 'identifier', category };
}

/**
 * Classifies an object field with the analyzer's catalog (classifyName), so that the analyzer and the runtime agree
 * on what a field is. `inherited` is the category of the enclosing field (`address` for `address.line`): a field
 * that does not classify on its own takes it, so nothing inside a name or address object slips through.
 */
export function classifyField(
  fieldName: string,
  contextWords: readonly string[],
  inherited: PhiCategoryId | undefined,
  overrides: ReadonlyMap<string, PhiCategoryId | 'keep'>,
): FieldKind | undefined {
  const override = overrides.get(fieldName.toLowerCase());
  if (override === 'keep') return { kind: 'keep' };
  if (override) return kindOf(override, fieldName);
  const match = classifyName(fieldName, contextWords);
  if (match) return kindOf(match.category, fieldName);
  // A birth year is not an identifier to the analyzer (Safe Harbor keeps years), but it is the one date element
  // the 90+ rule reaches: `birthYear`, `birth_yr` and `yob` of 1931 must become `90+`.
  const words = splitWords(fieldName);
  const isBirthYear = words.includes('yob') || (words.some((w) => YEAR_WORDS.has(w)) && words.some((w) => BIRTH_WORDS.has(w)));
  if (isBirthYear && !words.some((w) => NOT_PHI_WORDS.has(w) && !YEAR_WORDS.has(w))) return { kind: 'birth-date' };
  if (isRecordIdentifier(words, contextWords)) return { kind: 'identifier', category: 'other-id' };
  // Geographic parts that are not identifiers on their own (state, country) still refine an inherited address.
  if (inherited) return kindOf(inherited, fieldName);
  return undefined;
}

/** What a patient's own records are called: their numbers are "any other unique identifying number" (R). */
const RECORD_WORDS: ReadonlySet<string> = /* @__PURE__ */ new Set([
  'encounter', 'claim', 'visit', 'case', 'episode', 'admission', 'accession', 'specimen', 'referral', 'authorization', 'authorisation',
  'order', 'appointment', 'requisition', 'prescription', 'rx',
]);
const ID_WORDS: ReadonlySet<string> = /* @__PURE__ */ new Set(['id', 'ids', 'number', 'numbers', 'num', 'no', 'nbr', 'identifier', 'identifiers']);

/**
 * `encounterId`, `claimNumber`, `visit_no`, or `id` inside `encounter`. The analyzer's catalog leaves these out on
 * purpose (a record key in code is not a finding), but in data each one is a unique number of one patient's record.
 * `claimIdType`, `visitCount` and `encounterStatus` are not numbers of a record, and stay.
 */
function isRecordIdentifier(words: readonly string[], contextWords: readonly string[]): boolean {
  const last = words[words.length - 1];
  if (last === undefined || !ID_WORDS.has(last) || words.some((w) => NOT_PHI_WORDS.has(w))) return false;
  const named = words.slice(0, -1);
  if (named.length > 0) return named.some((w) => RECORD_WORDS.has(w));
  const head = contextWords[contextWords.length - 1];
  return head !== undefined && RECORD_WORDS.has(head);
}
