import type { PhiGuardConfig } from '../core';
import type { FileScanResult } from './scanReport';

/** Given to each scan worker once, at start. */
export interface ScanWorkerData {
  readonly cwd: string;
  /** Project root, for resolving the project's own imports (cross-file analysis). */
  readonly root: string;
  readonly config: PhiGuardConfig;
}

/** Main thread → worker: analyse these files (absolute paths). */
export interface ScanBatchRequest {
  readonly batchId: number;
  readonly files: readonly string[];
}

/** Worker → main thread: the results of one batch, in the request's order. */
export interface ScanBatchResponse {
  readonly batchId: number;
  readonly results: readonly FileScanResult[];
}
