import type ts from 'typescript';
import { DEFAULT_CONFIG } from '../config/config';
import type { PhiGuardConfig } from '../config/config';
import { PHI_CATEGORY_IDS } from '../catalog/phiCategories';
import type { PhiCategoryId } from '../catalog/phiCategories';
import { RULE_BY_CATEGORY } from '../findings/finding';
import type { Finding, FlowStep, RuleId, SinkReview, SuppressedFinding, SuppressionProblem, TextEdit, TextRange } from '../findings/finding';
import { deidentifyFix, deidentifyImportEdit } from '../findings/fixes';
import { flowSink } from '../findings/flowSink';
import { findingMessage } from '../findings/messages';
import { coveringSuppression, parseSuppressions } from '../findings/suppressions';
import { withReviewedSinks } from '../project/reviewedSinks';
import type { Suppression } from '../findings/suppressions';
import { maskLiterals } from '../text/mask';
import { AnalysisInterrupted } from './analysisInterrupted';
import { Interpreter, MAX_NESTING } from './interpreter';
import { settleTree } from './laggingNodes';
import type { RawFinding, SinkSite } from './interpreter';
import { looksMinified, parseFile, withSyntaxErrors } from './parse';
import type { ParsedFile } from './parse';
import type { SourceParser } from './incrementalParser';
import { LineIndex } from '../text/lineIndex';
import { recording } from './analysisMemory';
import type { AnalysisMemory, RecordedImports } from './analysisMemory';
import type { ImportResolver, ModuleSummary } from '../project/moduleSummary';
import type { PrismaModel } from '../project/prismaSchema';

export interface AnalyzeOptions {
  /** Absolute or workspace-relative path; its extension selects JS/JSX/TS/TSX parsing. */
  readonly fileName: string;
  readonly text: string;
  readonly config?: PhiGuardConfig;
  /** `YYYY-MM-DD` for suppression expiry; defaults to today (UTC). */
  readonly today?: string;
  /** Summaries of the project's own modules by import specifier (cross-file analysis; see ProjectAnalyzer). */
  readonly imports?: ImportResolver;
  /** The project's Prisma models, from schema.prisma (see parsePrismaSchema). */
  readonly prismaModels?: readonly PrismaModel[];
  /** `text` already parsed by this TypeScript module (see adoptSourceFile), to save a second parse inside ESLint. */
  readonly sourceFile?: ts.SourceFile;
  /** Parses `text` when `sourceFile` is not given: the editor passes an IncrementalParser. */
  readonly parser?: SourceParser;
  /** The editor's memory of the file's last analysis, with `parser`: an edit inside one function analyses only it. */
  readonly memory?: AnalysisMemory;
  /**
   * With `memory`: the caller keeps showing its last result while the file has syntax errors (the editor's
   * AnalysisStore), so such a text is not analysed: the remembered result comes back with the new parse problems.
   */
  readonly keepLastGood?: boolean;
}

export interface SkipNotice {
  readonly reason: 'too-large' | 'minified' | 'internal-error';
  readonly message: string;
}

/** Code the analysis did not follow: nested deeper than it goes. PHI that flows through it may go unreported. */
export interface AnalysisGap {
  readonly range: TextRange;
  readonly message: string;
}

export interface ParseProblem {
  readonly range: TextRange;
  readonly message: string;
}

export interface AnalysisResult {
  readonly findings: readonly Finding[];
  readonly suppressed: readonly SuppressedFinding[];
  readonly suppressionProblems: readonly SuppressionProblem[];
  /** Syntax errors the parser recovered from. Callers that keep "last good results" check this. */
  readonly parseProblems: readonly ParseProblem[];
  /** Every recognised sink call, with or without PHI (AI vendor inventory). */
  readonly sinkSites: readonly SinkSite[];
  /** Set when the file was not analysed (too large, minified, internal error). */
  readonly skipped?: SkipNotice;
  /** Set when part of the file was not followed (see AnalysisGap): the first such place. */
  readonly incomplete?: AnalysisGap;
  /** What other modules need to know about this one's exports. */
  readonly summary?: ModuleSummary;
  /**
   * Set when this text was not analysed (it has syntax errors, and the caller asked to `keepLastGood`): everything
   * but `parseProblems` is the last result, whose offsets are those of an earlier text.
   */
  readonly lastGood?: true;
}

