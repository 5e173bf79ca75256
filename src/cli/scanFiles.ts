import * as fs from 'fs';
import * as path from 'path';
import type { PhiGuardConfig } from '../core';
import type { ConfigResolver } from '../core/config/loadConfig';
import { analyzeFile, type Analyzer } from './analyzeFile';
import { configForFiles } from './configForFiles';
import { createEngine, type ScanEngine } from './engine';
import { openScanCache, type ScanCacheOptions } from './scanCache';
import { byPlace, compareText } from './scanReport';
import type { FileFinding, FileScanResult, ReportedFinding, ReportedSuppressedFinding, ReportSeverity, ScanNotice, ScanReport } from './scanReport';
import { cliSeverityFor } from './severity';
import { MIN_FILES_FOR_WORKERS, type PrestartedWorker } from './prestartedWorkers';
import { scanOnWorkers } from './workerPool';

export interface ScanOptions {
  /** Absolute paths, as `collectFiles` returns them. */
  readonly files: readonly string[];
  readonly cwd: string;
  /** Project root (see resolveProject): where the project's own imports are resolved from. */
  readonly root: string;
  readonly config: PhiGuardConfig;
  /** Each file's nearest `.phi-guard.json` applies, `config` where there is none (no `--config`; see configForFiles). */
  readonly nearestConfigs?: ConfigResolver;
  /** Threads to analyse on (this one and jobs − 1 workers); 1 analyses in this thread only. */
  readonly jobs: number;
  /** The bundled worker (`dist/scanWorker.js`); without it the scan runs in this thread. */
  readonly workerScript?: string;
  readonly workerExecArgv?: readonly string[];
  /** Overrides MIN_FILES_FOR_WORKERS (tests). */
  readonly minFilesForWorkers?: number;
  /** Replaces the engine for the in-thread scan (tests). */
  readonly analyze?: Analyzer;
  readonly onProgress?: (done: number, total: number) => void;
  /** Workers the CLI started before it loaded the engine (see prestartedWorkers.ts); stopped if the scan needs none. */
  readonly prestartedWorkers?: readonly PrestartedWorker[];
  /** `--cache`: analyses an earlier scan left in `file` are reused where nothing they rest on changed; this scan's replace them. */
  readonly cache?: ScanCacheOptions;
}

/** Analyses every file and applies the configured severities. */
export async function scanFiles(options: ScanOptions): Promise<ScanReport> {
  const total = options.files.length;
  let done = 0;
  const onFileDone = (): void => {
    done++;
    options.onProgress?.(done, total);
  };

  const configFor = configForFiles(options.config, options.nearestConfigs);
  const cache = options.cache;
  const earlier = cache ? openScanCache(cache, 'scan') : undefined;
  /** The engine in this thread: its analyses (with those the workers sent it) are what the cache keeps. */
  let engine: ScanEngine | undefined;
  let results: FileScanResult[];
  if (usesWorkers(options)) {
    // `--jobs N` means N threads: this one and N - 1 workers.
    results = await scanOnWorkers(options.files, {
      workerScript: options.workerScript as string,
      workerCount: options.jobs - 1,
      job: { cwd: options.cwd, root: options.root, config: options.config, nearestConfigs: options.nearestConfigs !== undefined, cache: earlier?.persisted && cache ? { file: cache.file, engine: cache.engine } : undefined },
      execArgv: options.workerExecArgv,
      prestarted: options.prestartedWorkers,
      mainThreadAnalyzer: (peers) => {
        const analyze = (engine = createEngine(options.root, configFor, peers, earlier?.persisted));
        return (absolutePath) => analyzeFile({ absolutePath, cwd: options.cwd, config: configFor(absolutePath), analyze });
      },
      onFileDone,
    });
  } else {
    for (const unused of options.prestartedWorkers ?? []) unused.stop();
    const analyze = options.analyze ?? (engine = createEngine(options.root, configFor, [], earlier?.persisted));
    results = options.files.map((absolutePath) => {
      const result = analyzeFile({ absolutePath, cwd: options.cwd, config: configFor(absolutePath), analyze });
      onFileDone();
      return result;
    });
  }
  earlier?.close(engine);
  // Severities are each file's own (a results' file is relative to cwd).
  return buildReport(results, (file) => configFor(path.resolve(options.cwd, file)));
}

function usesWorkers(options: ScanOptions): boolean {
  if (options.jobs <= 1 || options.analyze !== undefined || options.workerScript === undefined) return false;
  if (options.files.length < (options.minFilesForWorkers ?? MIN_FILES_FOR_WORKERS)) return false;
  return fs.existsSync(options.workerScript);
}

/** Orders findings by file and position so that output is the same whatever thread analysed what. */
export function buildReport(results: readonly FileScanResult[], configOf: (file: string) => PhiGuardConfig): ScanReport {
  const findings: ReportedFinding[] = [];
  const suppressed: ReportedSuppressedFinding[] = [];
  const notices: ScanNotice[] = [];
  let linesScanned = 0;
  let filesAnalysed = 0;
  /** Each finding with its file's severity for its rule; a rule set to `off` is not reported, open or suppressed. */
  const withSeverity = <T extends FileFinding>(from: readonly T[], into: (T & { severity: ReportSeverity })[]) => {
    for (const finding of from) {
      const severity = cliSeverityFor(finding.rule, configOf(finding.file));
      if (severity !== 'off') into.push({ ...finding, severity });
    }
  };
  for (const result of results) {
    linesScanned += result.lines;
    if (result.analysed) filesAnalysed++;
    notices.push(...result.notices);
    withSeverity(result.findings, findings);
    withSeverity(result.suppressed, suppressed);
  }
  findings.sort(byPlace);
  suppressed.sort(byPlace);
  notices.sort((a, b) => compareText(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0));
  return { findings, suppressed, notices, filesScanned: results.length, filesAnalysed, linesScanned };
}
