// Manual benchmark (issue 4): the packaged extension (VSIX) in a real VS Code (code-server) scans a large workspace
// from the command palette until the Data Flows view is filled. Records the wall time from the command to the
// extension's "Workspace scan (…)" log line, the scan time the extension reports, files and flow sites, the peak
// memory (RSS) of the extension host (its worker threads share its RSS; child processes are added separately) and of
// code-server's other processes, then reloads the window and scans again from the on-disk cache (warm run).
// Not part of `npm test` or CI: the numbers depend on the machine and on what else runs on it.
//
// Usage: npm run bench:editor-scan -- <workspace folder> [--vsix FILE] [--out DIR] [--no-warm] [--timeout-minutes N]
//   --vsix FILE          use this VSIX instead of packaging the working tree (`npm run package`)
//   --out DIR            results (default test-results/e2e/large-scan/<workspace folder name>/)
//   --no-warm            only the first (cold) scan
//   --timeout-minutes N  give up on a scan after N minutes (default 30)
// Needs the e2e tools once: npm run test:e2e:setup. The workspace is opened in place and only read (VS Code keeps
// its state and the scan cache in a temporary user-data folder), so a corpus outside the repository is fine.
// Exit code: 0 every scan finished with a filled tree, 1 a scan failed, hung or left the tree empty, 2 harness error.
const { spawnSync } = require('child_process');
const { createHash } = require('crypto');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const { setInterval, clearInterval } = require('timers');
const { setTimeout: sleep } = require('timers/promises');

const REPO = path.resolve(__dirname, '..', '..');
const TOOLS = path.resolve(process.env.PHI_GUARD_E2E_TOOLS || path.join(REPO, '.e2e-tools'));
process.env.PW_CORE = process.env.PW_CORE || path.join(TOOLS, 'pw', 'node_modules', 'playwright-core');
const { launchBrowser, stopwatch, uiDriver } = require('./browser');

const SCAN_COMMAND = 'PHI Guard: Scan Workspace for PHI Flows';
const SCAN_LOG = /Workspace scan \(([^)]*)\)( cancelled)?:/;
const SCAN_FAILED_LOG = /Workspace scan failed/;
const SAMPLE_EVERY_MS = 250;
const SETTLE_MS = 10_000;
const VIEW_DONE_MESSAGE = '.part.sidebar :text-matches("[0-9]+ files scanned")';
const SIDEBAR_ROWS = '.part.sidebar .pane-body .monaco-list-row';
const PHI_GUARD_CONTAINER = '.activitybar .action-item a[aria-label^="PHI Guard"]';
const lap = stopwatch();

function parseArguments(argv) {
  // `npm run` starts scripts in the repository; paths on its command line are meant from where it was typed.
  const resolve = (file) => path.resolve(process.env.INIT_CWD || process.cwd(), file);
  const options = { workspace: undefined, vsix: undefined, out: undefined, warm: true, timeoutMinutes: 30 };
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    if (argument === '--vsix') options.vsix = resolve(argv[++i]);
    else if (argument === '--out') options.out = resolve(argv[++i]);
    else if (argument === '--no-warm') options.warm = false;
    else if (argument === '--timeout-minutes') options.timeoutMinutes = Number(argv[++i]);
    else if (!argument.startsWith('--') && !options.workspace) options.workspace = resolve(argument);
    else throw new Error(`unknown argument ${argument}`);
  }
  if (!options.workspace) throw new Error('give the workspace folder: npm run bench:editor-scan -- /work/corpora/ottehr');
  options.out = options.out ?? path.join(REPO, 'test-results', 'e2e', 'large-scan', path.basename(options.workspace));
  if (!fs.statSync(options.workspace, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`${options.workspace} is not a folder`);
  if (options.vsix && !fs.existsSync(options.vsix)) throw new Error(`--vsix ${options.vsix} does not exist`);
  if (!(options.timeoutMinutes > 0)) throw new Error('--timeout-minutes needs a positive number');
  return options;
}

// ---- processes: code-server runs in its own process group (setsid); /proc gives RSS, peak RSS and CPU time ----