const EMPTY_RESULT = { findings: [], suppressed: [], suppressionProblems: [], parseProblems: [], sinkSites: [] } as const;

/** Analyse one file. Never throws: an internal error becomes a skip notice naming the file. */
export function analyzeSource(options: AnalyzeOptions): AnalysisResult {
  const config = options.config ?? DEFAULT_CONFIG;
  const { text, fileName } = options;
  if (text.length > config.maxFileSizeKb * 1024) {
    return { ...EMPTY_RESULT, skipped: { reason: 'too-large', message: `${fileName}: skipped, ${Math.round(text.length / 1024)} KB is over the ${config.maxFileSizeKb} KB limit (maxFileSizeKb in .phi-guard.json).` } };
  }
  if (looksMinified(text)) {
    return { ...EMPTY_RESULT, skipped: { reason: 'minified', message: `${fileName}: skipped, it looks minified or generated (very long lines). Exclude it in .phi-guard.json to silence this notice.` } };
  }
  const { memory, parser } = options;
  try {
    const previousTree = memory && parser?.current?.(fileName);
    const parsed = options.sourceFile?.text === text ? withSyntaxErrors(options.sourceFile)
      : parser ? withSyntaxErrors(parser.parse(fileName, text))
        : parseFile(fileName, text);
    const today = options.today ?? new Date().toISOString().slice(0, 10);
    const prismaModels = options.prismaModels ?? [];
    if (memory && parser?.current) {
      const kept = options.keepLastGood && parsed.syntaxErrors.length > 0
        && memory.keepThroughSyntaxErrors(fileName, previousTree, parsed.sourceFile, config, options.imports, prismaModels, parser.lastEdit?.(fileName));
      if (kept) return keptThroughSyntaxErrors(kept, parsed.syntaxErrors);
      return analyzeRemembered(memory, parser, previousTree, fileName, parsed, text, config, today, options.imports, prismaModels);
    }
    settleTree(parsed.sourceFile);
    return analyzeParsed(fileName, parsed, text, config, today, options.imports, prismaModels);
  } catch (error) {
    memory?.forget(fileName);
    if (error instanceof AnalysisInterrupted) throw error;
    const message = error instanceof RangeError
      ? `${fileName}: skipped, the code is nested too deeply to parse. Other files are not affected.`
      : `${fileName}: PHI Guard could not analyse this file (${String(error instanceof Error ? error.message : error)}). Please report it; other files are not affected.`;
    return { ...EMPTY_RESULT, skipped: { reason: 'internal-error', message } };
  }
}

/** The last result again, with the new text's syntax errors; its module summary still made only when read (see resultOf). */
function keptThroughSyntaxErrors(kept: AnalysisResult, parseProblems: readonly ParseProblem[]): AnalysisResult {
  const { findings, suppressed, suppressionProblems, sinkSites, skipped, incomplete } = kept;
  return { findings, suppressed, suppressionProblems, parseProblems, sinkSites, ...(skipped && { skipped }), ...(incomplete && { incomplete }), get summary() { return kept.summary; }, lastGood: true };
}

function analyzeParsed(
  fileName: string, parsed: ParsedFile, text: string, config: PhiGuardConfig, today: string, imports: ImportResolver | undefined, prismaModels: readonly PrismaModel[],
): AnalysisResult {
  let interpreter = new Interpreter(parsed.sourceFile, config, undefined, imports, prismaModels);
  interpreter.run();
  if (interpreter.stale) {
    // A closure read a variable before a later write made it PHI: once more with every write (and client) known.
    interpreter = new Interpreter(parsed.sourceFile, config, interpreter.bindingValues, imports, prismaModels, false, interpreter.clientArgumentApis);
    interpreter.run();
  } else if (interpreter.lateClients) {
    // A function was analysed before a call handed it a client: once more with the clients known, as the editor does.
    interpreter = new Interpreter(parsed.sourceFile, config, undefined, imports, prismaModels, false, interpreter.clientArgumentApis);
    interpreter.run();
  }
  return resultOf(fileName, interpreter, parsed, text, config, today, false);
}

