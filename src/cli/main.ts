// `phi-guard` command-line entry point (bundled to dist/cli.js).
import { parseCliArgs, UsageError, USAGE } from './cliArgs';
import { tuneCompilerForBatchScan } from './compilerTuning';
import { EXIT_USAGE } from './exitCodes';
import { runInventory } from './runInventory';
import { runScan } from './runScan';
import { TOOL_VERSION } from './toolInfo';

async function main(argv: readonly string[]): Promise<number> {
  let command;
  try {
    command = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`phi-guard: ${error.message}\n\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  switch (command.command) {
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return 0;
    case 'version':
      process.stdout.write(`${TOOL_VERSION}\n`);
      return 0;
    case 'inventory':
      tuneCompilerForBatchScan();
      return runInventory(command, {
        cwd: process.cwd(),
        stdout: process.stdout,
        stderr: process.stderr,
        color: false,
      });
    case 'scan':
      tuneCompilerForBatchScan();
      return runScan(command, {
        cwd: process.cwd(),
        stdout: process.stdout,
        stderr: process.stderr,
        color: process.stdout.isTTY === true && process.env.NO_COLOR === undefined,
      });
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`phi-guard: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = EXIT_USAGE;
  },
);
