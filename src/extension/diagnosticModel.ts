/**
 * What the editor shows for a finding, as plain data (no `vscode`): `diagnostics.ts` maps it 1:1 onto
 * `vscode.Diagnostic`. Keeping the mapping here makes it unit-testable with hand-built findings.
 */
import type { AnalysisGap } from '../core/analysis/analyzeSource';
import type { Finding, SuppressionProblem, TextRange } from '../core/findings/finding';
import { ruleDocUrl } from './ruleDocs';
import type { EditorSeverity } from './settings';

export const DIAGNOSTIC_SOURCE = 'PHI Guard';
/** `code` of diagnostics about malformed `phi-guard-allow` comments. */
export const SUPPRESSION_PROBLEM_CODE = 'phi-guard-allow';
/** `code` of the diagnostic at code the analysis did not follow (see AnalysisGap). */
export const NOT_ANALYSED_CODE = 'not-analysed';

export type ShownSeverity = Exclude<EditorSeverity, 'off'>;

export interface RelatedNote {
  /** Absent: the analysed document. */
  readonly file?: string;
  readonly range: TextRange;
  readonly note: string;
}

export interface DiagnosticDescription {
  readonly range: TextRange;
  readonly message: string;
  readonly severity: ShownSeverity;
  readonly source: string;
  readonly code: { readonly value: string; readonly target?: string };
  readonly related: readonly RelatedNote[];
}

/** `undefined` when the rule is switched off. */
export function describeFinding(finding: Finding, severity: EditorSeverity): DiagnosticDescription | undefined {
  if (severity === 'off') return undefined;
  return {
    range: finding.range,
    message: finding.message,
    severity,
    source: DIAGNOSTIC_SOURCE,
    code: { value: finding.rule, target: ruleDocUrl(finding.rule) },
    related: finding.flow.map((step, index) => ({
      ...(step.file === undefined ? {} : { file: step.file }),
      range: step.range,
      note: `${index + 1}/${finding.flow.length} ${step.kind}: ${step.note}`,
    })),
  };
}

/** Information, not a warning: nothing was found there, and nothing was looked for. */
export function describeAnalysisGap(gap: AnalysisGap): DiagnosticDescription {
  return { range: gap.range, message: gap.message, severity: 'information', source: DIAGNOSTIC_SOURCE, code: { value: NOT_ANALYSED_CODE }, related: [] };
}

export function describeSuppressionProblem(problem: SuppressionProblem): DiagnosticDescription {
  return {
    range: problem.range,
    message: problem.message,
    severity: 'warning',
    source: DIAGNOSTIC_SOURCE,
    code: problem.rule === undefined ? { value: SUPPRESSION_PROBLEM_CODE } : { value: SUPPRESSION_PROBLEM_CODE, target: ruleDocUrl(problem.rule) },
    related: [],
  };
}
