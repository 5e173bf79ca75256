import ts from '../typescriptCompiler';
import type { PhiGuardConfig } from '../config/config';
import { summaryFingerprint } from '../project/moduleSummary';
import type { ImportResolver, ModuleSummary } from '../project/moduleSummary';
import type { PrismaModel } from '../project/prismaSchema';
import type { AnalysisResult } from './analyzeSource';
import { editedPart } from './editedFunction';
import { changeRange } from './changeRange';
import type { ParsedEdit } from './incrementalParser';
import type { Interpreter } from './interpreter';
import { PositionShift } from './positionShift';

/** Files remembered: the ones being edited (a 20,000-line file's analysis is tens of MB). */
const DEFAULT_CAPACITY = 8;

interface Remembered {
  /** The text and tree the interpreter's offsets and nodes belong to. */
  text: string;
  sourceFile: ts.SourceFile;
  /**
   * The parser's latest tree of the file: `sourceFile`, or a later one with syntax errors that was not analysed
   * (`keepThroughSyntaxErrors`), made from it by incremental parses whose changes, one after the other, make `pending`.
   */
  tree: ts.SourceFile;
  pending: ts.TextChangeRange | undefined;
  /** What the analysis of `sourceFile` returned, handed out again while the file has syntax errors. */
  result?: AnalysisResult;
  readonly interpreter: Interpreter;
  readonly policy: string;
  readonly prismaModels: readonly PrismaModel[];
  /** Every import the analysis resolved (see recording), and the summary it got. */
  readonly imports: RecordedImports;
}

/** Import requests (by specifier and names asked for) and the summary each got. */
export type RecordedImports = Map<string, { readonly specifier: string; readonly names: readonly string[] | undefined; readonly summary: ModuleSummary | undefined }>;

/**
 * The editor's memory of each edited file's last analysis, so that a keystroke inside one function analyses that
 * function again instead of the whole file (Interpreter.reanalyse). Used with an IncrementalParser, whose reused
 * nodes tell what an edit changed (editedPart). Anything it cannot vouch for (a changed policy or import, an edit at
 * module level, a function entangled with others) makes it answer "analyse the whole file".
 */
export class AnalysisMemory {
  private readonly files = new Map<string, Remembered>();
  /**
   * How the last `update` went: what the edit changed, `whole` when the file had to be analysed again, or `kept` when
   * the edit left syntax errors and the last result was handed out again (keepThroughSyntaxErrors).
   */
  lastUpdate: 'function' | 'field' | 'types' | 'nothing' | 'whole' | 'kept' | undefined;

  constructor(private readonly capacity = DEFAULT_CAPACITY) {}

  /**
   * The remembered analysis of `fileName` brought up to date with `sourceFile` (parsed from the remembered tree), or
   * undefined when the whole file must be analysed. The remembered analysis is forgotten either way until `remember`.
   */
  update(
    fileName: string, text: string, previousTree: ts.SourceFile | undefined, sourceFile: ts.SourceFile,
    config: PhiGuardConfig, imports: ImportResolver | undefined, prismaModels: readonly PrismaModel[], parsed?: ParsedEdit,
  ): Interpreter | undefined {
    const previous = this.files.get(fileName);
    this.files.delete(fileName);
    this.lastUpdate = 'whole';
    if (!previous || previous.tree !== previousTree || !stillValid(previous, config, imports, prismaModels)) return undefined;
    // Code it did not follow (nested too deep) is found again by a whole analysis, at its place in the new text.
    if (previous.interpreter.tooDeepAt) return undefined;

    // The parser compared the two texts already when it made this tree from the remembered one; after trees left
    // unanalysed, the edits since the remembered tree are the parser's, one after the other.
    const madeHere = parsed?.before === previousTree && parsed.after === sourceFile;
    if (previous.pending && !madeHere) return undefined;
    const change = madeHere ? afterPending(previous, parsed.change) : changeRange(previous.text, text);
    const part = editedPart(previous.sourceFile.statements, sourceFile, change);
    if (!part) return undefined;
    const shift = new PositionShift(change);
    const resolver = recording(imports, previous.imports);
    const { interpreter } = previous;
    // The results of this analysis describe it as it is: one whose module summary nothing read has none once the edit
    // changes it (the same text again changes nothing).
    if (change.span.length > 0 || change.newLength > 0) interpreter.dropUnreadSummaries();
    const current = part.kind === 'nothing' ? (interpreter.follow(sourceFile, resolver, shift), true)
      : part.kind === 'types' ? interpreter.retype(part, sourceFile, resolver, shift)
        : part.kind === 'field' ? interpreter.refield(part, sourceFile, resolver, shift)
        : interpreter.reanalyse(part, sourceFile, resolver, shift);
    if (!current) return undefined;
    this.lastUpdate = part.kind;
    this.keep(fileName, { ...previous, text, sourceFile, tree: sourceFile, pending: undefined, result: undefined });
    return interpreter;
  }

