// UI smoke test of the packaged extension (installed from the .vsix) in code-server, driven like a user:
// open a sample, see the squiggle, the Problems entry, the hover and the status bar, apply the quick fix.
// Screenshots go to <outDir>. DOM selectors are VS Code internals: keep these checks few; the extension-host
// suite asserts the details through the vscode API.
// Usage: node uiSmoke.js <baseUrl> <workspaceFixture> <outDir>
const fs = require('fs');
const path = require('path');
const { launchBrowser, freshWorkspace, stopwatch, uiDriver } = require('./browser');

const [baseUrl, workspaceFixture, outDir] = process.argv.slice(2);
const SAMPLE = 'src/patientSummary.ts';
const lap = stopwatch();

(async () => {
  fs.mkdirSync(outDir, { recursive: true });
  const workspace = freshWorkspace(workspaceFixture);
  const sampleLines = fs.readFileSync(path.join(workspace, SAMPLE), 'utf8').split('\n');
  const logLine = sampleLines.findIndex((line) => line.includes("console.log('Summarizing patient'"));
  const logColumn = sampleLines[logLine].indexOf('patient.ssn') + 1;
  const aiLine = sampleLines.findIndex((line) => line.includes('content: `Summarize'));
  const aiColumn = sampleLines[aiLine].indexOf('`Summarize') + 1;

  const { page, close } = await launchBrowser();
  const { failures, check, screenshot, runCommand } = uiDriver(page, outDir, lap);
  const goTo = async (line, column) => {
    await page.keyboard.press('Control+P');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type(`:${line}:${column}`);
    await page.keyboard.press('Enter');
  };

  await page.goto(`${baseUrl}/?folder=${encodeURIComponent(workspace)}`);
  await page.waitForSelector('.monaco-workbench .part.activitybar', { timeout: 120_000 });
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
  lap('workbench ready');

  await page.click('.monaco-workbench .part.editor');
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type('patientSummary.ts');
  await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 10_000 });
  await page.keyboard.press('Enter');
  await page.waitForSelector('.monaco-editor .view-lines', { timeout: 20_000 });
  lap(`${SAMPLE} opened`);

  await check('squiggle under the flagged value', () => page.waitForSelector('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error', { timeout: 60_000 }));
  await check('status bar shows the finding count', () => page.waitForSelector('.statusbar-item:has-text("PHI:")', { timeout: 20_000 }));
  await page.keyboard.press('Control+Shift+M');
  await check('Problems panel lists the PHI Guard finding', () => page.waitForSelector('.markers-panel .monaco-list-row:has-text("no-phi-in-logs")', { timeout: 20_000 }));
  await screenshot('01-problems.png');

  await goTo(logLine + 1, logColumn + 2);
  await runCommand('Show or Focus Hover');
  await check('hover explains the PHI', () => page.waitForSelector('.monaco-hover:has-text("Why this is PHI")', { timeout: 20_000 }));
  await screenshot('02-hover.png');
  await page.keyboard.press('Escape');

  // Ctrl+. does not open the quick-fix menu in headless Chromium; the command palette does.
  await goTo(logLine + 1, logColumn + 2);
  await runCommand('Quick Fix...');
  const fixRow = '.monaco-list-row.action:has-text("eidentify")';
  await check('de-identify quick fix offered', () => page.waitForSelector(fixRow, { timeout: 20_000 }));
  await screenshot('03-quick-fix-menu.png');
  let fixApplied = false;
  await check('quick fix applied', async () => {
    await page.click(fixRow);
    await page.waitForSelector('.monaco-editor .view-line:has-text("deidentify(")', { timeout: 20_000 });
    fixApplied = true;
  });
  await page.keyboard.press('Control+S');
  await check('the fixed value is no longer flagged', async () => {
    if (!fixApplied) throw new Error('the quick fix was not applied');
    await page.waitForFunction(() => !document.querySelector('.markers-panel')?.textContent?.includes('no-phi-in-logs'), undefined, { timeout: 20_000 });
  });
  await screenshot('04-fixed.png');

  // Suppress the AI finding through the real input box (the de-identify fix added one import line above it).
  await goTo(aiLine + 2, aiColumn + 2);
  await runCommand('Quick Fix...');
  const suppressRow = '.monaco-list-row.action:has-text("Suppress no-phi-to-ai")';
  await check('suppression offered and asks for a reason', async () => {
    await page.waitForSelector(suppressRow, { timeout: 20_000 });
    await page.click(suppressRow);
    await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 10_000 });
  });
  await page.keyboard.type('BAA with OpenAI (SEC-7)');
  await screenshot('05-suppression-reason.png');
  await page.keyboard.press('Enter');
  await check('suppression comment inserted, no findings left', async () => {
    await page.waitForSelector('.monaco-editor .view-line:has-text("phi-guard-allow no-phi-to-ai -- BAA with OpenAI (SEC-7)")', { timeout: 20_000 });
    await page.waitForSelector('.statusbar-item:has-text("PHI: 0")', { timeout: 20_000 });
    await page.waitForFunction(() => !document.querySelector('.markers-panel')?.textContent?.includes('PHI Guard'), undefined, { timeout: 20_000 });
  });
  await screenshot('06-suppressed.png');

  lap(failures.length === 0 ? 'UI smoke: ALL PASS' : `UI smoke: FAILED ${failures.join('; ')}`);
  await close();
  fs.rmSync(workspace, { recursive: true, force: true });
  process.exit(failures.length === 0 ? 0 : 1);
})().catch((error) => {
  console.error('UI smoke driver failed:', error);
  process.exit(2);
});
