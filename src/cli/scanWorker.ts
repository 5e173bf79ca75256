// Worker-thread entry point (bundled to dist/scanWorker.js): analyses the batches of files the
// main thread sends. Each worker parses with its own TypeScript instance, so the scan uses every core.
import { parentPort, workerData } from 'worker_threads';
import { analyzeFile } from './analyzeFile';
import { createEngine } from './engine';
import type { ScanBatchRequest, ScanBatchResponse, ScanWorkerData } from './workerProtocol';

const { cwd, root, config } = workerData as ScanWorkerData;
const analyze = createEngine(root, config);

parentPort?.on('message', (request: ScanBatchRequest) => {
  const results = request.files.map((absolutePath) => analyzeFile({ absolutePath, cwd, config, analyze }));
  const response: ScanBatchResponse = { batchId: request.batchId, results };
  parentPort?.postMessage(response);
});
