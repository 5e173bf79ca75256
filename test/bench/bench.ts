/**
 * `npm run bench` (issue 7): measures, side by side on the same files,
 *  (1) the CLI's workspace scan against a bare TypeScript parse (also without JSDoc, as the engine parses) and a bare
 *      oxc-parser parse; the scan as the CLI runs by default and the TypeScript parse in turn, round by round,
 *      so that a host's drift weighs on both,
 *  (2) the ESLint plugin's four rules against one trivial rule (in separate processes, and interleaved file by file in one),
 *  (3) editor re-analysis latency after single-character edits in 1,000/5,000/20,000-line files,
 *  (4) how the scan's cost grows over three workspace sizes.
 * Each measured thing runs in its own process, so peak memory (max RSS) is its own.
 *
 *   npm run bench                                # synthetic workspace (deterministic generator)
 *   npm run bench -- --small                     # tiny run for CI: catches crashes, judges nothing
 *   npm run bench -- --corpus /work/corpora/ottehr [--repeat 1]
 *   options: --lines N (synthetic size), --repeat N, --json FILE (raw results),
 *            --eslint-plugin FILE (default dist/eslint-plugin.js); anything else is refused (see benchOptions)
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import * as esbuild from 'esbuild';
import { defaultJobsFor } from '../../src/cli/cliArgs';
import { collectFiles } from '../../src/cli/collectFiles';
import { BenchUsageError, parseBenchOptions } from './benchOptions';
import type { BenchOptions } from './benchOptions';
import { importClosedPrefix, importCycleGroups } from './dependencyOrder';
import { resolveProject } from '../../src/cli/resolveConfig';
import { BUILD_OUTPUT_GLOBS } from '../../src/core/config/config';
import { writeWorkspace } from './generateWorkspace';
import { linearFit, median } from './stats';

const REPO = path.resolve(__dirname, '../..');
const CHILDREN_OUT = path.join(REPO, 'out/bench/children');
const CLI = path.join(REPO, 'dist/cli.js');
const ESLINT_PLUGIN = path.join(REPO, 'dist/eslint-plugin.js');

/**
 * The workspace issue 7 sets its targets on is the whole repository (ottehr's 637,000 lines), test code included,
 * which a scan leaves out by default: the bench scans with this configuration (`--config`), so the CLI, the bare
 * parses and ESLint (whose rules take files outside its working folder as they are) all see the same files.
 */
const WHOLE_REPOSITORY_CONFIG = path.join(os.tmpdir(), 'phi-guard-bench-whole-repository.json');

const TARGETS = { scanVsTypeScript: 2.0, eslintOverheadPercent: 15, editMedianMs1k: 10, editP95Ms20k: 50, peakMemoryMb: 1024 };

interface Measured<T> {
  readonly seconds: number;
  /** User + system CPU time of the whole process (all threads): less skewed than wall time when the machine is busy. */
  readonly cpuSeconds: number;
  readonly maxRssMb: number;
  readonly output: T;
}

/** Runs `node [--require reportUsage] script args` and returns its wall time, peak RSS and last JSON line. */
function measure<T>(script: string, args: readonly string[]): Measured<T> {
  const usageFile = path.join(os.tmpdir(), `phi-guard-bench-usage-${process.pid}.json`);
  fs.rmSync(usageFile, { force: true });
  const start = performance.now();
  const child = spawnSync(process.execPath, ['--require', path.join(CHILDREN_OUT, 'reportUsage.js'), script, ...args], {
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    env: { ...process.env, PHI_GUARD_BENCH_USAGE: usageFile },
  });
  const seconds = (performance.now() - start) / 1000;
  if (child.error) throw child.error;
  if (child.status !== 0) {
    throw new Error(`${path.basename(script)} ${args.slice(0, 3).join(' ')}… exited with ${child.status}:\n${child.stderr}`);
  }
  const usage = JSON.parse(fs.readFileSync(usageFile, 'utf8')) as { maxRssKb: number; userMs: number; systemMs: number };
  fs.rmSync(usageFile, { force: true });
  const stdout = child.stdout.trim();
  const output = (stdout.startsWith('{') && stdout.includes('"findings"') ? JSON.parse(stdout) : JSON.parse(stdout.split('\n').pop() ?? '{}')) as T;
  return { seconds, cpuSeconds: (usage.userMs + usage.systemMs) / 1000, maxRssMb: usage.maxRssKb / 1024, output };
}

