import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_CONFIG, ProjectAnalyzer, nodeProjectHost } from '../../../src/core';
import { projectOnDisk } from '../projectOnDisk';

/** An analyser whose host counts how many times each file is read. */
function countingAnalyser(files: Record<string, string>) {
  const { root } = projectOnDisk(files);
  const reads = new Map<string, number>();
  const disk = nodeProjectHost();
  const host = { ...disk, readFile: (file: string) => (reads.set(path.relative(root, file), (reads.get(path.relative(root, file)) ?? 0) + 1), disk.readFile(file)) };
  const project = new ProjectAnalyzer(host, root, () => DEFAULT_CONFIG, Infinity);
  const flagged = (file: string) => project.analyze(path.join(root, file))!.findings.map((f) => f.expression);
  const readMoreThanOnce = () => [...reads].filter(([, times]) => times > 1).map(([file]) => file);
  return { root, project, reads, flagged, readMoreThanOnce };
}

describe('reading the files of a project', () => {
  const FILES = {
    'src/index.ts': "export * from './logIt';\nexport * from './keep';\n",
    'src/logIt.ts': 'export function logIt(value: unknown) {\n  console.log(value);\n}\n',
    'src/keep.ts': 'export function keep(value: unknown) {\n  return value;\n}\n',
    // page.ts looks `logIt` up through the barrel before either module it re-exports has been analysed.
    'src/page.ts': "import { logIt } from './index';\nexport function page(p: { ssn: string }) {\n  logIt(p.ssn);\n}\n",
    // Asked for first, keep.ts is found sink-free without an analysis; this import then needs its summary.
    'src/saved.ts': "import { keep } from './keep';\nexport function saved(p: { ssn: string }) {\n  localStorage.setItem('p', keep(p.ssn));\n}\n",
    // An import cycle: the first of the two is analysed again once the other is finished.
    'src/ring1.ts': "import { two } from './ring2';\nexport function one(p: { ssn: string }) {\n  console.log(two(p.ssn));\n}\nexport const echo = (v: string) => v;\n",
    'src/ring2.ts': "import { echo } from './ring1';\nexport function two(v: string) {\n  return echo(v);\n}\n",
  };

  it('reads each file once in a generation, whether a look-up, a request or a settled cycle needs it first', () => {
    const { reads, flagged, readMoreThanOnce } = countingAnalyser(FILES);
    assert.deepEqual(flagged('src/keep.ts'), []);
    assert.deepEqual(flagged('src/page.ts'), ['p.ssn']);
    assert.deepEqual(flagged('src/saved.ts'), ['keep(p.ssn)']);
    assert.deepEqual(flagged('src/ring1.ts'), ['two(p.ssn)']);
    for (const file of ['src/index.ts', 'src/logIt.ts', 'src/ring2.ts']) assert.deepEqual(flagged(file), []);
    assert.deepEqual(readMoreThanOnce(), []);
    assert.equal(reads.size, Object.keys(FILES).length);
  });

  it('reads a file again in the next generation, and analyses what it says then', () => {
    const { root, project, reads, flagged } = countingAnalyser(FILES);
    assert.deepEqual(flagged('src/page.ts'), ['p.ssn']);
    fs.writeFileSync(path.join(root, 'src/logIt.ts'), 'export function logIt(value: unknown) {\n  return typeof value;\n}\n');
    project.changed();
    assert.deepEqual(flagged('src/page.ts'), []);
    assert.equal(reads.get('src/logIt.ts'), 2);
  });
});
