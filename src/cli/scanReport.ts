import type { FlowStepKind, PhiCategoryId, RuleId, SinkCategory } from '../core';

/** Severity of a reported finding; rules set to `off` are not reported at all. */
export type ReportSeverity = 'error' | 'warning';

/** A flow step with its position resolved; `file` is relative to the working directory, with `/`. */
export interface ReportedFlowStep {
  readonly kind: FlowStepKind;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly note: string;
}

/** A finding as the CLI reports it: positions are 1-based, `end*` point just past the value. */
export interface FileFinding {
  readonly rule: RuleId;
  readonly category: SinkCategory;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly message: string;
  readonly phiCategories: readonly PhiCategoryId[];
  readonly sink: { readonly id: string; readonly package: string; readonly api: string; readonly vendor: string };
  readonly expression: string;
  readonly flow: readonly ReportedFlowStep[];
}

export interface ReportedFinding extends FileFinding {
  readonly severity: ReportSeverity;
}

/** A finding a `phi-guard-allow` comment covers: kept on record (SARIF suppressions, JSON), never counted or failed on. */
export interface FileSuppressedFinding extends FileFinding {
  readonly justification: string;
  /** Where the comment is: in this file, or in the module of a helper whose sink it reviews. 1-based. */
  readonly suppressedAt: { readonly file: string; readonly line: number; readonly column: number };
}

export interface ReportedSuppressedFinding extends FileSuppressedFinding {
  readonly severity: ReportSeverity;
}

export type NoticeKind = 'skipped' | 'unreadable' | 'syntax-error' | 'suppression' | 'ignored' | 'internal-error' | 'incomplete';

/** Something the user should know that is not a finding: a file not analysed, a malformed suppression. */
export interface ScanNotice {
  readonly kind: NoticeKind;
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly message: string;
}

/** What analysing one file produced; plain data so that it can cross a worker-thread boundary. */
export interface FileScanResult {
  readonly file: string;
  readonly lines: number;
  readonly analysed: boolean;
  readonly findings: readonly FileFinding[];
  readonly suppressed: readonly FileSuppressedFinding[];
  readonly notices: readonly ScanNotice[];
}

export interface ScanReport {
  readonly findings: readonly ReportedFinding[];
  readonly suppressed: readonly ReportedSuppressedFinding[];
  readonly notices: readonly ScanNotice[];
  readonly filesScanned: number;
  readonly filesAnalysed: number;
  readonly linesScanned: number;
}

/** Findings (open or suppressed) by file, position and rule: the order of every output, whatever thread found what. */
export function byPlace(a: FileFinding, b: FileFinding): number {
  return compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.rule, b.rule);
}

/** Code-unit order, the same on every machine (not the locale's). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
