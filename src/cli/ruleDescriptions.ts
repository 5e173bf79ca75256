import type { RuleId } from '../core';

export interface RuleDescription {
  readonly short: string;
  readonly full: string;
  /** CWE the rule guards against; GitHub code scanning shows it as a tag. */
  readonly cwe: string;
  /** GitHub code scanning's 0–10 score (7.0 and above is "high"). */
  readonly securitySeverity: string;
}

/** What each rule looks for, for SARIF's rule metadata. */
export const RULE_DESCRIPTIONS: Readonly<Record<RuleId, RuleDescription>> = {
  'no-phi-to-ai': {
    short: 'PHI sent to an AI SDK or model API',
    full: 'Protected health information reaches a call that sends data to an AI vendor (prompts, messages, embeddings, uploads). De-identify it first or make sure a Business Associate Agreement covers the vendor.',
    cwe: 'CWE-359',
    securitySeverity: '8.0',
  },
  'no-phi-in-logs': {
    short: 'PHI written to logs or telemetry',
    full: 'Protected health information reaches a logger, console or telemetry/error-reporting call, where it is copied to systems with wide access and long retention.',
    cwe: 'CWE-532',
    securitySeverity: '5.0',
  },
  'no-unencrypted-phi-storage': {
    short: 'PHI stored without encryption',
    full: 'Protected health information is written to browser storage, files, caches or similar stores without encryption.',
    cwe: 'CWE-312',
    securitySeverity: '7.5',
  },
  'no-phi-in-url': {
    short: 'PHI placed in a URL',
    full: 'Protected health information is put into a URL (path or query string), where it ends up in server and proxy logs, browser history and analytics.',
    cwe: 'CWE-598',
    securitySeverity: '7.0',
  },
};
