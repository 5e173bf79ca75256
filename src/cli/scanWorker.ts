// Worker-thread entry point (bundled to dist/scanWorker.js): analyses batches of files, taken from the scan's
// shared queue, until none is left, then exits. Each worker parses with its own TypeScript instance, so the scan
// uses every core. A worker started with its job (workerData) begins at once; one started before the scan knew its
// files (see prestartedWorkers.ts) has loaded this bundle and TypeScript by the time its job arrives as a message.
import { parentPort, workerData } from 'worker_threads';
import { analyzeFile } from './analyzeFile';
import { SharedBatchQueue } from './batchQueue';
import { ConfigResolver } from '../core/config/loadConfig';
import { configForFiles } from './configForFiles';
import { createEngine } from './engine';
import { readAnalysesCache } from '../core/project/analysesCacheFile';
import type { ScanBatchResponse, ScanJobMessage, ScanWorkerData } from './workerProtocol';

function work({ cwd, root, config, nearestConfigs, cache, thread, batches, queue, peers }: ScanWorkerData): void {
  const configFor = configForFiles(config, nearestConfigs === true ? new ConfigResolver() : undefined);
  // The main thread reported any problem with the cache; one it could read that this thread cannot is no cache here.
  const analyze = createEngine(root, configFor, peers, cache ? readAnalysesCache(cache.file, cache.engine).persisted : undefined);
  const batchQueue = new SharedBatchQueue(queue);
  for (let batchId = batchQueue.take(thread); batchId !== undefined; batchId = batchQueue.take(thread)) {
    const results = batches[batchId].map((absolutePath) => analyzeFile({ absolutePath, cwd, config: configFor(absolutePath), analyze }));
    const response: ScanBatchResponse = { batchId, results };
    parentPort?.postMessage(response);
  }
}

if (workerData) work(workerData as ScanWorkerData);
else parentPort?.once('message', (message: ScanJobMessage) => work(message.job));
