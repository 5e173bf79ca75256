import type { Rule } from 'eslint';
import type { RuleId } from '../core/findings/finding';
import { analysisFor } from './analysisCache';

export const DOCS_BASE_URL = 'https://github.com/phi-guard/phi-guard/blob/main/docs/rules/';

export interface PhiRuleDocs {
  readonly id: RuleId;
  readonly description: string;
}

/** The rule that reports problems with the configuration and with `phi-guard-allow` comments naming no known rule. */
const HOUSEKEEPING_RULE: RuleId = 'no-phi-to-ai';

/**
 * One ESLint rule per sink category, all reporting the shared engine's findings: the analysis
 * runs once per file (cached on the SourceCode object) and each rule reports its own category.
 */
export function createPhiRule({ id, description }: PhiRuleDocs): Rule.RuleModule {
  return {
    meta: {
      type: 'problem',
      docs: { description, recommended: true, url: `${DOCS_BASE_URL}${id}.md` },
      hasSuggestions: true,
      schema: [],
      messages: {
        phi: '{{message}}',
        suppression: '{{message}}',
        config: '{{message}}',
        skipped: '{{message}}',
        deidentify: '{{title}}',
      },
    },
    create(context) {
      return {
        'Program:exit'() {
          const { result, configProblems } = analysisFor(context);
          const sourceCode = context.sourceCode;
          if (id === HOUSEKEEPING_RULE) {
            for (const problem of configProblems) context.report({ loc: { line: 1, column: 0 }, messageId: 'config', data: { message: `PHI Guard configuration: ${problem.message}` } });
          }
          if (!result) return;
          if (result.skipped && id === HOUSEKEEPING_RULE) {
            context.report({ loc: { line: 1, column: 0 }, messageId: 'skipped', data: { message: result.skipped.message } });
          }
          if (result.incomplete && id === HOUSEKEEPING_RULE) {
            const { range, message } = result.incomplete;
            context.report({ loc: { start: sourceCode.getLocFromIndex(range.start), end: sourceCode.getLocFromIndex(range.end) }, messageId: 'skipped', data: { message } });
          }
          for (const finding of result.findings) {
            if (finding.rule !== id) continue;
            context.report({
              loc: { start: sourceCode.getLocFromIndex(finding.range.start), end: sourceCode.getLocFromIndex(finding.range.end) },
              messageId: 'phi',
              data: { message: finding.message },
              suggest: finding.fixes.map((fix) => ({
                messageId: 'deidentify',
                data: { title: fix.title },
                fix: (fixer) => fix.edits.map((edit) => fixer.replaceTextRange([edit.range.start, edit.range.end], edit.newText)),
              })),
            });
          }
          for (const problem of result.suppressionProblems) {
            if ((problem.rule ?? HOUSEKEEPING_RULE) !== id) continue;
            context.report({
              loc: { start: sourceCode.getLocFromIndex(problem.range.start), end: sourceCode.getLocFromIndex(problem.range.end) },
              messageId: 'suppression',
              data: { message: problem.message },
            });
          }
        },
      };
    },
  };
}
