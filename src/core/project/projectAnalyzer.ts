import { createHash } from 'node:crypto';
import type ts from 'typescript';
import { analyzeSource } from '../analysis/analyzeSource';
import { AnalysisInterrupted } from '../analysis/analysisInterrupted';
import type { AnalysisResult } from '../analysis/analyzeSource';
import type { SourceParser } from '../analysis/incrementalParser';
import type { AnalysisMemory } from '../analysis/analysisMemory';
import { parseTree } from '../analysis/parse';
import type { PhiGuardConfig } from '../config/config';
import { BarrelMoves, exportedNamesDiffer, namesOfSummary } from './barrelMoves';
import { ModuleResolver } from './moduleResolver';
import type { ProjectHost } from './moduleResolver';
import { summaryFingerprint } from './moduleSummary';
import { configStamp, exportedNamesStamp, isPersistedAnalysis, movedBarrelsOf } from './persistedAnalyses';
import type { PersistedAnalyses, PersistedAnalysis, RestoreOutcome } from './persistedAnalyses';
import type { ExportedClass, ExportedFunction, ExportedSymbol, ModuleSummary } from './moduleSummary';
import { parsePrismaSchema } from './prismaSchema';
import type { PrismaModel } from './prismaSchema';
import { nameClassifierFor } from '../analysis/sources';
import * as path from 'node:path';
import { detached } from '../text/detached';
import { ownProperty } from '../analysis/ownProperty';
import { looksMinified } from '../analysis/parse';
import { textReachesNoSink } from './sinkFreeText';
import { namesExportedByText } from '../text/exportableNames';

interface EntryData {
  /**
   * The text analysed, when this analyser read or was given it: a request with the same text is recognised by
   * comparing the two (a whole-project ESLint run analyses a file as an import, then lints it), which costs far less
   * than hashing them. Undefined for an analysis adopted from another thread, which comes with its hash.
   */
  readonly text: string | undefined;
  readonly hash?: string;
  /**
   * The host's change stamp taken before this analyser read the text itself: unchanged stamp, unchanged file, no need
   * to read it. Undefined for a text it was given (ESLint's, an editor buffer's), which need not be what the host holds:
   * a later check reads the file and compares the texts, and keeps the stamp if they are the same.
   */
  version: string | undefined;
  /** The generation in which this entry and its dependencies were last known to be current. */
  checked: number;
  readonly result: AnalysisResult;
  /** Resolved dependency → the summary this analysis used (see SummaryStamp). */
  readonly deps: ReadonlyMap<string, SummaryStamp>;
  /** Specifiers that named no project module: one may be created later (then the file needs a new analysis). */
  readonly unresolved: readonly string[];
  /**
   * The file's imports that named a project module, with that module: one that names another later (a file created
   * beside it, a tsconfig changed) means a new analysis.
   */
  readonly resolved: readonly (readonly [specifier: string, target: string])[];
  /**
   * The module each of its summary's re-exports names ('' for none), in the summary's order: part of what importers
   * see of it (see entryFingerprint), so a re-export that names another module now changes the importers' analyses too.
   */
  readonly reexportTargets?: readonly string[];
  /** The Prisma schema this analysis read (path and content hash; '' for none): a changed, created or deleted schema means a new analysis. */
  readonly prisma: string;
  /**
   * The text reaches no sink (see textReachesNoSink): the result of a request, found without an analysis, has no module
   * summary; a file that imports this one has it analysed then. `deps` are the summaries that decided it.
   */
  readonly sinkFree?: true;
  /** BarrelMoves' tick when the analysis was made (a long-lived analyser's); undefined for one restored or adopted. */
  readonly madeAt?: number;
}

/** One file's analysis as this analyser keeps it. */
interface Entry extends EntryData {
  readonly fingerprint: string;
  /** sha1 of the text, worked out when first asked for (sharing the analysis with another thread). */
  readonly hash: string;
}

/**
 * Which summary of a module an analysis used: the module's entry at the time (`undefined`: none yet, an unfinished
 * module of an import cycle), or a fingerprint another thread sent. The same entry is the same summary; only
 * different entries need their fingerprints compared, so a one-pass run (CLI, ESLint) hashes no summary for this.
 */
type SummaryStamp = { readonly fingerprint: string } | undefined;

function sameSummaryStamp(a: SummaryStamp, b: SummaryStamp): boolean {
  if (a === b) return true;
  return !!a && !!b && a.fingerprint === b.fingerprint;
}

/**
 * The summary's fingerprint is worked out when something first asks for it (an importer, a check of an importer's
 * dependencies): a file being edited that nothing imports never needs it.
 */
function makeEntry(data: EntryData, known?: string, reexportTargetsOf?: () => readonly string[] | undefined): Entry {
  let fingerprint = known;
  let hash = data.hash;
  let targets = data.reexportTargets;
  let targetsOf = reexportTargetsOf;
  return {
    ...data,
    // Worked out when first read, like the summary (the editor's analyses make it only when an importer needs it).
    get reexportTargets() {
      if (targetsOf) {
        targets = targetsOf();
        targetsOf = undefined;
      }
      return targets;
    },
    get fingerprint() {
      return (fingerprint ??= entryFingerprint(data.result.summary, this.reexportTargets));
    },
    get hash() {
      return (hash ??= hashText(data.text ?? ''));
    },
  };
}

/**
 * What importers see of a module: its summary, and for a barrel the modules its re-exports name (a look-up through it
 * finds a name in those). A module without re-exports has its summary's fingerprint.
 */
function entryFingerprint(summary: ModuleSummary | undefined, reexportTargets: readonly string[] | undefined): string {
  const fingerprint = summaryFingerprint(summary);
  return reexportTargets?.length ? createHash('sha1').update(fingerprint).update(`\0${reexportTargets.join('\0')}`).digest('hex') : fingerprint;
}

/** Whether `entry` analysed exactly `text`. */
function analysedText(entry: Entry, text: string): boolean {
  return entry.text !== undefined ? entry.text === text : entry.hash === hashText(text);
}

/** A `schema.prisma` as read in one generation; its models are parsed on first use. */
interface PrismaSchemaState {
  readonly path: string;
  readonly hash: string;
  readonly text: string;
  version: string | undefined;
  generation: number;
  models?: PrismaModel[];
}

/**
 * How many times settling may analyse one module again in one request: enough for the cycles of real projects (one or
 * two settle nearly all; medplum's largest needs up to 7, depending on which of its files is analysed first); bounds
 * the work on pathological ones.
 */
const MAX_SETTLE_ANALYSES = 10;

/**
 * Analyses nested deeper than this (a module analysed for an import of a module analysed for an import, …) stop, and
 * the module they needed is analysed first, at the top of the stack: a long chain of first-time imports would otherwise
 * run out of stack (about 330 modules deep) and lose the modules at its end. ottehr nests between 64 and 100 deep.
 */
