import type { PhiGuardConfig } from '../core/config/config';
import type { RuleId } from '../core/findings/finding';
import { ALL_RULES_KEY, type EditorSeverity, type PhiGuardSettings } from './settings';

/** Severity when neither the editor settings nor `.phi-guard.json` name one. */
export const DEFAULT_EDITOR_SEVERITY: EditorSeverity = 'warning';

/**
 * The severity a finding of `rule` gets in the editor. Editor settings are the developer's own choice and win:
 * `phiGuard.severity[rule]`, then `phiGuard.severity['*']`, then the project's `.phi-guard.json` `severity[rule]`.
 */
export function editorSeverityFor(rule: RuleId, settings: PhiGuardSettings, config: PhiGuardConfig): EditorSeverity {
  return settings.severity[rule] ?? settings.severity[ALL_RULES_KEY] ?? config.severity[rule] ?? DEFAULT_EDITOR_SEVERITY;
}
