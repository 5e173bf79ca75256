// Compiles the extension-host test suite (test/e2e/suite/*.ts) to out/e2e/suite/*.js, one file per test so
// mocha can load each with its globals. vscode, typescript and mocha stay external (resolved at run time).
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const suiteDir = path.join(__dirname, 'suite');
const outDir = path.join(__dirname, '..', '..', 'out', 'e2e', 'suite');

/** mocha's package entry is ESM; the extension host of older VS Code versions cannot require() it. */
const mochaCommonJs = {
  name: 'mocha-commonjs',
  setup(build) {
    build.onResolve({ filter: /^mocha$/ }, () => ({ path: 'mocha/lib/mocha.cjs', external: true }));
  },
};

fs.rmSync(outDir, { recursive: true, force: true });
esbuild
  .build({
    entryPoints: fs.readdirSync(suiteDir).filter((name) => name.endsWith('.ts') && name !== 'helpers.ts').map((name) => path.join(suiteDir, name)),
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode', 'typescript'],
    plugins: [mochaCommonJs],
    logLevel: 'warning',
  })
  .catch(() => process.exit(1));