type Repeated<T> = Measured<T> & { runs: number[]; cpuBest: number };

/** Repeats a measurement and keeps the run with the median time (its memory goes with it). */
function measureMedian<T>(repeat: number, run: () => Measured<T>): Repeated<T> {
  return medianOf(Array.from({ length: repeat }, run));
}

/**
 * Repeats two measurements in turn (a, b, a, b, …), so that a machine that slows down or speeds up over a minute or two
 * (the bench's hosts drift by a third) weighs on both alike; `ratios` are each round's b / a wall times.
 */
function measureAlternating<A, B>(repeat: number, runA: () => Measured<A>, runB: () => Measured<B>): { a: Repeated<A>; b: Repeated<B>; ratios: number[] } {
  const as: Measured<A>[] = [];
  const bs: Measured<B>[] = [];
  for (let i = 0; i < repeat; i++) {
    as.push(runA());
    bs.push(runB());
  }
  return { a: medianOf(as), b: medianOf(bs), ratios: bs.map((b, i) => b.seconds / as[i].seconds) };
}

/** The run with the median time (its memory goes with it), the median CPU time, the best CPU time and every wall time. */
function medianOf<T>(results: readonly Measured<T>[]): Repeated<T> {
  const times = results.map((r) => r.seconds);
  const middle = median(times);
  const chosen = results.reduce((best, r) => (Math.abs(r.seconds - middle) < Math.abs(best.seconds - middle) ? r : best));
  const cpuTimes = results.map((r) => r.cpuSeconds);
  return { ...chosen, seconds: middle, cpuSeconds: median(cpuTimes), cpuBest: Math.min(...cpuTimes), maxRssMb: Math.max(...results.map((r) => r.maxRssMb)), runs: times };
}

async function buildChildren(): Promise<void> {
  const entries = ['reportUsage', 'parseTypeScript', 'parseOxc', 'eslintRun', 'editLatency'];
  await esbuild.build({
    entryPoints: entries.map((name) => path.join(__dirname, 'children', `${name}.ts`)),
    outdir: CHILDREN_OUT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['typescript', 'oxc-parser', 'eslint', 'typescript-eslint', '@typescript-eslint/*'],
    logLevel: 'warning',
  });
}

interface Workspace {
  readonly label: string;
  /** What the CLI is given: the workspace folder, or a subset's files. */
  readonly scanPaths: readonly string[];
  readonly listFile: string;
  readonly files: number;
}

function listWorkspace(label: string, files: readonly string[], scanPaths: readonly string[]): Workspace {
  const listFile = path.join(os.tmpdir(), `phi-guard-bench-${label.replace(/\W+/g, '-')}.txt`);
  fs.writeFileSync(listFile, `${files.join('\n')}\n`);
  return { label, scanPaths, listFile, files: files.length };
}

function collectAsTheCliDoes(root: string): string[] {
  fs.writeFileSync(WHOLE_REPOSITORY_CONFIG, `${JSON.stringify({ exclude: BUILD_OUTPUT_GLOBS })}\n`);
  const project = resolveProject({ cwd: root, firstPath: '.', configPath: WHOLE_REPOSITORY_CONFIG });
  return [...collectFiles({ paths: ['.'], cwd: root, config: project.config, root: project.root }).files];
}

