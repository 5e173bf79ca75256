import { MessageChannel, Worker, type MessagePort } from 'worker_threads';
import type { FileScanResult } from './scanReport';
import { SharedBatchQueue } from './batchQueue';
import type { PrestartedWorker } from './prestartedWorkers';
import type { ScanBatchResponse, ScanJob, ScanJobMessage, ScanWorkerData } from './workerProtocol';

/** Files per batch: large enough that messaging is cheap, small enough that the threads finish together. */
const BATCH_SIZE = 8;

export interface PoolOptions {
  readonly workerScript: string;
  /** Worker threads to start, besides the main thread. */
  readonly workerCount: number;
  readonly job: ScanJob;
  /** Extra `execArgv` for the workers (tests run the TypeScript sources through tsx). */
  readonly execArgv?: readonly string[];
  /**
   * When given, the main thread analyses batches too (one engine instance fewer to start and warm up): called once,
   * with the main thread's ports to the workers (see sharedAnalysisPorts), for the function that analyses a file.
   */
  readonly mainThreadAnalyzer?: (peers: readonly MessagePort[]) => (absolutePath: string) => FileScanResult;
  readonly onFileDone?: (result: FileScanResult) => void;
  /** Workers started before the files were known (see prestartedWorkers.ts): used first; those not needed are stopped. */
  readonly prestarted?: readonly PrestartedWorker[];
}

/**
 * Ports connecting every pair of the scan's threads (`threadCount` of them): `ports[t]` are thread t's ports to
 * each other thread. Each thread sends the analyses it makes to all others, directly, so that no thread analyses
 * a module another has analysed already.
 */
function sharedAnalysisPorts(threadCount: number): MessagePort[][] {
  const ports: MessagePort[][] = Array.from({ length: threadCount }, () => []);
  for (let a = 0; a < threadCount; a++) {
    for (let b = a + 1; b < threadCount; b++) {
      const channel = new MessageChannel();
      ports[a].push(channel.port1);
      ports[b].push(channel.port2);
    }
  }
  return ports;
}

/** Analyses `files` on worker threads (and the main thread); results come back in the order of `files`. */
export function scanOnWorkers(files: readonly string[], options: PoolOptions): Promise<FileScanResult[]> {
  const batches: string[][] = [];
  for (let i = 0; i < files.length; i += BATCH_SIZE) batches.push(files.slice(i, i + BATCH_SIZE));
  const resultsByBatch: FileScanResult[][] = new Array(batches.length);
  const workers: Worker[] = [];
  const prestarted = [...(options.prestarted ?? [])];
  if (batches.length === 0) {
    for (const unused of prestarted) unused.stop();
    return Promise.resolve([]);
  }

  return new Promise<FileScanResult[]>((resolve, reject) => {
    const count = Math.max(0, Math.min(options.workerCount, batches.length - 1));
    for (const unused of prestarted.splice(count)) unused.stop();
    const mainThread = count; // thread number of the main thread, after the workers
    const threadCount = count + (options.mainThreadAnalyzer ? 1 : 0);
    if (threadCount === 0) {
      reject(new Error('no thread to analyse on'));
      return;
    }
    const queue = SharedBatchQueue.create(batches.length, threadCount);
    const peers = sharedAnalysisPorts(threadCount);
    const analyzeInMainThread = options.mainThreadAnalyzer?.(peers[mainThread] ?? []);
    let batchesDone = 0;
    let threadsWorking = threadCount;
    let settled = false;

    const finish = (error?: Error): void => {
      if (settled) return;
      settled = true;
      for (const worker of workers) void worker.terminate();
      for (const port of peers[mainThread] ?? []) port.close();
      if (error) reject(error);
      else resolve(resultsByBatch.flat());
    };
    const record = (batchId: number, results: readonly FileScanResult[]): void => {
      resultsByBatch[batchId] = [...results];
      for (const result of results) options.onFileDone?.(result);
      batchesDone++;
      if (batchesDone === batches.length) finish();
    };
    // A thread stops when the queue is empty; by then every batch it took has been recorded.
    const threadDone = (): void => {
      threadsWorking--;
      if (threadsWorking === 0 && batchesDone < batches.length) finish(new Error(`the scan threads stopped with ${batches.length - batchesDone} batches of files not analysed`));
    };
    const analyzeNextInMainThread = (): void => {
      if (settled || !analyzeInMainThread) return;
      const batchId = queue.take(mainThread);
      if (batchId === undefined) {
        threadDone();
        return;
      }
      try {
        record(batchId, batches[batchId].map(analyzeInMainThread));
      } catch (error) {
        finish(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      setImmediate(analyzeNextInMainThread); // let worker results in between batches
    };

    for (let thread = 0; thread < count; thread++) {
      const workerData: ScanWorkerData = { ...options.job, thread, batches, queue: queue.memory, peers: peers[thread] };
      let worker = prestarted[thread]?.adopt();
      if (worker) {
        const message: ScanJobMessage = { job: workerData };
        worker.postMessage(message, [...peers[thread]]);
      } else {
        worker = new Worker(options.workerScript, { workerData, transferList: [...peers[thread]], execArgv: [...(options.execArgv ?? [])] });
      }
      workers.push(worker);
      worker.on('message', (response: ScanBatchResponse) => record(response.batchId, response.results));
      worker.on('error', (error) => finish(new Error(`a scan worker failed: ${error.message}`)));
      worker.on('exit', (code) => (code === 0 ? threadDone() : finish(new Error(`a scan worker stopped unexpectedly (exit code ${code})`))));
    }
    if (analyzeInMainThread) setImmediate(analyzeNextInMainThread);
  });
}