function readProcess(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name: state ppid pgrp … utime(14) stime(15) … (1-based from pid).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
    return {
      pid,
      ppid: Number(fields[1]),
      pgid: Number(fields[2]),
      cpuTicks: Number(fields[11]) + Number(fields[12]),
      rssKb: kb('VmRSS'),
      peakRssKb: kb('VmHWM'),
      threads: Number(/^Threads:\s+(\d+)/m.exec(status)?.[1] ?? 0),
      cmdline,
    };
  } catch {
    return undefined; // the process ended between listing and reading
  }
}

function threadNames(pid) {
  try {
    return fs.readdirSync(`/proc/${pid}/task`).map((task) => fs.readFileSync(`/proc/${pid}/task/${task}/comm`, 'utf8').trim());
  } catch {
    return [];
  }
}

function processesInGroup(pgid) {
  const all = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const info = readProcess(Number(entry));
    if (info && info.pgid === pgid) all.push(info);
  }
  return all;
}

/** The extension host a process was started by (directly or not), if any. */
function extensionHostAbove(info, byPid) {
  for (let parent = byPid.get(info.ppid); parent; parent = byPid.get(parent.ppid)) {
    if (/--type=extensionHost/.test(parent.cmdline)) return parent.pid;
  }
  return undefined;
}

/** What a code-server process is: VS Code's forked processes say `--type=…`; the rest is code-server itself. */
function roleOf(info, byPid) {
  const type = /--type=(\S+)/.exec(info.cmdline)?.[1];
  if (type) return type;
  if (extensionHostAbove(info, byPid)) return 'extensionHost-child';
  return byPid.has(info.ppid) ? 'code-server (server)' : 'code-server (launcher)';
}

const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
const mb = (kb) => Math.round(kb / 1024);

