/**
 * The engine as the extension loads it: a bundle of its own, dist/engineParts.js, with TypeScript's compiler in it
 * (about 0.4 s to load). The analysis worker loads it when it starts; the extension host only on first use (a parse
 * that checks a suppression comment before inserting it, the in-process analysis when no worker thread can start), so
 * that activating the extension loads neither. A require() of the source module at first use, which esbuild.js keeps
 * out of the bundles that make it (the path stays `./engineParts.js`, next to them in dist/); a static import would
 * load the engine as soon as the importing bundle loads (test/unit/extension/bundles.test.ts checks that the extension
 * host's does not).
 */
import type * as EngineParts from './engineParts';

let parts: typeof EngineParts | undefined;

export function loadEngine(): typeof EngineParts {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the require() is what keeps it a bundle apart (see above)
  return (parts ??= require('./engineParts') as typeof EngineParts);
}
