// Worker-thread entry point (bundled to dist/analysisWorker.js): runs PHI Guard's analysis off the extension host's
// thread, so typing in a large file never waits for the engine. Requests arrive one at a time (see AnalysisClient).
// The engine itself is dist/engineParts.js (see loadEngine), loaded here after Node's compile cache is on.
import * as os from 'os';
import { parentPort } from 'worker_threads';
import { enableCompileCache, flushCompileCache } from '../../core/compileCache';
import { loadEngine } from '../loadEngine';
import type { FromWorker, ToWorker } from './protocol';
import { unpackOverlays } from './sentOverlays';

// Analysis is background work: when CPU is short, the editor's own threads should win. Only on Linux, where the nice
// value belongs to the calling thread; elsewhere it would lower the whole extension host.
if (process.platform === 'linux') {
  try {
    os.setPriority(0, os.constants.priority.PRIORITY_BELOW_NORMAL);
  } catch {
    // Not permitted in some containers: analysis runs at normal priority.
  }
}

enableCompileCache();
const service = new (loadEngine().AnalysisService)();
let cacheWritten = false;

parentPort?.on('message', ({ id, request, overlays }: ToWorker) => {
  let reply: FromWorker;
  try {
    reply = { type: 'response', id, response: service.handle(request, unpackOverlays(overlays, request)) };
  } catch (error) {
    reply = { type: 'error', id, error: error instanceof Error ? error.stack ?? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
  // Once an analysis has compiled what analyses run (a first check of modules or a file change compiles little).
  if (!cacheWritten && (request.kind === 'analyzeDocument' || request.kind === 'scanFile')) {
    cacheWritten = true;
    flushCompileCache();
  }
});
