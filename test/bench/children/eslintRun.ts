// (2) ESLint cost: lints the bench's files with typescript-eslint's parser and either one trivial rule
// or the trivial rule plus PHI Guard's four rules. Only the linting loop is timed (not module loading),
// so the difference is the plugin's own cost. Linted through the public `ESLint` class, as the `eslint` command does:
// it works out each configuration once and reuses it for every file that matches alike (`Linter.verify` given a plain
// array merges and validates the whole configuration again for every file, which the command never does).
// `interleaved`: both configurations in this one process, file by file (which goes first alternates), each
// timed on its own: a machine whose speed drifts over a minute-long run (a shared VM) slows both alike.
// `plugin-cache`: as `plugin`, with the plugin's cache (`settings["phi-guard/cache"]`) in the file given last: it is
// read when the first file is linted and written when this process exits, after the result is printed.
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { pathToFileURL } from 'url';
import { ESLint, type Linter, type Rule } from 'eslint';
import tseslint from 'typescript-eslint';
import { printResult, readFileList } from './fileList';

const [listFile, mode, pluginPath, cacheFile] = process.argv.slice(2);
if (mode !== 'trivial' && mode !== 'plugin' && mode !== 'interleaved' && mode !== 'plugin-cache') throw new Error('usage: eslintRun.js LIST trivial|plugin|interleaved|plugin-cache [PLUGIN] [CACHE FILE]');

/** The baseline rule: visits every call and does nothing, like the cheapest real rule would. */
const trivialRule: Rule.RuleModule = {
  meta: { type: 'problem', schema: [] },
  create: () => ({ CallExpression: () => undefined }),
};

const phiGuardRules = ['no-phi-to-ai', 'no-phi-in-logs', 'no-unencrypted-phi-storage', 'no-phi-in-url'];
const files = readFileList(listFile);
/**
 * ESLint's working folder: the folder holding every file, as a user runs ESLint from the repository's root. The
 * plugin takes it for the project root (no `.phi-guard.json` above), where workspace packages are resolved from; up
 * to run V the file system's root was used, so ottehr's workspace packages never resolved in this measure.
 */
const root = commonFolder(files);

function commonFolder(paths: readonly string[]): string {
  if (paths.length === 0) return process.cwd();
  let common = path.dirname(paths[0]!);
  for (const file of paths) {
    while (common !== path.dirname(common) && !file.startsWith(common + path.sep)) common = path.dirname(common);
  }
  return common;
}
const config: Linter.Config[] = [
  {
    files: ['**/*.{js,jsx,ts,tsx,mjs,cjs,mts,cts}'],
    languageOptions: { parser: tseslint.parser as Linter.Parser, parserOptions: { ecmaFeatures: { jsx: true } }, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    plugins: { bench: { rules: { trivial: trivialRule } } },
    rules: { 'bench/trivial': 'error' },
  },
];

/** The trivial configuration plus PHI Guard's four rules (keeping the plugin's cache in `cache`, if given). */
async function withPlugin(cache?: string): Promise<Linter.Config[]> {
  const loaded = await import(pathToFileURL(path.resolve(pluginPath)).href); // CommonJS: module.exports is `default`
  const plugin = loaded.default?.default ?? loaded.default;
  return [...config, {
    files: ['**/*.{js,jsx,ts,tsx,mjs,cjs,mts,cts}'],
    plugins: { 'phi-guard': plugin },
    rules: Object.fromEntries(phiGuardRules.map((rule) => [`phi-guard/${rule}`, 'error'])),
    ...(cache !== undefined && { settings: { 'phi-guard/cache': cache } }),
  }];
}

function readTexts(): (string | undefined)[] {
  return files.map((file) => {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  });
}

/** One `ESLint` per configuration; `cwd` is the folder holding every file, so every file is inside its base path. */
function eslintWith(overrideConfig: Linter.Config[]): ESLint {
  return new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig, cache: false, warnIgnored: false });
}

interface Tally {
  problems: number;
  fatal: number;
}

async function lint(eslint: ESLint, text: string, file: string, tally?: Tally): Promise<void> {
  const [result] = await eslint.lintText(text, { filePath: file });
  if (!tally || !result) return;
  for (const message of result.messages) {
    if (message.fatal) tally.fatal++;
    else if (message.ruleId?.startsWith('phi-guard/')) tally.problems++;
  }
}

/** Each file linted with both configurations, each timed on its own; the seconds are the sums. */
async function interleaved(): Promise<void> {
  const linters = [eslintWith(config), eslintWith(await withPlugin())];
  const texts = readTexts();
  const seconds = [0, 0];
  const tally: Tally = { problems: 0, fatal: 0 };
  for (const [index, file] of files.entries()) {
    const text = texts[index];
    if (text === undefined) continue;
    for (const which of index % 2 === 0 ? [0, 1] : [1, 0]) {
      const start = performance.now();
      await lint(linters[which]!, text, file, which === 1 ? tally : undefined);
      seconds[which]! += (performance.now() - start) / 1000;
    }
  }
  printResult({ files: files.length, trivialSeconds: seconds[0], pluginSeconds: seconds[1], phiGuardProblems: tally.problems, parseFailures: tally.fatal });
}

async function main(): Promise<void> {
  if (mode === 'interleaved') return interleaved();
  if (mode === 'plugin-cache' && !cacheFile) throw new Error('plugin-cache needs a cache file');
  const eslint = eslintWith(mode === 'trivial' ? config : await withPlugin(mode === 'plugin-cache' ? cacheFile : undefined));
  const texts = readTexts();
  const tally: Tally = { problems: 0, fatal: 0 };
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  for (const [index, file] of files.entries()) {
    const text = texts[index];
    if (text !== undefined) await lint(eslint, text, file, tally);
  }
  const lintSeconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  printResult({ files: files.length, lintSeconds, lintCpuSeconds: (cpu.user + cpu.system) / 1e6, phiGuardProblems: tally.problems, parseFailures: tally.fatal });
}

void main();
