import * as assert from 'node:assert/strict';
import { toLineFindings } from '../../../scripts/eval/lineFindings';

describe('eval: toLineFindings', () => {
  it('places a finding on the line where its range starts, even when the value spans lines', () => {
    const text = ['const a = 1;', 'logger.info({', '  name: patient.name,', '});'].join('\n');
    const start = text.indexOf('patient.name');
    const multiLineStart = text.indexOf('{');
    const findings = toLineFindings(text, [
      { range: { start, end: start + 12 }, category: 'log', message: 'name in log' },
      { range: { start: multiLineStart, end: text.length }, category: 'log', message: 'object in log' },
    ]);
    assert.deepEqual(findings, [
      { line: 3, category: 'log', message: 'name in log' },
      { line: 2, category: 'log', message: 'object in log' },
    ]);
  });
});