/** Samples the group every 250 ms: max RSS per process and role, and CPU time, since the last `mark()`. */
function memorySampler(pgid) {
  const perPid = new Map();
  let samples = 0;
  let markedAt = 0;
  const maxTreeKbByHost = new Map();
  const sample = () => {
    samples++;
    const group = processesInGroup(pgid);
    const byPid = new Map(group.map((info) => [info.pid, info]));
    const treeKbByHost = new Map();
    for (const info of group) {
      const role = roleOf(info, byPid);
      const known = perPid.get(info.pid) ?? { pid: info.pid, role, cmdline: info.cmdline.slice(0, 160), maxRssKb: 0, peakRssKb: 0, maxThreads: 0, firstCpuTicks: info.cpuTicks, cpuTicks: info.cpuTicks };
      known.maxRssKb = Math.max(known.maxRssKb, info.rssKb);
      known.peakRssKb = Math.max(known.peakRssKb, info.peakRssKb);
      known.maxThreads = Math.max(known.maxThreads, info.threads);
      known.cpuTicks = info.cpuTicks;
      known.lastRssKb = info.rssKb;
      known.seenAt = samples;
      // A child forked by the extension host carries its command line until it execs: the latest sample decides.
      known.role = role;
      known.cmdline = info.cmdline.slice(0, 160);
      if (role === 'extensionHost-child') known.host = extensionHostAbove(info, byPid);
      perPid.set(info.pid, known);
      const host = role === 'extensionHost' ? info.pid : role === 'extensionHost-child' ? extensionHostAbove(info, byPid) : undefined;
      if (host) treeKbByHost.set(host, (treeKbByHost.get(host) ?? 0) + info.rssKb);
      // Thread names show whether the analysis runs on a worker thread (Node names it after the Worker's `name`).
      if (role === 'extensionHost') for (const name of threadNames(info.pid)) (known.threadNames ??= new Set()).add(name);
    }
    for (const [host, kb] of treeKbByHost) maxTreeKbByHost.set(host, Math.max(maxTreeKbByHost.get(host) ?? 0, kb));
  };
  sample();
  const timer = setInterval(sample, SAMPLE_EVERY_MS);
  return {
    stop() {
      sample();
      clearInterval(timer);
    },
    /** Starts a measurement: maxima and CPU time count from now. */
    mark() {
      sample();
      for (const known of perPid.values()) Object.assign(known, { maxRssKb: known.lastRssKb, rssAtMarkKb: known.lastRssKb, maxThreads: 0, firstCpuTicks: known.cpuTicks });
      maxTreeKbByHost.clear();
      markedAt = samples;
      sample();
    },
    /** The extension hosts alive since the mark, biggest last (VS Code may fork a short-lived one too). */
    extensionHosts: () => [...perPid.values()].filter((known) => known.role === 'extensionHost' && known.seenAt > markedAt).sort((a, b) => a.maxRssKb - b.maxRssKb),
    report(extensionHostPid) {
      const processes = [...perPid.values()].filter((known) => known.seenAt > markedAt);
      const extensionHost = perPid.get(extensionHostPid);
      const server = processes.filter((known) => !known.role.startsWith('extensionHost'));
      return {
        extensionHost: extensionHost && {
          pid: extensionHost.pid,
          maxRssMb: mb(extensionHost.maxRssKb),
          peakRssMb: mb(extensionHost.peakRssKb),
          rssBeforeMb: extensionHost.rssAtMarkKb === undefined ? undefined : mb(extensionHost.rssAtMarkKb),
          lastRssMb: mb(extensionHost.lastRssKb),
          maxThreads: extensionHost.maxThreads,
          threadNames: [...(extensionHost.threadNames ?? [])].sort(),
          cpuSeconds: Number(((extensionHost.cpuTicks - extensionHost.firstCpuTicks) / CLOCK_TICKS).toFixed(1)),
        },
        // VS Code's own short-lived helpers (ls, ps, rg for port detection and findFiles) stay below 10 MB.
        extensionHostChildProcesses: processes.filter((known) => known.role === 'extensionHost-child' && known.host === extensionHostPid && known.maxRssKb >= 10 * 1024).map((known) => ({ pid: known.pid, maxRssMb: mb(known.maxRssKb), cmdline: known.cmdline })),
        extensionHostWithChildrenMaxRssMb: mb(maxTreeKbByHost.get(extensionHostPid) ?? 0),
        codeServer: server.map((known) => ({ role: known.role, pid: known.pid, maxRssMb: mb(known.maxRssKb) })),
        codeServerServerMaxRssMb: mb(server.filter((known) => known.role === 'code-server (server)').reduce((sum, known) => sum + known.maxRssKb, 0)),
      };
    },
  };
}

// ---- code-server, through the same script run.sh uses ----

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function startCodeServer(runDir, vsix) {
  const port = await freePort();
  // setsid: code-server and everything it forks share one process group, stopped together and measured together.
  const started = spawnSync('setsid', [path.join(__dirname, 'startCodeServer.sh'), TOOLS, String(port), runDir], { env: { ...process.env, VSIX: vsix }, encoding: 'utf8' });
  if (started.status !== 0) {
    const pgidFile = path.join(runDir, 'cs.pgid');
    if (fs.existsSync(pgidFile)) stopCodeServer(Number(fs.readFileSync(pgidFile, 'utf8').trim()));
    throw new Error(`code-server did not start:\n${started.stdout}${started.stderr}`);
  }
  const pgid = Number(fs.readFileSync(path.join(runDir, 'cs.pgid'), 'utf8').trim());
  return { baseUrl: `http://127.0.0.1:${port}`, pgid };
}

function stopCodeServer(pgid) {
  try {
    process.kill(-pgid, 'SIGTERM');
  } catch {
    // already gone
  }
}

function packageVsix(outDir) {
  const vsix = path.join(outDir, 'phi-guard.vsix');
  const packaged = spawnSync('npm', ['run', '--silent', 'package', '--', '--out', vsix], { cwd: REPO, encoding: 'utf8' });
  fs.writeFileSync(path.join(outDir, 'package.log'), `${packaged.stdout}${packaged.stderr}`);
  if (packaged.status !== 0 || !fs.existsSync(vsix)) throw new Error(`packaging failed (see ${path.join(outDir, 'package.log')}):\n${packaged.stdout}${packaged.stderr}`);
  return vsix;
}

