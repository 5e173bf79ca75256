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
});
