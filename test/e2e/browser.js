// Shared by the e2e drivers: Debian's Chromium driven by playwright-core (never downloads a browser).
const fs = require('fs');
const os = require('os');
const path = require('path');

const { chromium } = require(process.env.PW_CORE || 'playwright-core');

/** A headless Chromium with a throw-away profile; Playwright passes --user-data-dir itself. */
async function launchBrowser() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] || (await context.newPage());
  const close = async () => {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  };
  return { page, close };
}

/** A fresh copy of the sample workspace: VS Code writes backups and state, and the tests edit files. */
function freshWorkspace(fixture) {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-ws-'));
  fs.cpSync(fixture, folder, { recursive: true });
  return folder;
}

function stopwatch() {
  const started = Date.now();
  return (message) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);
}

module.exports = { launchBrowser, freshWorkspace, stopwatch };