/** Three workspaces of growing size; the last is the one compared in (1) and (2). */
function prepareWorkspaces(options: BenchOptions): Workspace[] {
  if (options.corpus) {
    const root = path.resolve(options.corpus);
    const all = collectAsTheCliDoes(root);
    const name = path.basename(root);
    // A quarter, a half (whole import cycles, each after the modules it imports, so that a smaller workspace imports
    // nothing outside it: a sample of every 4th file analysed most of the project as its imports), and all.
    const groups = importCycleGroups(all, root);
    return [4, 2].map((part) => {
      const subset = importClosedPrefix(groups, 1 / part);
      return listWorkspace(`${name} 1/${part} by imports`, subset, subset);
    }).concat(listWorkspace(name, all, [root]));
  }
  const base = path.join(os.tmpdir(), 'phi-guard-bench');
  return [options.lines / 4, options.lines / 2, options.lines].map((lines) => {
    const dir = path.join(base, `synthetic-${lines}`);
    writeWorkspace(dir, lines);
    return listWorkspace(`synthetic ${lines.toLocaleString('en-US')} lines`, collectAsTheCliDoes(dir), [dir]);
  });
}

interface CliOutput {
  readonly findings: unknown[];
  readonly notices: { readonly kind: string; readonly file: string; readonly message: string }[];
  readonly summary: { filesScanned: number; filesAnalysed: number; lines: number };
}

/**
 * Files the engine failed on (an internal error each): reported, and the bench fails, so that CI's small run catches
 * them (runs W1 and W2 timed six of ottehr's files that had failed, which their reports only counted as notices).
 */
function failedFiles(output: CliOutput): string[] {
  const failed = output.notices.filter((notice) => notice.kind === 'internal-error');
  if (failed.length === 0) return [];
  process.exitCode = 1;
  return [`**${failed.length} file${failed.length === 1 ? '' : 's'} failed to analyse** (internal errors; the bench fails):`, ...failed.map((notice) => `- ${notice.file}: ${notice.message}`), ''];
}

/** Where the bench's `--cache` scans keep their cache (outside the workspace, which may be a corpus to leave as it is). */
const CACHE_FILE = path.join(os.tmpdir(), `phi-guard-bench-${process.pid}.cache`);

/** Where the ESLint runs with the plugin's cache keep it (outside the workspace, as CACHE_FILE). */
const ESLINT_CACHE_FILE = path.join(os.tmpdir(), `phi-guard-bench-${process.pid}.eslintcache`);

/** A scan with the cache must report exactly what one without it does: a difference fails the bench. */
function sameFindings(expected: CliOutput, others: readonly (readonly [string, CliOutput])[]): string[] {
  const differing = others.filter(([, output]) => JSON.stringify(output.findings) !== JSON.stringify(expected.findings)).map(([label]) => label);
  if (differing.length === 0) return [];
  process.exitCode = 1;
  return [`**The scan with ${differing.join(' and with ')} reported other findings than without it** (the bench fails).`, ''];
}

/** ESLint with the plugin's cache must report as many problems as without it: a difference fails the bench. */
function sameProblems(expected: number, others: readonly (readonly [string, number])[]): string[] {
  const differing = others.filter(([, problems]) => problems !== expected).map(([label, problems]) => `${label}: ${problems}`);
  if (differing.length === 0) return [];
  process.exitCode = 1;
  return [`**ESLint with the plugin's cache reported other problems than without it (${expected})**: ${differing.join('; ')} (the bench fails).`, ''];
}

function scanWith(workspace: Workspace, jobs: number | undefined, cache?: 'cold' | 'warm'): Measured<CliOutput> {
  if (cache === 'cold') fs.rmSync(CACHE_FILE, { force: true });
  const args = ['scan', ...workspace.scanPaths, '--config', WHOLE_REPOSITORY_CONFIG, '--format', 'json', '--fail-on', 'none', ...(jobs ? ['--jobs', String(jobs)] : []), ...(cache ? ['--cache-location', CACHE_FILE] : [])];
  return measure<CliOutput>(CLI, args);
}

