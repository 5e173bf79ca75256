import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';

export interface BenchOptions {
  readonly small: boolean;
  /** A real project to measure instead of the synthetic workspace (an existing folder, absolute). */
  readonly corpus: string | undefined;
  /** The synthetic workspace's size. */
  readonly lines: number;
  readonly repeat: number;
  readonly jsonOut: string | undefined;
  /** The ESLint plugin bundle to measure (an existing file, absolute). */
  readonly eslintPlugin: string;
}

/** A command line the bench cannot run: the message says which option is wrong and what it takes. */
export class BenchUsageError extends Error {}

export const BENCH_USAGE = 'usage: npm run bench -- [--small] [--corpus DIR] [--lines N] [--repeat N] [--json FILE] [--eslint-plugin FILE]';

/**
 * The bench's options. An unknown option, a missing value, a count that is not a whole number above zero, or a path
 * that does not exist is refused before anything runs, rather than measured as a default or as NaN lines.
 */
export function parseBenchOptions(argv: readonly string[], defaultEslintPlugin: string, cwd = process.cwd()): BenchOptions {
  let values: { [name: string]: string | boolean | undefined };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        small: { type: 'boolean' },
        corpus: { type: 'string' },
        lines: { type: 'string' },
        repeat: { type: 'string' },
        json: { type: 'string' },
        'eslint-plugin': { type: 'string' },
      },
    }));
  } catch (error) {
    throw new BenchUsageError(`${error instanceof Error ? error.message : String(error)}\n${BENCH_USAGE}`);
  }
  const small = values.small === true;
  const count = (name: string, fallback: number): number => {
    const given = values[name];
    if (given === undefined) return fallback;
    const n = Number(given);
    if (!/^\d+$/.test(String(given)) || !Number.isSafeInteger(n) || n < 1) throw new BenchUsageError(`--${name} ${String(given)}: give a whole number above 0.\n${BENCH_USAGE}`);
    return n;
  };
  const existing = (name: string, kind: 'folder' | 'file'): string | undefined => {
    const given = values[name];
    if (given === undefined) return undefined;
    const resolved = path.resolve(cwd, String(given));
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(resolved);
    } catch {
      stat = undefined;
    }
    if (!stat || (kind === 'folder' ? !stat.isDirectory() : !stat.isFile())) throw new BenchUsageError(`--${name} ${String(given)}: no such ${kind} (${resolved}).`);
    return resolved;
  };
  const corpus = existing('corpus', 'folder');
  if (corpus && values.lines !== undefined) throw new BenchUsageError(`--lines sizes the synthetic workspace: it does not apply with --corpus.\n${BENCH_USAGE}`);
  return {
    small,
    corpus,
    lines: count('lines', small ? 20_000 : 200_000),
    repeat: count('repeat', small ? 1 : 3),
    jsonOut: values.json === undefined ? undefined : path.resolve(cwd, String(values.json)),
    eslintPlugin: existing('eslint-plugin', 'file') ?? defaultEslintPlugin,
  };
}
