import * as fs from 'fs';
import * as path from 'path';
import { analyzeSource, LineIndex, withoutByteOrderMark, type AnalysisResult, type AnalyzeOptions, type Finding, type PhiGuardConfig } from '../core';
import { displayPath } from './displayPath';
import type { FileFinding, FileScanResult, FileSuppressedFinding, ReportedFlowStep, ScanNotice } from './scanReport';

/**
 * The engine as a function of one file's text. `knownText`: the text it has read already (the file analysed as an import
 * of another), so that the scan need not read the file again.
 */
export type Analyzer = ((options: AnalyzeOptions) => AnalysisResult) & { readonly knownText?: (absolutePath: string) => string | undefined };

export interface AnalyzeFileOptions {
  readonly absolutePath: string;
  readonly cwd: string;
  readonly config: PhiGuardConfig;
  /** The engine (see createEngine); defaults to single-file analysis. Tests substitute a fake one. */
  readonly analyze?: Analyzer;
}

/** Files this many times over `maxFileSizeKb` are not even read: the engine would skip them anyway. */
const READ_LIMIT_FACTOR = 4;

/** Reads and analyses one file. Never throws: a file that cannot be read becomes a notice. */
export function analyzeFile(options: AnalyzeFileOptions): FileScanResult {
  const { absolutePath, cwd, config } = options;
  const file = displayPath(absolutePath, cwd);
  const notAnalysed = (notice: ScanNotice, lines = 0): FileScanResult => ({ file, lines, analysed: false, findings: [], suppressed: [], notices: [notice] });

  const tooLarge = (size: number) => size > config.maxFileSizeKb * 1024 * READ_LIMIT_FACTOR;
  const skippedAsTooLarge = (size: number) => notAnalysed({ kind: 'skipped', file, message: `skipped: ${Math.round(size / 1024)} KB is over the maxFileSizeKb limit of ${config.maxFileSizeKb} KB` });
  let text = options.analyze?.knownText?.(absolutePath);
  if (text !== undefined) {
    const size = Buffer.byteLength(text, 'utf8');
    if (tooLarge(size)) return skippedAsTooLarge(size);
  } else {
    try {
      const size = fs.statSync(absolutePath).size;
      if (tooLarge(size)) return skippedAsTooLarge(size);
      text = withoutByteOrderMark(fs.readFileSync(absolutePath, 'utf8'));
    } catch (error) {
      return notAnalysed({ kind: 'unreadable', file, message: `could not read the file (${describeError(error)}); it was not analysed` });
    }
  }

  const index = new LineIndex(text);
  let result: AnalysisResult;
  try {
    result = (options.analyze ?? analyzeSource)({ fileName: absolutePath, text, config });
  } catch (error) {
    return notAnalysed({ kind: 'internal-error', file, message: `PHI Guard failed on this file (${describeError(error)}); please report it` }, index.lineCount);
  }

  if (result.skipped) {
    return notAnalysed({ kind: 'skipped', file, message: skipMessage(result.skipped.message, absolutePath) }, index.lineCount);
  }

  const notices: ScanNotice[] = [];
  const firstSyntaxError = result.parseProblems[0];
  if (firstSyntaxError) {
    // One notice per file, as ESLint's "Parsing error": the errors after the first mostly follow from it (a Flow-typed
    // file gave 58 lines of them).
    const at = index.positionAt(firstSyntaxError.range.start);
    notices.push({ kind: 'syntax-error', file, line: at.line, column: at.column, message: syntaxErrorMessage(firstSyntaxError.message, result.parseProblems.length - 1, text) });
  }
  if (result.incomplete) {
    const at = index.positionAt(result.incomplete.range.start);
    notices.push({ kind: 'incomplete', file, line: at.line, column: at.column, message: result.incomplete.message });
  }
  for (const problem of result.suppressionProblems) {
    const at = index.positionAt(problem.range.start);
    notices.push({ kind: 'suppression', file, line: at.line, column: at.column, message: problem.message });
  }

  const otherFiles = new OtherFileIndexes(absolutePath, index, options.analyze?.knownText);
  const findings = result.findings.map((finding) => toFileFinding(finding, file, index, otherFiles, cwd));
  const suppressed = result.suppressed.map(({ finding, reason, commentRange, commentFile, commentPosition }): FileSuppressedFinding => {
    const at = commentFile === undefined ? index.positionAt(commentRange.start) : commentPosition ?? { line: 1, column: 1 };
    const where = commentFile === undefined ? file : displayPath(otherFiles.resolve(commentFile), cwd);
    return { ...toFileFinding(finding, file, index, otherFiles, cwd), justification: reason, suppressedAt: { file: where, line: at.line, column: at.column } };
  });
  return { file, lines: index.lineCount, analysed: true, findings, suppressed, notices };
}

