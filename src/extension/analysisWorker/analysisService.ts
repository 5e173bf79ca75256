import * as fs from 'fs';
import * as path from 'path';
import { analyzeSource, type AnalysisResult } from '../../core/analysis/analyzeSource';
import { AnalysisMemory } from '../../core/analysis/analysisMemory';
import { IncrementalParser } from '../../core/analysis/incrementalParser';
import { DEFAULT_CONFIG } from '../../core/config/config';
import { nodeProjectHost } from '../../core/project/nodeHost';
import { ProjectAnalyzer } from '../../core/project/projectAnalyzer';
import { summaryFingerprint } from '../../core/project/moduleSummary';
import { textShiftOf } from '../../core/analysis/positionShift';
import { withoutByteOrderMark } from '../../core/text/byteOrderMark';
import { analysisFileName } from '../analysisFileName';
import { fileFlows } from '../dataFlow/fileFlows';
import { contentHash } from '../dataFlow/flowCache';
import { DiskHashes } from './diskHashes';
import { findingsUpdate } from './findingsUpdate';
import { OverlayHost } from './overlayHost';
import { ProjectAnalyzers } from './projectAnalyzers';
import { SentFindings } from './sentFindings';
import { NO_IMPORTERS_YET } from './protocol';
import type { AnalysisRequest, AnalyzeDocumentRequest, AnalyzeDocumentResponse, CheckModulesResponse, CheckResolutionRequest, CheckResolutionResponse, DependentsResponse, FileInput, OverlayUpdate, ScanFileRequest, ScanFileWireResponse, ScanInputsByNumber, WireResponseOf } from './protocol';
import { ScanInputNumbers } from './scanInputNumbers';

/**
 * What the analysis worker does, free of any thread plumbing (the worker entry runs it; the client runs it on the
 * extension host only as a last resort). The editor's analysers read open editor buffers before disk; the
 * workspace scan's analysers read disk only, like the CLI, so the Data Flows view shows what `phi-guard scan` shows.
 */
export class AnalysisService {
  private readonly editorHost = new OverlayHost();
  /** An edit re-parses only the edited part of the document (and nothing of the files it imports). */
  private readonly editorParser = new IncrementalParser();
  /** An edit inside one function analyses only that function again (the rest of the file's analysis is kept). */
  private readonly editorMemory = new AnalysisMemory();
  private readonly editorProjects = new ProjectAnalyzers(this.editorHost, this.editorParser, this.editorMemory);
  private readonly scanProjects = new ProjectAnalyzers(nodeProjectHost());
  private readonly diskHashes = new DiskHashes();
  private readonly sentFindings = new SentFindings();
  /** Per workspace folder, for checking the cache's resolutions before its scan analyser exists (a new worker, all cached). */
  private readonly resolutionCheckers = new Map<string, ProjectAnalyzer>();
  /**
   * Each module's input as the scan analyser saw it, made once between two "disk changed" notices (the files are one
   * snapshot then): a module is a dependency of hundreds of scanned files.
   */
  private moduleInputs = new WeakMap<ProjectAnalyzer, Map<string, FileInput>>();
  private readonly inputNumbers = new ScanInputNumbers();

  handle<K extends AnalysisRequest['kind']>(request: Extract<AnalysisRequest, { kind: K }>, overlays?: readonly OverlayUpdate[]): WireResponseOf[K];
  handle(request: AnalysisRequest, overlays: readonly OverlayUpdate[] = []): WireResponseOf[AnalysisRequest['kind']] {
    this.applyOverlays(overlays);
    switch (request.kind) {
      case 'analyzeDocument':
        return this.analyzeDocument(request);
      case 'dependents': {
        const project = this.editorProjects.ofRoot(request.root);
        project?.refreshReexported(request.file);
        return { files: project?.dependentsOf(request.file) ?? [] } satisfies DependentsResponse;
      }
      case 'checkModules':
        return { changed: this.diskHashes.changed(request.files, request.hashes) } satisfies CheckModulesResponse;
      case 'checkResolution':
        return this.checkResolution(request);
      case 'scanFile':
        return this.scanFile(request);
      case 'diskChanged':
        this.diskHashes.forgetVerdicts();
        this.resolutionCheckers.clear();
        this.moduleInputs = new WeakMap();
        for (const project of [...this.scanProjects.all(), ...this.editorProjects.all()]) {
          project.changed();
          for (const file of request.deleted) project.forget(file);
        }
        return null;
    }
  }

