// Packages the VS Code extension (.vsix) from a staging folder.
// Why staging: package.json has a `files` list for the npm package, and vsce refuses to combine `files` with
// .vscodeignore. The staging copy holds only the extension's allowlist (the same as .vscodeignore) and a
// package.json without `files`/`scripts`; vsce then packages it with --no-dependencies (the bundle is
// self-contained). Usage: node src/extension/packaging/packageVsix.js [--out file.vsix]
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const repo = path.resolve(__dirname, '..', '..', '..');
const REPOSITORY_URL = 'https://github.com/phi-guard/phi-guard';
const ALLOWLIST = ['dist/extension.js', 'dist/analysisWorker.js', 'dist/engineParts.js', 'README.md', 'CHANGELOG.md', 'LICENSE', 'syntaxes', 'media', 'schemas', 'docs', '.vscodeignore'];

const manifest = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));
const outIndex = process.argv.indexOf('--out');
const out = path.resolve(outIndex > 0 ? process.argv[outIndex + 1] : path.join(repo, `${manifest.name}-${manifest.version}.vsix`));
for (const bundle of ['extension.js', 'analysisWorker.js', 'engineParts.js']) {
  if (!fs.existsSync(path.join(repo, 'dist', bundle))) {
    console.error(`${path.join(repo, 'dist', bundle)} is missing: run 'node esbuild.js --production' first.`);
    process.exit(1);
  }
}

const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-vsix-'));
try {
  for (const entry of ALLOWLIST) {
    const source = path.join(repo, entry);
    if (fs.existsSync(source)) fs.cpSync(source, path.join(staging, entry), { recursive: true });
  }
  const stagedManifest = { ...manifest };
  delete stagedManifest.files;
  delete stagedManifest.scripts;
  fs.writeFileSync(path.join(staging, 'package.json'), `${JSON.stringify(stagedManifest, null, 2)}\n`);
  // Relative links in README.md point into the repository (the same base as RULE_DOCS_BASE_URL in ruleDocs.ts).
  const flags = ['--no-dependencies', '--out', out, '--baseContentUrl', `${REPOSITORY_URL}/blob/main/`, '--baseImagesUrl', `${REPOSITORY_URL}/raw/main/`];
  if (!manifest.repository) flags.push('--allow-missing-repository');
  if (!fs.existsSync(path.join(repo, 'LICENSE'))) flags.push('--skip-license');
  const vsce = require.resolve('@vscode/vsce/vsce', { paths: [repo] });
  execFileSync(process.execPath, [vsce, 'package', ...flags], { cwd: staging, stdio: ['ignore', 'inherit', 'inherit'] });
  console.log(`VSIX: ${out} (${Math.round(fs.statSync(out).size / 1024)} KB)`);
} finally {
  fs.rmSync(staging, { recursive: true, force: true });
}
