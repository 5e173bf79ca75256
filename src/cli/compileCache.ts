import * as nodeModule from 'node:module';

/** `module.enableCompileCache` (Node 22.1 and later); typed here because the project builds against Node 20's types. */
type EnableCompileCache = () => unknown;

/**
 * Lets Node (22.1 and later) keep V8's compiled code of the modules this process loads from now on, TypeScript above
 * all, in its compile cache (`NODE_COMPILE_CACHE`, by default `node-compile-cache` in the system's temporary folder),
 * as `tsc` does: each later run skips compiling them (a one-file scan 0.50 → 0.40 s on Node 24). Only code is
 * cached, PHI Guard's and TypeScript's, never the files scanned (they are read, not loaded as modules).
 * `NODE_DISABLE_COMPILE_CACHE=1` turns it off. On older Node, and if the cache cannot be used, nothing happens.
 */
export function enableCompileCache(): void {
  const enable = (nodeModule as { enableCompileCache?: EnableCompileCache }).enableCompileCache;
  try {
    enable?.();
  } catch {
    // Node reports a folder it cannot use in the value it returns; should a version throw instead, the run goes on.
  }
}