// ---- the extension's log (Output → PHI Guard), as VS Code writes it under the user-data folder ----

function logFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true }).map((relative) => path.join(dir, relative)).filter((file) => file.endsWith('.log') && /phi-guard\.phi-guard/.test(file) && fs.statSync(file).isFile());
}

/** Every line of every PHI Guard log file (one per extension host session), oldest session first. */
function phiGuardLogLines(logsDir) {
  return logFiles(logsDir)
    .sort((a, b) => fs.statSync(a).mtimeMs - fs.statSync(b).mtimeMs)
    .flatMap((file) => fs.readFileSync(file, 'utf8').split('\n').filter(Boolean));
}

/** `2026-11-28 16:52:12.123 [info] …`: VS Code writes local time. */
function logTime(line) {
  const match = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d\.\d{3})/.exec(line);
  return match ? new Date(`${match[1]}T${match[2]}`).getTime() : undefined;
}

function parseScanLine(line) {
  const number = (pattern) => {
    const match = pattern.exec(line);
    return match ? Number(match[1]) : undefined;
  };
  return {
    line: line.replace(/^\S+ \S+ /, ''),
    reason: SCAN_LOG.exec(line)?.[1],
    cancelled: / cancelled:/.test(line),
    files: number(/(\d+) file\(s\)/),
    fromCache: number(/(\d+) from the cache/),
    skipped: number(/(\d+) skipped/),
    flowSites: number(/(\d+) flow site\(s\)/),
    extensionReportedMs: number(/in (\d+) ms/),
  };
}

// ---- one scan through the UI ----

