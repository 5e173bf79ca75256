import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as v8 from 'v8';
import { parseCliArgs, type InventoryCommand, type ScanCommand } from '../../../src/cli/cliArgs';
import { runInventory } from '../../../src/cli/runInventory';
import { runScan } from '../../../src/cli/runScan';
import { cacheFilePath, DEFAULT_CACHE_FILE, engineIdentity } from '../../../src/cli/scanCache';
import { readAnalysesCache } from '../../../src/core/project/analysesCacheFile';
import { TOOL_VERSION } from '../../../src/cli/toolInfo';
import { collectFiles } from '../../../src/cli/collectFiles';
import { scanFiles } from '../../../src/cli/scanFiles';
import { DEFAULT_CONFIG } from '../../../src/core';
import { materialize, removeTree } from './fixtures/fixtureTrees';

const SOURCE_WORKER = path.resolve(__dirname, '../../../src/cli/scanWorker.ts');

const AI_MODULE = "import OpenAI from 'openai';\nconst openai = new OpenAI();\nexport async function ask(question: string) {\n  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: question }] });\n}\n";
const QUIET_MODULE = 'export async function ask(question: string) {\n  return question.length;\n}\n';
const VISIT = "import { ask } from './ai';\nexport async function summarize(patient: { firstName: string }) {\n  return ask(`Chart for ${patient.firstName}`);\n}\n";

function capture() {
  const out: string[] = [];
  return { write: (text: string) => out.push(text), text: () => out.join('') };
}

