import * as assert from 'node:assert/strict';
import { analyzeSource, buildInventory, inventoryInput, inventoryMarkdown, inventoryMermaid } from '../../../src/core';

const FILES: Record<string, string> = {
  'src/summary.ts': `import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
const openai = new OpenAI();
const anthropic = new Anthropic();
export async function summarize(patient: { name: string; diagnosis: string }) {
  await openai.chat.completions.create({
    model: 'gpt-4o',
    messages: [{ role: 'user', content: \`\${patient.name}: \${patient.diagnosis}\` }],
  });
  // phi-guard-allow no-phi-to-ai -- Anthropic under BAA #7, diagnosis only
  await anthropic.messages.create({ model: 'claude', max_tokens: 9, messages: [{ role: 'user', content: patient.diagnosis }] });
  await openai.embeddings.create({ model: 'e', input: 'guideline text' });
}`,
  'src/log.ts': "export function audit(patient: { ssn: string }) { console.log('audit', patient.ssn); }\n",
};

function inventory() {
  const inputs = Object.entries(FILES).map(([file, text]) => inventoryInput(file, text, analyzeSource({ fileName: file, text, today: '2026-11-28' })));
  return buildInventory(inputs, { root: 'clinic', generatedAt: '2026-11-28T00:00:00Z', commit: 'abc1234', versions: { openai: '5.1.0' } });
}

