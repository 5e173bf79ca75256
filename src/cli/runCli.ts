// The `phi-guard` commands, loaded by the entry point (main.ts) once it has started a scan's workers.
import { parseCliArgs, UsageError, USAGE } from './cliArgs';
import { EXIT_USAGE } from './exitCodes';
import { answerInfoCommand } from './infoCommands';
import type { PrestartedWorker } from './prestartedWorkers';
import { runInventory } from './runInventory';
import { runScan } from './runScan';

/** Runs one command and returns its exit code; `prestartedWorkers` go to a scan (main.ts stops any it did not adopt). */
export async function runCli(argv: readonly string[], prestartedWorkers: readonly PrestartedWorker[] = []): Promise<number> {
  let command;
  try {
    command = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`phi-guard: ${error.message}\n\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  if (answerInfoCommand(command, process.stdout)) return 0;
  switch (command.command) {
    case 'inventory':
      return runInventory(command, {
        cwd: process.cwd(),
        stdout: process.stdout,
        stderr: process.stderr,
        color: false,
      });
    case 'scan':
      return runScan(command, {
        cwd: process.cwd(),
        stdout: process.stdout,
        stderr: process.stderr,
        color: process.stdout.isTTY === true && process.env.NO_COLOR === undefined,
      }, { prestartedWorkers });
  }
}
