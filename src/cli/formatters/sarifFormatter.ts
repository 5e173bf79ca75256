import { createHash } from 'crypto';
import { pathToFileURL } from 'url';
import type * as Sarif from 'sarif';
import { RULE_IDS } from '../../core';
import { RULE_DESCRIPTIONS } from '../ruleDescriptions';
import { byPlace } from '../scanReport';
import type { ReportedFinding, ReportedSuppressedFinding, ScanNotice, ScanReport } from '../scanReport';
import { cliSeverityFor } from '../severity';
import type { PhiGuardConfig } from '../../core';
import { TOOL_INFORMATION_URI, TOOL_NAME, TOOL_VERSION, ruleHelpUri } from '../toolInfo';

const SOURCE_ROOT = '%SRCROOT%';
const FINGERPRINT_KEY = 'phiGuardFinding/v1';

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. File URIs are relative to the working
 * directory (`%SRCROOT%`), so run the scan from the repository root. Columns are UTF-16 code units.
 */
export function formatSarif(report: ScanReport, options: { readonly cwd: string; readonly config: PhiGuardConfig }): string {
  const rules = RULE_IDS.map((rule): Sarif.ReportingDescriptor => {
    const description = RULE_DESCRIPTIONS[rule];
    const severity = cliSeverityFor(rule, options.config);
    return {
      id: `phi-guard/${rule}`,
      name: rule,
      shortDescription: { text: description.short },
      fullDescription: { text: description.full },
      helpUri: ruleHelpUri(rule),
      help: { text: `${description.full} See ${ruleHelpUri(rule)}` },
      defaultConfiguration: { level: severity === 'off' ? 'none' : severity },
      properties: {
        tags: ['security', 'privacy', 'hipaa', `external/cwe/${description.cwe.toLowerCase()}`],
        'security-severity': description.securitySeverity,
      },
    };
  });

  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: TOOL_NAME, version: TOOL_VERSION, semanticVersion: TOOL_VERSION, informationUri: TOOL_INFORMATION_URI, rules } },
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: directoryUri(options.cwd) } },
        columnKind: 'utf16CodeUnits',
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: report.notices.map(toNotification) }],
        results: withFingerprints(openAndSuppressed(report)).map(({ finding, fingerprint }) => toResult(finding, fingerprint)),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/**
 * Open and suppressed findings in one order, by place: a finding keeps its fingerprint when a suppression is added (a
 * viewer that tracks results by fingerprint sees the same result, now suppressed, not a fixed one and a new one).
 */
function openAndSuppressed(report: ScanReport): (ReportedFinding | ReportedSuppressedFinding)[] {
  return [...report.findings, ...report.suppressed].sort(byPlace);
}

function toResult(finding: ReportedFinding | ReportedSuppressedFinding, fingerprint: string): Sarif.Result {
  const result: Sarif.Result = {
    ruleId: `phi-guard/${finding.rule}`,
    ruleIndex: RULE_IDS.indexOf(finding.rule),
    level: finding.severity,
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifact(finding.file),
          region: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
        },
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
    properties: { phiCategories: [...finding.phiCategories], sink: { package: finding.sink.package, api: finding.sink.api } },
  };
  if ('justification' in finding) {
    // The `phi-guard-allow` comment: here, or at the sink of a helper in another file that it reviews for every caller.
    const { file, line, column } = finding.suppressedAt;
    result.suppressions = [{ kind: 'inSource', status: 'accepted', justification: finding.justification, location: { physicalLocation: { artifactLocation: artifact(file), region: { startLine: line, startColumn: column } } } }];
  }
  if (finding.flow.length > 0) {
    result.codeFlows = [
      {
        threadFlows: [
          {
            locations: finding.flow.map((step) => ({
              location: {
                physicalLocation: { artifactLocation: artifact(step.file), region: { startLine: step.line, startColumn: step.column } },
                message: { text: step.note },
              },
            })),
          },
        ],
      },
    ];
  }
  return result;
}

function toNotification(notice: ScanNotice): Sarif.Notification {
  const region = notice.line === undefined ? undefined : { startLine: notice.line, startColumn: notice.column ?? 1 };
  return {
    level: notice.kind === 'suppression' || notice.kind === 'unreadable' || notice.kind === 'internal-error' || notice.kind === 'incomplete' ? 'warning' : 'note',
    message: { text: notice.message },
    locations: [{ physicalLocation: { artifactLocation: artifact(notice.file), ...(region ? { region } : {}) } }],
  };
}

/**
 * A fingerprint that survives unrelated edits (no line numbers): rule, file, sink, the flowing
 * expression, and which occurrence of that combination in the file it is.
 */
function withFingerprints<T extends ReportedFinding>(findings: readonly T[]): { finding: T; fingerprint: string }[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const key = [finding.rule, finding.file, finding.sink.id, finding.expression].join('\u0000');
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    const fingerprint = createHash('sha256').update(`${key}\u0000${occurrence}`).digest('hex').slice(0, 32);
    return { finding, fingerprint };
  });
}

function artifact(file: string): Sarif.ArtifactLocation {
  return { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
}

function directoryUri(directory: string): string {
  const uri = pathToFileURL(directory).href;
  return uri.endsWith('/') ? uri : `${uri}/`;
}