  /**
   * The last result of `fileName`, handed out again for `sourceFile`, which has syntax errors: the editor keeps showing
   * the last good findings until the file parses (AnalysisStore), so analysing it would be wasted, and would give
   * the files that import it a summary of half-typed code. Undefined when the remembered analysis is not of the
   * parser's previous tree (or one it made from that tree), or what it was made with changed: then the file is
   * analysed as usual. Consults `imports` as `update` does, so a project analyser records the same dependencies.
   */
  keepThroughSyntaxErrors(
    fileName: string, previousTree: ts.SourceFile | undefined, sourceFile: ts.SourceFile,
    config: PhiGuardConfig, imports: ImportResolver | undefined, prismaModels: readonly PrismaModel[], parsed?: ParsedEdit,
  ): AnalysisResult | undefined {
    const previous = this.files.get(fileName);
    // The analysed tree itself needs no keeping: `update` hands its analysis out as it is.
    if (!previous?.result || previous.tree !== previousTree || sourceFile === previous.sourceFile) return undefined;
    if (!stillValid(previous, config, imports, prismaModels)) return undefined;
    if (sourceFile !== previousTree) {
      if (parsed?.before !== previousTree || parsed.after !== sourceFile) return undefined;
      this.keep(fileName, { ...previous, tree: sourceFile, pending: afterPending(previous, parsed.change) });
    }
    this.lastUpdate = 'kept';
    return previous.result;
  }

  /** Keeps a whole-file analysis as the base for the next edit; `imports`: what it resolved (see `recording`). */
  remember(
    fileName: string, text: string, sourceFile: ts.SourceFile, interpreter: Interpreter, config: PhiGuardConfig,
    imports: RecordedImports, prismaModels: readonly PrismaModel[],
  ): void {
    this.keep(fileName, { text, sourceFile, tree: sourceFile, pending: undefined, interpreter, policy: JSON.stringify(config), prismaModels, imports });
  }

  /** The result the remembered analysis of `sourceFile` gave (see keepThroughSyntaxErrors). */
  rememberResult(fileName: string, sourceFile: ts.SourceFile, result: AnalysisResult): void {
    const remembered = this.files.get(fileName);
    if (remembered?.sourceFile === sourceFile && remembered.tree === sourceFile) remembered.result = result;
  }

  forget(fileName: string): void {
    this.files.delete(fileName);
  }

  private keep(fileName: string, remembered: Remembered): void {
    this.files.delete(fileName);
    this.files.set(fileName, remembered);
    if (this.files.size > this.capacity) this.files.delete(this.files.keys().next().value as string);
  }
}

/** The change from the remembered text: the edits left unanalysed (if any), then `change`. */
function afterPending(previous: Remembered, change: ts.TextChangeRange): ts.TextChangeRange {
  return previous.pending ? ts.collapseTextChangeRangesAcrossMultipleVersions([previous.pending, change]) : change;
}

/** Whether the remembered analysis was made with this policy, these Prisma models and these imported summaries. */
function stillValid(previous: Remembered, config: PhiGuardConfig, imports: ImportResolver | undefined, prismaModels: readonly PrismaModel[]): boolean {
  if (previous.policy !== JSON.stringify(config)) return false;
  if (previous.prismaModels !== prismaModels && (previous.prismaModels.length || prismaModels.length)) return false;
  for (const { specifier, names, summary } of previous.imports.values()) if (!sameModuleSummary(summary, imports?.(specifier, names))) return false;
  return true;
}

/** `imports`, noting what each import request (specifier and names) resolved to in `used`. */
export function recording(imports: ImportResolver | undefined, used: RecordedImports): ImportResolver {
  return (specifier, names) => {
    const summary = imports?.(specifier, names);
    used.set(names ? `${specifier}\0${names.join('\0')}` : specifier, { specifier, names, summary });
    return summary;
  };
}

const fingerprints = new WeakMap<ModuleSummary, string>();

/** Imported summaries are remade per request; the same content is the same import. */
function sameModuleSummary(a: ModuleSummary | undefined, b: ModuleSummary | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return fingerprintOf(a) === fingerprintOf(b);
}

function fingerprintOf(summary: ModuleSummary): string {
  let fingerprint = fingerprints.get(summary);
  if (fingerprint === undefined) fingerprints.set(summary, (fingerprint = summaryFingerprint(summary)));
  return fingerprint;
}
