import * as assert from 'assert';
import { parseCliArgs, type InventoryCommand } from '../../../src/cli/cliArgs';
import { EXIT_OK, EXIT_USAGE } from '../../../src/cli/exitCodes';
import { runInventory } from '../../../src/cli/runInventory';
import { materialize, removeTree } from './fixtures/fixtureTrees';

function capture() {
  const out: string[] = [];
  return { write: (text: string) => out.push(text), text: () => out.join('') };
}

const PROJECT = {
  'package.json': JSON.stringify({ name: 'clinic', dependencies: { openai: '^5.0.0' } }),
  'package-lock.json': JSON.stringify({ lockfileVersion: 3, packages: { 'node_modules/openai': { version: '5.2.1' } } }),
  'src/ai.ts': "import OpenAI from 'openai';\nconst openai = new OpenAI();\nexport async function ask(prompt: string) {\n  return openai.chat.completions.create({ model: 'x', messages: [{ role: 'user', content: prompt }] });\n}\n",
  'src/route.ts': "import { ask } from './ai';\nexport async function h(patient: { diagnosis: string; email: string }) {\n  await ask(patient.diagnosis);\n  // phi-guard-allow no-phi-in-logs -- audit log, retention policy 7y\n  console.log(patient.email);\n}\n",
};

describe('cli runInventory', () => {
  let root: string;
  afterEach(() => removeTree(root));

  async function inventory(argv: string[]) {
    const stdout = capture();
    const stderr = capture();
    const command = parseCliArgs(['inventory', ...argv]) as InventoryCommand;
    const code = await runInventory(command, { cwd: root, stdout, stderr, color: false });
    return { code, stdout: stdout.text(), stderr: stderr.text() };
  }

  it('lists AI vendors with version, call sites and the PHI that reaches them across files, and suppressions (JSON)', async () => {
    root = materialize({ files: PROJECT });
    const { code, stdout } = await inventory(['--format', 'json']);
    assert.strictEqual(code, EXIT_OK);
    const inv = JSON.parse(stdout);
    assert.deepStrictEqual(inv.vendors.map((v: { name: string; package: string; version: string; phiCategories: string[] }) => [v.name, v.package, v.version, v.phiCategories]), [['OpenAI', 'openai', '5.2.1', ['diagnosis']]]);
    assert.deepStrictEqual(inv.suppressions.map((s: { file: string; reason: string }) => [s.file, s.reason]), [['src/route.ts', 'audit log, retention policy 7y']]);
  });

  it('names the comment of each suppression: beside the flow, or at the sink of a helper it reviews for every caller', async () => {
    const reviewed = PROJECT['src/ai.ts'].replace('  return openai', '  // phi-guard-allow no-phi-to-ai -- Azure OpenAI under BAA #7\n  return openai');
    root = materialize({ files: { ...PROJECT, 'src/ai.ts': reviewed } });
    const json = JSON.parse((await inventory(['--format', 'json'])).stdout);
    assert.deepStrictEqual(json.suppressions.map((s: { file: string; line: number; reason: string; comment: { file: string; line: number } }) => [s.file, s.line, s.reason, s.comment.file, s.comment.line]), [
      ['src/route.ts', 3, 'Azure OpenAI under BAA #7', 'src/ai.ts', 4],
      ['src/route.ts', 5, 'audit log, retention policy 7y', 'src/route.ts', 4],
    ]);
    const markdown = (await inventory([])).stdout;
    assert.match(markdown, /\| `src\/route\.ts:3` \| no-phi-to-ai \| OpenAI `chat\.completions\.create` \| Clinical: Diagnosis \/ condition \| Azure OpenAI under BAA #7 \| `src\/ai\.ts:4` \|/);
    assert.match(markdown, /\| audit log, retention policy 7y \| beside it \|/);
  });

  it("lists each policy file's exceptions, from the nearest policy of every analysed file (a package's own too)", async () => {
    const files = {
      ...PROJECT,
      '.phi-guard.json': JSON.stringify({ allowedCategories: { 'no-phi-in-logs': ['other-id'] }, notPhiNames: ['cold'] }),
      'packages/billing/.phi-guard.json': JSON.stringify({ sanitizers: ['scrubForVendor'] }),
      'packages/billing/src/claim.ts': 'export function f(patientId: string) { console.log(`Patient/${patientId}`); }\n',
      'packages/empty/.phi-guard.json': JSON.stringify({ phiNames: { mbrNo: 'health-plan' } }),
      'packages/empty/src/x.ts': 'export const x = 1;\n',
    };
    root = materialize({ files });
    const json = JSON.parse((await inventory(['--format', 'json'])).stdout);
    assert.deepStrictEqual(json.policyExceptions, [
      { file: '.phi-guard.json', allowedCategories: { 'no-phi-in-logs': ['other-id'] }, notPhiNames: ['cold'], sanitizers: [] },
      { file: 'packages/billing/.phi-guard.json', allowedCategories: {}, notPhiNames: [], sanitizers: ['scrubForVendor'] },
    ]);
    const markdown = (await inventory([])).stdout;
    assert.match(markdown, /## Policy exceptions \(\.phi-guard\.json\)\n\nFlows these let through are not reported/);
    assert.match(markdown, /\| `\.phi-guard\.json` \| no-phi-in-logs: Safe Harbor \(R\) Other unique identifier \| `cold` \| — \|/);
    removeTree(root);
    root = materialize({ files: PROJECT });
    assert.match((await inventory([])).stdout, /## Policy exceptions \(\.phi-guard\.json\)\n\nNone: /);
  });

  it('writes Markdown with a Mermaid map by default', async () => {
    root = materialize({ files: PROJECT });
    const { code, stdout } = await inventory([]);
    assert.strictEqual(code, EXIT_OK);
    assert.match(stdout, /^# AI & ePHI inventory/);
    assert.match(stdout, /\| OpenAI \| `openai` \| 5\.2\.1 \| 1 \| Diagnosis \/ condition \|/);
    assert.match(stdout, /```mermaid\nflowchart LR/);
  });

  it('rejects an unknown format with a usage error', () => {
    assert.throws(() => parseCliArgs(['inventory', '--format', 'pdf']), /--format must be one of markdown, json/);
    void EXIT_USAGE;
  });
});
