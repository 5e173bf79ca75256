// Bundles each product entry point into dist/. `node esbuild.js [--production] [--watch]`.
// One bundle per adapter: the ESLint plugin and CLI keep `typescript` external (shared with the
// user's install); the VS Code extension bundles it so the VSIX is self-contained.
const esbuild = require('esbuild');
const fs = require('fs');

const production = process.argv.includes('--production');
const { version } = require('./package.json');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions[]} */
const builds = [
  { entryPoints: ['src/eslint-plugin/index.ts'], outfile: 'dist/eslint-plugin.js', platform: 'node', format: 'cjs', external: ['typescript', 'eslint'] },
  { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', external: ['typescript'], banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['src/cli/scanWorker.ts'], outfile: 'dist/scanWorker.js', platform: 'node', format: 'cjs', external: ['typescript'] },
  { entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', external: ['vscode'] },
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

async function main() {
  const contexts = await Promise.all(
    builds.map((options) =>
      esbuild.context({
        bundle: true,
        minify: production,
        sourcemap: !production,
        sourcesContent: false,
        target: 'node20',
        logLevel: 'silent',
        plugins: [problemMatcherPlugin],
        define: { PHI_GUARD_VERSION: JSON.stringify(version) },
        ...options,
      }),
    ),
  );
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
