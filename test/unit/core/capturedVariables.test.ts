import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG, analyzeSource } from '../../../src/core';
import { Interpreter } from '../../../src/core/analysis/interpreter';
import { parseTree } from '../../../src/core/analysis/parse';

function flagged(code: string): string[] {
  return analyzeSource({ fileName: 'captured.ts', text: code, today: '2026-11-28' }).findings.map((f) => code.slice(f.range.start, f.range.end));
}

/** Whether analysing `code` once left a closure's reading stale, so that the whole file is analysed a second time. */
function needsSecondPass(code: string): boolean {
  const interpreter = new Interpreter(parseTree('captured.ts', code), DEFAULT_CONFIG);
  interpreter.run();
  return interpreter.stale;
}

describe('variables captured by closures', () => {
  it('a function that read a variable before PHI was added to it sees the PHI (second pass)', () => {
    const code = `const seen: string[] = [];
function dump() { console.log(seen); }
dump();
export function record(patient: { ssn: string }) { seen.push(patient.ssn); }
`;
    assert.equal(needsSecondPass(code), true);
    assert.deepEqual(flagged(code), ['seen']);
  });

  it('so does one that read it through a key or with `+=` written later', () => {
    const byKey = `const index: Record<string, string> = {};
function dump() { console.log(index); }
dump();
export function record(patient: { id: string; ssn: string }) { index[patient.id] = patient.ssn; }
`;
    assert.deepEqual(flagged(byKey), ['index']);
    const appended = `let text = '';
function dump() { console.log(text); }
dump();
export function record(patient: { ssn: string }) { text += patient.ssn; }
`;
    assert.deepEqual(flagged(appended), ['text']);
  });

  it('a callback that only adds to a captured array, object or string needs no second pass', () => {
    assert.equal(needsSecondPass(`export function ssns(patients: { ssn: string }[]) {
  const out: string[] = [];
  patients.forEach((p) => { out.push(p.ssn); });
  return out;
}`), false);
    assert.equal(needsSecondPass(`export function byId(patients: { id: string; ssn: string }[]) {
  const out: Record<string, string> = {};
  patients.forEach((p) => { out[p.id] = p.ssn; });
  return out;
}`), false);
    assert.equal(needsSecondPass(`export function joined(patients: { ssn: string }[]) {
  let out = '';
  patients.forEach((p) => { out += p.ssn; });
  return out;
}`), false);
  });

  it('nor does one that tests a captured variable before adding to it (`if (!groups[key]) groups[key] = []`)', () => {
    assert.equal(needsSecondPass(`export function byType(items: { type: string; ssn: string }[]) {
  const groups: Record<string, string[]> = {};
  items.forEach((item) => {
    if (!groups[item.type]) groups[item.type] = [];
    groups[item.type].push(item.ssn);
  });
  return groups;
}`), false);
    assert.equal(needsSecondPass(`export function firstSsns(patients: { ssn: string }[]) {
  const out: string[] = [];
  patients.forEach((p) => { while (out.length < 3 && typeof p.ssn === 'string') { out.push(p.ssn); } });
  return out.length > 2 ? out : [];
}`), false);
    assert.equal(needsSecondPass(`export function uniqueNames(people: { name: string }[]) {
  const names: string[] = [];
  people.forEach((person) => { if (!names.includes(person.name)) names.push(person.name); });
  return names;
}`), false);
  });

  it('nor does a callback returning what `push` returns (the new length, which is no PHI)', () => {
    assert.equal(needsSecondPass(`export function ssns(patients: { ssn: string }[]) {
  const out: string[] = [];
  patients.forEach((p) => out.push(p.ssn));
  return out;
}`), false);
    assert.deepEqual(flagged(`export function f(patient: { ssn: string }, out: string[]) {
  const count = out.push(patient.ssn);
  console.log(count);
  console.log(out);
}`), ['out']);
  });

  it('a closure that uses what `fill` returns (the array), passes the array on in a condition, or reads it, still counts as reading it', () => {
    assert.equal(needsSecondPass(`export function ssns(patients: { ssn: string }[]) {
  const out: string[] = [];
  patients.forEach((p) => { if (out.length > 0 && shouldSend(out)) out.push(p.ssn); });
}`), true);
    assert.equal(needsSecondPass(`export function ssns(patients: { ssn: string }[]) {
  const out: string[] = [];
  patients.forEach((p) => { console.log(out.fill(p.ssn)); });
}`), true);
    assert.equal(needsSecondPass(`export function ssns(patients: { ssn: string }[]) {
  const out: string[] = [];
  patients.forEach((p) => { console.log(out); out.push(p.ssn); });
}`), true);
    assert.equal(needsSecondPass(`export function joined(patients: { ssn: string }[]) {
  let out = '';
  patients.forEach((p) => { console.log(out += p.ssn); });
}`), true);
  });

  it('a closure reads the fields of a captured object or array as the function that made it knew them', () => {
    // The URL field holds the parameter `patientId` (a record key by its name), the label a constant: in the callback,
    // the URL is the record key, not the callback's own first parameter, and the label stays clean.
    const code = `export function fetchAll(patientId: string, labels: string[]) {
  const searches = [{ sourceType: 'MedicationRequest', url: \`MedicationRequest?patient=\${patientId}\` }];
  const search = { sourceType: 'Observation', url: \`Observation?patient=\${patientId}\` };
  labels.forEach((label, index) => {
    console.error(label, searches[index].sourceType, search.sourceType);
    console.error(searches[index].url);
    console.error(search.url);
  });
  for (const s of searches) [1].forEach(() => console.error(s.sourceType));
}
`;
    assert.deepEqual(flagged(code), ['searches[index].url', 'search.url']);
  });
});