function toFileFinding(finding: Finding, file: string, index: LineIndex, otherFiles: OtherFileIndexes, cwd: string): FileFinding {
  const start = index.positionAt(finding.range.start);
  const end = index.positionAt(finding.range.end);
  const flow = finding.flow.map((step): ReportedFlowStep => {
    const stepIndex = step.file === undefined ? index : otherFiles.get(step.file);
    const at = stepIndex?.positionAt(step.range.start) ?? { line: 1, column: 1 };
    const stepFile = step.file === undefined ? file : displayPath(otherFiles.resolve(step.file), cwd);
    return { kind: step.kind, file: stepFile, line: at.line, column: at.column, note: step.note };
  });
  return {
    rule: finding.rule,
    category: finding.category,
    file,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    message: finding.message,
    phiCategories: finding.phiCategories,
    sink: { id: finding.sink.id, package: finding.sink.package, api: finding.sink.api, vendor: finding.sink.vendor },
    expression: finding.expression,
    flow,
  };
}

/**
 * Line indexes of the other files a cross-file flow passes through, made once each from the text the engine analysed
 * (`knownText`), so a step's line is where the engine saw it; read from disk only for a file the engine has no text of.
 */
class OtherFileIndexes {
  private readonly cache = new Map<string, LineIndex | undefined>();

  constructor(private readonly analysedPath: string, analysedIndex: LineIndex, private readonly knownText?: (absolutePath: string) => string | undefined) {
    this.cache.set(analysedPath, analysedIndex);
  }

  resolve(file: string): string {
    return path.resolve(path.dirname(this.analysedPath), file);
  }

  get(file: string): LineIndex | undefined {
    const absolute = this.resolve(file);
    if (!this.cache.has(absolute)) {
      let index: LineIndex | undefined;
      try {
        index = new LineIndex(this.knownText?.(absolute) ?? withoutByteOrderMark(fs.readFileSync(absolute, 'utf8')));
      } catch {
        index = undefined;
      }
      this.cache.set(absolute, index);
    }
    return this.cache.get(absolute);
  }
}

/** The engine's skip message without the path it may start with (the notice names the file already). */
function skipMessage(engineMessage: string, absolutePath: string): string {
  const message = engineMessage.startsWith(`${absolutePath}: `) ? engineMessage.slice(absolutePath.length + 2) : engineMessage;
  return /\bskipped\b/i.test(message) ? message : `skipped: ${message}`;
}

function describeError(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.message : String(error);
}

/** A `@flow` pragma comment before the code: Flow's type syntax, which neither TypeScript nor JavaScript parses. */
const FLOW_PRAGMA = /^(?:\s|\/\/[^\n]*\n|\/\*(?:[^*]|\*(?!\/))*\*\/)*?(?:\/\/\s*@flow\b|\/\*(?:[^*]|\*(?!\/))*?@flow\b)/;

function syntaxErrorMessage(first: string, more: number, text: string): string {
  const others = more === 0 ? '' : more === 1 ? 'and 1 more after it; ' : `and ${more} more after it; `;
  const flow = FLOW_PRAGMA.test(text) ? ' The file is marked `@flow`: PHI Guard reads TypeScript and JavaScript, not Flow types; exclude it in .phi-guard.json or strip its types first.' : '';
  return `syntax error: ${first} (${others}analysed what could be parsed)${flow}`;
}
