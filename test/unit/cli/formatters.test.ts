import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type * as Sarif from 'sarif';
import { formatJson } from '../../../src/cli/formatters/jsonFormatter';
import { formatSarif } from '../../../src/cli/formatters/sarifFormatter';
import { formatText } from '../../../src/cli/formatters/textFormatter';
import { scanFiles } from '../../../src/cli/scanFiles';
import type { ReportedFinding, ReportedSuppressedFinding, ScanReport } from '../../../src/cli/scanReport';
import { DEFAULT_CONFIG } from '../../../src/core';
import { fakeAnalyzer } from './fakeAnalyzer';
import { materialize, removeTree } from './fixtures/fixtureTrees';

/** The SARIF 2.1.0 schema as shipped by Microsoft's @microsoft/jest-sarif package (draft-04). */
const SARIF_SCHEMA_PATH = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

function sarifValidator() {
  // The published schema's `language` pattern is not valid with the `u` flag, hence unicodeRegExp: false.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(fs.readFileSync(SARIF_SCHEMA_PATH, 'utf8')));
}

const WORKSPACE = {
  'src/visit.ts': 'const patientName = load();\nai(patientName);\nlog(patientName);\n',
  'src/my notes.ts': 'const mrn = 1;\nurl(mrn);\n// BAD_SUPPRESSION\n',
  'src/clean.ts': 'export const x = 1;\n',
  'src/reviewed.ts': 'const ssn = 1;\nstore(ssn); // ALLOWED encrypted at rest (SEC-3)\n',
};

