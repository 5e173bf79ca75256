import * as fs from 'fs';
import { analyzeSource, IncrementalParser, nodeProjectHost, summaryFingerprint, type AnalysisResult } from '../../core';
import { analysisFileName } from '../analysisFileName';
import { fileFlows } from '../dataFlow/fileFlows';
import { contentHash } from '../dataFlow/flowCache';
import { DiskHashes } from './diskHashes';
import { OverlayHost } from './overlayHost';
import { ProjectAnalyzers } from './projectAnalyzers';
import type { AnalysisRequest, AnalyzeDocumentRequest, AnalyzeDocumentResponse, CheckModulesResponse, DependentsResponse, OverlayUpdate, ResponseOf, ScanFileRequest, ScanFileResponse } from './protocol';

/**
 * What the analysis worker does, free of any thread plumbing (the worker entry runs it; the client runs it on the
 * extension host only as a last resort). The editor's analysers read open editor buffers before disk; the
 * workspace scan's analysers read disk only, like the CLI, so the Data Flows view shows what `phi-guard scan` shows.
 */
export class AnalysisService {
  private readonly editorHost = new OverlayHost();
  /** An edit re-parses only the edited part of the document (and nothing of the files it imports). */
  private readonly editorParser = new IncrementalParser();
  private readonly editorProjects = new ProjectAnalyzers(this.editorHost, this.editorParser);
  private readonly scanProjects = new ProjectAnalyzers(nodeProjectHost());
  private readonly diskHashes = new DiskHashes();

  handle<K extends AnalysisRequest['kind']>(request: Extract<AnalysisRequest, { kind: K }>, overlays?: readonly OverlayUpdate[]): ResponseOf[K];
  handle(request: AnalysisRequest, overlays: readonly OverlayUpdate[] = []): ResponseOf[AnalysisRequest['kind']] {
    this.applyOverlays(overlays);
    switch (request.kind) {
      case 'analyzeDocument':
        return this.analyzeDocument(request);
      case 'dependents':
        return { files: this.editorProjects.ofRoot(request.root)?.dependentsOf(request.file) ?? [] } satisfies DependentsResponse;
      case 'checkModules':
        return { changed: this.diskHashes.changed(request.files, request.hashes) } satisfies CheckModulesResponse;
      case 'scanFile':
        return this.scanFile(request);
      case 'diskChanged':
        this.diskHashes.forgetVerdicts();
        for (const project of [...this.scanProjects.all(), ...this.editorProjects.all()]) {
          project.changed();
          for (const file of request.deleted) project.forget(file);
        }
        return null;
    }
  }

  private applyOverlays(overlays: readonly OverlayUpdate[]): void {
    // An open buffer changed: summaries the editor's analysers trusted may be stale.
    if (this.editorHost.apply(overlays)) for (const project of this.editorProjects.all()) project.changed();
  }

  private analyzeDocument(request: AnalyzeDocumentRequest): AnalyzeDocumentResponse {
    const { file, fileName, text, config, root } = request;
    const project = root !== undefined ? this.editorProjects.for(root, config) : undefined;
    const analysed = project?.analyze(file, text);
    const result = analysed ?? analyzeSource({ fileName, text, config, parser: this.editorParser });
    // Less to copy between threads (a 20,000-line file's result is about 1 MB): the editor uses neither part.
    const { summary, sinkSites: _sinkSites, ...rest } = result;
    // The project analyser already fingerprinted the summary it keeps.
    const fingerprint = (analysed && project?.fingerprintOf(file)) ?? summaryFingerprint(summary);
    return { result: { ...rest, sinkSites: [] }, summaryFingerprint: fingerprint };
  }

  private scanFile(request: ScanFileRequest): ScanFileResponse {
    const { file, uri, displayPath, config, root, cached } = request;
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return { kind: 'unreadable' };
    }
    const hash = contentHash(text, JSON.stringify(config));
    // The extension host sends `cached` only while the modules the cached result used are unchanged.
    if (cached?.hash === hash) return { kind: 'unchanged' };
    const project = root !== undefined ? this.scanProjects.for(root, config) : undefined;
    const result: AnalysisResult = project?.analyze(file, text) ?? analyzeSource({ fileName: analysisFileName(file, ''), text, config });
    const dependencies = this.diskHashes.hashAll(project?.dependenciesOf(file) ?? []);
    if (result.skipped) return { kind: 'skipped', hash, dependencies, message: result.skipped.message };
    return { kind: 'analysed', hash, dependencies, flows: fileFlows(uri, displayPath, text, result) };
  }
}
