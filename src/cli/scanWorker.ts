// Worker-thread entry point (bundled to dist/scanWorker.js): analyses the batches of files the
// main thread sends. Each worker parses with its own TypeScript instance, so the scan uses every core.
import { parentPort, workerData } from 'worker_threads';
import { analyzeFile } from './analyzeFile';
import type { ScanBatchRequest, ScanBatchResponse, ScanWorkerData } from './workerProtocol';

const { cwd, config } = workerData as ScanWorkerData;

parentPort?.on('message', (request: ScanBatchRequest) => {
  const results = request.files.map((absolutePath) => analyzeFile({ absolutePath, cwd, config }));
  const response: ScanBatchResponse = { batchId: request.batchId, results };
  parentPort?.postMessage(response);
});
