import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_CONFIG, ProjectAnalyzer, nodeProjectHost } from '../../../src/core';
import { projectOnDisk } from '../projectOnDisk';

/** An analyser that records the files it analyses (the configuration is asked for once per analysis). */
function analyser(files: Record<string, string>) {
  const { root } = projectOnDisk(files);
  const analysed: string[] = [];
  const project = new ProjectAnalyzer(nodeProjectHost(), root, (file) => (analysed.push(path.relative(root, file)), DEFAULT_CONFIG));
  const analyze = (file: string, text?: string) => project.analyze(path.join(root, file), text)!;
  return { root, project, analysed, analyze, flagged: (file: string) => analyze(file).findings.map((f) => f.expression) };
}

const FORMAT = `export function formatName(p: { firstName: string }) {
  return p.firstName.trim();
}
`;

describe('cross-file analysis of sink-free files', () => {
  it('answers a request for a file that reaches no sink without analysing it', () => {
    const { analysed, analyze } = analyser({ 'src/format.ts': FORMAT, 'src/card.tsx': "import { formatName } from './format';\nexport const Card = ({ patient }: { patient: { firstName: string } }) => <b>{formatName(patient)}</b>;\n" });
    const result = analyze('src/card.tsx');
    assert.deepEqual(result.findings, []);
    assert.equal(result.summary, undefined);
    // The import's summary decided it; the file itself was not analysed (its configuration asked once, for its size limit).
    assert.deepEqual(analysed, ['src/format.ts', 'src/card.tsx']);
    assert.deepEqual(analyze('src/format.ts').findings, []);
  });

  it('analyses a sink-free file when another file imports it, and finds what flows through it', () => {
    const { analyze, flagged } = analyser({
      'src/format.ts': FORMAT,
      'src/log.ts': "import { formatName } from './format';\nexport function h(patient: { firstName: string }) {\n  console.log(formatName(patient));\n}\n",
    });
    assert.equal(analyze('src/format.ts').summary, undefined);
    assert.deepEqual(flagged('src/log.ts'), ['formatName(patient)']);
    assert.ok(analyze('src/format.ts').summary?.exports.formatName, 'the import made the summary');
  });

  it('analyses a file whose import reaches a sink, and a file that names one', () => {
    const { flagged } = analyser({
      'src/logIt.ts': 'export function logIt(value: unknown) {\n  console.log(value);\n}\n',
      'src/a.ts': "import { logIt } from './logIt';\nexport function a(patient: { ssn: string }) {\n  logIt(patient.ssn);\n}\n",
      'src/b.ts': 'export function b(patient: { ssn: string }) {\n  window.localStorage.setItem("p", patient.ssn);\n}\n',
    });
    assert.deepEqual(flagged('src/a.ts'), ['patient.ssn']);
    assert.deepEqual(flagged('src/b.ts'), ['patient.ssn']);
  });

  it('decides again when an import it relied on changes', () => {
    const { root, project, flagged } = analyser({
      'src/helper.ts': 'export function keep(value: unknown) {\n  return value;\n}\n',
      'src/page.ts': "import { keep } from './helper';\nexport function page(patient: { ssn: string }) {\n  keep(patient.ssn);\n}\n",
    });
    assert.deepEqual(flagged('src/page.ts'), []);
    fs.writeFileSync(path.join(root, 'src/helper.ts'), 'export function keep(value: unknown) {\n  console.log(value);\n  return value;\n}\n');
    project.changed();
    assert.deepEqual(flagged('src/page.ts'), ['patient.ssn']);
    assert.deepEqual(project.dependenciesOf(path.join(root, 'src/page.ts')), [path.join(root, 'src/helper.ts')]);
  });

  it('analyses a file whose look-ups read a summary not finished yet (a barrel that re-exports the file itself)', () => {
    const { analyze } = analyser({
      'src/index.ts': "export * from './page';\nexport * from './helper';\n",
      // page.ts re-exports a module in turn, so it may export any name: the look-up of `helper` reads page.ts first.
      'src/page.ts': "import { helper } from './index';\nexport * from './shapes';\nexport function page(p: { ssn: string }) {\n  return helper(p.ssn);\n}\n",
      'src/shapes.ts': 'export interface Shape {\n  id: string;\n}\n',
      'src/helper.ts': 'export function helper(x: string) {\n  return x;\n}\n',
    });
    const result = analyze('src/page.ts');
    assert.deepEqual(result.findings, []);
    assert.ok(result.summary?.exports.page, 'analysed, not taken for sink-free on a summary of its own not made yet');
  });

  it('leaves a minified or too large sink-free text to the analysis, which skips it with its notice', () => {
    const minified = `export const table = [${Array.from({ length: 8_000 }, (_, i) => i).join(',')}];\n`;
    const { analyze } = analyser({ 'src/table.ts': minified });
    assert.equal(analyze('src/table.ts').skipped?.reason, 'minified');
  });

  it('parses no sink-free file, so reports no syntax error in one', () => {
    const { analyze } = analyser({ 'src/quiet.ts': 'export function f( {\n', 'src/logs.ts': 'export function f( {\n  console.log(f);\n' });
    assert.deepEqual(analyze('src/quiet.ts').parseProblems, []);
    assert.ok(analyze('src/logs.ts').parseProblems.length > 0);
  });

  it('decides on the text it is given, not the one on disk', () => {
    const { analyze } = analyser({ 'src/page.ts': 'export function page(patient: { ssn: string }) {\n  return patient.ssn;\n}\n' });
    assert.deepEqual(analyze('src/page.ts').findings, []);
    const edited = 'export function page(patient: { ssn: string }) {\n  console.log(patient.ssn);\n}\n';
    assert.deepEqual(analyze('src/page.ts', edited).findings.map((f) => f.expression), ['patient.ssn']);
  });

  it('shares no sink-free entry with another thread, and takes another thread\'s analysis over one', () => {
    const files = { 'src/format.ts': FORMAT };
    const first = analyser(files);
    const second = analyser(files);
    const file = path.join(first.root, 'src/format.ts');
    first.analyze('src/format.ts');
    assert.equal(first.project.shareAnalysis(file), undefined);
    // The second analyser analyses the file for an importer, then shares it; the first adopts it.
    const importer = "import { formatName } from './format';\nexport const n = (p: { firstName: string }) => console.log(formatName(p));\n";
    fs.writeFileSync(path.join(second.root, 'src/importer.ts'), importer);
    second.analyze('src/importer.ts');
    const shared = second.project.shareAnalysis(path.join(second.root, 'src/format.ts'))!;
    assert.ok(shared, 'the importer\'s analysis of format.ts is shared');
    assert.equal(first.project.adoptAnalysis({ ...shared, file }), true);
    assert.ok(first.analyze('src/format.ts').summary?.exports.formatName);
  });
});
