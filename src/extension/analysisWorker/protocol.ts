/**
 * Messages between the extension host and the analysis worker. Everything here is plain data (strings, numbers,
 * arrays, plain objects): it crosses the thread boundary by structured clone.
 */
import type { AnalysisResult } from '../../core/analysis/analyzeSource';
import type { PhiGuardConfig } from '../../core/config/config';
import type { FileFlows } from '../dataFlow/fileFlows';
import type { FindingsUpdate } from './findingsUpdate';
import type { SentOverlay } from './sentOverlays';

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
  /**
   * The editor shows a result of this document and keeps it while the text has syntax errors (AnalysisStore): then
   * such a text is not analysed, and the response says so (`result.lastGood`, with no findings).
   */
  readonly keepsLastGood?: boolean;
  /**
   * The id of the findings of this document the editor holds (`findingsId` of an earlier response): the response then
   * may send only what changed since them (FindingsUpdate).
   */
  readonly heldFindings?: string;
}

export interface AnalyzeDocumentResponse {
  /**
   * The engine's result without `summary` (other files' analyses read it inside the worker) and `sinkSites` (empty: the
   * editor does not use them). Its findings are in `findings`.
   */
  readonly result: Omit<AnalysisResult, 'findings'>;
  /** The findings, or what changed since the held ones the request named (applyFindingsUpdate). */
  readonly findings: FindingsUpdate;
  /** Names these findings in a later request (`heldFindings`); absent for a result without findings of this text (`lastGood`, skipped). */
  readonly findingsId?: string;
  /**
   * Changes exactly when what other files see of this one changes: its importers need a new analysis. NO_IMPORTERS_YET
   * while the worker's cross-file analysis knows no file that imports it (the first importer analysed gets the summary
   * as it is; the next edit after that then reports a real fingerprint, which differs, so importers are refreshed).
   */
  readonly summaryFingerprint: string;
  /**
   * The worker's own analysis of this file before this one summarised differently: an importer analysed in between may
   * have read a version the editor never saw analysed (an unsaved edit the worker read for the importer, superseded
   * before its own analysis), so the importers need a new analysis even when the fingerprint is the last one the
   * editor saw.
   */
  readonly summaryChangedHere?: true;
}

export const NO_IMPORTERS_YET = '';

/** Open files that import `file`, directly or not (from the editor's cross-file analysis of `root`). */
export interface DependentsRequest {
  readonly kind: 'dependents';
  readonly root: string;
  readonly file: string;
}

export interface DependentsResponse {
  readonly files: readonly string[];
}

/**
 * The workspace scan's cached result for a file, sent only while every file that result depends on still hashes and
 * resolves as recorded (see CheckModulesRequest and CheckResolutionRequest): it stays valid if the file's own content
 * hash (with its policy) is still `hash`.
 */
export interface CachedScan {
  readonly hash: string;
}

/**
 * Which modules no longer hash as recorded on disk (changed, deleted). Sent once before a scan (or an update) for
 * every module the cache entries involved refer to, instead of each file's modules with each file.
 */
export interface CheckModulesRequest {
  readonly kind: 'checkModules';
  /** Absolute paths, and the hash recorded for each ('' for a module that could not be read). */
  readonly files: readonly string[];
  readonly hashes: readonly string[];
}

export interface CheckModulesResponse {
  /** Positions in `files` whose current hash differs from the recorded one. */
  readonly changed: readonly number[];
}

/**
 * How a workspace folder's imports and Prisma schema lookups resolve now, to tell whether cached results made when
 * they resolved otherwise are still valid. Sent once before a scan (or an update) per folder, each pair once.
 */
export interface CheckResolutionRequest {
  readonly kind: 'checkResolution';
  /** The workspace folder the results were made for (resolution stops at it and reads its package.json). */
  readonly root: string;
  /** [folder of the importing file, specifier, the module it named ('' for none)] of the imports a result rests on. */
  readonly imports: readonly (readonly [dir: string, specifier: string, target: string])[];
  /** [folder of an analysed file, the schema.prisma its analysis read ('' for none)]. */
  readonly schemas: readonly (readonly [dir: string, schema: string])[];
}

export interface CheckResolutionResponse {
  /** Positions in `imports` that name another module now (one created since, or none, or another). */
  readonly changedImports: readonly number[];
  /** Positions in `schemas` whose folder's analysis would read another schema now (or one, or none). */
  readonly changedSchemas: readonly number[];
}

