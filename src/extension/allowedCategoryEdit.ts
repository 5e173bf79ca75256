import type { PhiCategoryId } from '../core/catalog/phiCategories';
import type { RuleId } from '../core/findings/finding';
import { editPolicyFile, isStringArray } from './policyFileEdit';
import type { ConfigEditResult } from './policyFileEdit';

/**
 * The "allow record keys here" quick fix: `category` added to what `rule` lets through (`allowedCategories`), under
 * the rule's key as the file spells it (with or without the `phi-guard/` prefix).
 */
export function addAllowedCategory(existingText: string | undefined, rule: RuleId, category: PhiCategoryId, fileLabel: string): ConfigEditResult {
  return editPolicyFile(existingText, fileLabel, { allowedCategories: { [rule]: [category] } }, (policy) => {
    const current = policy.allowedCategories;
    if (current === undefined) return { path: ['allowedCategories'], value: { [rule]: [category] } };
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return { problem: '"allowedCategories" must be an object keyed by rule names' };
    const byRule = current as Record<string, unknown>;
    const key = [rule, `phi-guard/${rule}`].find((candidate) => Object.hasOwn(byRule, candidate)) ?? rule;
    const categories = byRule[key];
    if (categories === undefined) return { path: ['allowedCategories', key], value: [category] };
    if (!isStringArray(categories)) return { problem: `"allowedCategories" must map '${key}' to an array of PHI categories` };
    if (categories.includes(category)) return { unchanged: true };
    return { path: ['allowedCategories', key, categories.length], value: category, insertIntoArray: true };
  });
}