/** The editor's path: the remembered analysis brought up to date if the edit allows, else a whole analysis kept for
 * the next edit (unless it needed a second pass, whose values a function analysed alone would not have). */
function analyzeRemembered(
  memory: AnalysisMemory, parser: SourceParser, previousTree: ts.SourceFile | undefined, fileName: string, parsed: ParsedFile, text: string, config: PhiGuardConfig, today: string,
  imports: ImportResolver | undefined, prismaModels: readonly PrismaModel[],
): AnalysisResult {
  let updated: Interpreter | undefined;
  try {
    updated = memory.update(fileName, text, previousTree, parsed.sourceFile, config, imports, prismaModels, parser.lastEdit?.(fileName));
  } catch (error) {
    // A failure of the shortcut costs the shortcut, not the results: the whole file is analysed as without it (an
    // interrupted one, when its request starts again). The remembered analysis may be half updated: it goes.
    memory.forget(fileName);
    if (error instanceof AnalysisInterrupted) throw error;
  }
  if (updated) return remembered(memory, fileName, parsed, resultOf(fileName, updated, parsed, text, config, today, true));
  // Only an analysis of the edited function reads the tree through settling reads (see laggingNodes).
  settleTree(parsed.sourceFile);
  let used: RecordedImports = new Map();
  let interpreter = new Interpreter(parsed.sourceFile, config, undefined, recording(imports, used), prismaModels, true);
  interpreter.run();
  if (!interpreter.stale && interpreter.lateClients) {
    // As analyzeParsed: once more with the clients known from the start, and that analysis is kept for the next edit.
    used = new Map();
    interpreter = new Interpreter(parsed.sourceFile, config, undefined, recording(imports, used), prismaModels, true, interpreter.clientArgumentApis);
    interpreter.run();
  }
  if (interpreter.stale || interpreter.lateClients) return analyzeParsed(fileName, parsed, text, config, today, imports, prismaModels);
  memory.remember(fileName, text, parsed.sourceFile, interpreter, config, used, prismaModels);
  return remembered(memory, fileName, parsed, resultOf(fileName, interpreter, parsed, text, config, today, true));
}

function remembered(memory: AnalysisMemory, fileName: string, parsed: ParsedFile, result: AnalysisResult): AnalysisResult {
  memory.rememberResult(fileName, parsed.sourceFile, result);
  return result;
}

/**
 * The result of a finished analysis. `remembered`: the interpreter lives on and moves its offsets in place on the next
 * edit (AnalysisMemory), so the result gets copies of them, and its module summary is made when first read: only
 * files that import this one read it (a keystroke in a file no analysed file imports would make it for nothing).
 * It reads the interpreter and the names and kinds of the tree's statements, which an edit re-parsing the file leaves
 * (not their offsets: one with suppressions is made at once, see withReviewedSinks); one still unread when the next
 * edit changes the interpreter is never made (Interpreter.dropUnreadSummaries): nothing reads the summary of a text
 * after its file's next analysis but an import cycle's module analysed meanwhile, which reads none, as of a module
 * not analysed yet, and is analysed again once the file's new summary is known (ProjectAnalyzer.settleCycles).
 */
const TOO_DEEP_MESSAGE = `PHI Guard did not follow this code: it is nested more than ${MAX_NESTING} levels deep (a chain of hundreds of calls, or blocks within blocks), so PHI that flows through it is not reported. Split the chain or the nesting to have it analysed.`;

