import type { PhiGuardConfig, RuleId, Severity } from '../core';
import type { ReportSeverity } from './scanReport';

/** Severity of each rule when `.phi-guard.json` does not set one. Logs are a warning because log
 * pipelines are usually inside the covered entity's own boundary; AI vendors, unencrypted storage
 * and URLs (which end up in proxies, browser history and analytics) are errors. */
export const DEFAULT_CLI_SEVERITY: Readonly<Record<RuleId, ReportSeverity>> = {
  'no-phi-to-ai': 'error',
  'no-phi-in-logs': 'warning',
  'no-unencrypted-phi-storage': 'error',
  'no-phi-in-url': 'error',
};

export function cliSeverityFor(rule: RuleId, config: PhiGuardConfig): Severity {
  return config.severity[rule] ?? DEFAULT_CLI_SEVERITY[rule];
}

/** `--fail-on`: the lowest severity that makes the scan exit with 1. */
export type FailOn = 'error' | 'warning' | 'none';

export const FAIL_ON_VALUES: readonly FailOn[] = ['error', 'warning', 'none'];

export function failsBuild(severity: ReportSeverity, failOn: FailOn): boolean {
  if (failOn === 'none') return false;
  return failOn === 'warning' || severity === 'error';
}
