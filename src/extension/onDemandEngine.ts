/**
 * The parts of the engine the extension host needs only now and then: a parse to check a suppression comment before
 * inserting it, and the analysis itself when no worker thread can start. They bring TypeScript's compiler (about a
 * third of a second to load), which the extension host otherwise never needs: the analysis runs in the worker thread
 * (dist/analysisWorker.js). Loaded with require() on first use, which esbuild bundles as code that runs at that first
 * call; a static import would run it while the extension activates (test/unit/extension/activationImports.test.ts keeps
 * the extension's static imports free of TypeScript).
 */
import type * as OnDemandParts from './onDemandEngineParts';

let parts: typeof OnDemandParts | undefined;

export function onDemandEngine(): typeof OnDemandParts {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the require() is what defers the load (see above)
  return (parts ??= require('./onDemandEngineParts') as typeof OnDemandParts);
}
