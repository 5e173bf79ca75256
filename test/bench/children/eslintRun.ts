// (2) ESLint cost: lints the bench's files with typescript-eslint's parser and either one trivial rule
// or the trivial rule plus PHI Guard's four rules. Only the linting loop is timed (not module loading),
// so the difference is the plugin's own cost.
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { pathToFileURL } from 'url';
import { Linter, type Rule } from 'eslint';
import tseslint from 'typescript-eslint';
import { printResult, readFileList } from './fileList';

const [listFile, mode, pluginPath] = process.argv.slice(2);
if (mode !== 'trivial' && mode !== 'plugin') throw new Error('usage: eslintRun.js LIST trivial|plugin [PLUGIN]');

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

async function loadPlugin(): Promise<void> {
  if (mode !== 'plugin') return;
  const loaded = await import(pathToFileURL(path.resolve(pluginPath)).href); // CommonJS: module.exports is `default`
  const plugin = loaded.default?.default ?? loaded.default;
  config.push({
    files: ['**/*.{js,jsx,ts,tsx,mjs,cjs,mts,cts}'],
    plugins: { 'phi-guard': plugin },
    rules: Object.fromEntries(phiGuardRules.map((rule) => [`phi-guard/${rule}`, 'error'])),
  });
}

async function main(): Promise<void> {
  await loadPlugin();
  const linter = new Linter({ configType: 'flat', cwd: root });
  const texts = files.map((file) => {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  });
  let problems = 0;
  let fatal = 0;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  files.forEach((file, index) => {
    const text = texts[index];
    if (text === undefined) return;
    const messages = linter.verify(text, config, path.relative(root, file));
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