async function scanOnce(kind, context) {
  const { page, driver, sampler, logsDir, unresponsive, timeoutMs } = context;
  sampler.mark();
  const unresponsiveBefore = unresponsive.length;
  const scanLinesBefore = phiGuardLogLines(logsDir).filter((line) => SCAN_LOG.test(line) || SCAN_FAILED_LOG.test(line)).length;
  const loadBefore = os.loadavg();
  // The palette lists an extension's commands once the (remote) extension host has registered its contributions;
  // the activity-bar item shows the same moment.
  await page.waitForSelector(PHI_GUARD_CONTAINER, { timeout: 120_000 });
  lap(`${kind}: running "${SCAN_COMMAND}" (load ${loadBefore.map((load) => load.toFixed(2)).join(' ')})`);
  await driver.runCommand(SCAN_COMMAND);
  const commandAt = Date.now();

  // The command starts the scan; open the view only once it runs, so that the scan is the command's, not the view's.
  const progress = '.notification-toast:has-text("PHI Guard"), .statusbar-item:has-text("PHI Guard: scanning")';
  const startedAt = await page
    .waitForSelector(progress, { timeout: 15_000 })
    .then(() => Date.now())
    .catch(() => undefined);
  await page.click(PHI_GUARD_CONTAINER, { timeout: 20_000 });
  await page.waitForSelector('.part.sidebar .title-label:has-text("Data Flows")', { timeout: 20_000 });

  let finished;
  let lastReport = Date.now();
  let viewDoneAt;
  for (;;) {
    const lines = phiGuardLogLines(logsDir).filter((line) => SCAN_LOG.test(line) || SCAN_FAILED_LOG.test(line));
    if (lines.length > scanLinesBefore) {
      finished = { at: Date.now(), lines: lines.slice(scanLinesBefore) };
      break;
    }
    // Should the log line change, the view's "N files scanned" message (shown once a scan is done) ends the wait.
    if (!viewDoneAt && (await page.$(VIEW_DONE_MESSAGE).catch(() => null))) viewDoneAt = Date.now();
    if (viewDoneAt && Date.now() - viewDoneAt > 15_000) {
      finished = { at: viewDoneAt, lines: [] };
      break;
    }
    if (Date.now() - commandAt > timeoutMs) break;
    if (Date.now() - lastReport > 30_000) {
      lastReport = Date.now();
      const host = sampler.extensionHosts().at(-1);
      const toast = await page.textContent('.notification-toast .notification-list-item-message').catch(() => null);
      lap(`${kind}: still scanning after ${Math.round((Date.now() - commandAt) / 1000)} s; extension host RSS ${host ? mb(host.lastRssKb) : '?'} MB; notification: ${toast?.trim() || '-'}; load ${os.loadavg()[0].toFixed(2)}`);
    }
    await sleep(SAMPLE_EVERY_MS);
  }
  const loadAfter = os.loadavg();
  const result = { kind, commandToProgressMs: startedAt && startedAt - commandAt, loadBefore, loadAfter, extensionHostUnresponsive: unresponsive.slice(unresponsiveBefore) };
  if (!finished) {
    result.error = `no "Workspace scan (…)" log line within ${timeoutMs / 60_000} min`;
    await driver.screenshot(`${kind}-timeout.png`);
    return result;
  }
  const failure = finished.lines.find((line) => SCAN_FAILED_LOG.test(line));
  const scanLine = finished.lines.find((line) => SCAN_LOG.test(line));
  if (failure) result.error = failure;
  if (/ cancelled:/.test(scanLine ?? '')) result.error = result.error ?? 'the scan was cancelled';
  if (!scanLine) result.warning = 'the view said the scan was done, but the log had no "Workspace scan (…)" line: wall time from the view, no counts';
  Object.assign(result, scanLine ? parseScanLine(scanLine) : {});
  result.wallMs = finished.at - commandAt;
  // The log line's own time stamp, without the 250 ms polling step.
  const loggedAt = scanLine && logTime(scanLine);
  if (loggedAt) result.wallMsByLogTimestamp = loggedAt - commandAt;

  // Sidebar filled: rows in the Data Flows tree (only the rendered ones: the list is virtual), badge, message.
  try {
    await page.waitForSelector(SIDEBAR_ROWS, { timeout: 60_000 });
    result.sidebarFilledMs = Date.now() - commandAt;
    await sleep(500);
    result.treeRows = await page.$$eval(SIDEBAR_ROWS, (rows) => rows.map((row) => (row.textContent ?? '').trim()));
    result.badge = await page.textContent('.activitybar .action-item:has(a[aria-label^="PHI Guard"]) .badge-content').catch(() => null);
    result.viewMessage = await page.textContent(VIEW_DONE_MESSAGE, { timeout: 5_000 }).catch(() => null);
  } catch {
    result.treeRows = [];
    const welcome = await page.textContent('.part.sidebar .pane-body').catch(() => null);
    result.error = result.error ?? `the Data Flows view stayed empty; it shows: ${welcome?.trim().slice(0, 300) ?? '(nothing)'}`;
  }
  await page.mouse.move(700, 600); // no hover tooltip over the tree in the screenshot
  await sleep(300);
  await driver.screenshot(`${kind}-data-flows.png`);
  return result;
}

function describe(run, memory) {
  const seconds = (ms) => (ms === undefined ? '?' : `${(ms / 1000).toFixed(1)} s`);
  const load = (values) => values.map((value) => value.toFixed(2)).join(' ');
  const lines = [`${run.kind} scan${run.reason ? ` (${run.reason})` : ''}:`];
  if (run.error) lines.push(`  ERROR: ${run.error}`);
  if (run.warning) lines.push(`  WARNING: ${run.warning}`);
  lines.push(
    `  wall time, command → log line: ${seconds(run.wallMsByLogTimestamp ?? run.wallMs)}; extension's own scan time: ${seconds(run.extensionReportedMs)}; progress shown after ${seconds(run.commandToProgressMs)}; sidebar filled after ${seconds(run.sidebarFilledMs)}`,
    `  files: ${run.files ?? '?'} (${run.fromCache ?? '?'} from the cache, ${run.skipped ?? '?'} skipped); flow sites: ${run.flowSites ?? '?'}; tree rows rendered: ${run.treeRows?.length ?? 0}; badge: ${run.badge ?? '-'}; ${run.viewMessage ?? ''}`,
  );
  if (memory.extensionHost) {
    const host = memory.extensionHost;
    lines.push(`  extension host (pid ${host.pid}): peak RSS ${host.peakRssMb} MB (VmHWM; polled max ${host.maxRssMb} MB, ${host.rssBeforeMb === undefined ? 'started during the measurement' : `${host.rssBeforeMb} MB before the command`}, ${run.extensionHostRssSettledMb ?? '?'} MB ${SETTLE_MS / 1000} s after), ${host.cpuSeconds} CPU s, up to ${host.maxThreads} threads (names: ${host.threadNames.join(', ')}); with child processes: ${memory.extensionHostWithChildrenMaxRssMb} MB`);
    for (const child of memory.extensionHostChildProcesses) lines.push(`    child process ${child.pid}: max RSS ${child.maxRssMb} MB: ${child.cmdline.slice(0, 100)}`);
  }
  lines.push(`  code-server server process: max RSS ${memory.codeServerServerMaxRssMb} MB; all: ${memory.codeServer.map((known) => `${known.role} ${known.maxRssMb} MB`).join(', ')}`);
  lines.push(`  "extension host unresponsive" warnings in the workbench: ${run.extensionHostUnresponsive?.length ?? 0}`);
  lines.push(`  load average before: ${load(run.loadBefore)}, after: ${load(run.loadAfter)} (${os.cpus().length} CPUs)`);
  return lines.join('\n');
}