describe('cli scan --cache', () => {
  let root: string;
  afterEach(() => removeTree(root));

  async function scan(argv: string[], engine = 'test-engine') {
    const stdout = capture();
    const stderr = capture();
    const command = parseCliArgs(['scan', '--format', 'json', '--jobs', '1', ...argv]) as ScanCommand;
    const code = await runScan(command, { cwd: root, stdout, stderr, color: false }, { cacheEngine: engine });
    const report = JSON.parse(stdout.text()) as { findings: { file: string; line: number; rule: string }[] };
    return { code, findings: report.findings.map((f) => `${f.file}:${f.line} ${f.rule}`), stderr: stderr.text() };
  }

  it('writes the cache, and a second scan reports what a scan without it reports, an imported module\'s change included', async () => {
    root = materialize({ files: { 'src/ai.ts': AI_MODULE, 'src/visit.ts': VISIT } });
    const cold = await scan([]);
    assert.deepStrictEqual(cold.findings, ['src/visit.ts:3 no-phi-to-ai']);
    const first = await scan(['--cache']);
    assert.deepStrictEqual(first, cold);
    const cacheFile = path.join(root, DEFAULT_CACHE_FILE);
    assert.ok((readAnalysesCache(cacheFile, 'test-engine').persisted?.analyses.length ?? 0) >= 2, 'both files\' analyses are kept');
    assert.deepStrictEqual(await scan(['--cache']), cold);

    // Only the imported module changes: visit.ts's text is the same, but its flow no longer reaches an AI call.
    fs.writeFileSync(path.join(root, 'src/ai.ts'), QUIET_MODULE);
    assert.deepStrictEqual((await scan(['--cache'])).findings, []);
    assert.deepStrictEqual((await scan([])).findings, []);
  });

  it('analyses afresh, saying why, when the cache file is damaged, and replaces it', async () => {
    root = materialize({ files: { 'src/ai.ts': AI_MODULE, 'src/visit.ts': VISIT } });
    const cacheFile = path.join(root, DEFAULT_CACHE_FILE);
    fs.writeFileSync(cacheFile, 'not a cache');
    const damaged = await scan(['--cache']);
    assert.deepStrictEqual(damaged.findings, ['src/visit.ts:3 no-phi-to-ai']);
    assert.match(damaged.stderr, /^phi-guard: \.phi-guard-cache: the cache was not used: it is not a PHI Guard cache, or it is damaged; every file was analysed afresh \(the scan replaces it\)\n$/);
    assert.ok(readAnalysesCache(cacheFile, 'test-engine').persisted, 'a good cache replaced it');
    assert.strictEqual((await scan(['--cache'])).stderr, '');
  });

  it('analyses afresh, saying why, when the cache holds analyses of another shape than this engine writes', async () => {
    root = materialize({ files: { 'src/ai.ts': AI_MODULE, 'src/visit.ts': VISIT } });
    await scan(['--cache']);
    const cacheFile = path.join(root, DEFAULT_CACHE_FILE);
    const cache = v8.deserialize(fs.readFileSync(cacheFile)) as { persisted: { analyses: { result: unknown }[] } };
    cache.persisted.analyses[1]!.result = 'tampered';
    fs.writeFileSync(cacheFile, v8.serialize(cache));
    const tampered = await scan(['--cache']);
    assert.deepStrictEqual(tampered.findings, ['src/visit.ts:3 no-phi-to-ai']);
    assert.match(tampered.stderr, /^phi-guard: \.phi-guard-cache: the cache was not used: it holds data this version did not write \(analysis 2 of \d+ is not one this engine writes\); every file was analysed afresh \(the scan replaces it\)\n$/);
    assert.strictEqual((await scan(['--cache'])).stderr, '', 'the scan replaced it');
  });

  it('does not reuse what another engine (another version or build) wrote', async () => {
    root = materialize({ files: { 'src/ai.ts': AI_MODULE, 'src/visit.ts': VISIT } });
    await scan(['--cache'], 'engine-1');
    const cacheFile = path.join(root, DEFAULT_CACHE_FILE);
    assert.strictEqual(readAnalysesCache(cacheFile, 'engine-2').persisted, undefined);
    assert.ok(readAnalysesCache(cacheFile, 'engine-1').persisted);
    const other = await scan(['--cache'], 'engine-2');
    assert.deepStrictEqual([other.findings, other.stderr], [['src/visit.ts:3 no-phi-to-ai'], '']);
  });

  it('says so when it cannot write the cache, and still reports the scan', async () => {
    root = materialize({ files: { 'src/ai.ts': AI_MODULE, 'src/visit.ts': VISIT, 'blocked/file': 'a file, not a folder' } });
    const result = await scan(['--cache-location', 'blocked/file/cache']);
    assert.deepStrictEqual(result.findings, ['src/visit.ts:3 no-phi-to-ai']);
    assert.match(result.stderr, /^phi-guard: blocked\/file\/cache: the cache was not written \(.+\); the next run analyses every file afresh\n$/);
  });

  it('shares the cache between the threads of a scan: each reuses it, and the report is the one-thread report', async () => {
    const tree: Record<string, string> = { 'src/lib/ai.ts': AI_MODULE, 'src/lib/index.ts': "export * from './ai';\n" };
    // Enough files for two threads (batches of 8).
    for (let i = 0; i < 24; i++) tree[`src/routes/r${i}.ts`] = VISIT.replace("'./ai'", "'../lib'").replace('summarize', `r${i}`);
    root = materialize({ files: tree });
    const { files } = collectFiles({ paths: ['.'], cwd: root, config: DEFAULT_CONFIG, root });
    const inThread = await scanFiles({ files, cwd: root, root, config: DEFAULT_CONFIG, jobs: 1 });
    assert.strictEqual(inThread.findings.length, 24);
    const problems: string[] = [];
    const cache = { file: path.join(root, DEFAULT_CACHE_FILE), engine: 'test-engine', onProblem: (problem: string) => problems.push(problem) };
    const onWorkers = () => scanFiles({ files, cwd: root, root, config: DEFAULT_CONFIG, jobs: 2, workerScript: SOURCE_WORKER, workerExecArgv: ['--require', 'tsx/cjs'], minFilesForWorkers: 1, cache });
    assert.deepStrictEqual(await onWorkers(), inThread, 'cold');
    assert.deepStrictEqual(await onWorkers(), inThread, 'warm');
    assert.deepStrictEqual(await scanFiles({ files, cwd: root, root, config: DEFAULT_CONFIG, jobs: 1, cache }), inThread, 'warm, one thread');
    fs.writeFileSync(path.join(root, 'src/lib/ai.ts'), QUIET_MODULE);
    assert.deepStrictEqual((await onWorkers()).findings, [], 'the shared module changed');
    assert.deepStrictEqual(problems, []);
  });

  it('is shared with `phi-guard inventory`, which reuses the scan\'s analyses and keeps the cache for the next scan', async () => {
    root = materialize({ files: { 'src/ai.ts': AI_MODULE, 'src/visit.ts': VISIT } });
    const cacheFile = path.join(root, DEFAULT_CACHE_FILE);
    const inventory = async () => {
      const stdout = capture();
      const stderr = capture();
      await runInventory(parseCliArgs(['inventory', '--format', 'json', '--cache']) as InventoryCommand, { cwd: root, stdout, stderr, color: false }, 'test-engine');
      const document = JSON.parse(stdout.text()) as { vendors: { package: string; phiCategories: string[] }[] };
      return [document.vendors.map((v) => `${v.package} ${v.phiCategories.join(',')}`), stderr.text()];
    };
    await scan(['--cache']);
    const past = new Date('2020-01-01T00:00:00Z');
    fs.utimesSync(cacheFile, past, past);
    assert.deepStrictEqual(await inventory(), [['openai name'], '']);
    assert.strictEqual(fs.statSync(cacheFile).mtimeMs, past.getTime(), 'every analysis was reused: nothing to write');
    fs.writeFileSync(path.join(root, 'src/ai.ts'), QUIET_MODULE);
    assert.deepStrictEqual(await inventory(), [[], '']);
    assert.notStrictEqual(fs.statSync(cacheFile).mtimeMs, past.getTime(), 'the inventory wrote its new analyses');
    assert.deepStrictEqual((await scan(['--cache'])).findings, []);
  });

  it('names the engine by its version and its bundle\'s code: another build is another engine', () => {
    root = materialize({ files: { 'a.js': 'engine one', 'b.js': 'engine two', 'c.js': 'engine one' } });
    const [a, b, c] = ['a.js', 'b.js', 'c.js'].map((name) => engineIdentity(path.join(root, name)));
    assert.strictEqual(a, c);
    assert.notStrictEqual(a, b);
    assert.match(a!, new RegExp(`^${TOOL_VERSION.replace(/\./g, '\\.')}\\+[0-9a-f]{40}$`));
    assert.match(engineIdentity(path.join(root, 'missing.js')), /\+unknown$/);
  });

  it('puts the cache in a folder --cache-location names, or at the file it names', () => {
    root = materialize({ files: { 'tmp/keep': '' } });
    assert.strictEqual(cacheFilePath(root, undefined), path.join(root, DEFAULT_CACHE_FILE));
    assert.strictEqual(cacheFilePath(root, 'tmp'), path.join(root, 'tmp', DEFAULT_CACHE_FILE));
    assert.strictEqual(cacheFilePath(root, 'tmp/scan.cache'), path.join(root, 'tmp/scan.cache'));
  });
});
