import type { ScanReport } from '../scanReport';

/** Stable, documented JSON (see docs/cli.md): findings with 1-based positions, then notices and totals. */
export function formatJson(report: ScanReport): string {
  const output = {
    findings: report.findings.map((f) => ({
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
    })),
    notices: report.notices,
    summary: { filesScanned: report.filesScanned, filesAnalysed: report.filesAnalysed, lines: report.linesScanned },
  };
  return `${JSON.stringify(output, null, 2)}\n`;
}
