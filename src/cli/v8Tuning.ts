import * as v8 from 'node:v8';

/**
 * V8 settings for a batch scan or inventory, set once by the entry point (main.ts) before anything heavy is compiled.
 * The CLI can choose them because it owns its process (they are process-wide, so they hold for the worker threads it
 * starts too); the editor and ESLint run in processes PHI Guard does not own and keep V8's defaults.
 *
 * A smaller inlining budget: a scan runs each file once through a few large interpreter functions, in every thread.
 * With V8's default budget the optimising compiler spends more time compiling those functions (again whenever new files
 * change what they see) than their faster code saves in one pass: on ottehr (3,881 files) the smaller budget took
 * 12-15% less CPU and 10-15% less wall time, with the same output.
 *
 * No allocation-site pretenuring: V8 starts allocating objects straight in the old generation at a site whose objects
 * have survived young-generation collections. Analyses of imports nested inside other analyses keep a run of syntax
 * trees and interpreter states alive long enough for that to happen; from then on every scavenge keeps alive the young
 * objects those short-lived old ones point to, until the next full collection (on ottehr: scavenges 1.6 s instead of
 * 0.9 s, 440 MB peak instead of 300 MB, in most runs; which runs is down to timing). Off, the one-thread scan of
 * ottehr took 16-18% less wall and CPU time, with the same output (test/bench/RESULTS.md, run AJ).
 */
const BATCH_SCAN_FLAGS = ['--max-inlined-bytecode-size-cumulative=150', '--no-allocation-site-pretenuring'];

export function tuneV8ForBatchScan(): void {
  for (const flag of BATCH_SCAN_FLAGS) v8.setFlagsFromString(flag);
}
