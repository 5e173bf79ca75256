/**
 * Messages between the extension host and the analysis worker. Everything here is plain data (strings, numbers,
 * arrays, plain objects): it crosses the thread boundary by structured clone.
 */
import type { AnalysisResult, PhiGuardConfig } from '../../core';
import type { FileFlows } from '../dataFlow/fileFlows';

/** Analyse an open document's current text (the editor's diagnostics). */
export interface AnalyzeDocumentRequest {
  readonly kind: 'analyzeDocument';
  /** Absolute path of the document (its `fsPath`), or the untitled document's name. */
  readonly file: string;
  /** The name the engine parses by (its extension selects JS/JSX/TS/TSX). */
  readonly fileName: string;
  readonly text: string;
  readonly config: PhiGuardConfig;
  /** The workspace folder: set for cross-file analysis, absent for single-file analysis. */
  readonly root?: string;
}

export interface AnalyzeDocumentResponse {
  /** The engine's result without `summary` (other files' analyses read it inside the worker) and `sinkSites` (empty: the editor does not use them). */
  readonly result: AnalysisResult;
  /** Changes exactly when what other files see of this one changes: its importers need a new analysis. */
  readonly summaryFingerprint: string;
}

/** Open files that import `file`, directly or not (from the editor's cross-file analysis of `root`). */
export interface DependentsRequest {
  readonly kind: 'dependents';
  readonly root: string;
  readonly file: string;
}

export interface DependentsResponse {
  readonly files: readonly string[];
}

/** What the workspace scan's cache knows of a file: valid while the file and every dependency hash the same. */
export interface CachedScan {
  readonly hash: string;
  readonly dependencies: Readonly<Record<string, string>>;
}

/** One file of the workspace scan, read from disk by the worker (never from editor buffers, like the CLI). */
export interface ScanFileRequest {
  readonly kind: 'scanFile';
  /** Absolute path on disk. */
  readonly file: string;
  /** The file's URI and workspace-relative display path, for the flows' ids and labels. */
  readonly uri: string;
  readonly displayPath: string;
  readonly config: PhiGuardConfig;
  /** The workspace folder: set for cross-file analysis. */
  readonly root?: string;
  readonly cached?: CachedScan;
}

export type ScanFileResponse =
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'analysed'; readonly hash: string; readonly dependencies: Readonly<Record<string, string>>; readonly flows: FileFlows }
  | { readonly kind: 'skipped'; readonly message: string }
  | { readonly kind: 'unreadable' };

/** Files changed or went on disk: the scan's project analysers check their stamps again and forget deleted files. */
export interface DiskChangedRequest {
  readonly kind: 'diskChanged';
  readonly deleted: readonly string[];
}

export type AnalysisRequest = AnalyzeDocumentRequest | DependentsRequest | ScanFileRequest | DiskChangedRequest;

/** The response type of each request kind. */
export interface ResponseOf {
  analyzeDocument: AnalyzeDocumentResponse;
  dependents: DependentsResponse;
  scanFile: ScanFileResponse;
  diskChanged: null;
}

/** An open editor buffer the worker reads instead of disk (`text` undefined: closed, read disk again). */
export interface OverlayUpdate {
  readonly file: string;
  readonly text: string | undefined;
}

/** Main thread → worker: a request, with the editor buffers that changed since the last one (sent lazily). */
export interface ToWorker {
  readonly id: number;
  readonly request: AnalysisRequest;
  readonly overlays: readonly OverlayUpdate[];
}

/** Worker → main thread. `error` is the message of an exception the handler threw (a bug, not a finding). */
export type FromWorker =
  | { readonly type: 'response'; readonly id: number; readonly response: unknown }
  | { readonly type: 'error'; readonly id: number; readonly error: string };
