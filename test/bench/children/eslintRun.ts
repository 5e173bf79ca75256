// (2) ESLint cost: lints the bench's files with typescript-eslint's parser and either one trivial rule
// or the trivial rule plus PHI Guard's four rules. Only the linting loop is timed (not module loading),
// so the difference is the plugin's own cost.
// `interleaved`: both configurations in this one process, file by file (which goes first alternates), each
// timed on its own: a machine whose speed drifts over a minute-long run (a shared VM) slows both alike.
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { pathToFileURL } from 'url';
import { Linter, type Rule } from 'eslint';
import tseslint from 'typescript-eslint';
import { printResult, readFileList } from './fileList';

const [listFile, mode, pluginPath] = process.argv.slice(2);
if (mode !== 'trivial' && mode !== 'plugin' && mode !== 'interleaved') throw new Error('usage: eslintRun.js LIST trivial|plugin|interleaved [PLUGIN]');

/** The baseline rule: visits every call and does nothing, like the cheapest real rule would. */
const trivialRule: Rule.RuleModule = {
  meta: { type: 'problem', schema: [] },
  create: () => ({ CallExpression: () => undefined }),
};

const phiGuardRules = ['no-phi-to-ai', 'no-phi-in-logs', 'no-unencrypted-phi-storage', 'no-phi-in-url'];
const files = readFileList(listFile);
const root = path.parse(files[0] ?? process.cwd()).root;
const config: Linter.Config[] = [
  {
    files: ['**/*.{js,jsx,ts,tsx,mjs,cjs,mts,cts}'],
    languageOptions: { parser: tseslint.parser as Linter.Parser, parserOptions: { ecmaFeatures: { jsx: true } }, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    plugins: { bench: { rules: { trivial: trivialRule } } },
    rules: { 'bench/trivial': 'error' },
  },
];

/** The trivial configuration plus PHI Guard's four rules. */
async function withPlugin(): Promise<Linter.Config[]> {
  const loaded = await import(pathToFileURL(path.resolve(pluginPath)).href); // CommonJS: module.exports is `default`
  const plugin = loaded.default?.default ?? loaded.default;
  return [...config, {
    files: ['**/*.{js,jsx,ts,tsx,mjs,cjs,mts,cts}'],
    plugins: { 'phi-guard': plugin },
    rules: Object.fromEntries(phiGuardRules.map((rule) => [`phi-guard/${rule}`, 'error'])),
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

/** Each file linted with both configurations, each timed on its own; the seconds are the sums. */
async function interleaved(): Promise<void> {
  const configs = [config, await withPlugin()];
  const linter = new Linter({ configType: 'flat', cwd: root });
  const texts = readTexts();
  const seconds = [0, 0];
  let problems = 0;
  let fatal = 0;
  files.forEach((file, index) => {
    const text = texts[index];
    if (text === undefined) return;
    for (const which of index % 2 === 0 ? [0, 1] : [1, 0]) {
      const start = performance.now();
      const messages = linter.verify(text, configs[which]!, path.relative(root, file));
      seconds[which]! += (performance.now() - start) / 1000;
      if (which === 0) continue;
      for (const message of messages) {
        if (message.fatal) fatal++;
        else if (message.ruleId?.startsWith('phi-guard/')) problems++;
      }
    }
  });
  printResult({ files: files.length, trivialSeconds: seconds[0], pluginSeconds: seconds[1], phiGuardProblems: problems, parseFailures: fatal });
}

async function main(): Promise<void> {
  if (mode === 'interleaved') return interleaved();
  const used = mode === 'plugin' ? await withPlugin() : config;
  const linter = new Linter({ configType: 'flat', cwd: root });
  const texts = readTexts();
  let problems = 0;
  let fatal = 0;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  files.forEach((file, index) => {
    const text = texts[index];
    if (text === undefined) return;
    const messages = linter.verify(text, used, path.relative(root, file));
    for (const message of messages) {
      if (message.fatal) fatal++;
      else if (message.ruleId?.startsWith('phi-guard/')) problems++;
    }
  });
  const lintSeconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  printResult({ files: files.length, lintSeconds, lintCpuSeconds: (cpu.user + cpu.system) / 1e6, phiGuardProblems: problems, parseFailures: fatal });
}

void main();
