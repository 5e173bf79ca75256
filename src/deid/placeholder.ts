import type { PhiCategoryId } from '../core/catalog/phiCategories';

/** The typed placeholder that stands in for a removed identifier: `[REDACTED:ssn]`. Typed so that a reader (or an
 * AI model) still knows what kind of value was there. */
export function placeholder(category: PhiCategoryId): string {
  return `[REDACTED:${category}]`;
}

/** Safe Harbor's "90 or older" age category (45 CFR 164.514(b)(2)(i)(C)). */
export const AGE_90_OR_OLDER = '90+';
