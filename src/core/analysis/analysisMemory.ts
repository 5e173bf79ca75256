import type ts from 'typescript';
import type { PhiGuardConfig } from '../config/config';
import { summaryFingerprint } from '../project/moduleSummary';
import type { ImportResolver, ModuleSummary } from '../project/moduleSummary';
import type { PrismaModel } from '../project/prismaSchema';
import { editedPart } from './editedFunction';
import { changeRange } from './incrementalParser';
import type { ParsedEdit } from './incrementalParser';
import type { Interpreter } from './interpreter';
import { PositionShift } from './positionShift';

/** Files remembered: the ones being edited (a 20,000-line file's analysis is tens of MB). */
const DEFAULT_CAPACITY = 8;

interface Remembered {
  text: string;
  sourceFile: ts.SourceFile;
  readonly interpreter: Interpreter;
  readonly policy: string;
  readonly prismaModels: readonly PrismaModel[];
  /** Every import specifier the analysis resolved, and the summary it got. */
  readonly imports: Map<string, ModuleSummary | undefined>;
}

/**
 * The editor's memory of each edited file's last analysis, so that a keystroke inside one function analyses that
 * function again instead of the whole file (Interpreter.reanalyse). Used with an IncrementalParser, whose reused
 * nodes tell what an edit changed (editedPart). Anything it cannot vouch for (a changed policy or import, an edit at
 * module level, a function entangled with others) makes it answer "analyse the whole file".
 */
export class AnalysisMemory {
  private readonly files = new Map<string, Remembered>();
  /** How the last `update` went: what the edit changed, or `whole` when the file had to be analysed again. */
  lastUpdate: 'function' | 'types' | 'nothing' | 'whole' | undefined;

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
    if (!previous || previous.sourceFile !== previousTree || previous.policy !== JSON.stringify(config)) return undefined;
    if (previous.prismaModels !== prismaModels && (previous.prismaModels.length || prismaModels.length)) return undefined;
    for (const [specifier, summary] of previous.imports) if (!sameModuleSummary(summary, imports?.(specifier))) return undefined;

    // The parser compared the two texts already when it made this tree from the remembered one.
    const change = parsed?.before === previous.sourceFile && parsed.after === sourceFile ? parsed.change : changeRange(previous.text, text);
    const part = editedPart(previous.sourceFile.statements, sourceFile, change);
    if (!part) return undefined;
    const shift = new PositionShift(change);
    const resolver = recording(imports, previous.imports);
    const { interpreter } = previous;
    const current = part.kind === 'nothing' ? (interpreter.follow(sourceFile, resolver, shift), true)
      : part.kind === 'types' ? interpreter.retype(sourceFile, resolver, shift)
        : interpreter.reanalyse(part, sourceFile, resolver, shift);
    if (!current) return undefined;
    this.lastUpdate = part.kind;
    this.keep(fileName, { ...previous, text, sourceFile });
    return interpreter;
  }

  /** Keeps a whole-file analysis as the base for the next edit; `imports`: what it resolved (see `recording`). */
  remember(
    fileName: string, text: string, sourceFile: ts.SourceFile, interpreter: Interpreter, config: PhiGuardConfig,
    imports: Map<string, ModuleSummary | undefined>, prismaModels: readonly PrismaModel[],
  ): void {
    this.keep(fileName, { text, sourceFile, interpreter, policy: JSON.stringify(config), prismaModels, imports });
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

/** `imports`, noting what each specifier resolved to in `used`. */
export function recording(imports: ImportResolver | undefined, used: Map<string, ModuleSummary | undefined>): ImportResolver {
  return (specifier) => {
    const summary = imports?.(specifier);
    used.set(specifier, summary);
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
