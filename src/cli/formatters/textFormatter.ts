import type { ReportedFinding, ScanReport } from '../scanReport';
import { sharedSinks } from '../sharedSinks';

export interface TextFormatOptions {
  /** ANSI colours (stdout is a terminal and NO_COLOR is not set). */
  readonly color: boolean;
}

type Paint = (code: string, text: string) => string;

/**
 * ESLint "stylish"-like output: one block per file, `line:column  severity  message  rule`, then a
 * summary. Shared sinks (see sharedSinks) and notices (files skipped or unreadable, malformed suppressions) come after
 * the findings.
 */
export function formatText(report: ScanReport, options: TextFormatOptions): string {
  const paint: Paint = options.color ? (code, text) => `\u001b[${code}m${text}\u001b[0m` : (_code, text) => text;
  const lines: string[] = [];

  for (const [file, findings] of groupByFile(report.findings)) {
    lines.push('', paint('4', file));
    const rows = findings.map((f) => [`${f.line}:${f.column}`, f.severity, f.message, `phi-guard/${f.rule}`]);
    const widths = [0, 1].map((column) => Math.max(...rows.map((row) => row[column].length)));
    rows.forEach(([position, severity, message, rule]) => {
      const severityText = paint(severity === 'error' ? '31' : '33', severity.padEnd(widths[1]));
      lines.push(`  ${paint('2', position.padEnd(widths[0]))}  ${severityText}  ${message}  ${paint('2', rule)}`);
    });
  }

  const shared = sharedSinks(report.findings);
  if (shared.length > 0) {
    lines.push('', `${paint('1', 'Shared sinks')}  ${paint('2', 'helpers whose sink many findings flow into: a `phi-guard-allow` comment above the sink, once reviewed, covers every caller')}`);
    const places = shared.map((entry) => `${entry.file}:${entry.line}:${entry.column}`);
    const width = Math.max(...places.map((place) => place.length));
    shared.forEach((entry, i) => lines.push(`  ${places[i]!.padEnd(width)}  ${entry.sink}  ${paint('2', `${entry.findings} findings in ${entry.files} ${plural(entry.files, 'file')}`)}`));
  }

  if (report.notices.length > 0) {
    lines.push('', paint('1', 'Notices'));
    for (const notice of report.notices) {
      const where = notice.line === undefined ? notice.file : `${notice.file}:${notice.line}:${notice.column}`;
      lines.push(`  ${where}  ${paint('2', notice.message)}`);
    }
  }

  lines.push('', summaryLine(report, paint), '');
  return lines.join('\n');
}

function summaryLine(report: ScanReport, paint: Paint): string {
  const errors = report.findings.filter((f) => f.severity === 'error').length;
  const warnings = report.findings.length - errors;
  const suppressed = report.suppressed.length ? `; ${report.suppressed.length} suppressed with a justification` : '';
  const scanned = `${report.filesAnalysed} ${plural(report.filesAnalysed, 'file')} analysed${suppressed}`;
  if (report.findings.length === 0) return paint('32', `✔ No PHI flows found (${scanned}).`);
  const total = `${report.findings.length} ${plural(report.findings.length, 'problem')}`;
  const text = `✖ ${total} (${errors} ${plural(errors, 'error')}, ${warnings} ${plural(warnings, 'warning')}) in ${scanned}`;
  return paint(errors > 0 ? '1;31' : '1;33', text);
}

function groupByFile(findings: readonly ReportedFinding[]): Map<string, ReportedFinding[]> {
  const groups = new Map<string, ReportedFinding[]>();
  for (const finding of findings) {
    const group = groups.get(finding.file) ?? [];
    group.push(finding);
    groups.set(finding.file, group);
  }
  return groups;
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}