describe('cli formatters', () => {
  let root: string;
  let report: ScanReport;
  beforeEach(async () => {
    root = materialize({ files: WORKSPACE });
    const files = Object.keys(WORKSPACE).map((f) => path.join(root, f));
    report = await scanFiles({ files, cwd: root, root, config: DEFAULT_CONFIG, jobs: 1, analyze: fakeAnalyzer });
  });
  afterEach(() => removeTree(root));

  describe('text', () => {
    it('prints a stylish-like block per file, notices and a summary', () => {
      const text = formatText(report, { color: false });
      assert.strictEqual(
        text,
        [
          '',
          'src/my notes.ts',
          '  2:5  error  mrn (PHI: name) reaches url()  phi-guard/no-phi-in-url',
          '',
          'src/visit.ts',
          '  2:4  error    patientName (PHI: name) reaches ai()  phi-guard/no-phi-to-ai',
          '  3:5  warning  patientName (PHI: name) reaches log()  phi-guard/no-phi-in-logs',
          '',
          'Notices',
          '  src/my notes.ts:3:4  phi-guard-allow needs a reason',
          '',
          '✖ 3 problems (2 errors, 1 warning) in 4 files analysed; 1 suppressed with a justification',
          '',
        ].join('\n'),
      );
    });

    it('says so when nothing is found, and colours only when asked', () => {
      const empty: ScanReport = { findings: [], suppressed: [], notices: [], filesScanned: 1, filesAnalysed: 1, linesScanned: 1 };
      assert.strictEqual(formatText(empty, { color: false }), '\n✔ No PHI flows found (1 file analysed).\n');
      assert.ok(!formatText(report, { color: false }).includes('\u001b['));
      assert.ok(formatText(report, { color: true }).includes('\u001b[31merror'));
    });
  });

  describe('json', () => {
    it('lists findings with 1-based positions, the sink and the flow', () => {
      const output = JSON.parse(formatJson(report));
      assert.deepStrictEqual(output.findings[1], {
        rule: 'no-phi-to-ai',
        category: 'ai',
        severity: 'error',
        file: 'src/visit.ts',
        line: 2,
        column: 4,
        endLine: 2,
        endColumn: 15,
        message: 'patientName (PHI: name) reaches ai()',
        phiCategories: ['name'],
        sink: { package: 'fake-sdk', api: 'ai' },
        flow: [
          { file: 'src/visit.ts', line: 1, column: 7, note: 'patientName is a patient name' },
          { file: 'src/visit.ts', line: 2, column: 4, note: 'passed to ai()' },
        ],
      });
      assert.strictEqual(output.findings.length, 3);
      assert.deepStrictEqual(output.summary, { filesScanned: 4, filesAnalysed: 4, lines: 13 });
      assert.deepStrictEqual(output.suppressed.map((f: { file: string; line: number; rule: string; justification: string; suppressedAt: unknown }) => [f.file, f.line, f.rule, f.justification, f.suppressedAt]), [
        ['src/reviewed.ts', 2, 'no-unencrypted-phi-storage', 'encrypted at rest (SEC-3)', { file: 'src/reviewed.ts', line: 2, column: 13 }],
      ]);
      assert.deepStrictEqual(output.notices, [{ kind: 'suppression', file: 'src/my notes.ts', line: 3, column: 4, message: 'phi-guard-allow needs a reason' }]);
    });
  });

  describe('sarif', () => {
    const sarif = (r: ScanReport = report): Sarif.Log => JSON.parse(formatSarif(r, { cwd: root, config: DEFAULT_CONFIG }));

    it('validates against the SARIF 2.1.0 JSON schema, with and without findings', () => {
      const validate = sarifValidator();
      for (const log of [sarif(), sarif({ findings: [], suppressed: [], notices: [], filesScanned: 0, filesAnalysed: 0, linesScanned: 0 })]) {
        assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
      }
    });

    it('catches a broken log (the validator is live)', () => {
      const validate = sarifValidator();
      const broken = sarif() as unknown as { runs: { results: { locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] };
      broken.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
      assert.strictEqual(validate(broken), false);
    });

    it('describes the four rules with ids, help links and levels from the configured severities', () => {
      const rules = sarif().runs[0].tool.driver.rules ?? [];
      assert.deepStrictEqual(rules.map((r) => [r.id, r.defaultConfiguration?.level]), [
        ['phi-guard/no-phi-to-ai', 'error'],
        ['phi-guard/no-phi-in-logs', 'warning'],
        ['phi-guard/no-unencrypted-phi-storage', 'error'],
        ['phi-guard/no-phi-in-url', 'error'],
      ]);
      assert.ok(rules.every((r) => r.helpUri === `https://github.com/phi-guard/phi-guard/blob/main/docs/rules/${r.name}.md` && r.shortDescription?.text));
    });

    it('gives results a location relative to %SRCROOT%, a code flow from the flow steps and a fingerprint', () => {
      const run = sarif().runs[0];
      assert.strictEqual(run.originalUriBaseIds?.['%SRCROOT%'].uri, `file://${root}/`);
      const result = (run.results ?? [])[0];
      assert.strictEqual(result.ruleId, 'phi-guard/no-phi-in-url');
      assert.strictEqual(result.ruleIndex, 3);
      assert.deepStrictEqual(result.locations?.[0].physicalLocation?.artifactLocation, { uri: 'src/my%20notes.ts', uriBaseId: '%SRCROOT%' });
      assert.deepStrictEqual(result.locations?.[0].physicalLocation?.region, { startLine: 2, startColumn: 5, endLine: 2, endColumn: 8 });
      const steps = result.codeFlows?.[0].threadFlows[0].locations.map((l) => [l.location?.physicalLocation?.region?.startLine, l.location?.message?.text]);
      assert.deepStrictEqual(steps, [[1, 'mrn is a patient name'], [2, 'passed to url()']]);
      assert.match(result.partialFingerprints?.['phiGuardFinding/v1'] ?? '', /^[0-9a-f]{32}$/);
    });

    it('gives a suppressed flow its justification and the comment\'s place, and the fingerprint it had when open', () => {
      const results = sarif().runs[0].results ?? [];
      const reviewed = results.filter((r) => r.suppressions);
      assert.deepStrictEqual(reviewed.map((r) => [r.ruleId, r.locations?.[0].physicalLocation?.region?.startLine, r.suppressions]), [
        ['phi-guard/no-unencrypted-phi-storage', 2, [{ kind: 'inSource', status: 'accepted', justification: 'encrypted at rest (SEC-3)', location: { physicalLocation: { artifactLocation: { uri: 'src/reviewed.ts', uriBaseId: '%SRCROOT%' }, region: { startLine: 2, startColumn: 13 } } } }]],
      ]);
      // The same scan as if the comment were not there: the flow open, with the fingerprint the suppression must keep.
      const asOpen = ({ justification: _justification, suppressedAt: _at, ...finding }: ReportedSuppressedFinding): ReportedFinding => finding;
      const open: ScanReport = { ...report, findings: [...report.findings, ...report.suppressed.map(asOpen)], suppressed: [] };
      const fingerprintOf = (log: Sarif.Log) => (log.runs[0].results ?? []).find((r) => r.ruleId === 'phi-guard/no-unencrypted-phi-storage')?.partialFingerprints?.['phiGuardFinding/v1'];
      assert.strictEqual(fingerprintOf(sarif()), fingerprintOf(sarif(open)));
    });

    it('keeps fingerprints when lines move and separates repeated identical flows', async () => {
      const before = sarif().runs[0].results ?? [];
      fs.writeFileSync(path.join(root, 'src/visit.ts'), `// a new header line\n${WORKSPACE['src/visit.ts']}ai(patientName);\n`);
      const moved = await scanFiles({ files: Object.keys(WORKSPACE).map((f) => path.join(root, f)), cwd: root, root, config: DEFAULT_CONFIG, jobs: 1, analyze: fakeAnalyzer });
      const after = sarif(moved).runs[0].results ?? [];
      const fingerprints = (results: Sarif.Result[]) => results.map((r) => r.partialFingerprints?.['phiGuardFinding/v1']);
      assert.deepStrictEqual(fingerprints(after).slice(0, before.length), fingerprints(before));
      assert.strictEqual(new Set(fingerprints(after)).size, after.length);
    });
  });
});