/** Opens the workspace in Chromium and measures the cold scan, then the warm one; returns the cache file's size. */
async function measureScans(baseUrl, pgid, runDir, options, runs) {
  const logsDir = path.join(runDir, 'user', 'logs');
  const sampler = memorySampler(pgid);
  let browser;
  try {
    browser = await launchBrowser();
    const { page } = browser;
    // The workbench warns in its console when the extension host stops answering (a blocked event loop).
    const unresponsive = [];
    page.on('console', (message) => {
      if (/extension host.*unresponsive|unresponsive extension host/i.test(message.text())) unresponsive.push(message.text().slice(0, 200));
    });
    const driver = uiDriver(page, options.out, lap);
    const context = { page, driver, sampler, logsDir, unresponsive, timeoutMs: options.timeoutMinutes * 60_000 };
    const measure = async (kind, hostsBefore) => {
      const run = await scanOnce(kind, context);
      // What the extension host keeps once the scan is over (garbage is not always collected by then).
      if (!run.error) await sleep(SETTLE_MS);
      // The extension host that ran this scan: the one started after the previous run (a reload starts a new one).
      const host = sampler.extensionHosts().filter((known) => !hostsBefore.includes(known.pid)).at(-1) ?? sampler.extensionHosts().at(-1);
      if (host && !run.error) run.extensionHostRssSettledMb = mb(host.lastRssKb);
      const memory = sampler.report(host?.pid);
      runs.push({ ...run, memory });
      console.log(describe(run, memory));
      return run;
    };
    try {
      await page.goto(`${baseUrl}/?folder=${encodeURIComponent(options.workspace)}`);
      await page.waitForSelector('.monaco-workbench .part.activitybar', { timeout: 120_000 });
      await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 120_000 });
      lap('workbench ready');
      // Measure from a running extension host: code-server may start it after the workbench shows.
      for (let waited = 0; !sampler.extensionHosts().length && waited < 60_000; waited += SAMPLE_EVERY_MS) await sleep(SAMPLE_EVERY_MS);
      await sleep(2000);
      const cold = await measure('cold', []);
      if (options.warm && !cold.error) {
        const hostsBefore = sampler.extensionHosts().map((known) => known.pid);
        // Back to the Explorer, so that the reloaded window does not scan on its own when the Data Flows view shows
        // (VS Code saves the layout a moment later). The reload starts a new extension host, which reads the cache.
        await page.click('.activitybar .action-item a[aria-label^="Explorer"]');
        await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 20_000 });
        await sleep(3000);
        await page.reload();
        await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 120_000 });
        lap('window reloaded');
        await measure('warm', hostsBefore);
      }
    } catch (error) {
      await driver.screenshot('harness-error.png').catch(() => undefined);
      throw error;
    }
  } finally {
    sampler.stop();
    await browser?.close().catch(() => undefined);
  }
  const cache = fs.readdirSync(path.join(runDir, 'user'), { recursive: true }).find((file) => file.endsWith('data-flow-cache.json'));
  return cache ? Number((fs.statSync(path.join(runDir, 'user', cache)).size / 1024 / 1024).toFixed(1)) : undefined;
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  if (!fs.existsSync(path.join(TOOLS, 'node24', 'bin', 'node')) || !fs.existsSync(process.env.PW_CORE)) {
    console.error(`e2e tools missing in ${TOOLS}: run 'npm run test:e2e:setup' first.`);
    return 2;
  }
  // Results of an earlier run go, except the VSIX given with --vsix if it was packaged there.
  fs.mkdirSync(options.out, { recursive: true });
  for (const entry of fs.readdirSync(options.out)) {
    if (path.join(options.out, entry) !== options.vsix) fs.rmSync(path.join(options.out, entry), { recursive: true, force: true });
  }
  const vsix = options.vsix ?? packageVsix(options.out);
  lap(`VSIX ${path.relative(REPO, vsix)} (${Math.round(fs.statSync(vsix).size / 1024)} KB)`);

  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-large-scan-'));
  let pgid;
  const cleanup = () => {
    if (pgid) stopCodeServer(pgid);
    fs.rmSync(runDir, { recursive: true, force: true });
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      cleanup();
      process.exit(130);
    });
  }
  const runs = [];
  let cacheFileMb;
  let harnessError;
  try {
    const server = await startCodeServer(runDir, vsix);
    pgid = server.pgid;
    lap(`code-server on ${server.baseUrl} (process group ${pgid}), workspace ${options.workspace}`);
    cacheFileMb = await measureScans(server.baseUrl, pgid, runDir, options, runs);
  } catch (error) {
    harnessError = error instanceof Error ? error.message : String(error);
    console.error(`large workspace scan: ${harnessError}`);
  } finally {
    fs.mkdirSync(options.out, { recursive: true });
    const logsDir = path.join(runDir, 'user', 'logs');
    if (fs.existsSync(logsDir)) fs.cpSync(logsDir, path.join(options.out, 'vscode-logs'), { recursive: true });
    if (fs.existsSync(path.join(runDir, 'code-server.log'))) fs.copyFileSync(path.join(runDir, 'code-server.log'), path.join(options.out, 'code-server.log'));
    cleanup();
  }

  const summary = {
    workspace: options.workspace,
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    vsix: path.relative(REPO, vsix),
    vsixSha256: createHash('sha256').update(fs.readFileSync(vsix)).digest('hex').slice(0, 16),
    vsixBuilt: fs.statSync(vsix).mtime.toISOString(),
    gitCommit: spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).stdout.trim(),
    workingTreeChanged: spawnSync('git', ['status', '--porcelain', '--', 'src'], { cwd: REPO, encoding: 'utf8' }).stdout.trim() !== '',
    cacheFileMb,
    ...(harnessError ? { harnessError } : {}),
    runs,
  };
  const text = [`PHI Guard workspace scan in code-server: ${options.workspace} (${summary.date}, git ${summary.gitCommit}${summary.workingTreeChanged ? ' + uncommitted src/ changes' : ''})`, ...runs.map((run) => describe(run, run.memory)), ...(harnessError ? [`HARNESS ERROR: ${harnessError}`] : []), `scan cache file: ${summary.cacheFileMb ?? '?'} MB`].join('\n');
  // `npm run test:e2e` (run.sh) empties test-results/e2e/ when it starts, possibly during this run.
  fs.mkdirSync(options.out, { recursive: true });
  fs.writeFileSync(path.join(options.out, 'results.json'), `${JSON.stringify(summary, null, 2)}\n`);
  fs.writeFileSync(path.join(options.out, 'summary.txt'), `${text}\n`);
  const failed = runs.length === 0 || runs.some((run) => run.error || !run.treeRows?.length);
  lap(`${harnessError ? 'HARNESS ERROR' : failed ? 'FAILED' : 'done'}; results in ${path.relative(REPO, options.out)}/ (results.json, summary.txt, screenshots, vscode-logs/)`);
  return harnessError ? 2 : failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`large workspace scan: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