  private applyOverlays(overlays: readonly OverlayUpdate[]): void {
    // An open buffer changed: summaries the editor's analysers trusted may be stale.
    const changed = this.editorHost.apply(overlays);
    if (changed !== 'none') for (const project of this.editorProjects.all()) project.changed(changed);
  }

  private analyzeDocument(request: AnalyzeDocumentRequest): AnalyzeDocumentResponse {
    const { file, fileName, text, config, root } = request;
    const keepLastGood = request.keepsLastGood === true;
    const project = root !== undefined ? this.editorProjects.for(root, config) : undefined;
    // What importers may have read of the file so far (see summaryChangedHere); the entry keeps its fingerprint once made.
    const fingerprintBefore = project?.hasDependents(file) ? project.fingerprintOf(file) : undefined;
    const analysed = project?.analyze(file, text, undefined, keepLastGood);
    const result = analysed ?? analyzeSource({ fileName, text, config, parser: this.editorParser, memory: this.editorMemory, keepLastGood });
    const parsedAs = analysed ? file : fileName;
    // Less to copy between threads (a 20,000-line file's result is about 1 MB): the editor uses neither the summary nor
    // the sink sites, nor the findings of an earlier text it already shows, nor the findings it holds already. The
    // summary is not even read here: it is made when first read (see analyzeSource).
    const { lastGood, skipped, parseProblems, incomplete } = result;
    const findings = lastGood ? [] : result.findings;
    const rest: Omit<AnalysisResult, 'findings' | 'sinkSites' | 'summary'> = {
      suppressed: lastGood ? [] : result.suppressed, suppressionProblems: lastGood ? [] : result.suppressionProblems, parseProblems,
      ...(lastGood && { lastGood }), ...(skipped && { skipped }), ...(incomplete && { incomplete }),
    };
    // The fingerprint only matters to files that import this one: until the project analyser has analysed one, none is
    // worked out (a hash of the whole summary on every keystroke). A file analysed alone may still be imported.
    const fingerprint = analysed && project
      ? project.hasDependents(file) ? project.fingerprintOf(file) ?? summaryFingerprint(result.summary) : NO_IMPORTERS_YET
      : summaryFingerprint(result.summary);
    const changedHere = fingerprintBefore !== undefined && fingerprint !== NO_IMPORTERS_YET && fingerprint !== fingerprintBefore;
    const response = { result: { ...rest, sinkSites: [] }, summaryFingerprint: fingerprint, ...(changedHere && { summaryChangedHere: true as const }) };
    if (result.lastGood || result.skipped) return { ...response, findings: { kind: 'all', findings } };
    const held = this.sentFindings.find(file, request.heldFindings);
    const findingsId = this.sentFindings.add(file, text, findings, held);
    // The parser compared the texts already when the held findings are of the text it parsed before this one.
    const edit = this.editorParser.lastEdit(parsedAs);
    const shift = held && edit?.after.text === text && edit.before.text === held.text ? textShiftOf(edit.change) : undefined;
    return { ...response, findings: findingsUpdate(held, text, findings, shift), findingsId };
  }

