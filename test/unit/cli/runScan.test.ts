import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { parseCliArgs, type ScanCommand } from '../../../src/cli/cliArgs';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from '../../../src/cli/exitCodes';
import { runScan } from '../../../src/cli/runScan';
import { fakeAnalyzer } from './fakeAnalyzer';
import { materialize, removeTree } from './fixtures/fixtureTrees';

const CLI_SOURCE = path.resolve(__dirname, '../../../src/cli/main.ts');

function capture() {
  const out: string[] = [];
  return { write: (text: string) => out.push(text), text: () => out.join('') };
}

describe('cli runScan', () => {
  let root: string;
  afterEach(() => removeTree(root));

  /** The `phi-guard` command from the sources, in `root`, with `preload` scripts required first. */
  function runCommand(argv: readonly string[], preload: readonly string[] = []) {
    return spawnSync(process.execPath, [...preload.flatMap((script) => ['--require', script]), '--require', 'tsx/cjs', CLI_SOURCE, ...argv], { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_PATH: path.resolve(__dirname, '../../../node_modules') } });
  }

  async function scan(argv: string[]) {
    const stdout = capture();
    const stderr = capture();
    const command = parseCliArgs(['scan', ...argv, '--jobs', '1']) as ScanCommand;
    const code = await runScan(command, { cwd: root, stdout, stderr, color: false }, { analyze: fakeAnalyzer });
    return { code, stdout: stdout.text(), stderr: stderr.text() };
  }

  it('exits 0 without findings, 1 with an error finding, and follows --fail-on', async () => {
    root = materialize({ files: { 'clean.ts': 'export const a = 1;\n', 'logs.ts': 'const name = 1;\nlog(name);\n', 'ai.ts': 'const name = 1;\nai(name);\n' } });
    assert.strictEqual((await scan(['clean.ts'])).code, EXIT_OK);
    assert.strictEqual((await scan(['logs.ts'])).code, EXIT_OK, 'a log finding is a warning by default');
    assert.strictEqual((await scan(['logs.ts', '--fail-on', 'warning'])).code, EXIT_FINDINGS);
    assert.strictEqual((await scan(['ai.ts'])).code, EXIT_FINDINGS);
    assert.strictEqual((await scan(['ai.ts', '--fail-on', 'none'])).code, EXIT_OK);
  });

  it('gives each package its own .phi-guard.json, as ESLint does, unless --config names one for all', async () => {
    root = materialize({ files: {
      '.phi-guard.json': '{}',
      'apps/web/a.ts': 'const name = 1;\nai(name);\n',
      'packages/api/.phi-guard.json': '{ "severity": { "no-phi-to-ai": "off" }, "exclude": ["legacy/**"] }',
      'packages/api/src/a.ts': 'const name = 1;\nai(name);\nlog(name);\n',
      'packages/api/legacy/a.ts': 'const name = 1;\nlog(name);\n',
    } });
    const perPackage = await scan(['.', '--format', 'json']);
    assert.deepStrictEqual(JSON.parse(perPackage.stdout).findings.map((f: { file: string; rule: string }) => `${f.file} ${f.rule}`), ['apps/web/a.ts no-phi-to-ai', 'packages/api/src/a.ts no-phi-in-logs']);
    const forAll = await scan(['.', '--config', '.phi-guard.json', '--format', 'json']);
    assert.strictEqual(JSON.parse(forAll.stdout).findings.length, 4, 'one configuration for every file: nothing off, nothing excluded');
  });

  it('exits 2 naming a package\'s broken .phi-guard.json before scanning', async () => {
    root = materialize({ files: { 'apps/web/a.ts': 'export const a = 1;\n', 'packages/api/.phi-guard.json': '{ "exclude": "legacy" }', 'packages/api/a.ts': 'export const a = 1;\n' } });
    const result = await scan(['.']);
    assert.strictEqual(result.code, EXIT_USAGE);
    assert.match(result.stderr, /packages\/api\/\.phi-guard\.json:1:3: 'exclude' must be an array of strings/);
  });

  it('still applies the globs and .gitignore with a --config kept outside the scanned folder', async () => {
    root = materialize({ files: {
      'policy/phi-guard.json': '{ "exclude": ["**/dist/**", "**/legacy/**"] }',
      'app/.git/HEAD': 'ref: refs/heads/main\n',
      'app/.gitignore': 'generated/\n',
      'app/src/a.ts': 'const name = 1;\nai(name);\n',
      'app/dist/a.js': 'const name = 1;\nai(name);\n',
      'app/legacy/a.ts': 'const name = 1;\nai(name);\n',
      'app/generated/a.ts': 'const name = 1;\nai(name);\n',
    } });
    const result = await scan(['app', '--config', 'policy/phi-guard.json', '--format', 'json']);
    assert.deepStrictEqual(JSON.parse(result.stdout).findings.map((f: { file: string }) => f.file), ['app/src/a.ts']);
  });

  it('reads severities from the nearest .phi-guard.json', async () => {
    root = materialize({ files: { '.phi-guard.json': '{ "severity": { "no-phi-in-logs": "error", "no-phi-to-ai": "off" } }', 'src/a.ts': 'const name = 1;\nlog(name);\n', 'src/b.ts': 'const name = 1;\nai(name);\n' } });
    const logs = await scan(['src/a.ts']);
    assert.strictEqual(logs.code, EXIT_FINDINGS);
    assert.match(logs.stdout, /error {2}name \(PHI: name\) reaches log\(\)/);
    const ai = await scan(['src/b.ts', '--format', 'json']);
    assert.strictEqual(ai.code, EXIT_OK);
    assert.deepStrictEqual(JSON.parse(ai.stdout).findings, []);
  });

  it('exits 2 naming the file for a broken config, a missing --config and a missing path', async () => {
    root = materialize({ files: { '.phi-guard.json': '{ "severity": ', 'a.ts': '' } });
    const broken = await scan(['a.ts']);
    assert.strictEqual(broken.code, EXIT_USAGE);
    assert.match(broken.stderr, /\.phi-guard\.json:1:\d+: invalid JSON \([a-z ]+\)\.\nThe scan did not run: fix the configuration above/);
    // The scan stops: what the editor and ESLint use instead of a bad key is not said here (it would contradict that).
    fs.writeFileSync(path.join(root, '.phi-guard.json'), '{ "severity": { "no-phi-in-log": "error" } }');
    const badKey = await scan(['a.ts']);
    assert.strictEqual(badKey.code, EXIT_USAGE);
    assert.match(badKey.stderr, /\.phi-guard\.json:1:3: 'severity' must be an object keyed by rule names; 'no-phi-in-log' is not one of [^\n]*no-phi-in-url\.\nThe scan did not run/);
    assert.doesNotMatch(badKey.stderr, /using the default/);
    const missingConfig = await scan(['a.ts', '--config', 'nope.json']);
    assert.strictEqual(missingConfig.code, EXIT_USAGE);
    assert.match(missingConfig.stderr, /nope\.json: config file not found; check the path given to --config\./);
    fs.unlinkSync(path.join(root, '.phi-guard.json'));
    const missingPath = await scan(['a.ts', 'src']);
    assert.strictEqual(missingPath.code, EXIT_USAGE);
    assert.match(missingPath.stderr, /src: no such file or folder/);
  });

  it('keeps notices out of machine-readable stdout but prints them on stderr', async () => {
    root = materialize({ files: { 'a.ts': 'const name = 1;\nai(name);\n' }, symlinks: { 'gone.ts': 'missing.ts' } });
    const result = await scan(['.', '--format', 'sarif']);
    assert.strictEqual(JSON.parse(result.stdout).version, '2.1.0');
    assert.strictEqual(result.stderr, 'phi-guard: gone.ts: could not read the file (ENOENT); it was not analysed\n');
  });

  it('scans with the real engine: PHI in an AI prompt fails the build, a log is a warning, a syntax error is a notice', async () => {
    root = materialize({
      files: {
        'src/visit.ts': [
          "import OpenAI from 'openai';",
          'const openai = new OpenAI();',
          'export async function summarize(patient: { firstName: string; ssn: string }) {',
          '  const prompt = `Summarize the chart for ${patient.firstName}`;',
          "  console.log('patient ssn', patient.ssn);",
          "  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: prompt }] });",
          '}',
          '',
        ].join('\n'),
        'src/broken.ts': 'export function f( {\n  console.log(f);\n',
        // Reaches no sink: not parsed, so its syntax error is not reported (nothing in it could be found).
        'src/broken-quiet.ts': 'export function g( {\n',
      },
    });
    const stdout = capture();
    const stderr = capture();
    const command = parseCliArgs(['scan', '--format', 'json', '--jobs', '1']) as ScanCommand;
    const code = await runScan(command, { cwd: root, stdout, stderr, color: false });
    const output = JSON.parse(stdout.text());
    assert.strictEqual(code, EXIT_FINDINGS);
    assert.deepStrictEqual(output.findings.map((f: { rule: string; severity: string; file: string; line: number }) => `${f.file}:${f.line} ${f.rule} ${f.severity}`), [
      'src/visit.ts:5 no-phi-in-logs warning',
      'src/visit.ts:6 no-phi-to-ai error',
    ]);
    assert.deepStrictEqual(output.findings[1].sink, { package: 'openai', api: 'chat.completions.create' });
    assert.strictEqual(output.findings[1].flow[0].line, 4, 'the flow starts where the name enters the prompt');
    assert.deepStrictEqual([...new Set(output.notices.map((n: { kind: string; file: string }) => `${n.kind} ${n.file}`))], ['syntax-error src/broken.ts']);
  });

  it('runs as a command: usage errors exit 2, and a scan writes its report to stdout', () => {
    root = materialize({ files: { 'a.ts': 'export const a = 1;\n' } });
    const usage = runCommand(['scan', '--format', 'xml']);
    assert.strictEqual(usage.status, EXIT_USAGE);
    assert.match(usage.stderr, /--format must be one of/);
    const ok = runCommand(['scan', '--format', 'json', '--jobs', '1']);
    assert.strictEqual(ok.status, EXIT_OK, ok.stderr);
    assert.deepStrictEqual(JSON.parse(ok.stdout).summary, { filesScanned: 1, filesAnalysed: 1, lines: 2 });
  });

  it('answers --version and --help without loading the engine (TypeScript), which a scan loads', () => {
    root = materialize({ files: { 'a.ts': 'export const a = 1;\n' } });
    // Preloaded: says on stderr, as the process ends, whether TypeScript's compiler was loaded.
    const probe = path.join(root, 'typescript-probe.js');
    fs.writeFileSync(probe, "process.on('exit', () => { if (Object.keys(require.cache).some((f) => /[\\\\/]typescript[\\\\/]lib[\\\\/]typescript\\.js$/.test(f))) process.stderr.write('typescript loaded'); });\n");
    const run = (argv: string[]) => runCommand(argv, [probe]);
    const version = run(['--version']);
    assert.strictEqual(version.status, EXIT_OK, version.stderr);
    assert.match(version.stdout, /^\d+\.\d+\.\d+/);
    assert.doesNotMatch(version.stderr, /typescript loaded/);
    const help = run(['--help']);
    assert.match(help.stdout, /^Usage: phi-guard/);
    assert.doesNotMatch(help.stderr, /typescript loaded/);
    const scanned = run(['scan', '--format', 'json', '--jobs', '1']);
    assert.strictEqual(scanned.status, EXIT_OK, scanned.stderr);
    assert.match(scanned.stderr, /typescript loaded/, 'the probe sees TypeScript when the engine runs');
  });

  it("turns on Node's compile cache before it loads TypeScript, and scans on if the cache cannot be used", () => {
    root = materialize({ files: { 'a.ts': 'export function show(patient: { name: string }) {\n  console.log(patient.name);\n}\n' } });
    // Preloaded: Node's `module` with a stand-in for enableCompileCache (Node 20 has none), which says on stderr when
    // it is called and whether TypeScript's compiler was loaded by then; with `throws`, it also throws.
    const probe = (behaviour: 'records' | 'throws') => {
      const file = path.join(root, `compile-cache-probe-${behaviour}.js`);
      fs.writeFileSync(
        file,
        [
          "const nodeModule = require('module');",
          'const typescriptLoaded = () => Object.keys(require.cache).some((f) => /[\\\\/]typescript[\\\\/]lib[\\\\/]typescript\\.js$/.test(f));',
          "nodeModule.enableCompileCache = () => { process.stderr.write(`compile cache enabled (typescript loaded: ${typescriptLoaded()})\\n`);",
          behaviour === 'throws' ? "  throw new Error('ENOSPC'); };" : "  return { status: 'enabled' }; };",
        ].join('\n'),
      );
      return file;
    };
    const recorded = runCommand(['scan', '--format', 'json', '--jobs', '1', '--fail-on', 'none'], [probe('records')]);
    assert.strictEqual(recorded.status, EXIT_OK, recorded.stderr);
    assert.match(recorded.stderr, /compile cache enabled \(typescript loaded: false\)/);
    const failing = runCommand(['scan', '--format', 'json', '--jobs', '1', '--fail-on', 'none'], [probe('throws')]);
    assert.strictEqual(failing.status, EXIT_OK, failing.stderr);
    assert.strictEqual(JSON.parse(failing.stdout).findings.length, 1);
    const version = runCommand(['--version'], [probe('records')]);
    assert.doesNotMatch(version.stderr, /compile cache/, '--version compiles nothing worth caching');
  });
});
