import { USAGE, type CliCommand } from './cliArgs';
import { TOOL_VERSION } from './toolInfo';

type InfoCommand = Extract<CliCommand, { readonly command: 'help' | 'version' }>;

/**
 * `help` and `version`: written to `stdout` here, without the engine (loading it loads TypeScript, about half a second),
 * so that `phi-guard --version` answers at once. False for a command that needs the engine.
 */
export function answerInfoCommand(command: CliCommand, stdout: { write(text: string): unknown }): command is InfoCommand {
  switch (command.command) {
    case 'help':
      stdout.write(`${USAGE}\n`);
      return true;
    case 'version':
      stdout.write(`${TOOL_VERSION}\n`);
      return true;
    default:
      return false;
  }
}
