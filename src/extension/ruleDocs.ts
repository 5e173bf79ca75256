import type { RuleId } from '../core/findings/finding';

/** Rule documentation lives in the repository (`docs/rules/<rule>.md`); the link is the diagnostic's `code` target. */
export const RULE_DOCS_BASE_URL = 'https://github.com/phi-guard/phi-guard/blob/main/docs/rules/';

export function ruleDocUrl(rule: RuleId): string {
  return `${RULE_DOCS_BASE_URL}${rule}.md`;
}
