import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { DEFAULT_CONFIG, ProjectAnalyzer, nodeProjectHost, type ProjectHost } from '../../../src/core';
import { projectOnDisk } from '../projectOnDisk';
import { syntaxNodesReachable } from '../syntaxNodesReachable';

const CYCLE = {
  'a.ts': "import { again } from './b';\nexport function logIt(x: unknown) { console.log(x); }\nexport function f(value: string) { again(value); }\n",
  'b.ts': "import { logIt } from './a';\nexport function again(v: unknown) { logIt(v); }\nexport function g(mrn: string) { logIt(mrn); }\n",
  'route.ts': "import { f } from './a';\nexport function h(patient: { ssn: string }) { f(patient.ssn); }\n",
};

describe('what a project analyser keeps between requests', () => {
  it('keeps no syntax tree: not the ones it parsed to settle an import cycle, nor one adopted from ESLint', () => {
    const { root, file } = projectOnDisk(CYCLE);
    const project = new ProjectAnalyzer(nodeProjectHost(), root, () => DEFAULT_CONFIG);
    // route.ts → a.ts → b.ts, which reads a.ts's unfinished summary: b.ts is analysed again once a.ts is done.
    assert.deepEqual(project.analyze(file('route.ts'))!.findings.map((f) => f.expression), ['patient.ssn']);
    const text = fs.readFileSync(file('b.ts'), 'utf8');
    const adopted = ts.createSourceFile(file('b.ts'), text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    assert.deepEqual(project.analyze(file('b.ts'), text, adopted)!.findings.map((f) => f.expression), ['mrn']);

    assert.ok(syntaxNodesReachable({ adopted }).length > 0, 'the walk finds a tree where there is one');
    assert.deepEqual(syntaxNodesReachable(project), []);
  });
});

describe('when a project analyser checks files again', () => {
  const realNow = Date.now;
  let clock = 0;
  beforeEach(() => {
    clock = 1_000_000;
    Date.now = () => clock;
  });
  afterEach(() => {
    Date.now = realNow;
  });

  /** The file system, recording which files were stat'ed for a change stamp or an existence check. */
  function statRecordingHost(): ProjectHost & { stats: string[] } {
    const fileSystem = nodeProjectHost();
    const stats: string[] = [];
    return {
      ...fileSystem,
      stats,
      version: (f) => (stats.push(path.basename(f)), fileSystem.version!(f)),
      fileExists: (f) => (stats.push(path.basename(f)), fileSystem.fileExists(f)),
    };
  }

  const files = {
    'lib.ts': 'export function logIt(x: unknown) { console.log(x); }\n',
    'a.ts': "import { logIt } from './lib';\nexport function f(ssn: string) { logIt(ssn); }\n",
    'b.ts': "import { logIt } from './lib';\nexport function g(mrn: string) { logIt(mrn); }\n",
  };

  it('trusts what it checked while requests keep coming, however long one of them took', () => {
    const { root, file } = projectOnDisk(files);
    const host = statRecordingHost();
    // Analysing lib.ts (the import a.ts needs first) takes five seconds: a long run of ESLint over a project.
    const slowHost: ProjectHost = { ...host, readFile: (f) => ((clock += f.endsWith('lib.ts') ? 5_000 : 0), host.readFile(f)) };
    const project = new ProjectAnalyzer(slowHost, root, () => DEFAULT_CONFIG, 1_000);
    assert.deepEqual(project.analyze(file('a.ts'))!.findings.map((f) => f.expression), ['ssn']);
    host.stats.length = 0;
    assert.deepEqual(project.analyze(file('b.ts'), files['b.ts'])!.findings.map((f) => f.expression), ['mrn']);
    assert.deepEqual(host.stats, [], 'lib.ts and the import are trusted, and b.ts came with its text (no stamp taken)');
  });

  it('reads a file analysed from a given text again when an importer checks it, and keeps its stamp once the texts agree', () => {
    const { root, file } = projectOnDisk(files);
    const reads: string[] = [];
    const host: ProjectHost = { ...nodeProjectHost(), readFile: (f) => (reads.push(path.basename(f)), fs.readFileSync(f, 'utf8')) };
    const project = new ProjectAnalyzer(host, root, () => DEFAULT_CONFIG, 1_000);
    // An editor's ESLint lints lib.ts from an unsaved buffer that no longer logs; the disk still does.
    project.analyze(file('lib.ts'), 'export function logIt(x: unknown) { return x; }\n');
    clock += 5_000;
    assert.deepEqual(project.analyze(file('a.ts'))!.findings.map((f) => f.expression), ['ssn'], 'lib.ts as on disk, not as the buffer was');
    // Given the disk's text, then checked: read once, and from then on its stamp is enough.
    const fresh = new ProjectAnalyzer(host, root, () => DEFAULT_CONFIG, 1_000);
    fresh.analyze(file('lib.ts'), files['lib.ts']);
    clock += 5_000;
    reads.length = 0;
    assert.deepEqual(fresh.analyze(file('a.ts'))!.findings.map((f) => f.expression), ['ssn']);
    assert.deepEqual(reads.sort(), ['a.ts', 'lib.ts'], 'lib.ts read to compare the texts');
    clock += 5_000;
    reads.length = 0;
    fresh.analyze(file('a.ts'));
    assert.deepEqual(reads, [], 'the stamp taken then stands');
  });

  it('checks files again after a pause between requests', () => {
    const { root, file } = projectOnDisk(files);
    const host = statRecordingHost();
    const project = new ProjectAnalyzer(host, root, () => DEFAULT_CONFIG, 1_000);
    project.analyze(file('a.ts'));
    clock += 5_000;
    host.stats.length = 0;
    assert.deepEqual(project.analyze(file('b.ts'), files['b.ts'])!.findings.map((f) => f.expression), ['mrn']);
    assert.ok(host.stats.includes('lib.ts'), `lib.ts is checked again (stats: ${host.stats.join(', ')})`);
  });
});
