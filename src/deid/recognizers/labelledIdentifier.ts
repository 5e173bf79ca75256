import type { SafeHarborCategoryId } from '../../core/catalog/phiCategories';
import { lazy } from '../lazy';
import type { Recognizer, TextMatch } from './recognizer';

const NUMBER_WORD = '(?:\\s*(?:number|num|no\\.?|#|id|identifier))';
/** Labels that announce an identifier, by the Safe Harbor category of what follows them. */
const LABELS = (): ReadonlyArray<readonly [SafeHarborCategoryId, string]> => [
  ['mrn', `MRN|MR#|medical\\s+record${NUMBER_WORD}?|chart${NUMBER_WORD}|patient${NUMBER_WORD}|EHR${NUMBER_WORD}|EMR${NUMBER_WORD}`],
  ['health-plan', `(?:member|subscriber|policy|beneficiary|insurance|medicare|medicaid|health\\s+plan|group)${NUMBER_WORD}|HICN`],
  ['account', `(?:account|acct|billing|invoice)${NUMBER_WORD}?|IBAN|routing${NUMBER_WORD}`],
  ['license', `(?:driver'?s?\\s+)?licen[cs]e${NUMBER_WORD}?|DL${NUMBER_WORD}?|passport${NUMBER_WORD}?|DEA${NUMBER_WORD}?|certificate${NUMBER_WORD}`],
  ['vehicle', `VIN|(?:license\\s+)?plate${NUMBER_WORD}?|vehicle${NUMBER_WORD}`],
  ['device', `serial${NUMBER_WORD}?|S/N|device${NUMBER_WORD}|UDI|IMEI|implant${NUMBER_WORD}`],
  ['ssn', `SSN|social\\s+security${NUMBER_WORD}?|ITIN|tax\\s*id`],
  ['other-id', `(?:claim|encounter|visit|accession|case|specimen|order|episode)${NUMBER_WORD}`],
];
// The value: letters, digits and inner dashes/dots, with at least one digit.
const VALUE = '([A-Za-z0-9](?:[A-Za-z0-9./-]*[A-Za-z0-9])?)';
const COMPILED = /* @__PURE__ */ lazy(() => LABELS().map(([category, label]) => ({
  category,
  // After a label that ends in `#` the value may follow at once (`Member #W12345`); other labels end at a word end.
  pattern: new RegExp(`(?<![\\w])(?:${label})(?:(?<=#)|(?![\\w]))\\s*(?:is|was|=|:|#|-)?\\s*#?\\s*${VALUE}`, 'gi'),
})));

/** Identifiers announced by a label: `MRN: 00123456`, `member ID W123456789`, `policy # AB-1234`, `serial no. X77`.
 * The label picks the Safe Harbor category; the value must contain a digit. */
export const labelledIdentifierRecognizer: Recognizer = {
  id: 'labelled-identifier',
  priority: 80,
  find(text) {
    const matches: TextMatch[] = [];
    for (const { category, pattern } of COMPILED()) {
      for (const m of text.matchAll(pattern)) {
        const value = m[1]!;
        if (!/\d/.test(value)) continue;
        const end = m.index + m[0].length;
        matches.push({ start: end - value.length, end, category });
      }
    }
    return matches;
  },
};