  private scanFile(request: ScanFileRequest): ScanFileWireResponse {
    const { file, uri, displayPath, config, root, cached } = request;
    if (request.resendInputs) this.inputNumbers.resend();
    let text: string;
    try {
      text = withoutByteOrderMark(fs.readFileSync(file, 'utf8'));
    } catch {
      return { kind: 'unreadable' };
    }
    const hash = contentHash(text, JSON.stringify(config));
    // The extension host sends `cached` only while the files the cached result depends on are as it recorded them.
    if (cached?.hash === hash) return { kind: 'unchanged' };
    const project = root !== undefined ? this.scanProjects.for(root, config) : undefined;
    const result: AnalysisResult = project?.analyze(file, text) ?? analyzeSource({ fileName: analysisFileName(file, ''), text, config });
    const inputs = this.inputsOf(file, hash, project);
    if (result.skipped) return { kind: 'skipped', ...inputs, message: result.skipped.message };
    return { kind: 'analysed', ...inputs, flows: fileFlows(uri, displayPath, text, result, root === undefined ? undefined : shownLike(file, displayPath, root)) };
  }

  /** What `file`'s new result depends on (see ScanInputs), its inputs by number (see ScanInputNumbers). */
  private inputsOf(file: string, hash: string, project: ProjectAnalyzer | undefined): ScanInputsByNumber {
    const input = (analysed: string, unresolved: readonly string[], schema: string | undefined, resolved: readonly (readonly [string, string])[] = []): FileInput => ({ path: analysed, hash: this.diskHashes.hash(analysed) ?? '', unresolved, schema, ...(resolved.length ? { resolved } : {}) });
    if (!project) return this.inputNumbers.encode(hash, input(file, [], undefined), []);
    let known = this.moduleInputs.get(project);
    if (!known) this.moduleInputs.set(project, (known = new Map()));
    const inputs = known;
    const analysedInput = (analysed: string) => {
      let made = inputs.get(analysed);
      if (!made) inputs.set(analysed, (made = input(analysed, project.unresolvedOf(analysed).sort(), project.prismaSchemaAt(path.dirname(analysed)) ?? '', project.resolvedImportsOf(analysed))));
      return made;
    };
    const schemaInput = (schema: string) => {
      const key = `\0schema:${schema}`;
      let made = inputs.get(key);
      if (!made) inputs.set(key, (made = input(schema, [], undefined)));
      return made;
    };
    const self = analysedInput(file);
    const modules = project.dependenciesOf(file).sort().map(analysedInput);
    const schemas = [...new Set([self, ...modules].map((module) => module.schema).filter((schema): schema is string => !!schema))].sort();
    return this.inputNumbers.encode(hash, self, [...modules, ...schemas.map(schemaInput)]);
  }

  /**
   * Resolves with the folder's scan analyser when there is one (so the check sees the project as the next analysis
   * will), else with one of its own; both look at the disk afresh after each "disk changed" notice.
   */
  private checkResolution(request: CheckResolutionRequest): CheckResolutionResponse {
    const { root, imports, schemas } = request;
    let project = this.scanProjects.ofRoot(root) ?? this.resolutionCheckers.get(root);
    if (!project) this.resolutionCheckers.set(root, (project = new ProjectAnalyzer(nodeProjectHost(), root, () => DEFAULT_CONFIG)));
    const checker = project;
    const positions = <T>(list: readonly T[], differs: (item: T) => boolean) => list.flatMap((item, index) => (differs(item) ? [index] : []));
    return {
      changedImports: positions(imports, ([dir, specifier, target]) => (checker.resolveFrom(dir, specifier) ?? '') !== target),
      changedSchemas: positions(schemas, ([dir, schema]) => (checker.prismaSchemaAt(dir) ?? '') !== schema),
    };
  }
}

/**
 * Paths of other files of the workspace folder shown as `displayPath` shows `file` (relative to the folder, with the
 * folder's name first in a multi-root workspace); a file outside the folder keeps its absolute path.
 */
function shownLike(file: string, displayPath: string, root: string): (absolute: string) => string {
  const relative = (absolute: string) => path.relative(root, absolute).split(path.sep).join('/');
  const own = relative(file);
  const prefix = displayPath.endsWith(own) ? displayPath.slice(0, displayPath.length - own.length) : '';
  return (absolute) => {
    const shown = relative(absolute);
    return shown.startsWith('../') || shown === '..' || path.isAbsolute(shown) ? absolute : prefix + shown;
  };
}