function versions(): Record<string, string> {
  const versionOf = (name: string): string => {
    try {
      return JSON.parse(fs.readFileSync(require.resolve(`${name}/package.json`, { paths: [REPO] }), 'utf8')).version;
    } catch {
      return 'not installed';
    }
  };
  let commit = 'uncommitted';
  const git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8' });
  if (git.status === 0) commit = git.stdout.trim();
  return {
    'phi-guard': `${JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).version} (${commit})`,
    node: process.version,
    typescript: versionOf('typescript'),
    'oxc-parser': versionOf('oxc-parser'),
    eslint: versionOf('eslint'),
    'typescript-eslint': versionOf('typescript-eslint'),
  };
}

const fmt = (n: number, digits = 2) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const verdict = (ok: boolean) => (ok ? 'meets target' : '**misses target**');

async function main(): Promise<void> {
  // `npm run` starts the script in the repository: paths on the command line are meant from where it was typed.
  const options = parseBenchOptions(process.argv.slice(2), ESLINT_PLUGIN, process.env.INIT_CWD || process.cwd());
  const startLoad = os.loadavg().map((l) => fmt(l, 1)).join(' ');
  for (const required of [CLI, path.join(REPO, 'dist/scanWorker.js')]) {
    if (!fs.existsSync(required)) throw new Error(`${path.relative(REPO, required)} is missing: run \`npm run build\` first.`);
  }
  await buildChildren();
  const child = (name: string) => path.join(CHILDREN_OUT, `${name}.js`);
  const log = (text: string) => process.stderr.write(`[bench] ${text}\n`);

  log('preparing workspaces');
  const workspaces = prepareWorkspaces(options);
  const main = workspaces[workspaces.length - 1];
  const cores = os.availableParallelism();

  // (1) Workspace scan vs bare parses, same files.
  log(`(1) ${main.label}: CLI scan as by default (--jobs ${defaultJobsFor(cores)}) and TypeScript parse in turn, CLI scan (--jobs ${defaultJobsFor(cores) === 1 ? cores : 1}), CLI scan with --cache (writing it, then reusing it), TypeScript parse (with and without JSDoc), oxc parse × ${options.repeat}`);
  // The scan as the CLI runs by default (see defaultJobsFor) and the bare parse it is judged against, in turn; the
  // other thread count after. One thread per core is written out either way: this row measures what the threads gain.
  const defaultJobs = defaultJobsFor(cores);
  const parseTypeScript = () => measure<{ lines: number }>(child('parseTypeScript'), [main.listFile]);
  const judged = measureAlternating(options.repeat, parseTypeScript, () => scanWith(main, defaultJobs));
  const tsParse = judged.a;
  const asDefault = judged.b;
  const other = measureMedian(options.repeat, () => scanWith(main, defaultJobs === 1 ? cores : 1));
  const [scan, scanOneJob] = defaultJobs === 1 ? [other, asDefault] : [asDefault, other];
  if (scan.output.summary.filesScanned !== main.files) {
    log(`warning: the CLI scanned ${scan.output.summary.filesScanned} files, the bench listed ${main.files}`);
  }
  const scanCacheCold = measureMedian(options.repeat, () => scanWith(main, 1, 'cold'));
  const scanCacheWarm = measureMedian(options.repeat, () => scanWith(main, 1, 'warm'));
  fs.rmSync(CACHE_FILE, { force: true });
  const tsParseNoJsDoc = measureMedian(options.repeat, () => measure<{ lines: number }>(child('parseTypeScript'), [main.listFile, 'no-jsdoc']));
  const oxcParse = measureMedian(options.repeat, () => measure<{ lines: number }>(child('parseOxc'), [main.listFile]));
  const lines = tsParse.output.lines;

  // (2) ESLint: trivial rule vs trivial rule + the plugin's four rules.
  type LintOutput = { lintSeconds: number; lintCpuSeconds: number; phiGuardProblems: number; parseFailures: number };
  type InterleavedOutput = { trivialSeconds: number; pluginSeconds: number; phiGuardProblems: number; parseFailures: number };
  let eslint: { trivial: Measured<LintOutput>; plugin: Measured<LintOutput>; interleaved: InterleavedOutput[]; cacheCold: Measured<LintOutput>; cacheWarm: Measured<LintOutput> } | undefined;
  if (fs.existsSync(options.eslintPlugin)) {
    log(`(2) ESLint on ${main.label}: trivial rule vs + PHI Guard rules × ${options.repeat}`);
    const lintTime = (m: Measured<{ lintSeconds: number }>) => m.output.lintSeconds;
    // Interleaved, so that a burst of other load on the machine hits both configurations alike.
    const trivialRuns: Measured<LintOutput>[] = [];
    const pluginRuns: Measured<LintOutput>[] = [];
    for (let i = 0; i < options.repeat; i++) {
      trivialRuns.push(measure<LintOutput>(child('eslintRun'), [main.listFile, 'trivial', options.eslintPlugin]));
      pluginRuns.push(measure<LintOutput>(child('eslintRun'), [main.listFile, 'plugin', options.eslintPlugin]));
    }
    // The same comparison file by file in one process: the machine's drift over a run cancels out.
    const interleaved = Array.from({ length: options.repeat }, () => measure<InterleavedOutput>(child('eslintRun'), [main.listFile, 'interleaved', options.eslintPlugin]).output);
    const pickMedian = <T extends { lintSeconds: number }>(all: Measured<T>[]) => all.sort((a, b) => lintTime(a) - lintTime(b))[Math.floor(all.length / 2)];
    // The plugin's cache (`settings["phi-guard/cache"]`), once each: writing it (none before), then nothing changed since.
    fs.rmSync(ESLINT_CACHE_FILE, { force: true });
    const cacheCold = measure<LintOutput>(child('eslintRun'), [main.listFile, 'plugin-cache', options.eslintPlugin, ESLINT_CACHE_FILE]);
    const cacheWarm = measure<LintOutput>(child('eslintRun'), [main.listFile, 'plugin-cache', options.eslintPlugin, ESLINT_CACHE_FILE]);
    fs.rmSync(ESLINT_CACHE_FILE, { force: true });
    eslint = { trivial: pickMedian(trivialRuns), plugin: pickMedian(pluginRuns), interleaved, cacheCold, cacheWarm };
  } else {
    log('(2) skipped: dist/eslint-plugin.js is not built');
  }

  // (3) Edit latency.
  const editSizes = [1000, 5000, 20000];
  const edits = options.small ? [20, 10, 6] : [400, 200, 100];
  log(`(3) edit latency in ${editSizes.join('/')}-line files`);
  type PathTimes = { medianMs: number; p95Ms: number } | undefined;
  const editLatency = measure<{ results: { path: 'worker' | 'analyzeSource'; lines: number; edits: number; medianMs: number; p95Ms: number; maxMs: number; cpuMedianMs: number; cpuP95Ms: number; meanFindings: number; wholeFileEdits?: number; wholeFile?: PathTimes; lessThanWholeFile?: PathTimes }[] }>(child('editLatency'), [editSizes.join(','), edits.join(',')]);

  // (4) Growth over three sizes (the largest is (1)'s scan).
  log('(4) growth: CLI scan of the two smaller workspaces');
  const growth = workspaces.map((workspace) => {
    const measured = workspace === main ? scan : measureMedian(options.repeat, () => scanWith(workspace, cores));
    // Best-of CPU time: the busier the machine, the less wall time (and the more a median) says about how the work grows.
    return { label: workspace.label, files: workspace.files, lines: measured.output.summary.lines, seconds: Math.min(...measured.runs), cpuSeconds: measured.cpuBest, maxRssMb: measured.maxRssMb };
  });
  const fit = linearFit(growth.map((g) => ({ x: g.lines, y: g.cpuSeconds })));
  const perLine = growth.map((g) => g.cpuSeconds / g.lines);
  // Marginal cost of the added lines between consecutive sizes: start-up cost cancels out, so a ratio near 1
  // (or below) between the last and the first step means the work grows linearly.
  const marginal = growth.slice(1).map((g, i) => (g.cpuSeconds - growth[i].cpuSeconds) / (g.lines - growth[i].lines));
  const marginalRatio = marginal[marginal.length - 1] / marginal[0];
  const consistent = marginal.every((m) => m > 0) && fit.rSquared >= 0.9;
  const linearity = consistent ? verdict(marginalRatio <= 1.25) : 'inconclusive: the measurements are too noisy (a step cost nothing, or R² < 0.9); re-run on a quiet machine';

  // Report.
  const out: string[] = [];
  const title = options.corpus ? `corpus \`${path.basename(path.resolve(options.corpus))}\`` : `synthetic workspace (${int(options.lines)} lines requested, seed 1)`;
  out.push(`### ${title}${options.small ? ' — small (CI smoke run, not a judgement of speed)' : ''}`, '');
  out.push(`Command: \`npm run bench -- ${process.argv.slice(2).join(' ')}\``.replace(/ -- `$/, '`'));
  out.push(`Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${cores} cores, ${fmt(os.totalmem() / 2 ** 30, 1)} GiB, ${os.platform()} ${os.release()}; load average at start ${startLoad}, at end ${os.loadavg().map((l) => fmt(l, 1)).join(' ')} (other work on the machine skews times)`);
  out.push(`Versions: ${Object.entries(versions()).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  out.push(`Date: ${new Date().toISOString()}; median of ${options.repeat} run(s); times are whole-process wall time (Node start-up included) unless marked.`, '');

  out.push(`#### (1) Workspace scan vs bare parses — ${main.files} files, ${int(lines)} lines`, '');
  // Best-of wall time is the estimate least disturbed by other work on the machine; the median is shown too.
  const best = (m: { runs: number[] }) => Math.min(...m.runs);
  out.push(
    '| what | wall s (median) | wall s (best) | lines/s (best) | CPU s | peak RSS (MB) | × TypeScript parse (best wall) | × TypeScript parse (CPU) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  const row = (name: string, m: Measured<unknown> & { runs: number[] }) =>
    `| ${name} | ${fmt(m.seconds)} | ${fmt(best(m))} | ${int(lines / best(m))} | ${fmt(m.cpuSeconds)} | ${int(m.maxRssMb)} | ${fmt(best(m) / best(tsParse))} | ${fmt(m.cpuSeconds / tsParse.cpuSeconds)} |`;
  out.push(row(`\`phi-guard scan --jobs ${cores}\` (main + ${cores - 1} worker${cores - 1 === 1 ? '' : 's'})`, scan), row('`phi-guard scan --jobs 1`', scanOneJob), row('`phi-guard scan --jobs 1 --cache`, writing the cache', scanCacheCold), row('`phi-guard scan --jobs 1 --cache`, nothing changed since', scanCacheWarm), row('bare TypeScript parse (`ts.createSourceFile`, 1 thread)', tsParse), row('bare TypeScript parse, JSDoc left out as the engine parses', tsParseNoJsDoc), row('bare oxc-parser parse (`parseSync`, 1 thread)', oxcParse), '');
  // Judged as the CLI runs by default (one thread on two cores, see defaultJobsFor; up to run AA, on one per core).
  const scanRatio = best(asDefault) / best(tsParse);
  const peakRss = Math.max(scan.maxRssMb, scanOneJob.maxRssMb);
  out.push(
    ...failedFiles(scan.output),
    ...sameFindings(scanOneJob.output, [['`--cache`, writing it', scanCacheCold.output], ['`--cache`, reused', scanCacheWarm.output]]),
    `Findings: ${scan.output.findings.length}; notices: ${scan.output.notices.length}. Target: scan ≤ ${TARGETS.scanVsTypeScript}× TypeScript parse (best wall times), ` +
      `as the CLI runs by default (\`--jobs ${defaultJobs}\` on ${cores} cores) — ${fmt(scanRatio)}× (medians: ${fmt(asDefault.seconds / tsParse.seconds)}×; ` +
      `each scan over the parse run just before it: ${judged.ratios.map((r) => `${fmt(r)}×`).join(', ')}, median ${fmt(median(judged.ratios))}×): ` +
      `${verdict(scanRatio <= TARGETS.scanVsTypeScript)} (${fmt(best(asDefault) / best(tsParseNoJsDoc))}× a parse that leaves JSDoc out, as the engine's does; ` +
      `\`--jobs ${other === scan ? cores : 1}\`: ${fmt(best(other) / best(tsParse))}×); ` +
      `peak memory ≤ ${TARGETS.peakMemoryMb} MB — ${int(peakRss)} MB, ${verdict(peakRss <= TARGETS.peakMemoryMb)}.`,
    '',
  );

  out.push('#### (2) ESLint plugin overhead', '');
  if (eslint) {
    const overhead = ((eslint.plugin.output.lintSeconds - eslint.trivial.output.lintSeconds) / eslint.trivial.output.lintSeconds) * 100;
    const cpuOverhead = ((eslint.plugin.output.lintCpuSeconds - eslint.trivial.output.lintCpuSeconds) / eslint.trivial.output.lintCpuSeconds) * 100;
    out.push('| configuration | lint wall s (loop only) | lint CPU s (loop only) | peak RSS (MB) |', '| --- | ---: | ---: | ---: |');
    out.push(`| typescript-eslint parser + 1 trivial rule | ${fmt(eslint.trivial.output.lintSeconds)} | ${fmt(eslint.trivial.output.lintCpuSeconds)} | ${int(eslint.trivial.maxRssMb)} |`);
    out.push(`| + PHI Guard's 4 rules | ${fmt(eslint.plugin.output.lintSeconds)} | ${fmt(eslint.plugin.output.lintCpuSeconds)} | ${int(eslint.plugin.maxRssMb)} |`);
    out.push(`| + PHI Guard's 4 rules, \`phi-guard/cache\` writing it (at exit, not timed) | ${fmt(eslint.cacheCold.output.lintSeconds)} | ${fmt(eslint.cacheCold.output.lintCpuSeconds)} | ${int(eslint.cacheCold.maxRssMb)} |`);
    out.push(`| + PHI Guard's 4 rules, \`phi-guard/cache\`, nothing changed since | ${fmt(eslint.cacheWarm.output.lintSeconds)} | ${fmt(eslint.cacheWarm.output.lintCpuSeconds)} | ${int(eslint.cacheWarm.maxRssMb)} |`, '');
    out.push(
      `Overhead: ${fmt(overhead, 1)}% wall, ${fmt(cpuOverhead, 1)}% CPU (target ≤ ${TARGETS.eslintOverheadPercent}%: ${verdict(overhead <= TARGETS.eslintOverheadPercent)}). ` +
        `PHI Guard problems reported: ${eslint.plugin.output.phiGuardProblems}; files ESLint could not parse: ${eslint.plugin.output.parseFailures}. ` +
        `With the plugin's cache and nothing changed: ${fmt(((eslint.cacheWarm.output.lintSeconds - eslint.trivial.output.lintSeconds) / eslint.trivial.output.lintSeconds) * 100, 1)}% wall (not judged: the target is a run without it).`,
      '',
      ...sameProblems(eslint.plugin.output.phiGuardProblems, [['writing it', eslint.cacheCold.output.phiGuardProblems], ['reused', eslint.cacheWarm.output.phiGuardProblems]]),
    );
    const interleavedOverheads = eslint.interleaved.map((run) => ((run.pluginSeconds - run.trivialSeconds) / run.trivialSeconds) * 100);
    const interleavedMedian = median(interleavedOverheads);
    out.push(
      `Interleaved in one process (each file linted with both configurations in turn, each timed on its own; a machine that slows ` +
        `down or speeds up during the run affects both alike, but the two share one heap, so garbage collection caused by one can be ` +
        `timed in the other): overhead ${interleavedOverheads.map((o) => `${fmt(o, 1)}%`).join(', ')}; median ${fmt(interleavedMedian, 1)}% ` +
        `(target ≤ ${TARGETS.eslintOverheadPercent}%: ${verdict(interleavedMedian <= TARGETS.eslintOverheadPercent)}).`,
      '',
    );
  } else {
    out.push('Not measured: `dist/eslint-plugin.js` is not built.', '');
  }

  out.push('#### (3) Editor re-analysis after a one-character edit', '');
  out.push('`worker`: what the analysis worker does per keystroke (request and response copied as postMessage does, the buffer update, cross-file analysis with the incremental parser, the summary fingerprint). `analyzeSource`: the engine alone with a fresh parse.', '');
  out.push('| path | file lines | edits | median ms | p95 ms | max ms | CPU median ms | CPU p95 ms | findings |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of editLatency.output.results) {
    out.push(`| ${r.path} | ${int(r.lines)} | ${r.edits} | ${fmt(r.medianMs)} | ${fmt(r.p95Ms)} | ${fmt(r.maxMs)} | ${fmt(r.cpuMedianMs)} | ${fmt(r.cpuP95Ms)} | ${fmt(r.meanFindings, 0)} |`);
  }
  const times = (t: PathTimes) => (t ? `median ${fmt(t.medianMs)} ms, p95 ${fmt(t.p95Ms)} ms` : 'none');
  out.push('', 'Worker edits by what the analysis memory could keep (`AnalysisMemory.lastUpdate`, classified after the timed run, on the same texts made again):', '');
  for (const r of editLatency.output.results) {
    if (r.path !== 'worker' || r.wholeFileEdits === undefined) continue;
    out.push(`- ${int(r.lines)} lines: ${r.wholeFileEdits} of ${r.edits} edits analysed the whole file (${times(r.wholeFile)}); the others one function, types, nothing, or (syntax errors) kept the last result (${times(r.lessThanWholeFile)}).`);
  }
  const [small1k, , large20k] = editLatency.output.results.filter((r) => r.path === 'worker');
  out.push('', `Targets: median ≤ ${TARGETS.editMedianMs1k} ms at 1,000 lines — ${verdict(small1k.medianMs <= TARGETS.editMedianMs1k)}; p95 ≤ ${TARGETS.editP95Ms20k} ms at 20,000 lines — ${verdict(large20k.p95Ms <= TARGETS.editP95Ms20k)}.`, '');

  out.push('#### (4) Growth of the scan', '');
  out.push('| workspace | files | lines | best wall s | best CPU s | CPU µs per line | peak RSS (MB) |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  growth.forEach((g, i) => out.push(`| ${g.label} | ${g.files} | ${int(g.lines)} | ${fmt(g.seconds)} | ${fmt(g.cpuSeconds)} | ${fmt(perLine[i] * 1e6)} | ${int(g.maxRssMb)} |`));
  out.push(
    '',
    `Slope (CPU time): ${fmt(fit.slope * 100_000)} CPU s per 100,000 lines (intercept ${fmt(fit.intercept)} s, R² ${fmt(fit.rSquared, 3)}); marginal cost ${marginal.map((m) => `${fmt(m * 1e6)} µs`).join(' then ')} per added line, ` +
      `ratio ${fmt(marginalRatio)} (linear growth: ≤ 1.25). ${linearity}`,
    '',
  );

  const markdown = out.join('\n');
  process.stdout.write(`${markdown}\n`);
  const raw = { options, versions: versions(), workspaces, scan, scanOneJob, scanCacheCold, scanCacheWarm, tsParse, scanOverParseInTurn: judged.ratios, tsParseNoJsDoc, oxcParse, eslint, editLatency: editLatency.output, growth, fit, marginal };
  const jsonOut = options.jsonOut ?? path.join(REPO, 'out/bench/last-results.json');
  fs.mkdirSync(path.dirname(jsonOut), { recursive: true });
  fs.writeFileSync(jsonOut, JSON.stringify(raw, (key, value) => (key === 'output' && value?.findings ? { ...value, findings: value.findings.length } : value), 2));
  log(`raw results: ${path.relative(process.cwd(), jsonOut)}`);
}

main().catch((error: unknown) => {
  if (error instanceof BenchUsageError) {
    process.stderr.write(`[bench] ${error.message}\n`);
    process.exitCode = 2;
    return;
  }
  process.stderr.write(`[bench] failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
