import type { Finding } from '../../../src/core';

/** `console.log('Summarizing patient', patient.ssn);` as the engine reports it (hand-built: the plumbing under test
 * must not depend on the engine's heuristics). */
export const SAMPLE_TEXT = "function f(patient) {\n  console.log('Summarizing patient', patient.ssn);\n}\n";
const valueStart = SAMPLE_TEXT.indexOf('patient.ssn');

export function sampleFinding(overrides: Partial<Finding> = {}): Finding {
  return {
    rule: 'no-phi-in-logs',
    category: 'log',
    sink: { id: 'console.log', category: 'log', package: '<global>', api: 'console.log', vendor: 'Console' },
    phiCategories: ['ssn'],
    reasons: [
      { kind: 'name', name: 'ssn', words: ['ssn'] },
      { kind: 'type', typeName: 'Patient' },
    ],
    range: { start: valueStart, end: valueStart + 'patient.ssn'.length },
    sinkRange: { start: SAMPLE_TEXT.indexOf('console.log'), end: valueStart + 'patient.ssn'.length + 1 },
    expression: 'patient.ssn',
    message: "PHI (Social Security number) from 'patient.ssn' is written to the log by console.log.",
    flow: [
      { kind: 'source', range: { start: SAMPLE_TEXT.indexOf('patient'), end: SAMPLE_TEXT.indexOf('patient') + 7 }, note: "'patient' holds a patient record" },
      { kind: 'sink', range: { start: valueStart, end: valueStart + 11 }, note: 'passed to console.log' },
    ],
    fixes: [
      {
        kind: 'deidentify',
        title: "De-identify 'patient.ssn' before it reaches console.log",
        edits: [
          { range: { start: valueStart, end: valueStart + 11 }, newText: "deidentify(patient.ssn, 'ssn')" },
          { range: { start: 0, end: 0 }, newText: "import { deidentify } from 'phi-guard/deid';\n" },
        ],
      },
    ],
    ...overrides,
  };
}
