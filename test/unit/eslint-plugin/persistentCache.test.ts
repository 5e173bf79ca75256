import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { DEFAULT_CONFIG, type PersistedAnalyses, ProjectAnalyzer, nodeProjectHost } from '../../../src/core';
import plugin from '../../../src/eslint-plugin';
import { CACHE_SETTING, cacheFileOf, DEFAULT_ESLINT_CACHE_FILE, PersistentAnalyses } from '../../../src/eslint-plugin/persistentCache';
import { projectOnDisk } from '../projectOnDisk';

const LOGGING_HELPER = 'export function audit(note: string) {\n  console.log(note);\n}\n';
const QUIET_HELPER = 'export function audit(note: string) {\n  return note.length;\n}\n';
const ROUTE = "import { audit } from './audit';\nexport function h(patient: { diagnosis: string }) {\n  audit(patient.diagnosis);\n}\n";

describe('ESLint plugin persistent cache (settings["phi-guard/cache"])', () => {
  it('names the default file in ESLint\'s folder for true, a file or a folder for a path, and refuses anything else', () => {
    const { root } = projectOnDisk({ 'tmp/keep.txt': '' });
    assert.deepEqual(cacheFileOf(undefined, root), {});
    assert.deepEqual(cacheFileOf(false, root), {});
    assert.deepEqual(cacheFileOf(true, root), { file: path.join(root, DEFAULT_ESLINT_CACHE_FILE) });
    assert.deepEqual(cacheFileOf('tmp', root), { file: path.join(root, 'tmp', DEFAULT_ESLINT_CACHE_FILE) });
    assert.deepEqual(cacheFileOf('ci/phi.cache', root), { file: path.join(root, 'ci/phi.cache') });
    assert.match(cacheFileOf(42, root).problem?.message ?? '', /settings\["phi-guard\/cache"\] must be true, false or a file or folder path \(got 42\)/);
    assert.equal(CACHE_SETTING, 'phi-guard/cache');
  });

  /** One ESLint process's (or linting thread's) use of the cache: an analyser attached to `file`, and the write its exit would make. */
  function eslintProcess(root: string, file: string, lock?: { waitMs: number }) {
    const warnings: string[] = [];
    let write: (() => void) | undefined;
    const cache = new PersistentAnalyses('test-engine', (message) => warnings.push(message), (writer) => (write = writer), lock);
    const project = new ProjectAnalyzer(nodeProjectHost(), root, () => DEFAULT_CONFIG);
    cache.attach(file, project);
    const findings = (name: string) => project.analyze(path.join(root, name))!.findings.map((f) => `${f.rule} ${f.expression}`);
    return { project, cache, findings, warnings, exit: () => write?.() };
  }

  it('writes nothing of an analyser detached after its policy changed', () => {
    const disk = projectOnDisk({ 'audit.ts': LOGGING_HELPER, 'route.ts': ROUTE });
    const file = path.join(disk.root, DEFAULT_ESLINT_CACHE_FILE);
    const linting = eslintProcess(disk.root, file);
    assert.deepEqual(linting.findings('route.ts'), ['no-phi-in-logs patient.diagnosis']);
    linting.cache.detach(linting.project);
    linting.exit();
    assert.equal(fs.existsSync(file), false);
  });

  it('restores what the last process analysed, leaves an unchanged cache alone, and re-analyses what an import change affects', () => {
    const disk = projectOnDisk({ 'audit.ts': LOGGING_HELPER, 'route.ts': ROUTE });
    const file = path.join(disk.root, DEFAULT_ESLINT_CACHE_FILE);
    const first = eslintProcess(disk.root, file);
    assert.deepEqual(first.findings('route.ts'), ['no-phi-in-logs patient.diagnosis']);
    first.exit();
    assert.ok(fs.existsSync(file), 'the process exit writes the cache');

    const written = fs.statSync(file).mtimeMs;
    const second = eslintProcess(disk.root, file);
    assert.deepEqual(second.findings('route.ts'), ['no-phi-in-logs patient.diagnosis']);
    assert.equal(second.project.persistsAsRestored(), true, 'every answer came from the cache');
    second.exit();
    assert.equal(fs.statSync(file).mtimeMs, written, 'a cache that would be written the same is left as it is');

    disk.write('audit.ts', QUIET_HELPER);
    const third = eslintProcess(disk.root, file);
    assert.deepEqual(third.findings('route.ts'), [], 'the importer is analysed again against the helper as it is now');
    assert.deepEqual([...first.warnings, ...second.warnings, ...third.warnings], []);
  });

  /** The files a cache holds analyses of, relative to `root` (read as the file is laid out: see analysesCacheFile). */
  function cachedFiles(root: string, file: string): string[] {
    const cache = v8.deserialize(fs.readFileSync(file)) as { persisted: PersistedAnalyses };
    return cache.persisted.analyses.map((analysis) => path.relative(root, analysis.file)).sort();
  }

  it('keeps what every linting thread analysed (--concurrency), each thread merging what the others wrote since it read the cache', () => {
    const disk = projectOnDisk({ 'audit.ts': LOGGING_HELPER, 'route.ts': ROUTE, 'other.ts': 'export function o(patient: { ssn: string }) {\n  console.log(patient.ssn);\n}\n' });
    const file = path.join(disk.root, DEFAULT_ESLINT_CACHE_FILE);
    // Two threads start from no cache, lint different files and end one after the other.
    const first = eslintProcess(disk.root, file);
    const second = eslintProcess(disk.root, file);
    assert.deepEqual(first.findings('route.ts'), ['no-phi-in-logs patient.diagnosis']);
    assert.deepEqual(second.findings('other.ts'), ['no-phi-in-logs patient.ssn']);
    first.exit();
    second.exit();
    assert.deepEqual(cachedFiles(disk.root, file), ['audit.ts', 'other.ts', 'route.ts'], 'the second writer kept the first one\'s analyses');

    // Next run: one thread re-analyses the route against the changed helper; the other, which ends last, lints a new
    // file and holds the route's old analysis only as restored: the new one stays.
    disk.write('audit.ts', QUIET_HELPER);
    disk.write('extra.ts', 'export function e(patient: { mrn: string }) {\n  console.info(patient.mrn);\n}\n');
    const third = eslintProcess(disk.root, file);
    const fourth = eslintProcess(disk.root, file);
    assert.deepEqual(third.findings('route.ts'), []);
    assert.deepEqual(fourth.findings('extra.ts'), ['no-phi-in-logs patient.mrn']);
    third.exit();
    fourth.exit();
    const next = eslintProcess(disk.root, file);
    assert.deepEqual(next.findings('route.ts'), []);
    assert.deepEqual(next.findings('extra.ts'), ['no-phi-in-logs patient.mrn']);
    assert.equal(next.project.persistsAsRestored('known'), true, 'the route against the helper as it is now, and the new file, came from the cache');
    assert.deepEqual([first, second, third, fourth, next].flatMap((run) => run.warnings), []);
  });

  it('drops analyses of files no thread holds any more when nobody else wrote the cache since it was read', () => {
    const disk = projectOnDisk({ 'audit.ts': LOGGING_HELPER, 'route.ts': ROUTE });
    const file = path.join(disk.root, DEFAULT_ESLINT_CACHE_FILE);
    const first = eslintProcess(disk.root, file);
    first.findings('route.ts');
    first.exit();
    fs.rmSync(disk.file('route.ts'));
    disk.write('audit.ts', LOGGING_HELPER.replace('console.log(note)', "console.log('note', note)"));
    const second = eslintProcess(disk.root, file);
    second.findings('audit.ts');
    second.exit();
    assert.deepEqual(cachedFiles(disk.root, file), ['audit.ts']);
  });

  it('waits for another writer\'s lock, says so when it is held too long, and takes over a stale one', () => {
    const disk = projectOnDisk({ 'audit.ts': LOGGING_HELPER, 'route.ts': ROUTE });
    const file = path.join(disk.root, DEFAULT_ESLINT_CACHE_FILE);
    fs.writeFileSync(`${file}.lock`, '1\n');
    const blocked = eslintProcess(disk.root, file, { waitMs: 100 });
    blocked.findings('route.ts');
    blocked.exit();
    assert.equal(fs.existsSync(file), false);
    assert.equal(blocked.warnings.length, 1);
    assert.match(blocked.warnings[0]!, /\.phi-guard-eslintcache: the cache was not written \(another writer has held .*\.phi-guard-eslintcache\.lock for over 0 s; delete it if no ESLint run is writing the cache\)/);

    const old = new Date(Date.now() - 10 * 60_000);
    fs.utimesSync(`${file}.lock`, old, old);
    const after = eslintProcess(disk.root, file, { waitMs: 100 });
    after.findings('route.ts');
    after.exit();
    assert.deepEqual(after.warnings, []);
    assert.deepEqual(cachedFiles(disk.root, file), ['audit.ts', 'route.ts']);
    assert.equal(fs.existsSync(`${file}.lock`), false, 'the lock is released');
  });

  it('says why a damaged cache was not used, analyses afresh, and replaces it', () => {
    const disk = projectOnDisk({ 'audit.ts': LOGGING_HELPER, 'route.ts': ROUTE });
    const file = path.join(disk.root, 'damaged.cache');
    fs.writeFileSync(file, 'not a cache');
    const run = eslintProcess(disk.root, file);
    assert.deepEqual(run.findings('route.ts'), ['no-phi-in-logs patient.diagnosis']);
    assert.equal(run.warnings.length, 1);
    assert.match(run.warnings[0]!, /damaged\.cache: the cache was not used: it is not a PHI Guard cache, or it is damaged; files are analysed afresh/);
    run.exit();
    assert.equal(eslintProcess(disk.root, file).warnings.length, 0, 'the run replaced it with a good one');
  });

  it('is written when an ESLint process exits, and gives the same report from it', () => {
    const disk = projectOnDisk({ 'audit.ts': LOGGING_HELPER, 'route.ts': ROUTE });
    const plugin = path.resolve(__dirname, '../../../src/eslint-plugin/index.ts');
    fs.writeFileSync(disk.file('lint.js'), `const fs = require('fs');
const { Linter } = require('eslint');
const tseslint = require('typescript-eslint');
const plugin = require(${JSON.stringify(plugin)});
const linter = new Linter({ configType: 'flat', cwd: __dirname });
const config = [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser }, plugins: { 'phi-guard': plugin }, settings: { 'phi-guard/cache': true }, rules: { 'phi-guard/no-phi-in-logs': 'error' } }];
const messages = ['route.ts', 'audit.ts'].flatMap((name) => linter.verify(fs.readFileSync(name, 'utf8'), config, name).map((m) => name + ':' + m.line + ' ' + m.ruleId));
process.stdout.write(JSON.stringify(messages));
`);
    const lint = () => spawnSync(process.execPath, ['--require', 'tsx/cjs', 'lint.js'], { cwd: disk.root, encoding: 'utf8', env: { ...process.env, NODE_PATH: path.resolve(__dirname, '../../../node_modules') } });
    const first = lint();
    assert.equal(first.status, 0, first.stderr);
    assert.deepEqual(JSON.parse(first.stdout), ['route.ts:3 phi-guard/no-phi-in-logs']);
    assert.ok(fs.existsSync(disk.file(DEFAULT_ESLINT_CACHE_FILE)), 'the exiting process wrote the cache');
    const earlier = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000); // whole seconds: every file system keeps them exactly
    fs.utimesSync(disk.file(DEFAULT_ESLINT_CACHE_FILE), earlier, earlier);
    const second = lint();
    assert.equal(second.status, 0, second.stderr);
    assert.deepEqual(JSON.parse(second.stdout), JSON.parse(first.stdout));
    assert.equal(second.stderr, '');
    assert.equal(fs.statSync(disk.file(DEFAULT_ESLINT_CACHE_FILE)).mtimeMs, earlier.getTime(), 'every analysis came from the cache, so it was not written again');
  });

  it('under ESLint\'s --concurrency, keeps every thread\'s analyses and leaves no lock or temporary file', function () {
    this.timeout(60_000);
    // Files that import nothing: a thread analyses only the files it lints (a helper's callers would be analysed by each).
    const files: Record<string, string> = {};
    for (let i = 0; i < 8; i++) files[`route${i}.ts`] = `export function h(patient: { diagnosis: string }) {\n  console.log(patient.diagnosis);\n}\n`;
    const disk = projectOnDisk(files);
    const plugin = path.resolve(__dirname, '../../../src/eslint-plugin/index.ts');
    fs.writeFileSync(disk.file('eslint.config.cjs'), `const tseslint = require('typescript-eslint');
const plugin = require(${JSON.stringify(plugin)});
module.exports = [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser }, plugins: { 'phi-guard': plugin }, settings: { 'phi-guard/cache': process.env.PHI_GUARD_TEST_CACHE }, rules: { 'phi-guard/no-phi-in-logs': 'error' } }];
`);
    const eslintBin = path.resolve(__dirname, '../../../node_modules/eslint/bin/eslint.js');
    const lint = (concurrency: string, cache: string) => spawnSync(process.execPath, ['--require', 'tsx/cjs', eslintBin, '--concurrency', concurrency, '--format', 'json', '.'], {
      cwd: disk.root, encoding: 'utf8', env: { ...process.env, NODE_PATH: path.resolve(__dirname, '../../../node_modules'), PHI_GUARD_TEST_CACHE: cache },
    });
    const problems = (run: ReturnType<typeof lint>) => (JSON.parse(run.stdout) as { filePath: string; messages: { line: number }[] }[]).flatMap((r) => r.messages.map((m) => `${path.basename(r.filePath)}:${m.line}`)).sort();
    const alone = lint('off', 'one-thread.cache');
    const threads = lint('2', 'two-threads.cache');
    assert.equal(threads.status, 1, threads.stderr);
    assert.deepEqual(problems(threads), problems(alone));
    assert.equal(problems(threads).length, 8);
    assert.equal(cachedFiles(disk.root, disk.file('one-thread.cache')).length, 8);
    assert.deepEqual(cachedFiles(disk.root, disk.file('two-threads.cache')), cachedFiles(disk.root, disk.file('one-thread.cache')));
    assert.deepEqual(fs.readdirSync(disk.root).filter((name) => /\.(lock|tmp)$/.test(name)), []);
  });

  it('reports a setting that names no cache as a configuration problem', () => {
    const disk = projectOnDisk({ 'route.ts': ROUTE });
    const linter = new Linter({ configType: 'flat', cwd: disk.root });
    const config: Linter.Config[] = [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser as never }, plugins: { 'phi-guard': plugin }, settings: { [CACHE_SETTING]: 42 }, rules: { 'phi-guard/no-phi-to-ai': 'error' } }];
    const messages = linter.verify(ROUTE, config, 'route.ts').map((m) => m.message);
    assert.deepEqual(messages, ['PHI Guard configuration: settings["phi-guard/cache"] must be true, false or a file or folder path (got 42); analyses are not cached.']);
  });
});
