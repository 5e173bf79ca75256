import * as os from 'os';
import { parseArgs } from 'util';
import { FAIL_ON_VALUES, type FailOn } from './severity';

export type OutputFormat = 'text' | 'json' | 'sarif';
const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];

export interface ScanCommand {
  readonly command: 'scan';
  readonly paths: readonly string[];
  readonly format: OutputFormat;
  readonly failOn: FailOn;
  readonly configPath: string | undefined;
  readonly jobs: number;
  /** `--cache` (or `--cache-location`): reuse the analyses of the previous scan where nothing they rest on changed. */
  readonly cache: boolean;
  readonly cacheLocation: string | undefined;
}

export interface InventoryCommand {
  readonly command: 'inventory';
  readonly paths: readonly string[];
  readonly format: 'markdown' | 'json';
  readonly configPath: string | undefined;
  /** As for scan: the same cache file serves both commands. */
  readonly cache: boolean;
  readonly cacheLocation: string | undefined;
}

export type CliCommand = ScanCommand | InventoryCommand | { readonly command: 'help' } | { readonly command: 'version' };

/** A command line the CLI cannot run; printed with the usage text, exit code 2. */
export class UsageError extends Error {}

export const USAGE = `Usage: phi-guard <command> [options]

Commands:
  scan [paths...]        Find PHI flowing into AI SDKs, logs, unencrypted storage and URLs
                         (default path: the current folder)
  inventory [paths...]   The AI & ePHI inventory: AI vendors and the PHI that reaches each, logging and
                         storage sinks receiving PHI, suppressions, a Mermaid map (Markdown or JSON)

Options for scan:
  -f, --format <format>  text (default), json or sarif
  --fail-on <severity>   error (default), warning or none: exit 1 on findings at or above it
  -c, --config <file>    .phi-guard.json to use (default: the nearest one above the first path)
  -j, --jobs <n>         threads to analyse on (default: one per CPU core, 1 with two cores or fewer)
  --cache                reuse the previous scan's analyses of files whose text, configuration and
                         imported modules' summaries are unchanged (kept in .phi-guard-cache)
  --cache-location <p>   the cache file, or a folder for it (implies --cache)
Options for inventory:
  -f, --format <format>  markdown (default) or json
  -c, --config <file>    .phi-guard.json to use
  --cache                as for scan: the two commands share the cache
  --cache-location <p>   as for scan

  -h, --help             show this help
  -v, --version          show the version

Exit codes: 0 no findings at or above --fail-on, 1 findings, 2 usage, configuration or internal error.
Documentation: docs/cli.md`;

export function parseCliArgs(argv: readonly string[]): CliCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        'fail-on': { type: 'string' },
        config: { type: 'string', short: 'c' },
        jobs: { type: 'string', short: 'j' },
        cache: { type: 'boolean' },
        'cache-location': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.version) return { command: 'version' };
  const [command, ...paths] = positionals;
  if (values.help || command === undefined || command === 'help') return { command: 'help' };
  if (command === 'inventory') {
    const scanOnly = (['fail-on', 'jobs'] as const).find((option) => values[option] !== undefined);
    if (scanOnly) throw new UsageError(`--${scanOnly} is an option of \`scan\`; \`inventory\` takes --format, --config and --cache.`);
    return {
      command: 'inventory',
      paths: paths.length > 0 ? paths : ['.'],
      format: oneOf('--format', values.format ?? 'markdown', ['markdown', 'json'] as const),
      configPath: values.config,
      cache: values.cache === true || values['cache-location'] !== undefined,
      cacheLocation: values['cache-location'],
    };
  }
  if (command !== 'scan') throw new UsageError(`unknown command "${command}"; the commands are \`scan\` and \`inventory\`.`);

  return {
    command: 'scan',
    paths: paths.length > 0 ? paths : ['.'],
    format: oneOf('--format', values.format ?? 'text', FORMATS),
    failOn: oneOf('--fail-on', values['fail-on'] ?? 'error', FAIL_ON_VALUES),
    configPath: values.config,
    jobs: values.jobs === undefined ? defaultJobs() : positiveInteger('--jobs', values.jobs),
    cache: values.cache === true || values['cache-location'] !== undefined,
    cacheLocation: values['cache-location'],
  };
}

function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${option} must be one of ${allowed.join(', ')} (got "${value}").`);
}

function positiveInteger(option: string, value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new UsageError(`${option} must be a whole number of 1 or more (got "${value}").`);
  return number;
}

function defaultJobs(): number {
  return defaultJobsFor(typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

/**
 * Threads to scan on by default: one per core, but one in all on a machine with two cores or fewer, where a second
 * thread (which analyses the modules it needs before the other thread's analysis of them arrives, and shares a core
 * with both garbage collectors) measured slower than one on every workspace tried: ottehr 7.3 s against 7.0 s, medplum
 * 3.9–4.1 s against 3.3–3.4 s, the bench's synthetic workspace 2.6–2.7 s against 2.4–2.5 s (test/bench/RESULTS.md, run X).
 */
export function defaultJobsFor(cores: number): number {
  return cores <= 2 ? 1 : cores;
}
