import * as assert from 'assert';
import { analysed, SUMMARY_TS } from './fixtures';

describe('fileFlows (one file of the workspace map)', () => {
  const record = analysed('src/summary.ts', SUMMARY_TS);
  const summary = record.flows.map((flow) => [flow.status, flow.sink.vendor, flow.line, flow.phiCategories.join('+')]);

  it('lists open flows, suppressed flows with their reason, and AI calls no PHI reaches', () => {
    assert.deepStrictEqual(summary, [
      ['open', 'Console', 5, 'ssn'],
      ['open', 'OpenAI', 6, 'diagnosis'],
      ['suppressed', 'Console', 9, 'name'],
      ['no-phi', 'OpenAI', 7, ''],
    ]);
    assert.strictEqual(record.flows[2]!.reason, 'BAA signed with the log vendor (SEC-42)');
  });

  it('gives every flow a unique id under its file URI and keeps the steps as offsets', () => {
    const ids = record.flows.map((flow) => flow.id);
    assert.strictEqual(new Set(ids).size, ids.length);
    assert.ok(ids.every((id) => id.startsWith('file:///ws/src/summary.ts#')));
    const logFlow = record.flows[0]!;
    assert.strictEqual(SUMMARY_TS.slice(logFlow.range.start, logFlow.range.end), 'patient.ssn');
    assert.strictEqual(logFlow.steps.at(-1)!.kind, 'sink');
  });

  it('says where the engine did not follow the code (nested too deep), and nothing for a file it followed whole', () => {
    const links = Array.from({ length: 450 }, (_, i) => `\n    .andWhere('c${i}', ${i})`).join('');
    const deep = analysed('src/query.ts', `export function q(b: any) {\n  return b.where('x', 1)${links};\n}\n`);
    assert.match(deep.notFollowed ?? '', /^src\/query\.ts:2: PHI Guard did not follow this code/);
    assert.strictEqual(record.notFollowed, undefined);
  });

  it('carries the inventory input for the same file', () => {
    assert.strictEqual(record.inventory.file, 'src/summary.ts');
    assert.strictEqual(record.inventory.findings.length, 2);
    assert.strictEqual(record.inventory.suppressed.length, 1);
    assert.ok(record.inventory.sinkSites.some((site) => site.line === 7 && site.sink.vendor === 'OpenAI'));
  });

  it('is empty for a file without sinks', () => {
    assert.deepStrictEqual(analysed('src/clean.ts', 'export const x = 1;\n').flows, []);
  });
});
