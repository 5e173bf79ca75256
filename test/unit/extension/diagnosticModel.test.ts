import * as assert from 'assert';
import { describeAnalysisGap, describeFinding, describeSuppressionProblem, DIAGNOSTIC_SOURCE } from '../../../src/extension/diagnosticModel';
import { RULE_DOCS_BASE_URL } from '../../../src/extension/ruleDocs';
import { sampleFinding } from './sampleFinding';

describe('diagnostic model', () => {
  it('shows the value range, the engine message, the rule with its doc link and the severity', () => {
    const finding = sampleFinding();
    const description = describeFinding(finding, 'error');
    assert.ok(description);
    assert.deepStrictEqual(description.range, finding.range);
    assert.strictEqual(description.message, finding.message);
    assert.strictEqual(description.severity, 'error');
    assert.strictEqual(description.source, DIAGNOSTIC_SOURCE);
    assert.deepStrictEqual(description.code, { value: 'no-phi-in-logs', target: `${RULE_DOCS_BASE_URL}no-phi-in-logs.md` });
  });

  it('turns every flow step into related information with its note, in order', () => {
    const finding = sampleFinding();
    const description = describeFinding(finding, 'warning')!;
    assert.deepStrictEqual(description.related.map((step) => step.range), finding.flow.map((step) => step.range));
    assert.deepStrictEqual(description.related.map((step) => step.note), ["1/2 source: 'patient' holds a patient record", '2/2 sink: passed to console.log']);
    assert.ok(description.related.every((step) => step.file === undefined));
  });

  it('keeps the file of a flow step in another file', () => {
    const finding = sampleFinding({ flow: [{ kind: 'return', file: 'lib/patients.ts', range: { start: 3, end: 9 }, note: 'returned by loadPatient' }] });
    assert.strictEqual(describeFinding(finding, 'warning')!.related[0]!.file, 'lib/patients.ts');
  });

  it('shows nothing for a rule switched off', () => {
    assert.strictEqual(describeFinding(sampleFinding(), 'off'), undefined);
  });

  it('shows code the analysis did not follow as information, not as a finding', () => {
    const gap = describeAnalysisGap({ range: { start: 3, end: 9 }, message: 'PHI Guard did not follow this code' });
    assert.deepStrictEqual(gap, { range: { start: 3, end: 9 }, message: 'PHI Guard did not follow this code', severity: 'information', source: DIAGNOSTIC_SOURCE, code: { value: 'not-analysed' }, related: [] });
  });

  it('reports a malformed suppression comment as a warning', () => {
    const problem = describeSuppressionProblem({ rule: undefined, range: { start: 1, end: 5 }, message: 'phi-guard-allow needs a reason after --' });
    assert.deepStrictEqual(problem, { range: { start: 1, end: 5 }, message: 'phi-guard-allow needs a reason after --', severity: 'warning', source: DIAGNOSTIC_SOURCE, code: { value: 'phi-guard-allow' }, related: [] });
  });
});
