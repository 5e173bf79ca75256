import * as v8 from 'node:v8';

/**
 * A scan runs each file once through a few large interpreter functions, in every thread. With V8's default inlining
 * budget the optimising compiler spends more time compiling those functions (again whenever new files change what
 * they see) than their faster code saves in one pass: on ottehr (3,881 files) a smaller budget took 12-15% less CPU
 * and 10-15% less wall time, with the same output. The CLI owns its process, so it sets the budget for itself and the
 * worker threads it starts; the editor and ESLint run in processes PHI Guard does not own and keep V8's defaults.
 */
const INLINING_BUDGET_FLAG = '--max-inlined-bytecode-size-cumulative=150';

export function tuneCompilerForBatchScan(): void {
  v8.setFlagsFromString(INLINING_BUDGET_FLAG);
}
