import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeSource } from '../../../src/core';

/** Names Object.prototype (or a function, an array, a promise) has: looked up in a plain object, they answer. */
const PROTOTYPE_NAMES = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', '__proto__', 'prototype', 'then', 'length', 'name', 'call', 'apply', 'bind'];
const OTHER_NAMES = ['patient', 'ssn', 'email', 'data', 'Patient', 'default'];

/** Code that makes the engine look a name up in its catalogs, tables and summaries, in every way it does. */
const TEMPLATES: readonly ((n: string) => string)[] = [
  (n) => `async function f(medplum: any, id: string) { const r = await medplum.readResource('${n}', id); console.log(r.${n}, r['${n}']); }`,
  (n) => `import type { Patient } from 'fhir/r4';\nfunction f(p: Patient) { console.log(p.${n}, p.name?.[0]?.${n}); }`,
  (n) => `function f(patient: any) { const { ${n}: value } = patient; console.log(value, patient.${n}(), patient.${n}.${n}); }`,
  (n) => `interface ${n === 'default' ? 'D' : n} { ssn: string }\nfunction f(x: ${n === 'default' ? 'D' : n}) { console.log(x); }`,
  (n) => `const o = { ${JSON.stringify(n)}: 1, ssn: '1' };\nexport { o as ${n === 'default' ? 'd' : n} };\nmodule.exports.${n} = o;\nexports.${n} = () => o;`,
  (n) => `class C { ${n}(p: { ssn: string }) { console.log(p.ssn); } static ${n === 'prototype' ? 'proto' : n} = 1 }\nnew C().${n}({ ssn: '1' });`,
  (n) => `import { ${n === 'default' ? 'd' : n} as imported } from 'openai';\nimport * as ns from 'pino';\nconsole.log(imported, ns.${n});`,
  (n) => `const ${n === 'default' ? 'd' : n}Name = 'x'; const patient${n} = 'y'; function ${n === 'default' ? 'd' : n}Ssn(v: string) { return v; } console.log(${n === 'default' ? 'd' : n}Name, patient${n});`,
];

describe('names Object.prototype has', () => {
  it('never fail an analysis, wherever the analysed code uses them', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PROTOTYPE_NAMES, ...OTHER_NAMES), fc.constantFrom(...TEMPLATES), (name, template) => {
        const code = template(name);
        const result = analyzeSource({ fileName: 'names.ts', text: code, today: '2026-11-30' });
        assert.equal(result.skipped, undefined, `${result.skipped?.message}\n${code}`);
      }),
      { numRuns: 300 },
    );
  });
});