function resultOf(
  fileName: string, interpreter: Interpreter, { sourceFile, syntaxErrors }: ParsedFile, text: string, config: PhiGuardConfig, today: string, remembered: boolean,
): AnalysisResult {
  // The import every finding's fix adds is the file's: looked up once (see rememberedFinding).
  const importEdit = remembered ? deidentifyImportEdit(sourceFile, config) : undefined;
  const findings = reportable(interpreter.findings, config).map((raw) => ({ finding: remembered ? rememberedFinding(raw, sourceFile, config, importEdit) : toFinding(raw, sourceFile, config, false), reviewed: raw.reviewed }));
  findings.sort(({ finding: a }, { finding: b }) => a.range.start - b.range.start || a.rule.localeCompare(b.rule) || a.range.end - b.range.end || a.sink.id.localeCompare(b.sink.id));
  const sinkSites = remembered ? interpreter.sinkSites.map((site) => ({ sink: site.sink, range: { start: site.range.start, end: site.range.end } })) : interpreter.sinkSites;

  const { suppressions, problems } = parseSuppressions(sourceFile, today);
  const { kept, suppressed } = applySuppressions(findings, suppressions, sourceFile);
  const moduleSummary = (): ModuleSummary => {
    const summary = interpreter.moduleSummary(fileName, new LineIndex(text));
    // A sink reviewed here is reviewed for the callers of this module's functions too.
    return suppressions.length ? withReviewedSinks(summary, suppressions, sourceFile) : summary;
  };
  const tooDeep = interpreter.tooDeepAt;
  const incomplete = tooDeep && { range: { start: tooDeep.getStart(sourceFile), end: tooDeep.end }, message: TOO_DEEP_MESSAGE };
  const result = { findings: kept, suppressed, suppressionProblems: problems, parseProblems: syntaxErrors, sinkSites, ...(incomplete && { incomplete }) };
  if (!remembered || suppressions.length) return { ...result, summary: moduleSummary() };
  const summary = interpreter.lazySummary(moduleSummary);
  return { ...result, get summary() { return summary(); } };
}

/**
 * Findings a suppression covers are set aside, with its reason: one on the finding's line (its own, or the statement
 * below a standalone comment), or one at the sink the flow ends in. A sink reviewed once (`redis.set` in a cache
 * helper) covers the PHI every caller hands it: callers in this file by the sink's place, callers in other files by
 * the review their module summary carries (withReviewedSinks).
 */
function applySuppressions(findings: readonly { finding: Finding; reviewed: SinkReview | undefined }[], suppressions: readonly Suppression[], sourceFile: ts.SourceFile): { kept: Finding[]; suppressed: SuppressedFinding[] } {
  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const { finding, reviewed } of findings) {
    if (reviewed) {
      suppressed.push({ finding, reason: reviewed.reason, commentRange: reviewed.range, commentFile: reviewed.file, commentPosition: reviewed.position });
      continue;
    }
    // Most files have no suppression: then no line lookups (TypeScript builds a line map per tree for them).
    const sink = flowSink(finding.flow);
    const match = !suppressions.length ? undefined : coveringSuppression(suppressions, sourceFile, finding.range.start, finding.rule)
      ?? (sink && !sink.file && sink.range.start !== finding.range.start ? coveringSuppression(suppressions, sourceFile, sink.range.start, finding.rule) : undefined);
    if (match) suppressed.push({ finding, reason: match.reason, commentRange: match.range });
    else kept.push(finding);
  }
  return { kept, suppressed };
}

/**
 * Whether a finding of `rule` at `position` of a parsed file would be suppressed by a comment in it, as the analysis
 * decides, without analysing: the editor checks a suppression it is about to insert this way, for findings another
 * file's analysis makes as well as this file's own.
 */
export function isSuppressedAt(sourceFile: ts.SourceFile, position: number, rule: RuleId, today = new Date().toISOString().slice(0, 10)): boolean {
  const { suppressions } = parseSuppressions(sourceFile, today);
  return suppressions.length > 0 && coveringSuppression(suppressions, sourceFile, position, rule) !== undefined;
}

/** The raw findings the project's policy reports: not those carrying only categories their rule lets through. */
function reportable(raws: readonly RawFinding[], config: PhiGuardConfig): readonly RawFinding[] {
  return Object.keys(config.allowedCategories).length === 0 ? raws : raws.filter((raw) => reportedCategories(raw, config).length > 0);
}

/** The categories a finding reports: what it carries but the ones its rule lets through (`allowedCategories`). */
function reportedCategories(raw: RawFinding, config: PhiGuardConfig): PhiCategoryId[] {
  const categories = orderCategories(raw.taint.categories);
  const allowed = config.allowedCategories[RULE_BY_CATEGORY[raw.sink.category]];
  return allowed?.length ? categories.filter((category) => !allowed.includes(category)) : categories;
}

