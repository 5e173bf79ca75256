import * as assert from 'assert';
import { inventoryDocument } from '../../../src/core/inventory/inventoryDocument';
import { analysed, SUMMARY_TS } from '../extension/dataFlow/fixtures';

const inputs = [analysed('src/summary.ts', SUMMARY_TS).inventory];
const options = { root: 'clinic-app', generatedAt: '2026-11-28T12:00:00.000Z', commit: '0123456789abcdef0123456789abcdef01234567', versions: { openai: '4.52.7' } };

describe('inventory export', () => {
  it('writes the engine Markdown with date, commit, versions and the Mermaid map', () => {
    const markdown = inventoryDocument(inputs, options, 'markdown');
    assert.match(markdown, /^# AI & ePHI inventory/);
    assert.ok(markdown.includes('2026-11-28T12:00:00.000Z') && markdown.includes('0123456789abcdef0123456789abcdef01234567'));
    assert.match(markdown, /\| OpenAI \| `openai` \| 4\.52\.7 \| 2 \|/);
    assert.ok(markdown.includes('```mermaid'));
    assert.ok(markdown.includes('BAA signed with the log vendor (SEC-42)'));
  });

  it('writes the same inventory as JSON', () => {
    const json = JSON.parse(inventoryDocument(inputs, options, 'json'));
    assert.strictEqual(json.filesAnalysed, 1);
    assert.strictEqual(json.vendors[0].version, '4.52.7');
    assert.deepStrictEqual(json.vendors[0].phiCategories, ['diagnosis']);
    assert.strictEqual(json.suppressions[0].reason, 'BAA signed with the log vendor (SEC-42)');
  });
});
