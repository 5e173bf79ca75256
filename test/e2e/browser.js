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

/**
 * What both UI drivers do with a page: named checks that record failures instead of stopping the run, screenshots
 * into `outDir`, and running a command from the palette (F1; Ctrl+. does not open menus in headless Chromium).
 */
function uiDriver(page, outDir, lap) {
  const failures = [];
  const check = async (name, action) => {
    try {
      await action();
      lap(`PASS ${name}`);
    } catch (error) {
      failures.push(name);
      lap(`FAIL ${name}: ${error.message.split('\n')[0]}`);
    }
  };
  const screenshot = (name) => page.screenshot({ path: path.join(outDir, name) });
  const runCommand = async (label) => {
    await page.keyboard.press('F1');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type(label);
    await page.waitForSelector(`.quick-input-list .monaco-list-row:has-text("${label}")`, { timeout: 10_000 });
    await page.keyboard.press('Enter');
  };
  return { failures, check, screenshot, runCommand };
}

module.exports = { launchBrowser, freshWorkspace, stopwatch, uiDriver };
