import { Worker } from 'worker_threads';
import type { FileScanResult } from './scanReport';
import type { ScanBatchRequest, ScanBatchResponse, ScanWorkerData } from './workerProtocol';

/** Files per message: large enough that messaging is cheap, small enough that the threads finish together. */
const BATCH_SIZE = 8;
/** Batches a worker holds at once, so that it never waits while the main thread is busy analysing. */
const BATCHES_IN_FLIGHT = 2;

export interface PoolOptions {
  readonly workerScript: string;
  /** Worker threads to start, besides the main thread. */
  readonly workerCount: number;
  readonly workerData: ScanWorkerData;
  /** Extra `execArgv` for the workers (tests run the TypeScript sources through tsx). */
  readonly execArgv?: readonly string[];
  /** When given, the main thread analyses batches too (one engine instance fewer to start and warm up). */
  readonly analyzeInMainThread?: (absolutePath: string) => FileScanResult;
  readonly onFileDone?: (result: FileScanResult) => void;
}

/**
 * Hands out batches so that each thread works through its own contiguous run of (sorted) files and steals from
 * the end of the longest remaining run when it is done. Files of one folder import the same modules, and with
 * cross-file analysis each thread summarises the modules its files import: keeping folders together on one
 * thread avoids doing that twice.
 */
class BatchQueue {
  private readonly runs: { next: number; end: number }[];

  constructor(batchCount: number, threadCount: number) {
    this.runs = Array.from({ length: threadCount }, (_, thread) => ({
      next: Math.floor((batchCount * thread) / threadCount),
      end: Math.floor((batchCount * (thread + 1)) / threadCount),
    }));
  }

  take(thread: number): number | undefined {
    const own = this.runs[thread];
    if (own.next < own.end) return own.next++;
    let longest = own;
    for (const run of this.runs) if (run.end - run.next > longest.end - longest.next) longest = run;
    return longest.next < longest.end ? --longest.end : undefined;
  }
}

/** Analyses `files` on worker threads (and the main thread); results come back in the order of `files`. */
export function scanOnWorkers(files: readonly string[], options: PoolOptions): Promise<FileScanResult[]> {
  const batches: string[][] = [];
  for (let i = 0; i < files.length; i += BATCH_SIZE) batches.push(files.slice(i, i + BATCH_SIZE));
  const resultsByBatch: FileScanResult[][] = new Array(batches.length);
  const workers: Worker[] = [];

  return new Promise<FileScanResult[]>((resolve, reject) => {
    const count = Math.max(0, Math.min(options.workerCount, batches.length - 1));
    const mainThread = count; // thread index of the main thread, after the workers
    const queue = new BatchQueue(batches.length, count + (options.analyzeInMainThread ? 1 : 0));
    let batchesDone = 0;
    let settled = false;

    const finish = (error?: Error): void => {
      if (settled) return;
      settled = true;
      for (const worker of workers) void worker.terminate();
      if (error) reject(error);
      else resolve(resultsByBatch.flat());
    };
    const record = (batchId: number, results: readonly FileScanResult[]): void => {
      resultsByBatch[batchId] = [...results];
      for (const result of results) options.onFileDone?.(result);
      batchesDone++;
      if (batchesDone === batches.length) finish();
    };
    const sendNext = (worker: Worker, thread: number): void => {
      const batchId = queue.take(thread);
      if (batchId === undefined) return;
      const request: ScanBatchRequest = { batchId, files: batches[batchId] };
      worker.postMessage(request);
    };
    const analyzeNextInMainThread = (): void => {
      if (settled || !options.analyzeInMainThread) return;
      const batchId = queue.take(mainThread);
      if (batchId === undefined) return;
      try {
        record(batchId, batches[batchId].map(options.analyzeInMainThread));
      } catch (error) {
        finish(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      setImmediate(analyzeNextInMainThread); // let worker messages in between batches
    };

    if (batches.length === 0) {
      resolve([]);
      return;
    }
    for (let i = 0; i < count; i++) {
      const worker = new Worker(options.workerScript, { workerData: options.workerData, execArgv: [...(options.execArgv ?? [])] });
      workers.push(worker);
      worker.on('message', (response: ScanBatchResponse) => {
        record(response.batchId, response.results);
        if (!settled) sendNext(worker, i);
      });
      worker.on('error', (error) => finish(new Error(`a scan worker failed: ${error.message}`)));
      worker.on('exit', (code) => finish(new Error(`a scan worker stopped unexpectedly (exit code ${code})`)));
      for (let inFlight = 0; inFlight < BATCHES_IN_FLIGHT; inFlight++) sendNext(worker, i);
    }
    if (options.analyzeInMainThread) setImmediate(analyzeNextInMainThread);
    else if (count === 0) finish(new Error('no thread to analyse on'));
  });
}