/**
 * A file a new result depends on, as its analysis saw it: the scanned file itself, a project module its cross-file
 * analysis used (directly or not), or a schema.prisma one of their analyses read.
 */
export interface FileInput {
  readonly path: string;
  /** Its content hash on disk ('' if it could not be read). */
  readonly hash: string;
  /** Its imports that named no project module: if one names a module later, the result needs a new analysis. */
  readonly unresolved: readonly string[];
  /** Its imports (and re-exports) that named a project module, with that module: if one names another later, the result needs a new analysis. */
  readonly resolved?: readonly (readonly [specifier: string, target: string])[];
  /** The schema.prisma its analysis read ('' for none); `undefined` for a schema.prisma itself or without cross-file analysis. */
  readonly schema: string | undefined;
}

/** Equal inputs have equal keys: the identity of an input for the worker's numbers and the flow cache's table. */
export function fileInputKey({ path, hash, unresolved, schema, resolved = [] }: FileInput): string {
  return [hash, path, schema ?? '\u0001', ...unresolved, '\u0002', ...resolved.flat()].join('\u0000');
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
  /** The client lost track of the file inputs the worker sent before (see ScanInputTable): send each again. */
  readonly resendInputs?: true;
}

/** A new result's content hash (text and policy) and the files it depends on. */
export interface ScanInputs {
  readonly hash: string;
  readonly self: FileInput;
  /** The project modules the analysis used, directly or not, and the schema.prisma files it and theirs read. */
  readonly dependencies: readonly FileInput[];
}

/** A scan file's answer, with its inputs as `Inputs` says (objects for the caller, numbers on the way: see below). */
export type ScanFileAnswer<Inputs> =
  | { readonly kind: 'unchanged' }
  | (Inputs & { readonly kind: 'analysed'; readonly flows: FileFlows })
  | (Inputs & { readonly kind: 'skipped'; readonly message: string })
  | { readonly kind: 'unreadable' };

export type ScanFileResponse = ScanFileAnswer<ScanInputs>;

/**
 * ScanInputs as the worker sends them: each file input by a number, with the inputs this worker has not sent before.
 * A scan's files share most of their dependencies (on ottehr's 2,958 files about 150 each, but only as many distinct
 * inputs as files), so sending each once instead of with every file spares copying 250 MB between the threads. The client
 * turns it back into ScanInputs (see ScanInputTable).
 */
export interface ScanInputsByNumber {
  readonly hash: string;
  readonly self: number;
  readonly dependencies: readonly number[];
  /** The inputs first sent with this response, by number. */
  readonly inputs: readonly (readonly [number, FileInput])[];
}

/** ScanFileResponse as it crosses from the worker (see ScanInputsByNumber). */
export type ScanFileWireResponse = ScanFileAnswer<ScanInputsByNumber>;

/**
 * Files changed or went on disk: the scan's project analysers check their stamps again and forget deleted files, and
 * module hashes are taken afresh (between two of these requests each module is checked on disk once).
 */
export interface DiskChangedRequest {
  readonly kind: 'diskChanged';
  readonly deleted: readonly string[];
}

export type AnalysisRequest = AnalyzeDocumentRequest | DependentsRequest | CheckModulesRequest | CheckResolutionRequest | ScanFileRequest | DiskChangedRequest;

/** The response type of each request kind. */
export interface ResponseOf {
  analyzeDocument: AnalyzeDocumentResponse;
  dependents: DependentsResponse;
  checkModules: CheckModulesResponse;
  checkResolution: CheckResolutionResponse;
  scanFile: ScanFileResponse;
  diskChanged: null;
}

/** What the worker's handler returns for each request kind: as ResponseOf, with a scan file's inputs by number. */
export type WireResponseOf = Omit<ResponseOf, 'scanFile'> & { scanFile: ScanFileWireResponse };

/** An open editor buffer the worker reads instead of disk (`text` undefined: closed, read disk again). */
export interface OverlayUpdate {
  readonly file: string;
  readonly text: string | undefined;
}

/** Main thread → worker: a request, with the editor buffers that changed since the last one (sent lazily). */
export interface ToWorker {
  readonly id: number;
  readonly request: AnalysisRequest;
  readonly overlays: readonly SentOverlay[];
}

/** Worker → main thread. `error` is the message of an exception the handler threw (a bug, not a finding). */
export type FromWorker =
  | { readonly type: 'response'; readonly id: number; readonly response: unknown }
  | { readonly type: 'error'; readonly id: number; readonly error: string };
