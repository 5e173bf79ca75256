import type { MessagePort } from 'worker_threads';
import type { PhiGuardConfig, SharedAnalysis } from '../core';
import type { FileScanResult } from './scanReport';

/** What every thread of a scan analyses with. */
export interface ScanJob {
  readonly cwd: string;
  /** Project root, for resolving the project's own imports (cross-file analysis). */
  readonly root: string;
  /** The scan's configuration: for every file, or (`nearestConfigs`) for the files no `.phi-guard.json` is above. */
  readonly config: PhiGuardConfig;
  /** Each file's nearest `.phi-guard.json` applies (no `--config`): see configForFiles. */
  readonly nearestConfigs?: boolean;
  /** `--cache`, when the main thread found one it can use: each thread reads it (see createEngine's `restore`). */
  readonly cache?: ScanCacheJob;
}

/** Where the scan's cache is and which engine may reuse it (see scanCache.ts). */
export interface ScanCacheJob {
  readonly file: string;
  readonly engine: string;
}

/** Given to each scan worker once (at start, or in a ScanJobMessage): it then takes batches from the queue until none is left. */
export interface ScanWorkerData extends ScanJob {
  /** This worker's thread number in the queue. */
  readonly thread: number;
  /** Absolute paths, in batches; the queue hands out batch numbers. */
  readonly batches: readonly (readonly string[])[];
  /** The memory of the scan's SharedBatchQueue. */
  readonly queue: SharedArrayBuffer;
  /** Ports to each of the scan's other threads, for sharing analyses (see createEngine). */
  readonly peers: readonly MessagePort[];
}

/** Main thread → a worker started before its job was known (see prestartedWorkers.ts): the job, once. */
export interface ScanJobMessage {
  readonly job: ScanWorkerData;
}

/** Worker → main thread: the results of one batch, in the batch's order. */
export interface ScanBatchResponse {
  readonly batchId: number;
  readonly results: readonly FileScanResult[];
}

/** Thread → each other thread of the scan (over a peer port): the analyses one request made. */
export interface SharedAnalysesMessage {
  readonly analyses: readonly SharedAnalysis[];
}