describe('AI & ePHI inventory', () => {
  it('lists every AI vendor with its call sites, version and the PHI that reaches it', () => {
    const inv = inventory();
    assert.deepEqual(inv.vendors.map((v) => [v.name, v.package, v.version, v.sites.length, v.phiCategories]), [
      ['OpenAI', 'openai', '5.1.0', 2, ['name', 'diagnosis']],
      ['Anthropic', '@anthropic-ai/sdk', undefined, 1, ['diagnosis']],
    ]);
    const [promptSite, embeddingSite] = inv.vendors[0]!.sites;
    assert.deepEqual([promptSite!.line, promptSite!.phiCategories.length > 0, embeddingSite!.line, embeddingSite!.phiCategories], [6, true, 12, []]);
    assert.equal(inv.vendors[1]!.sites[0]!.suppressed, true);
  });

  it('lists logging sinks that receive PHI and the suppressions with their reasons', () => {
    const inv = inventory();
    assert.deepEqual(inv.sinks.map((s) => [s.category, s.vendor, s.api, s.sites.map((x) => `${x.file}:${x.line}`)]), [['log', 'Console', 'console.log', ['src/log.ts:1']]]);
    assert.deepEqual(inv.suppressions.map((s) => [s.file, s.line, s.rule, s.reason]), [['src/summary.ts', 11, 'no-phi-to-ai', 'Anthropic under BAA #7, diagnosis only']]);
  });

  it('renders Markdown with the date, the commit and a Mermaid map', () => {
    const md = inventoryMarkdown(inventory());
    assert.match(md, /Generated 2026-11-28T00:00:00Z at commit `abc1234`/);
    assert.match(md, /\| OpenAI \| `openai` \| 5\.1\.0 \| 2 \| Name, Diagnosis \/ condition \|/);
    // What reaches a vendor only through a reviewed exception is said apart from open flows.
    assert.match(md, /\| Anthropic \| `@anthropic-ai\/sdk` \| unknown \| 1 \| under a reviewed exception: Diagnosis \/ condition \|/);
    assert.match(md, /```mermaid\nflowchart LR/);
    const mermaid = inventoryMermaid(inventory());
    assert.match(mermaid, /phi_diagnosis -\.->\|1\| ai_Anthropic/);
    assert.match(mermaid, /phi_ssn -->\|1\| log_Console_console_log/);
  });

  it('lists a line of code once among a sink\'s sites, however many flows reach it there, and names the package', () => {
    const text = "import * as Sentry from '@sentry/node';\nexport function f(patient: { ssn: string; mrn: string }) { console.log(patient.ssn, patient.mrn); Sentry.captureException(new Error(patient.mrn)); }\n";
    const inv = buildInventory([inventoryInput('src/twice.ts', text, analyzeSource({ fileName: 'src/twice.ts', text, today: '2026-11-28' }))], { root: 'clinic', generatedAt: '2026-11-28T00:00:00Z' });
    assert.equal(inv.sinks.find((s) => s.api === 'console.log')?.sites.length, 2, 'two flows on line 2 (JSON keeps both)');
    const md = inventoryMarkdown(inv);
    assert.match(md, /\| Console `console\.log` \| `src\/twice\.ts:2` \| /);
    assert.match(md, /\| Sentry `[^`]+` \(@sentry\/node\) \| `src\/twice\.ts:2` \| /);
  });

  it('marks a line whose flows are all under a reviewed exception among a sink\'s sites, and the PHI only those carry', () => {
    const text = [
      'export function f(patient: { ssn: string; mrn: string }) {',
      '  console.log(patient.ssn);',
      '  // phi-guard-allow no-phi-in-logs -- audit trail, retention policy AU-7',
      '  console.log(patient.mrn);',
      '}',
      '',
    ].join('\n');
    const inv = buildInventory([inventoryInput('src/audit.ts', text, analyzeSource({ fileName: 'src/audit.ts', text, today: '2026-11-28' }))], { root: 'clinic', generatedAt: '2026-11-28T00:00:00Z' });
    assert.match(inventoryMarkdown(inv), /\| Console `console\.log` \| `src\/audit\.ts:2`, `src\/audit\.ts:4` \(reviewed exception\) \| Social Security number; under a reviewed exception: Medical record number \|/);
  });
});

describe('AI & ePHI inventory: model providers behind frameworks', () => {
  const GENKIT: Record<string, string> = {
    'src/ai/genkit.ts': "import { genkit } from 'genkit';\nimport { googleAI } from '@genkit-ai/googleai';\nexport const ai = genkit({ plugins: [googleAI()], model: 'googleai/gemini-2.0-flash' });\n",
    'src/ai/flows/explain.ts': "import { genkit } from 'genkit';\nconst ai = genkit({});\nexport async function explain(patient: { diagnosis: string }) {\n  return ai.generate({ prompt: `Explain ${patient.diagnosis}` });\n}\n",
    // Mentioned in a comment and a string only: not an import.
    'src/notes.ts': "// we tried '@ai-sdk/openai' once\nexport const NOTE = \"import { openai } from '@ai-sdk/openai'\";\n",
  };
  const build = (files: Record<string, string>, versions: Record<string, string> = {}) =>
    buildInventory(Object.entries(files).map(([file, text]) => inventoryInput(file, text, analyzeSource({ fileName: file, text, today: '2026-11-28' }))), { root: 'clinic', generatedAt: '2026-11-28T00:00:00Z', versions });

  it('names the provider a framework\'s plugin imports, with where and its version; a vendor\'s own SDK has none', () => {
    const inv = build({ ...GENKIT, 'src/direct.ts': FILES['src/summary.ts']! }, { '@genkit-ai/googleai': '1.8.0' });
    const genkit = inv.vendors.find((v) => v.name === 'Genkit');
    assert.deepEqual(genkit?.modelProviders, [{ name: 'Google Gemini', package: '@genkit-ai/googleai', version: '1.8.0', imports: [{ file: 'src/ai/genkit.ts', line: 2, column: 26 }] }]);
    assert.equal(inv.vendors.find((v) => v.name === 'OpenAI')?.modelProviders, undefined);
    const md = inventoryMarkdown(inv);
    assert.match(md, /\| Genkit \| `genkit` \| unknown \| 1 \| Diagnosis \/ condition \| Google Gemini \|/);
    assert.match(md, /\| OpenAI \| `openai` \| unknown \| 2 \| Name, Diagnosis \/ condition \| the vendor \|/);
    assert.match(md, /Models served by: \*\*Google Gemini\*\* \(`@genkit-ai\/googleai` 1\.8\.0, imported at `src\/ai\/genkit\.ts:2`\)\. What the call sites above send goes on to this provider/);
    assert.match(inventoryMermaid(inv), /ai_Genkit_genkit --> model_Google_Gemini\n|ai_Genkit_genkit --> model_Google_Gemini$/);
    assert.match(inventoryMermaid(inv), /model_Google_Gemini\["Model provider: Google Gemini"\]/);
  });

  it('says so when a framework\'s provider is not imported anywhere', () => {
    const inv = build({ 'src/ai/flows/explain.ts': GENKIT['src/ai/flows/explain.ts']!, 'src/notes.ts': GENKIT['src/notes.ts']! });
    assert.deepEqual(inv.vendors.map((v) => [v.name, v.modelProviders]), [['Genkit', []]]);
    const md = inventoryMarkdown(inv);
    assert.match(md, /\| Diagnosis \/ condition \| not found in the code \|/);
    assert.match(md, /Models served by: no model provider package is imported in the analysed files\./);
  });

  it('gives each framework the providers imported for it, and a LangChain model class its own package\'s', () => {
    const inv = build({
      'src/chat.ts': "import { generateText } from 'ai';\nimport { openai } from '@ai-sdk/openai';\nimport { anthropic } from '@ai-sdk/anthropic';\nexport const ask = (patient: { ssn: string }) => generateText({ model: openai('gpt-4o'), prompt: patient.ssn });\n",
      'src/chain.ts': "import { ChatAnthropic } from '@langchain/anthropic';\nimport { ChatOpenAI } from '@langchain/openai';\nconst model = new ChatAnthropic();\nexport const run = (patient: { ssn: string }) => model.invoke(patient.ssn);\nexport const other = new ChatOpenAI();\n",
    });
    assert.deepEqual(inv.vendors.map((v) => [v.name, v.package, v.modelProviders?.map((p) => `${p.name} (${p.package})`)]), [
      ['LangChain', '@langchain/anthropic', ['Anthropic (@langchain/anthropic)']],
      ['Vercel AI SDK', 'ai', ['Anthropic (@ai-sdk/anthropic)', 'OpenAI (@ai-sdk/openai)']],
    ]);
    assert.match(inventoryMarkdown(inv), /What the call sites above send goes on to these providers: they are the parties/);
  });
});

describe('AI & ePHI inventory: an AI API called without an SDK', () => {
  it('says "HTTP request, no SDK" where a package would be, with no version', () => {
    const text = "export async function ask(patient: { diagnosis: string }) {\n  await fetch('https://api.openai.com/v1/chat/completions', { method: 'POST', body: JSON.stringify({ messages: [{ role: 'user', content: patient.diagnosis }] }) });\n}\n";
    const inv = buildInventory([inventoryInput('src/ask.ts', text, analyzeSource({ fileName: 'src/ask.ts', text, today: '2026-11-28' }))], { root: 'clinic', generatedAt: '2026-11-28T00:00:00Z' });
    assert.deepEqual(inv.vendors.map((v) => [v.name, v.package]), [['OpenAI', '<global>']], 'the data keeps the catalog\'s name');
    const md = inventoryMarkdown(inv);
    assert.match(md, /\| OpenAI \| HTTP request, no SDK \| — \| 1 \| Diagnosis \/ condition \| the vendor \|/);
    assert.match(md, /### OpenAI \(HTTP request, no SDK\)/);
    assert.match(inventoryMermaid(inv), /ai_OpenAI__global_\["AI: OpenAI \(HTTP request, no SDK\)"\]/);
  });
});

describe('AI & ePHI inventory: an MCP server', () => {
  it('says its tool results go to the AI client that connects, not to a vendor of its own', () => {
    const text = "import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';\nconst server = new McpServer({ name: 'chart', version: '1.0.0' });\nserver.tool('chart', async () => { const patient = await loadPatient(); return { content: [{ type: 'text', text: patient.diagnosis }] }; });\n";
    const inv = buildInventory([inventoryInput('src/mcp.ts', text, analyzeSource({ fileName: 'src/mcp.ts', text, today: '2026-11-28' }))], { root: 'clinic', generatedAt: '2026-11-28T00:00:00Z' });
    assert.deepEqual(inv.vendors.map((v) => v.name), ['MCP client']);
    const md = inventoryMarkdown(inv);
    assert.match(md, /\| the AI client that connects \|/);
    assert.match(md, /Models served by: whichever AI application connects to this server/);
  });
});
