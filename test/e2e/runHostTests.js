// Runs the mocha suite INSIDE the extension host of a real VS Code (code-server), like @vscode/test-electron does
// on desktop: VS Code's `payload` query carries extensionDevelopmentPath + extensionTestsPath, and the automation
// hooks report the log and the exit code. code-server must run with `--vscode-option enable-smoke-test-driver`.
// Usage: node runHostTests.js <baseUrl> <extensionDir> <testsIndex.js> <workspaceFixture> <outDir>
const fs = require('fs');
const path = require('path');
const { URL } = require('url');
const util = require('util');
const { launchBrowser, freshWorkspace, stopwatch } = require('./browser');

const [baseUrl, extensionDir, testsIndex, workspaceFixture, outDir] = process.argv.slice(2);
const lap = stopwatch();
const TIMEOUT_MS = Number(process.env.PHI_GUARD_E2E_TIMEOUT_MS || 300_000);

(async () => {
  fs.mkdirSync(outDir, { recursive: true });
  const workspace = freshWorkspace(workspaceFixture);
  const { page, close } = await launchBrowser();
  let finish;
  const exited = new Promise((resolve) => (finish = resolve));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = util.format(...(Array.isArray(args) ? args : [args]));
    if (/ENOTFOUND open-vsx\.org/.test(text)) return; // offline extension gallery
    console.log(`  ${text}`);
  });
  await page.exposeFunction('codeAutomationExit', (code, logs) => {
    for (const log of logs || []) fs.writeFileSync(path.join(outDir, log.relativePath.replace(/[\\/]/g, '_')), log.contents);
    finish(code);
  });
  page.on('pageerror', (error) => console.log('  [page error]', error.message));

  const host = new URL(baseUrl).host;
  const remote = (file) => `vscode-remote://${host}${path.resolve(file)}`;
  const payload = [
    ['extensionDevelopmentPath', remote(extensionDir)],
    ['extensionTestsPath', remote(testsIndex)],
    ['skipWelcome', 'true'],
  ];
  // A *.code-workspace at the fixture's root opens it as a multi-root workspace.
  const workspaceFile = fs.readdirSync(workspace).find((name) => name.endsWith('.code-workspace'));
  const target = workspaceFile ? `workspace=${encodeURIComponent(path.join(workspace, workspaceFile))}` : `folder=${encodeURIComponent(workspace)}`;
  await page.goto(`${baseUrl}/?${target}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
  lap('workbench loading; extension tests run inside the extension host');
  const code = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve('timeout'), TIMEOUT_MS))]);
  if (code !== 0) await page.screenshot({ path: path.join(outDir, 'extension-host-tests-failed.png') }).catch(() => {});
  lap(`extension-host tests finished: ${code === 0 ? 'PASS' : `FAIL (${code})`}`);
  await close();
  fs.rmSync(workspace, { recursive: true, force: true });
  process.exit(code === 0 ? 0 : 1);
})().catch((error) => {
  console.error('extension-host test driver failed:', error);
  process.exit(2);
});