function toFinding(raw: RawFinding, sourceFile: ts.SourceFile, config: PhiGuardConfig, copy: boolean): Finding {
  const categories = reportedCategories(raw, config);
  const expression = expressionOf(raw, sourceFile);
  const rule = RULE_BY_CATEGORY[raw.sink.category];
  const range = copy ? { start: raw.carrier.start, end: raw.carrier.end } : raw.carrier;
  return {
    rule,
    category: raw.sink.category,
    sink: raw.sink,
    phiCategories: categories,
    // Distinct already: taints join their reasons without repeats (joinTaint), and never change them.
    reasons: raw.taint.reasons,
    range,
    sinkRange: copy ? { start: raw.site.start, end: raw.site.end } : raw.site,
    expression,
    message: findingMessage(expression, categories, raw.sink),
    // Notes quote code with its literals already masked (the interpreter's `text`); each finding's steps are its own.
    flow: copy ? raw.steps.map(copyStep) : raw.steps,
    fixes: [deidentifyFix(sourceFile, range, config, raw.sink.category, { categories, record: !!raw.taint.record })],
  };
}

/**
 * The Finding each raw finding of a remembered analysis made last (see rememberedFinding). A keystroke analyses one
 * function again: the raw findings of the others stay the same objects, their offsets moved in place if after the edit.
 */
const findingOfRaw = new WeakMap<RawFinding, Finding>();

/**
 * The finding of a raw finding of a remembered analysis, whose offsets move in place (so it gets copies of them): the
 * one it made last when none of its offsets moved and the fix's import is the same, or that one's strings and lists
 * with the moved offsets. Fewer objects made on each keystroke, and the editor's comparison of its findings with the
 * new ones (findingsUpdate) meets the same references.
 */
function rememberedFinding(raw: RawFinding, sourceFile: ts.SourceFile, config: PhiGuardConfig, importEdit: TextEdit | undefined): Finding {
  const made = findingOfRaw.get(raw);
  if (made) {
    // The fix's edits: the value wrapped, then the import, if any (deidentifyFix).
    const madeImport = made.fixes[0]?.edits[1];
    const sameImport = importEdit === undefined ? madeImport === undefined : madeImport !== undefined && sameEdit(madeImport, importEdit);
    if (sameImport && sameRange(made.range, raw.carrier) && sameRange(made.sinkRange, raw.site) && sameSteps(made.flow, raw.steps)) return made;
    // Only moved: the same code, so the same expression, message and lists.
    if (expressionOf(raw, sourceFile) === made.expression) {
      const range = { start: raw.carrier.start, end: raw.carrier.end };
      const moved: Finding = {
        ...made,
        range,
        sinkRange: { start: raw.site.start, end: raw.site.end },
        flow: raw.steps.map(copyStep),
        fixes: [deidentifyFix(sourceFile, range, config, raw.sink.category, { categories: made.phiCategories, record: !!raw.taint.record })],
      };
      findingOfRaw.set(raw, moved);
      return moved;
    }
  }
  const finding = toFinding(raw, sourceFile, config, true);
  findingOfRaw.set(raw, finding);
  return finding;
}

function sameRange(a: TextRange, b: TextRange): boolean {
  return a.start === b.start && a.end === b.end;
}

function sameEdit(a: TextEdit, b: TextEdit): boolean {
  return sameRange(a.range, b.range) && a.newText === b.newText;
}

/** `made`'s steps are copies of `steps` (the ones in another file the same objects) with the same offsets. */
function sameSteps(made: readonly FlowStep[], steps: readonly FlowStep[]): boolean {
  return made.length === steps.length && made.every((step, i) => (step.file ? step === steps[i] : sameRange(step.range, steps[i]!.range)));
}

function expressionOf(raw: RawFinding, sourceFile: ts.SourceFile): string {
  return shorten(maskLiterals(sourceFile.text.slice(raw.carrier.start, raw.carrier.end).replace(/\s+/g, ' ')));
}

function copyStep(step: FlowStep): FlowStep {
  return step.file ? step : { kind: step.kind, range: { start: step.range.start, end: step.range.end }, note: step.note };
}

function orderCategories(categories: ReadonlySet<PhiCategoryId>): PhiCategoryId[] {
  return PHI_CATEGORY_IDS.filter((id) => categories.has(id));
}

function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
