import type { ScanCommand } from './cliArgs';
import { openProject } from './openProject';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './exitCodes';
import { formatJson } from './formatters/jsonFormatter';
import { formatSarif } from './formatters/sarifFormatter';
import { formatText } from './formatters/textFormatter';
import type { Analyzer } from './analyzeFile';
import { defaultWorkerScript, type PrestartedWorker } from './prestartedWorkers';
import { ProgressLine, type ProgressStream } from './progress';
import type { ScanReport } from './scanReport';
import { scanFiles } from './scanFiles';
import { failsBuild } from './severity';
import { cacheFilePath, engineIdentity } from './scanCache';
import { displayPath } from './displayPath';

export interface ScanIo {
  readonly cwd: string;
  readonly stdout: { write(text: string): unknown };
  /** Progress goes here when it is a terminal; errors and notices always do. */
  readonly stderr: ProgressStream;
  readonly color: boolean;
}

export interface ScanInternals {
  readonly workerScript?: string;
  readonly workerExecArgv?: readonly string[];
  readonly minFilesForWorkers?: number;
  readonly analyze?: Analyzer;
  readonly prestartedWorkers?: readonly PrestartedWorker[];
  /** Overrides the engine identity a cache is kept for (see engineIdentity; tests). */
  readonly cacheEngine?: string;
}

/** Runs `phi-guard scan` and returns the exit code; never calls process.exit. */
export async function runScan(command: ScanCommand, io: ScanIo, internals: ScanInternals = {}): Promise<number> {
  const opened = openProject({ cwd: io.cwd, paths: command.paths, configPath: command.configPath }, io.stderr);
  if (!opened) return EXIT_USAGE;
  const { project, collected, nearestConfigs } = opened;

  const cacheFile = command.cache ? cacheFilePath(io.cwd, command.cacheLocation) : undefined;
  const progress = new ProgressLine(io.stderr);
  let report: ScanReport;
  try {
    report = await scanFiles({
      files: collected.files,
      cwd: io.cwd,
      root: project.root,
      config: project.config,
      nearestConfigs,
      jobs: command.jobs,
      workerScript: internals.workerScript ?? defaultWorkerScript(),
      workerExecArgv: internals.workerExecArgv,
      minFilesForWorkers: internals.minFilesForWorkers,
      analyze: internals.analyze,
      prestartedWorkers: internals.prestartedWorkers,
      onProgress: (done, total) => progress.update(done, total),
      cache: cacheFile
        ? {
            file: cacheFile,
            engine: internals.cacheEngine ?? engineIdentity(),
            onProblem: (problem) => {
              progress.clear();
              io.stderr.write(`phi-guard: ${displayPath(cacheFile, io.cwd)}: ${problem}\n`);
            },
          }
        : undefined,
    });
  } finally {
    progress.clear();
  }
  report = { ...report, notices: [...collected.notices, ...report.notices] };

  if (command.format === 'text') {
    io.stdout.write(formatText(report, { color: io.color }));
  } else {
    io.stdout.write(command.format === 'json' ? formatJson(report) : formatSarif(report, { cwd: io.cwd, config: project.config }));
    for (const notice of report.notices) {
      const where = notice.line === undefined ? notice.file : `${notice.file}:${notice.line}:${notice.column}`;
      io.stderr.write(`phi-guard: ${where}: ${notice.message}\n`);
    }
  }
  return report.findings.some((finding) => failsBuild(finding.severity, command.failOn)) ? EXIT_FINDINGS : EXIT_OK;
}
