import * as assert from 'assert';
import { formatJson } from '../../../src/cli/formatters/jsonFormatter';
import { formatText } from '../../../src/cli/formatters/textFormatter';
import type { ReportedFinding, ScanReport } from '../../../src/cli/scanReport';
import { MIN_SHARED_FINDINGS, sharedSinks } from '../../../src/cli/sharedSinks';

/** A log finding reported at `file:line`, whose flow ends at `sinkFile:sinkLine`. */
function finding(file: string, line: number, sinkFile: string, sinkLine: number): ReportedFinding {
  return {
    rule: 'no-phi-in-logs', category: 'log', severity: 'warning', file, line, column: 3, endLine: line, endColumn: 9,
    message: 'PHI in `patient` is written to Console `console.log`.', phiCategories: ['name'],
    sink: { id: 'console.log', package: '<global>', api: 'console.log', vendor: 'Console' }, expression: 'patient',
    flow: [
      { kind: 'source', file, line, column: 3, note: '`patient` is typed `Patient`' },
      { kind: 'sink', file: sinkFile, line: sinkLine, column: 15, note: 'written to Console `console.log`' },
    ],
  };
}

function report(findings: ReportedFinding[]): ScanReport {
  return { findings, suppressed: [], notices: [], filesScanned: 20, filesAnalysed: 20, linesScanned: 2000 };
}

describe('shared sinks', () => {
  // 12 callers in 6 files reach the audit helper's log; 9 reach the cache helper's; 5 log where they are reported.
  const findings = [
    ...Array.from({ length: 12 }, (_, i) => finding(`src/routes/r${i % 6}.ts`, 10 + i, 'src/util/audit.ts', 40)),
    ...Array.from({ length: MIN_SHARED_FINDINGS - 1 }, (_, i) => finding(`src/jobs/j${i}.ts`, 5, 'src/util/cache.ts', 7)),
    ...Array.from({ length: 5 }, (_, i) => finding(`src/direct${i}.ts`, 4, `src/direct${i}.ts`, 4)),
  ];

  it('lists the helpers\' sinks that at least MIN_SHARED_FINDINGS findings flow into, with how many and from how many files', () => {
    assert.deepStrictEqual(sharedSinks(findings), [{ file: 'src/util/audit.ts', line: 40, column: 15, sink: 'Console `console.log`', findings: 12, files: 6 }]);
  });

  it('prints them after the findings in the text output, and nothing when there are none', () => {
    const text = formatText(report(findings), { color: false });
    const lines = text.split('\n');
    const heading = lines.findIndex((line) => line.startsWith('Shared sinks'));
    assert.ok(heading > 0 && lines[heading]!.includes('phi-guard-allow'), text);
    assert.strictEqual(lines[heading + 1], '  src/util/audit.ts:40:15  Console `console.log`  12 findings in 6 files');
    assert.ok(lines[heading - 2]!.includes('phi-guard/no-phi-in-logs'), 'after the last finding');
    assert.ok(!formatText(report(findings.slice(12)), { color: false }).includes('Shared sinks'));
  });

  it('gives them in the JSON output too, an empty list when there are none', () => {
    assert.deepStrictEqual(JSON.parse(formatJson(report(findings))).sharedSinks, sharedSinks(findings));
    assert.deepStrictEqual(JSON.parse(formatJson(report(findings.slice(12)))).sharedSinks, []);
  });
});
