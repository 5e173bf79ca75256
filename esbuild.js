// Bundles each product entry point into dist/. `node esbuild.js [--production] [--watch]`.
// One bundle per adapter: the ESLint plugin and CLI keep `typescript` external (shared with the
// user's install); the VS Code extension bundles it so the VSIX is self-contained.
const esbuild = require('esbuild');
const fs = require('fs');

const production = process.argv.includes('--production');
const { version } = require('./package.json');
const watch = process.argv.includes('--watch');

/**
 * The extension host's on-demand engine stays a bundle of its own, required at first use from next to
 * dist/extension.js: bundled in, V8 would still compile its 10 MB (TypeScript's compiler) each time the extension
 * activates, even if it never ran.
 * @returns {import('esbuild').Plugin}
 */
function onDemandEngineApart() {
  return {
    name: 'on-demand-engine-apart',
    setup(build) {
      build.onResolve({ filter: /^\.\/onDemandEngineParts$/ }, () => ({ path: './onDemandEngineParts.js', external: true }));
    },
  };
}

/** @type {import('esbuild').BuildOptions[]} */
const builds = [
  { entryPoints: ['src/eslint-plugin/index.ts'], outfile: 'dist/eslint-plugin.js', platform: 'node', format: 'cjs', external: ['typescript', 'eslint'] },
  { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', external: ['typescript'], banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['src/cli/scanWorker.ts'], outfile: 'dist/scanWorker.js', platform: 'node', format: 'cjs', external: ['typescript'] },
  { entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', external: ['vscode'], plugins: [onDemandEngineApart()] },
  // What the extension host loads only on first use (src/extension/onDemandEngine.ts): the engine with `typescript`.
  { entryPoints: ['src/extension/onDemandEngineParts.ts'], outfile: 'dist/onDemandEngineParts.js', platform: 'node', format: 'cjs' },
  // The extension's analysis worker thread: the engine with `typescript` bundled, like the extension (no vscode).
  { entryPoints: ['src/extension/analysisWorker/worker.ts'], outfile: 'dist/analysisWorker.js', platform: 'node', format: 'cjs' },
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