const MAX_NESTED_ANALYSES = 100;

/**
 * The re-export targets of an analysis whose summary was first asked for after the files may have changed: they cannot
 * be worked out as they were, so they match nothing and the module is analysed again when checked (see makeEntry).
 */
const STALE_TARGETS: readonly string[] = ['\0files changed since the analysis'];

function hashText(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** A pause between requests this long may mean files were edited: a long-lived host's analyser then checks them again. */
export const GENERATION_PAUSE_MS = 1000;

/**
 * Cross-file analysis: analyses a file with the summaries of the project modules it imports, analysing those first
 * (depth-first, once each). Results are cached by content hash and reused until the file or a summary it used
 * changes; import cycles read the summary the cycle's other module had so far. Shared by the ESLint plugin, the CLI
 * and the extension, so all three see the same cross-file findings.
 */
export class ProjectAnalyzer {
  private readonly entries = new Map<string, Entry>();
  private readonly inProgress = new Set<string>();
  private readonly resolver: ModuleResolver;
  private readonly dependents = new Map<string, Set<string>>();
  /**
   * A long-lived analyser's (not a scan's: one generation, no analysis checked again): which barrels' look-ups may give
   * other answers now (see BarrelMoves).
   */
  private readonly barrelMoves: BarrelMoves | undefined;

  /**
   * Everything checked in one generation is trusted for the rest of it: a CLI scan is one generation; a long-lived
   * host (ESLint server, editor) starts a new one when it knows files changed (`changed()`), and at the latest after
   * `maxGenerationMs` between requests.
   */
  private generation = 1;
  /** Counts only the generations in which files may have changed on disk (not an edited buffer's). */
  private filesGeneration = 1;
  private lastRequest = 0;

  constructor(
    private readonly host: ProjectHost,
    private readonly root: string,
    private readonly configFor: (file: string) => PhiGuardConfig,
    private readonly maxGenerationMs = GENERATION_PAUSE_MS,
    /** Parses the files it analyses; the editor passes an IncrementalParser, so an edit re-parses only what changed. */
    private readonly parser?: SourceParser,
    /** The editor's: an edit inside one function analyses only that function again (see AnalysisMemory). */
    private readonly memory?: AnalysisMemory,
  ) {
    this.resolver = new ModuleResolver(host, root);
    this.barrelMoves = maxGenerationMs === Infinity ? undefined : new BarrelMoves();
  }

  /**
   * Files may have changed: re-check stamps before trusting cached summaries. `contents`: only the contents of files
   * that exist changed (an edited editor buffer), so imports and schema lookups still resolve as they did.
   */
  changed(what: 'files' | 'contents' = 'files'): void {
    if (what === 'contents') {
      this.generation++;
      this.textsRead.clear();
    } else this.newGeneration();
  }

  private newGeneration(): void {
    this.generation++;
    this.textsRead.clear();
    this.filesGeneration++;
    this.resolver.invalidate();
    // A schema.prisma may have been created or deleted.
    this.prismaByDir.clear();
  }

  /**
   * Analyses `file` (its current `text`, or what the host reads) with its imports' summaries. `sourceFile`: `text`
   * already parsed (see adoptSourceFile). `keepLastGood`: see AnalyzeOptions (the editor's, with an AnalysisMemory).
   */
  analyze(file: string, text?: string, sourceFile?: ts.SourceFile, keepLastGood = false): AnalysisResult | undefined {
    if (Date.now() - this.lastRequest > this.maxGenerationMs) this.newGeneration();
    try {
      for (;;) {
        try {
          const entry = text !== undefined ? this.ensure(file, text, undefined, sourceFile, keepLastGood, true) : this.current(file, undefined, true);
          if (!entry) return undefined;
          this.settleCycles(file, text, sourceFile, keepLastGood);
          return this.entries.get(file)?.result ?? entry.result;
        } catch (error) {
          if (!(error instanceof AnalysisInterrupted)) throw error;
          this.analyzeFirst(error.file);
        }
      }
    } finally {
      // Idle time counts, not the time since this request began: a request that analysed many imports for over
      // `maxGenerationMs` (a whole-project ESLint run) must not make the next one re-check every file and re-resolve
      // every import.
      this.lastRequest = Date.now();
      this.cycleTrees.clear();
      this.analysedFirst.clear();
    }
  }

  /**
   * Import cycles: a module analysed while another module of its cycle was unfinished used that module's summary
   * as it was then. Re-analyse such modules, and whoever used a summary that then changed, until every analysis used
   * the final summaries (each module at most MAX_SETTLE_ANALYSES times): the findings no longer depend on which file
   * of a cycle was asked for first, so `--jobs 1` and `--jobs 2` agree. One list in the order modules became
   * unsettled, so a long import ring settles one module after the other without a bound on the ring's length.
   */
  private settleCycles(requested: string, text: string | undefined, sourceFile: ts.SourceFile | undefined, keepLastGood: boolean): void {
    const analyses = new Map<string, number>();
    for (const file of this.unsettled) {
      this.unsettled.delete(file); // a dependent added again later comes again, after the others
      const entry = this.entries.get(file);
      if (!entry || this.currentSummaries(entry.deps)) continue;
      const times = analyses.get(file) ?? 0;
      if (times >= MAX_SETTLE_ANALYSES) continue;
      analyses.set(file, times + 1);
      entry.checked = -1;
      const kept = this.cycleTrees.get(file);
      // Analysed again with the text this generation analysed (files are trusted unchanged within one): not read again.
      const fresh = file === requested && text !== undefined ? this.ensure(file, text, undefined, sourceFile ?? kept, keepLastGood)
        : entry.text !== undefined ? this.ensure(file, entry.text, entry.version, kept) : this.current(file, kept);
      if (fresh && fresh.fingerprint !== entry.fingerprint) for (const dependent of this.dependents.get(file) ?? []) this.unsettled.add(dependent);
    }
    this.unsettled.clear();
  }

  /**
   * Analyses `file`, which an analysis nested too deep needed, from the top of the stack (and, the same way, what its
   * own analysis needs too deep), so that the interrupted request can start again and find it done.
   */
  private analyzeFirst(file: string): void {
    const waiting = [file];
    while (waiting.length > 0) {
      const next = waiting[waiting.length - 1]!;
      this.analysedFirst.add(next);
      try {
        this.current(next);
        waiting.pop();
      } catch (error) {
        if (!(error instanceof AnalysisInterrupted)) throw error;
        waiting.push(error.file);
      }
    }
  }

  /**
   * Modules analyzeFirst has taken up in this request: one needed too deep again is read as it is, like an unfinished
   * module of an import cycle (settled the same way), so two far ends of a very long cycle cannot wait for each other.
   */
  private readonly analysedFirst = new Set<string>();

  /** Whether each of these modules' summaries is still the one recorded. */
  private currentSummaries(deps: ReadonlyMap<string, SummaryStamp>): boolean {
    for (const [dep, stamp] of deps) if (!sameSummaryStamp(this.entries.get(dep), stamp)) return false;
    return true;
  }

  /** Modules analysed with the summary of an unfinished module of their import cycle (see settleCycles). */
  private readonly unsettled = new Set<string>();
  /**
   * The trees of unsettled modules this analyser parsed itself: settling re-analyses them with the same text, which
   * need not be parsed again. Dropped when the request ends, so no tree outlives it (results are plain data).
   */
  private readonly cycleTrees = new Map<string, ts.SourceFile>();
  /** One frame per analysis in progress (nested when imports are analysed first): did it read an unfinished summary? */
  private readonly frames: { readUnfinished: boolean }[] = [];

  /** The fingerprint of `file`'s module summary as last analysed (see summaryFingerprint). */
  fingerprintOf(file: string): string | undefined {
    return this.entries.get(file)?.fingerprint;
  }

  /** Whether any analysis this analyser keeps used `file`'s summary. */
  hasDependents(file: string): boolean {
    return (this.dependents.get(file)?.size ?? 0) > 0;
  }

  /**
   * Brings `file`'s analysis up to date with the host, when a barrel's look-ups may have passed over it (see
   * BarrelMoves): analysed again if it changed, so that names it exports now move those barrels before its dependents
   * are asked for. A module changed on disk while closed is otherwise analysed again only when a look-up visits it.
   */
  refreshReexported(file: string): void {
    if (this.barrelMoves?.isReexported(file)) this.analyze(file);
  }

  /**
   * Files that import `file`, directly or through others (a barrel that re-exports it with `export * from` counts as
   * importing it): they need a new analysis when it changes.
   */
  dependentsOf(file: string): string[] {
    const out = new Set<string>();
    const visit = (f: string) => {
      for (const d of this.dependents.get(f) ?? []) if (!out.has(d)) {
        out.add(d);
        visit(d);
      }
    };
    visit(file);
    out.delete(file);
    return [...out];
  }

  /**
   * Project files whose summaries the last analysis of `file` used, directly or through others (imports and
   * re-exports): a cached result for `file` is only valid while these are unchanged too. Empty if not analysed.
   */
  dependenciesOf(file: string): string[] {
    const out = new Set<string>();
    const visit = (f: string) => {
      for (const dependency of this.entries.get(f)?.deps.keys() ?? []) if (!out.has(dependency)) {
        out.add(dependency);
        visit(dependency);
      }
    };
    visit(file);
    out.delete(file);
    return [...out];
  }

  /**
   * The text of `file` as this analyser read or was given it, if it analysed the file in this generation (in a scan, one
   * snapshot of the files, that is the file's text): a caller about to read the file for a request need not.
   */
  analysedTextOf(file: string): string | undefined {
    const entry = this.entries.get(file);
    return entry?.checked === this.generation ? entry.text : this.textsRead.get(file)?.text;
  }

  /**
   * Texts read in this generation without analysing their file (a barrel's re-exported names), each with the host's
   * stamp taken before the read: the file's analysis in the same generation takes them instead of reading it again.
   */
  private readonly textsRead = new Map<string, { readonly version: string | undefined; readonly text: string | undefined }>();

  /** `file`'s text for a look-up that needs no analysis of it, read at most once a generation (see textsRead). */
  private readForLookUp(file: string): string | undefined {
    const known = this.textsRead.get(file);
    if (known) return known.text;
    const entry = this.entries.get(file);
    if (entry?.checked === this.generation && entry.text !== undefined) return entry.text;
    const version = this.host.version?.(file);
    const text = this.host.readFile(file);
    this.textsRead.set(file, { version, text });
    return text;
  }

  /** The import specifiers of the last analysis of `file` that named no project module (each once). */
  unresolvedOf(file: string): string[] {
    return [...new Set(this.entries.get(file)?.unresolved ?? [])];
  }

  /**
   * The project module `specifier` names when imported from a file in `dir`, as the resolver sees the files now
   * (`undefined`: none). A cached result whose unresolved import now resolves needs a new analysis.
   */
  resolveFrom(dir: string, specifier: string): string | undefined {
    // The resolver only looks at the importing file's folder.
    return this.resolver.resolve(path.join(dir, 'index.ts'), specifier);
  }

  /**
   * The schema.prisma the analysis of a file in `dir` reads (the nearest at or above it within the project), as the
   * files are now; `undefined` if none. A cached result made with another one needs a new analysis.
   */
  prismaSchemaAt(dir: string): string | undefined {
    return this.prismaSchemaFor(dir);
  }

  /** Forgets a file (deleted or renamed); its dependents re-analyse on their next request. */
  forget(file: string): void {
    this.entries.delete(file);
  }

  /**
   * The entry for a file as it is on the host now, read and re-analysed only when its stamp or a dependency changed.
   * `request`: for the file's own findings (see analyze), which a sink-free entry holds; an import needs a summary.
   */
  private current(file: string, parsed?: ts.SourceFile, request = false): Entry | undefined {
    const cached = this.entries.get(file);
    const usable = cached && (request || !cached.sinkFree) ? cached : undefined;
    if (usable && usable.checked === this.generation) return usable;
    // Read already in this generation (files are trusted unchanged within one): by a look-up, or for a request that
    // found the text sink-free and now an importer needs its summary.
    const readAhead = this.textsRead.get(file);
    if (readAhead) this.textsRead.delete(file);
    const known = readAhead ?? (cached?.checked === this.generation && cached.text !== undefined ? cached : undefined);
    const version = known ? known.version : this.host.version?.(file);
    if (usable && version !== undefined && usable.version === version && this.depsUnchanged(file, usable)) {
      usable.checked = this.generation;
      return usable;
    }
    const text = known ? known.text : this.host.readFile(file);
    return text === undefined ? undefined : this.ensure(file, text, version, parsed, false, request);
  }

  private ensure(file: string, text: string, version?: string, sourceFile?: ts.SourceFile, keepLastGood = false, request = false): Entry {
    this.textsRead.delete(file); // its entry holds the text from here on
    const cached = this.entries.get(file);
    // A result kept from an earlier text stands only for a caller that keeps the last good result itself.
    if (cached && (request || !cached.sinkFree) && analysedText(cached, text) && (keepLastGood || !cached.result.lastGood) && (cached.checked === this.generation || this.depsUnchanged(file, cached))) {
      cached.checked = this.generation;
      if (version !== undefined) cached.version = version;
      return cached;
    }
    const sinkFree = request && !keepLastGood ? this.sinkFreeEntry(file, text, version) : undefined;
    if (sinkFree) return sinkFree;
    this.inProgress.add(file);
    const frame = { readUnfinished: false };
    this.frames.push(frame);
    const deps = new Map<string, SummaryStamp>();
    const unresolved: string[] = [];
    const resolved: [string, string][] = [];
    // The tree this analysis parsed, kept for settleCycles if the file turns out to be unsettled. An IncrementalParser
    // (the editor's) returns an unchanged text's tree anyway.
    let parsedHere: ts.SourceFile | undefined;
    const parser = this.parser ?? { parse: (fileName: string, source: string) => (parsedHere = parseTree(fileName, source)) };
    try {
      const config = this.configFor(file);
      const prisma = this.prismaSchemaOf(file);
      const result = analyzeSource({
        fileName: file,
        text,
        config,
        imports: (specifier, names) => this.importSummary(file, specifier, deps, unresolved, names, resolved),
        prismaModels: prisma ? this.prismaModelsOf(prisma, config) : [],
        sourceFile,
        parser,
        memory: this.memory,
        keepLastGood,
      });
      if (frame.readUnfinished) {
        this.unsettled.add(file);
        if (parsedHere) this.cycleTrees.set(file, parsedHere);
      }
      // Re-exports resolved as the files are when the analysis ran. The editor's analyses (with an AnalysisMemory) make
      // their summary only when an importer asks: their re-exports are resolved then, and count as stale if the files
      // may have changed in between.
      const data = { text, version, checked: this.generation, result, deps, unresolved, resolved, prisma: prismaStamp(prisma), madeAt: this.barrelMoves?.now() };
      const filesGeneration = this.filesGeneration;
      const targetsLater = () => (filesGeneration === this.filesGeneration ? this.reexportTargetsOf(file, result.summary) : result.summary?.reexports.length ? STALE_TARGETS : undefined);
      const entry = this.memory ? makeEntry(data, undefined, targetsLater) : makeEntry({ ...data, reexportTargets: this.reexportTargetsOf(file, result.summary) });
      this.entries.set(file, entry);
      this.recordDependents(file, deps);
      this.noteExports(file, cached, text, result.summary);
      return entry;
    } finally {
      this.frames.pop();
      this.inProgress.delete(file);
    }
  }

  /**
   * A request for a file whose text reaches no sink (see textReachesNoSink) needs neither a parse nor an analysis: its
   * findings are none. Not for the editor's files (an AnalysisMemory keeps every analysis for the next keystroke), nor
   * for a text the analysis skips (too large, minified: its notice comes from analyzeSource).
   */
  private sinkFreeEntry(file: string, text: string, version: string | undefined): Entry | undefined {
    if (this.memory) return undefined;
    const deps = new Map<string, SummaryStamp>();
    const unresolved: string[] = [];
    const resolved: [string, string][] = [];
    // The look-ups are the start of the file's analysis: a module they analyse that imports this file (an import cycle)
    // reads it as unfinished, and is analysed again once the file has its final entry (see settleCycles). A look-up
    // that read an unfinished summary itself decides nothing: the file is analysed.
    this.inProgress.add(file);
    const frame = { readUnfinished: false };
    this.frames.push(frame);
    let sinkFree: boolean;
    try {
      sinkFree = textReachesNoSink(file, text, (specifier, names) => this.importSummary(file, specifier, deps, unresolved, names, resolved));
    } finally {
      this.frames.pop();
      this.inProgress.delete(file);
    }
    // Checked last, for sink-free texts only: analyzeSource checks the others itself.
    if (!sinkFree || frame.readUnfinished || text.length > this.configFor(file).maxFileSizeKb * 1024 || looksMinified(text)) return undefined;
    const result: AnalysisResult = { findings: [], suppressed: [], suppressionProblems: [], parseProblems: [], sinkSites: [] };
    const entry = makeEntry({ text, version, checked: this.generation, result, deps, unresolved, resolved, prisma: prismaStamp(this.prismaSchemaOf(file)), sinkFree: true, madeAt: this.barrelMoves?.now() });
    const before = this.entries.get(file);
    this.entries.set(file, entry);
    this.recordDependents(file, deps);
    this.noteExports(file, before, text, undefined);
    return entry;
  }

  /**
   * `file` was analysed anew (`before`: its analysis before, if any; `summary`: none for a sink-free text): if a barrel's
   * look-ups could have passed over it and it may export more now, those barrels move (see BarrelMoves).
   */
  private noteExports(file: string, before: Entry | undefined, text: string, summary: ModuleSummary | undefined): void {
    const moves = this.barrelMoves;
    if (!moves?.isReexported(file) || (before && analysedText(before, text))) return;
    moves.analysed(file, summary ? namesOfSummary(summary) : namesExportedByText(text), () => before !== undefined && exportedNamesDiffer(before.result.summary, summary));
  }

  /** Files whose dependencies are being checked: a cycle is judged once, not followed round and round. */
  private readonly checking = new Set<string>();

  /** Folder → the nearest schema.prisma at or above it, looked up once per generation. */
  private readonly prismaByDir = new Map<string, { schema: string | undefined }>();
  private readonly prismaSchemas = new Map<string, PrismaSchemaState>();

  /** The schema.prisma nearest above `file` as it is now: read again only when its change stamp moved. */
  private prismaSchemaOf(file: string): PrismaSchemaState | undefined {
    const schema = this.prismaSchemaFor(path.dirname(file));
    if (!schema) return undefined;
    const known = this.prismaSchemas.get(schema);
    if (known?.generation === this.generation) return known;
    const version = this.host.version?.(schema);
    if (known && version !== undefined && known.version === version) {
      known.generation = this.generation;
      return known;
    }
    const text = this.host.readFile(schema) ?? '';
    const hash = hashText(text);
    if (known?.hash === hash) {
      known.version = version;
      known.generation = this.generation;
      return known;
    }
    const state: PrismaSchemaState = { path: schema, hash, text, version, generation: this.generation };
    this.prismaSchemas.set(schema, state);
    return state;
  }

  /** The schema's models, parsed once per schema text. */
  private prismaModelsOf(schema: PrismaSchemaState, config: PhiGuardConfig): readonly PrismaModel[] {
    schema.models ??= parsePrismaSchema(schema.text, nameClassifierFor(config));
    return schema.models;
  }

  /** The nearest `prisma/schema.prisma` (or `schema.prisma`) at or above `dir`, within the project. */
  private prismaSchemaFor(dir: string): string | undefined {
    const cached = this.prismaByDir.get(dir);
    if (cached) return cached.schema;
    let schema = prismaSchemaPaths(dir).find((candidate) => this.resolver.fileExists(candidate));
    const parent = this.prismaParentOf(dir);
    if (!schema && parent !== undefined) schema = this.prismaSchemaFor(parent);
    this.prismaByDir.set(dir, { schema });
    return schema;
  }

  /** The next folder to look for a schema in, or `undefined` at the project root (or the file system's). */
  private prismaParentOf(dir: string): string | undefined {
    const parent = path.dirname(dir);
    return parent !== dir && dir.startsWith(this.root) ? parent : undefined;
  }

  private depsUnchanged(file: string, entry: Entry): boolean {
    if (prismaStamp(this.prismaSchemaOf(file)) !== entry.prisma) return false;
    if (entry.unresolved.some((specifier) => this.resolver.resolve(file, specifier) !== undefined)) return false;
    if (entry.resolved.some(([specifier, target]) => this.resolver.resolve(file, specifier) !== target)) return false;
    const reexports = entry.result.summary?.reexports ?? [];
    if (entry.reexportTargets?.some((target, i) => reexports[i] === undefined || (this.resolver.resolve(file, reexports[i].specifier) ?? '') !== target)) return false;
    for (const [dep, stamp] of entry.deps) {
      if (this.inProgress.has(dep) || this.checking.has(dep)) continue;
      this.checking.add(dep);
      try {
        const current = this.current(dep);
        if (!current || !sameSummaryStamp(current, stamp)) return false;
      } finally {
        this.checking.delete(dep);
      }
    }
    // A module a look-up through a barrel passed over may export the name now (see BarrelMoves).
    if (this.barrelMoves) for (const dep of entry.deps.keys()) if (this.barrelMoves.movedAt(dep) > (entry.madeAt ?? 0)) return false;
    return true;
  }

  private summaryFor(file: string): ModuleSummary | undefined {
    const entry = this.entries.get(file);
    if (this.inProgress.has(file)) return entry?.result.summary;
    // Too deep: analysed first at the top of the stack, unless it waits for that already (then it is unfinished).
    if (this.frames.length >= MAX_NESTED_ANALYSES && (entry?.checked !== this.generation || entry.sinkFree)) {
      if (!this.analysedFirst.has(file)) throw new AnalysisInterrupted(file);
      return entry?.result.summary;
    }
    return this.current(file)?.result.summary;
  }

  private importSummary(fromFile: string, importedAs: string, deps: Map<string, SummaryStamp>, unresolved: string[], names: readonly string[] | undefined, resolved: [string, string][]): ModuleSummary | undefined {
    // Kept for the whole run (the resolver's table, `unresolved`): a copy, not a view of the importing file's text.
    const specifier = detached(importedAs);
    const target = this.resolver.resolve(fromFile, specifier);
    if (!target) unresolved.push(specifier);
    else resolved.push([specifier, target]);
    if (!target || target === fromFile) return undefined;
    const unfinishedReads = this.unfinishedReads;
    // A barrel (`export * from` dozens of modules) is imported by many files: it is folded again only when a module
    // it folds in has a new summary.
    const summary = names ? this.namedExports(target, names, deps) : this.cachedLookUp(this.flattenedCache, target, deps, (used) => this.flattened(target, new Set(), used));
    return summary ?? (this.unfinishedReads !== unfinishedReads ? { file: target, exports: {}, reexports: [], pending: true } : undefined);
  }

  /** How many times an analysis read an unfinished module's summary (see readUnfinished): tells importSummary that a
   * module it found nothing in is one of an import cycle not analysed yet, not a module that exports nothing. */
  private unfinishedReads = 0;

  /**
   * `lookUp`'s answer for `key`, made again only when a summary it used has changed (see flattenedCache, exportCache);
   * the summaries it used join `deps`. Part of what it used may still be being analysed (an import cycle): the answer
   * used that module's summary so far, and its new entry, when it finishes, makes the answer stale.
   */
  private cachedLookUp<T>(cache: Map<string, CachedLookUp<T>>, key: string, deps: Map<string, SummaryStamp>, lookUp: (used: Map<string, SummaryStamp>) => T): T {
    const cached = cache.get(key);
    if (cached && cached.generation === this.generation && this.currentSummaries(cached.deps)) {
      for (const [dep, stamp] of cached.deps) deps.set(dep, stamp);
      if (this.anyUnfinished(cached.deps)) this.readUnfinished();
      return cached.value;
    }
    const used = new Map<string, SummaryStamp>();
    const value = lookUp(used);
    for (const [dep, stamp] of used) deps.set(dep, stamp);
    cache.set(key, { generation: this.generation, value, deps: used });
    return value;
  }

  /** The analysis in progress used the summary of an unfinished module of its import cycle (see settleCycles). */
  private readUnfinished(): void {
    this.unfinishedReads++;
    const frame = this.frames[this.frames.length - 1];
    if (frame) frame.readUnfinished = true;
  }

  /**
   * Whether `file`'s summary is not final yet: it is being analysed (an import cycle), or waits to be analysed first
   * (see analyzeFirst). An analysis that reads it is settled later (see settleCycles).
   */
  private unfinished(file: string): boolean {
    return this.inProgress.has(file) || (this.analysedFirst.has(file) && this.entries.get(file)?.checked !== this.generation);
  }

  private anyUnfinished(deps: ReadonlyMap<string, SummaryStamp>): boolean {
    for (const dep of deps.keys()) if (this.unfinished(dep)) return true;
    return false;
  }

  private readonly flattenedCache = new Map<string, CachedLookUp<ModuleSummary | undefined>>();

  /**
   * `names` of `target`'s exports, each found on its own through the re-exports (see ImportResolver), with the classes
   * they return instances of. Undefined when `target` has no summary yet (an unfinished module of an import cycle).
   */
  private namedExports(target: string, names: readonly string[], deps: Map<string, SummaryStamp>): ModuleSummary | undefined {
    const exports: Record<string, ExportedSymbol> = {};
    let known = false;
    for (const name of names) {
      const found = this.exportNamed(target, name, deps);
      if (found === undefined) continue;
      known = true;
      if (!found) continue;
      exports[name] = found.symbol;
      for (const cls of returnedClasses(found.symbol, found.module)) if (!Object.hasOwn(exports, cls.name)) exports[cls.name] = cls.symbol;
    }
    return known ? { file: target, exports, reexports: [] } : undefined;
  }

  /** Named look-ups (`file\0name`) as namedExports made them, reused like flattenedCache's folds. */
  private readonly exportCache = new Map<string, CachedLookUp<FoundExport | null | undefined>>();

  /**
   * Export `name` of `file`: where it is defined, `null` if `file` (as analysed) does not export it, `undefined` if
   * `file` has no summary yet.
   */
  private exportNamed(file: string, name: string, deps: Map<string, SummaryStamp>): FoundExport | null | undefined {
    return this.cachedLookUp(this.exportCache, `${file}\0${name}`, deps, (used) => this.lookUpExport(file, name, new Set(), used));
  }

  /**
   * Where `file` gets export `name` from, by the rules of `flattened`: its own exports, then `export { a as name }
   * from`, then `export * from` in order (never for `default`). A module a star re-export names is analysed only if
   * it can export `name`: its text mentions the name, or re-exports in turn.
   */
  private lookUpExport(file: string, name: string, seen: Set<string>, deps: Map<string, SummaryStamp>): FoundExport | null | undefined {
    const visit = `${file}\0${name}`;
    if (seen.has(visit)) return null;
    seen.add(visit);
    const summary = this.usedSummary(file, deps);
    if (!summary) return undefined;
    const own = ownProperty(summary.exports, name);
    if (own) return { symbol: own, module: summary };
    for (const reexport of summary.reexports) {
      if (reexport.names === '*') continue;
      const imported = ownProperty(reexport.names, name);
      const target = imported !== undefined ? this.resolver.resolve(file, reexport.specifier) : undefined;
      const found = target ? this.lookUpExport(target, imported!, seen, deps) : undefined;
      if (found) return found;
    }
    if (name === 'default') return null;
    for (const target of this.starCandidates(file, summary, name)) {
      if (!this.memory && !this.mayExport(target, name, new Set())) continue;
      const found = this.lookUpExport(target, name, seen, deps);
      if (found) return found;
    }
    return null;
  }

  /**
   * Whether a look-up of `name` in `file` could find it, judged from what is already known without analysing anything:
   * false only for a module analysed in this generation (and finished) that neither exports nor names it, and whose
   * `export * from` modules cannot either, by its own star index (see starCandidates). A scan's look-up passes over such
   * a module, so it does not depend on it: through a barrel of nested barrels (ottehr's `utils` re-exports 64) every
   * look-up depended on all of them. A module that comes to export the name moves the barrel (see BarrelMoves); a
   * restored cache is guarded by restoreAnalyses' moved barrels. Not for the editor's analyser (with an
   * AnalysisMemory), which checks its analyses again after every edit: there a nested barrel edited to re-export the
   * name is one of the importer's dependencies, seen in its summary at once, not only once BarrelMoves hears of it.
   */
  private mayExport(file: string, name: string, seen: Set<string>): boolean {
    if (seen.has(file)) return false; // lookUpExport finds nothing on a second visit either
    seen.add(file);
    const entry = this.entries.get(file);
    const summary = entry?.checked === this.generation && !this.unfinished(file) ? entry.result.summary : undefined;
    if (!summary) return true;
    if (ownProperty(summary.exports, name)) return true;
    for (const reexport of summary.reexports) if (reexport.names !== '*' && ownProperty(reexport.names, name) !== undefined) return true;
    if (name === 'default') return false;
    for (const target of this.starCandidates(file, summary, name)) if (this.mayExport(target, name, seen)) return true;
    return false;
  }

  /**
   * The modules `file` re-exports with `export * from` that can export `name`, in order: a module can only if it was
   * analysed and exports the name, or, not analysed yet, an export in its text declares or lists the name (every word
   * of it, for an export that reading does not follow: see exportableNames), or it re-exports in turn. A module that
   * only uses the name is not analysed for it: in a package whose modules import each other through its barrel, such
   * an analysis ran inside another module's and read it unfinished, and both were analysed again (see settleCycles).
   * A module that cannot is never analysed for the look-up. Worked out as an index from names to modules (a package's
   * barrel re-exports hundreds, and its importers ask for thousands of names), once per barrel summary while the files
   * on disk stay as they are and none of its modules came to export more (see BarrelMoves): an editor's keystrokes do
   * not rebuild it unless they add an export. The look-up depends on the modules it passed over too: in a long-lived
   * host, a module that comes to export the name moves the barrel, and the analyses made through it before are stale.
   */
  private starCandidates(file: string, summary: ModuleSummary, name: string): readonly string[] {
    let index = this.starIndexes.get(file);
    const movedAt = this.barrelMoves?.movedAt(file) ?? 0;
    if (!index || index.filesGeneration !== this.filesGeneration || index.summary !== summary || index.movedAt !== movedAt) {
      index = this.starIndex(file, summary, movedAt);
      this.starIndexes.set(file, index);
    }
    const named = ownProperty(index.byName, name) ?? [];
    if (!index.always.length) return named.map((i) => index.targets[i]!);
    // Both lists are in re-export order: merged, the first module to export the name still comes first.
    const order = [...new Set([...named, ...index.always])].sort((a, b) => a - b);
    return order.map((i) => index.targets[i]!);
  }

  private starIndex(file: string, summary: ModuleSummary, movedAt: number): StarIndex {
    const targets: string[] = [];
    const byName: Record<string, number[]> = Object.create(null);
    const always: number[] = [];
    for (const reexport of summary.reexports) {
      if (reexport.names !== '*') continue;
      const target = this.resolver.resolve(file, reexport.specifier);
      if (!target) continue;
      const i = targets.push(target) - 1;
      // The barrel's importers depend on what the module exports, visited or not (see dependentsOf, BarrelMoves).
      this.recordDependent(file, target);
      const entry = this.entries.get(target);
      // A module still being analysed (an import cycle) may not have all its exports yet: its text says more.
      const analysed = entry?.checked === this.generation && !this.inProgress.has(target) ? entry.result.summary : undefined;
      const names = analysed ? (analysed.reexports.length ? 'reexports' : new Set(Object.keys(analysed.exports))) : namesExportedByText(this.readForLookUp(target) ?? '');
      this.barrelMoves?.reexports(file, target, names);
      if (names === 'reexports') always.push(i);
      else for (const word of names) (byName[word] ??= []).push(i);
    }
    return { filesGeneration: this.filesGeneration, summary, movedAt, targets, byName, always };
  }

  private readonly starIndexes = new Map<string, StarIndex>();

  /** `file`'s summary, recorded in `deps` as used: for an unfinished module, the one it had so far (if any). */
  private usedSummary(file: string, deps: Map<string, SummaryStamp>): ModuleSummary | undefined {
    const summary = this.summaryFor(file);
    deps.set(file, this.entries.get(file));
    if (this.unfinished(file)) this.readUnfinished();
    return summary;
  }

  /** A module's summary with its re-exports (`export * from`, `export { a as b } from`) folded in. */
  private flattened(file: string, seen: Set<string>, deps: Map<string, SummaryStamp>): ModuleSummary | undefined {
    if (seen.has(file)) return undefined;
    seen.add(file);
    const summary = this.usedSummary(file, deps);
    if (!summary) return undefined;
    if (!summary.reexports.length) return summary;
    const exports: Record<string, ExportedSymbol> = { ...summary.exports };
    /** Re-exported symbols and the module they come from. */
    const from = new Map<string, ModuleSummary>();
    for (const reexport of summary.reexports) {
      const target = this.resolver.resolve(file, reexport.specifier);
      const inner = target ? this.flattened(target, seen, deps) : undefined;
      if (!inner) continue;
      if (reexport.names === '*') {
        for (const [name, symbol] of Object.entries(inner.exports)) {
          if (name === 'default' || Object.hasOwn(exports, name)) continue;
          exports[name] = symbol;
          from.set(name, inner);
        }
      } else {
        for (const [exported, imported] of Object.entries(reexport.names)) {
          const symbol = ownProperty(inner.exports, imported);
          if (!symbol) continue;
          exports[exported] = symbol;
          from.set(exported, inner);
        }
      }
    }
    // A function re-exported without the class it returns an instance of (`export { getRepo } from './repo'`) takes
    // the class along, so that importers still know the instance's methods.
    for (const [name, inner] of from) {
      const symbol = exports[name]!;
      if (symbol.kind !== 'function') continue;
      const cls = returnedClass(symbol, inner);
      if (cls && exports[cls.name] !== cls.symbol) exports[name] = { ...symbol, returns: { ...symbol.returns, instanceClass: cls.symbol } };
    }
    return { file, exports, reexports: [] };
  }

  /** The module each of `summary`'s re-exports names from `file` ('' for none); undefined without re-exports. */
  private reexportTargetsOf(file: string, summary: ModuleSummary | undefined): string[] | undefined {
    return summary?.reexports.length ? summary.reexports.map((reexport) => this.resolver.resolve(file, reexport.specifier) ?? '') : undefined;
  }

  /**
   * The imports and re-exports of `file`'s last analysis that named a project module, with that module (see
   * EntryData.resolved): a result cached elsewhere that rests on them needs a new analysis if one names another
   * module now. Sorted by specifier, each once; empty if not analysed.
   */
  resolvedImportsOf(file: string): readonly (readonly [specifier: string, target: string])[] {
    const entry = this.entries.get(file);
    if (!entry) return [];
    // Asked for every module a scanned file depends on (the Data Flows scan): worked out once per analysis.
    let sorted = this.resolvedImports.get(entry);
    if (!sorted) {
      const pairs = new Map<string, string>(entry.resolved);
      const reexports = entry.result.summary?.reexports ?? [];
      entry.reexportTargets?.forEach((target, i) => {
        if (target && reexports[i]) pairs.set(reexports[i].specifier, target);
      });
      sorted = [...pairs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      this.resolvedImports.set(entry, sorted);
    }
    return sorted;
  }

  private readonly resolvedImports = new WeakMap<Entry, readonly (readonly [string, string])[]>();

  /**
   * Every analysis this run made or checked, as plain data for a later run to reuse (see restoreAnalyses): with the
   * configuration each used, and the names exported by the modules behind the barrels they looked names up through.
   * Sink-free entries are left out: they have no summary and are cheap to judge again. `scope`: `checked` (a scan)
   * leaves out analyses not checked in the current generation, such as those kept from an earlier run whose files this
   * run did not ask for; `known` (a long-lived host, such as an ESLint process, whose generations end at each pause)
   * keeps every analysis it holds, of any generation, unless its file is gone: a restore checks each before using it.
   */
  persistAnalyses(scope: PersistScope = 'checked'): PersistedAnalyses {
    const analyses: PersistedAnalysis[] = [];
    const starTargets: [string, [string, string][]][] = [];
    const namesStamp = this.namesStamps();
    for (const [file, entry] of this.entries) {
      if (scope === 'checked' ? entry.checked !== this.generation : entry.checked !== this.generation && !this.host.fileExists(file)) continue;
      const shared = this.shareAnalysis(file);
      if (!shared) continue;
      analyses.push({ ...shared, config: configStamp(this.configFor(file)) });
      const stars = entry.result.summary?.reexports.filter((reexport) => reexport.names === '*') ?? [];
      if (stars.length === 0) continue;
      const targets: [string, string][] = [];
      for (const reexport of stars) {
        const target = this.resolver.resolve(file, reexport.specifier);
        if (target) targets.push([target, namesStamp(target)]);
      }
      starTargets.push([file, targets]);
    }
    return { analyses, starTargets };
  }

  /** The entries restoreAnalyses made (an entry analysed again is a new object). */
  private readonly restored = new Set<Entry>();

  /**
   * Whether persistAnalyses(`scope`) would give what was restored: nothing analysed afresh or adopted, and (for
   * `checked`) every restored analysis used; so a run that changed nothing need not write its cache again.
   */
  persistsAsRestored(scope: PersistScope = 'checked'): boolean {
    if (this.restored.size === 0) return false;
    let kept = 0;
    for (const entry of this.entries.values()) {
      if ((scope === 'checked' && entry.checked !== this.generation) || entry.sinkFree) continue;
      if (!this.restored.has(entry)) return false;
      kept++;
    }
    return scope === 'known' || kept === this.restored.size;
  }

  /** Files whose entry is still the one restoreAnalyses made: what persistAnalyses gives for them came from the cache. */
  restoredFiles(): ReadonlySet<string> {
    const files = new Set<string>();
    for (const [file, entry] of this.entries) if (this.restored.has(entry)) files.add(file);
    return files;
  }

  /**
   * exportedNamesStamp of a file's text as it is now (from its analysis in this run, or read), each file worked out once
   * however many barrels re-export it.
   */
  private namesStamps(): (file: string) => string {
    const stamps = new Map<string, string>();
    return (file) => {
      let stamp = stamps.get(file);
      if (stamp === undefined) {
        stamp = exportedNamesStamp(this.readForLookUp(file));
        stamps.set(file, stamp);
      }
      return stamp;
    };
  }

  /**
   * Takes an earlier run's analyses (see persistAnalyses) as stale entries: each is used only once its file's text, its
   * imports' resolutions and the summaries of the modules it read are found the same as then (the checks every cached
   * entry goes through), and only if it was made with the configuration the file has now and no barrel it looked names
   * up through re-exports a module whose exported names changed (one that now exports a name an import found further
   * down the barrel). Call before the first request. Throws, restoring nothing, if an analysis does not have the shape
   * persistAnalyses gives (see isPersistedAnalysis).
   */
  restoreAnalyses(persisted: PersistedAnalyses): RestoreOutcome {
    const offered = persisted.analyses.length;
    const malformed = persisted.analyses.findIndex((analysis) => !isPersistedAnalysis(analysis));
    if (malformed >= 0) throw new Error(`analysis ${malformed + 1} of ${offered} is not one this engine writes`);
    const movedBarrels = movedBarrelsOf(persisted.starTargets, this.namesStamps());
    let restored = 0;
    for (const analysis of persisted.analyses) {
      if (this.entries.has(analysis.file) || analysis.config !== configStamp(this.configFor(analysis.file))) continue;
      if (analysis.deps.some(([dep]) => movedBarrels.has(dep))) continue;
      const deps = new Map<string, SummaryStamp>(analysis.deps.map(([dep, fingerprint]) => [dep, fingerprint ? { fingerprint } : undefined]));
      // Checked in no generation: the first request that needs it compares its text and dependencies (see ensure).
      const entry = makeEntry({ text: undefined, hash: analysis.hash, version: undefined, checked: 0, result: analysis.result, deps, unresolved: analysis.unresolved, resolved: analysis.resolved, reexportTargets: analysis.reexportTargets, prisma: analysis.prisma }, analysis.fingerprint);
      this.entries.set(analysis.file, entry);
      this.restored.add(entry);
      this.recordDependents(analysis.file, deps);
      restored++;
    }
    return { restored, offered };
  }

  /** `file`'s analysis as plain data for another ProjectAnalyzer to adopt (see adoptAnalysis); undefined while unanalysed or in progress. */
  shareAnalysis(file: string): SharedAnalysis | undefined {
    const entry = this.entries.get(file);
    // A sink-free entry has no summary for another thread's importers: that thread analyses the file if one needs it.
    if (!entry || entry.sinkFree || this.inProgress.has(file)) return undefined;
    return {
      file,
      hash: entry.hash,
      result: entry.result,
      deps: [...entry.deps].map(([dep, stamp]) => [dep, stamp?.fingerprint ?? ''] as const),
      unresolved: entry.unresolved,
      resolved: entry.resolved,
      ...(entry.reexportTargets ? { reexportTargets: entry.reexportTargets } : {}),
      prisma: entry.prisma,
      fingerprint: entry.fingerprint,
    };
  }

  /**
   * Takes another ProjectAnalyzer's analysis of a file (a scan split over threads shares them), so that importing or
   * requesting that file with the same text costs nothing here. Refused (false) when this one has its own analysis of
   * the file (a sink-free entry, which has no summary, is not one if it was made for the same text), is analysing it
   * or a dependency of it, or holds a different summary of a dependency than the one the analysis used (or a sink-free
   * entry of one): the file is then analysed here as usual when needed.
   */
  adoptAnalysis(shared: SharedAnalysis): boolean {
    const own = this.entries.get(shared.file);
    if ((own && !(own.sinkFree && own.hash === shared.hash)) || this.inProgress.has(shared.file)) return false;
    for (const [dep, fingerprint] of shared.deps) {
      // A sink-free entry has no summary to compare: the text it was made for may not be the one the analysis saw.
      const known = this.entries.get(dep);
      if (this.inProgress.has(dep) || (known && (known.sinkFree || known.fingerprint !== fingerprint))) return false;
    }
    const deps = new Map<string, SummaryStamp>(shared.deps.map(([dep, fingerprint]) => [dep, fingerprint ? { fingerprint } : undefined]));
    // No change stamp: in a later generation the file is read and its hash compared before the analysis is trusted.
    this.entries.set(shared.file, makeEntry({ text: undefined, hash: shared.hash, version: undefined, checked: this.generation, result: shared.result, deps, unresolved: shared.unresolved, resolved: shared.resolved, reexportTargets: shared.reexportTargets, prisma: shared.prisma }, shared.fingerprint));
    this.recordDependents(shared.file, deps);
    return true;
  }

  /** `file`'s analysis used these modules: it is among their dependents (see dependentsOf). */
  private recordDependents(file: string, deps: ReadonlyMap<string, SummaryStamp>): void {
    for (const dep of deps.keys()) this.recordDependent(file, dep);
  }

  private recordDependent(file: string, dep: string): void {
    let set = this.dependents.get(dep);
    if (!set) this.dependents.set(dep, (set = new Set()));
    set.add(file);
  }
}

/** Which analyses persistAnalyses keeps (see there). */
export type PersistScope = 'checked' | 'known';

/**
 * A finished analysis as plain (structured-cloneable) data: another ProjectAnalyzer over the same files, such as
 * another thread of a scan, adopts it instead of analysing the file again (see ProjectAnalyzer.shareAnalysis).
 */
export interface SharedAnalysis {
  readonly file: string;
  /** Hash of the text analysed: the result is reused only for the same text. */
  readonly hash: string;
  readonly result: AnalysisResult;
  /** Dependency → fingerprint of the summary the analysis used. */
  readonly deps: readonly (readonly [string, string])[];
  readonly unresolved: readonly string[];
  /** See EntryData.resolved and reexportTargets. */
  readonly resolved: readonly (readonly [string, string])[];
  readonly reexportTargets?: readonly string[];
  readonly prisma: string;
  readonly fingerprint: string;
}

/** The places a schema for files in `dir` may be, in the order they are looked at. */
function prismaSchemaPaths(dir: string): string[] {
  return [path.join(dir, 'prisma', 'schema.prisma'), path.join(dir, 'schema.prisma')];
}

function prismaStamp(schema: PrismaSchemaState | undefined): string {
  return schema ? `${schema.path}\u0000${schema.hash}` : '';
}

/** An answer about a module's exports, with the summaries it used (see ProjectAnalyzer.cachedLookUp). */
interface CachedLookUp<T> {
  readonly generation: number;
  readonly value: T;
  readonly deps: ReadonlyMap<string, SummaryStamp>;
}

/** A module's star re-exports, indexed by the names each can export (see starCandidates). */
interface StarIndex {
  /** Made anew when files may have changed on disk, not for each edit of a buffer (see ProjectAnalyzer.changed). */
  readonly filesGeneration: number;
  readonly summary: ModuleSummary;
  /** Made anew when a module the barrel re-exports exports other names (see BarrelMoves). */
  readonly movedAt: number;
  readonly targets: readonly string[];
  /** Name → the targets (indexes, in order) that can export it. */
  readonly byName: Readonly<Record<string, readonly number[]>>;
  /** Targets that re-export in turn: candidates for every name. */
  readonly always: readonly number[];
}

/** An export found through re-exports: the symbol and the summary of the module that defines it. */
interface FoundExport {
  readonly symbol: ExportedSymbol;
  readonly module: ModuleSummary;
}

/**
 * The classes of `module` that `symbol` returns instances of (a function's, a class's methods', an object's members'),
 * which an importer needs to know the instances' methods though it imports only `symbol`. A namespace or barrel import
 * gets them as `instanceClass` (see flattened), since its exports stay the module's; a named import gets them as exports
 * of its own summary, which the classes' own methods (`fork(): Repository`) resolve against.
 */
function returnedClasses(symbol: ExportedSymbol, module: ModuleSummary): { name: string; symbol: ExportedClass }[] {
  const functions = symbol.kind === 'function' ? [symbol] : symbol.kind === 'class' ? Object.values(symbol.methods) : symbol.kind === 'value' && symbol.members ? Object.values(symbol.members) : [];
  const classes: { name: string; symbol: ExportedClass }[] = [];
  for (const fn of functions) {
    const cls = returnedClass(fn, module);
    if (cls && cls.symbol !== symbol) classes.push(cls);
  }
  return classes;
}

/** The class of `module` that `fn` returns an instance of (its name there, and the class), unless `fn` carries it. */
function returnedClass(fn: ExportedFunction, module: ModuleSummary): { name: string; symbol: ExportedClass } | undefined {
  const name = fn.returns.instanceOf;
  if (name === undefined || fn.returns.instanceClass) return undefined;
  const cls = ownProperty(module.exports, name);
  return cls?.kind === 'class' ? { name, symbol: cls } : undefined;
}
