import { Worker } from 'worker_threads';
import type { FileScanResult } from './scanReport';
import type { ScanBatchRequest, ScanBatchResponse, ScanWorkerData } from './workerProtocol';

/** Files per message: large enough that messaging is cheap, small enough that the workers finish together. */
const BATCH_SIZE = 8;

export interface PoolOptions {
  readonly workerScript: string;
  readonly workerCount: number;
  readonly workerData: ScanWorkerData;
  /** Extra `execArgv` for the workers (tests run the TypeScript sources through tsx). */
  readonly execArgv?: readonly string[];
  readonly onFileDone?: (result: FileScanResult) => void;
}

/** Analyses `files` on a pool of worker threads; results come back in the order of `files`. */
export function scanOnWorkers(files: readonly string[], options: PoolOptions): Promise<FileScanResult[]> {
  const batches: string[][] = [];
  for (let i = 0; i < files.length; i += BATCH_SIZE) batches.push(files.slice(i, i + BATCH_SIZE));
  const resultsByBatch: FileScanResult[][] = new Array(batches.length);
  const workers: Worker[] = [];

  return new Promise<FileScanResult[]>((resolve, reject) => {
    let nextBatch = 0;
    let batchesDone = 0;
    let settled = false;

    const finish = (error?: Error): void => {
      if (settled) return;
      settled = true;
      for (const worker of workers) void worker.terminate();
      if (error) reject(error);
      else resolve(resultsByBatch.flat());
    };
    const sendNext = (worker: Worker): void => {
      if (nextBatch >= batches.length) return;
      const request: ScanBatchRequest = { batchId: nextBatch, files: batches[nextBatch] };
      nextBatch++;
      worker.postMessage(request);
    };

    if (batches.length === 0) {
      resolve([]);
      return;
    }
    const count = Math.max(1, Math.min(options.workerCount, batches.length));
    for (let i = 0; i < count; i++) {
      const worker = new Worker(options.workerScript, { workerData: options.workerData, execArgv: [...(options.execArgv ?? [])] });
      workers.push(worker);
      worker.on('message', (response: ScanBatchResponse) => {
        resultsByBatch[response.batchId] = [...response.results];
        for (const result of response.results) options.onFileDone?.(result);
        batchesDone++;
        if (batchesDone === batches.length) finish();
        else sendNext(worker);
      });
      worker.on('error', (error) => finish(new Error(`a scan worker failed: ${error.message}`)));
      worker.on('exit', (code) => finish(new Error(`a scan worker stopped unexpectedly (exit code ${code})`)));
      sendNext(worker);
    }
  });
}
