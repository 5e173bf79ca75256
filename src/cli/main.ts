// `phi-guard` command-line entry point (bundled to dist/cli.js). A scan on more than one thread starts its workers
// first: each loads its bundle and TypeScript (about a third of a second) while this thread loads the engine and walks
// the workspace, so the workers are ready when the files are known instead of half a second later. Nothing imported
// here loads TypeScript; the commands (runCli.ts) are loaded after the workers have started, and not at all for
// `--help` and `--version`, which answer at once.
import * as fs from 'fs';
import { parseCliArgs, type CliCommand } from './cliArgs';
import { enableCompileCache } from '../core/compileCache';
import { tuneV8ForBatchScan } from './v8Tuning';
import { EXIT_USAGE } from './exitCodes';
import { answerInfoCommand } from './infoCommands';
import { defaultWorkerScript, mayNeedWorkers, prestartScanWorkers, type PrestartedWorker } from './prestartedWorkers';
import type * as Commands from './runCli';

function startScanWorkers(command: CliCommand | undefined): PrestartedWorker[] {
  if (!command) return []; // runCli reports the usage error
  if (command.command !== 'scan' || command.jobs < 2 || !mayNeedWorkers(command.paths, process.cwd())) return [];
  const workerScript = defaultWorkerScript();
  if (!fs.existsSync(workerScript)) return []; // run from the sources (tests): runScan finds no bundled worker either
  return prestartScanWorkers(command.jobs - 1, workerScript);
}

/** The command line's command; undefined for a usage error, which runCli reports. */
function commandOf(argv: readonly string[]): CliCommand | undefined {
  try {
    return parseCliArgs(argv);
  } catch {
    return undefined;
  }
}

function runCommand(argv: readonly string[], prestarted: readonly PrestartedWorker[]): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only now, with TypeScript (see the top)
  const { runCli } = require('./runCli') as typeof Commands;
  runCli(argv, prestarted)
    .then(
      (code) => {
        process.exitCode = code;
      },
      (error: unknown) => {
        process.stderr.write(`phi-guard: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
        process.exitCode = EXIT_USAGE;
      },
    )
    // Whatever the run did (a usage error, a scan too small for threads), no worker started ahead is left loading.
    .finally(() => {
      for (const worker of prestarted) worker.stop();
    });
}

const argv = process.argv.slice(2);
const command = commandOf(argv);
if (!command || !answerInfoCommand(command, process.stdout)) {
  // A scan or an inventory: V8 is set for a batch run once, before the workers or the engine compile anything; the
  // compile cache after it, so that the code it keeps is compiled with the flags the next run compiles it with.
  if (command) {
    tuneV8ForBatchScan();
    enableCompileCache();
  }
  runCommand(argv, startScanWorkers(command));
}
