// Bundles each product entry point into dist/. `node esbuild.js [--production] [--watch]`.
// One bundle per adapter: the ESLint plugin and CLI keep `typescript` external (shared with the
// user's install); the VS Code extension bundles it (in dist/engineParts.js) so the VSIX is self-contained.
const esbuild = require('esbuild');
const fs = require('fs');

const production = process.argv.includes('--production');
const { version } = require('./package.json');
const watch = process.argv.includes('--watch');

/**
 * The engine the extension loads (src/extension/loadEngine.ts) stays a bundle of its own, dist/engineParts.js,
 * required from next to the bundle that loads it: bundled into the extension host's, V8 would compile its 10 MB
 * (TypeScript's compiler) at every activation even if it never ran; bundled into the worker's too, the VSIX would
 * carry it twice.
 * @returns {import('esbuild').Plugin}
 */
function engineApart() {
  return {
    name: 'engine-apart',
    setup(build) {
      build.onResolve({ filter: /^\.\/engineParts$/ }, () => ({ path: './engineParts.js', external: true }));
    },
  };
}

/** @type {import('esbuild').BuildOptions[]} */
const builds = [
  { entryPoints: ['src/eslint-plugin/index.ts'], outfile: 'dist/eslint-plugin.js', platform: 'node', format: 'cjs', external: ['typescript', 'eslint'] },
  { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', external: ['typescript'], banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['src/cli/scanWorker.ts'], outfile: 'dist/scanWorker.js', platform: 'node', format: 'cjs', external: ['typescript'] },
  { entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', external: ['vscode'], plugins: [engineApart()] },
  // The engine the extension loads (src/extension/loadEngine.ts), with `typescript` bundled.
  { entryPoints: ['src/extension/engineParts.ts'], outfile: 'dist/engineParts.js', platform: 'node', format: 'cjs' },
  // The extension's analysis worker thread: its message loop, loading dist/engineParts.js (no vscode).
  { entryPoints: ['src/extension/analysisWorker/worker.ts'], outfile: 'dist/analysisWorker.js', platform: 'node', format: 'cjs', plugins: [engineApart()] },
  { entryPoints: ['src/deid/index.ts'], outfile: 'dist/deid.js', platform: 'neutral', format: 'cjs', mainFields: ['module', 'main'] },
  { entryPoints: ['src/deid/index.ts'], outfile: 'dist/deid.mjs', platform: 'neutral', format: 'esm', mainFields: ['module', 'main'] },
].filter((b) => b.entryPoints.every((entry) => fs.existsSync(entry)));

/** Prints errors in the `file:line:col: error: message` shape VS Code's problem matchers read. */
const problemMatcherPlugin = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => {
      if (watch) console.log('[watch] build started');
    });
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      if (watch) console.log('[watch] build finished');
    });
  },
};

/** The whole of one bundle's esbuild options (exported for test/unit/extension/bundles.test.ts). */
function buildOptions(options) {
  return {
    bundle: true,
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    target: 'node20',
    logLevel: 'silent',
    define: { PHI_GUARD_VERSION: JSON.stringify(version) },
    ...options,
    plugins: [problemMatcherPlugin, ...(options.plugins ?? [])],
  };
}

async function main() {
  const contexts = await Promise.all(builds.map((options) => esbuild.context(buildOptions(options))));
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

module.exports = { builds: builds.map(buildOptions) };
