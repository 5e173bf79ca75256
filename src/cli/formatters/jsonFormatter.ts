import type { ReportedFinding, ScanReport } from '../scanReport';
import { sharedSinks } from '../sharedSinks';

/** Stable, documented JSON (see docs/cli.md): findings with 1-based positions, suppressed findings with their
 * justifications, then notices, shared sinks and totals. */
export function formatJson(report: ScanReport): string {
  const output = {
    findings: report.findings.map(findingJson),
    suppressed: report.suppressed.map((f) => ({ ...findingJson(f), justification: f.justification, suppressedAt: f.suppressedAt })),
    notices: report.notices,
    sharedSinks: sharedSinks(report.findings),
    summary: { filesScanned: report.filesScanned, filesAnalysed: report.filesAnalysed, lines: report.linesScanned },
  };
  return `${JSON.stringify(output, null, 2)}\n`;
}

function findingJson(f: ReportedFinding) {
  return {
    rule: f.rule,
    category: f.category,
    severity: f.severity,
    file: f.file,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    message: f.message,
    phiCategories: f.phiCategories,
    sink: { package: f.sink.package, api: f.sink.api },
    flow: f.flow.map((step) => ({ file: step.file, line: step.line, column: step.column, note: step.note })),
  };
}
