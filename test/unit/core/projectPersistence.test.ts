import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { AnalysisMemory, DEFAULT_CONFIG, ProjectAnalyzer, nodeProjectHost, type PersistedAnalyses, type PhiGuardConfig } from '../../../src/core';
import { parseTree } from '../../../src/core/analysis/parse';
import { projectOnDisk } from '../projectOnDisk';
import { AI_WRAPPER, FLAT as FILES, NESTED, QUIET, ROUTE } from './barrelFixtures';

/** A CLI scan's analyser: one generation, files not re-checked during the run. */
const ONE_GENERATION = Infinity;


describe('persisted analyses (the CLI scan cache)', () => {
  /** An analyser that counts the files it parses: a restored analysis that is reused parses nothing. */
  function analyser(root: string, config: PhiGuardConfig = DEFAULT_CONFIG) {
    const parsed: string[] = [];
    const parser = { parse: (fileName: string, text: string) => (parsed.push(path.relative(root, fileName)), parseTree(fileName, text)) };
    const project = new ProjectAnalyzer(nodeProjectHost(), root, () => config, ONE_GENERATION, parser);
    const findings = (name: string) => project.analyze(path.join(root, name))!.findings.map((f) => `${f.rule} ${f.expression}`);
    return { project, parsed, findings };
  }

  /** An analyser of the files as they are now that took what an earlier scan left (see persistedScan). */
  function restored(root: string, persisted: PersistedAnalyses) {
    const next = analyser(root);
    next.project.restoreAnalyses(persisted);
    return next;
  }

  /** What a scan of route.ts leaves for the next, through Node's serializer as the cache file holds it. */
  function persistedScan(root: string, config?: PhiGuardConfig): PersistedAnalyses {
    const first = analyser(root, config);
    assert.deepEqual(first.findings('route.ts'), ['no-phi-to-ai patient.diagnosis']);
    return v8.deserialize(v8.serialize(first.project.persistAnalyses())) as PersistedAnalyses;
  }

  it('answers from the earlier analyses without parsing a file when nothing changed', () => {
    const disk = projectOnDisk(FILES);
    const persisted = persistedScan(disk.root);
    const next = analyser(disk.root);
    assert.deepEqual(next.project.restoreAnalyses(persisted), { restored: persisted.analyses.length, offered: persisted.analyses.length });
    assert.deepEqual(next.findings('route.ts'), ['no-phi-to-ai patient.diagnosis']);
    assert.deepEqual(next.parsed, []);
    assert.equal(next.project.persistsAsRestored(), true, 'a cache that would be written the same need not be written');
  });

  it('analyses an importer again when an imported module now summarises differently, and only then', () => {
    const disk = projectOnDisk({ ...FILES, 'route.ts': ROUTE.replace("'./lib'", "'./lib/ai'") });
    const persisted = persistedScan(disk.root);
    // A comment at the end moves nothing the summary holds: the importer's analysis still stands (imported directly:
    // through the barrel, any change to a module it re-exports drops it, as the next test shows).
    disk.write('lib/ai.ts', `${AI_WRAPPER}// reviewed\n`);
    const commented = analyser(disk.root);
    commented.project.restoreAnalyses(persisted);
    assert.deepEqual(commented.findings('route.ts'), ['no-phi-to-ai patient.diagnosis']);
    assert.deepEqual(commented.parsed, ['lib/ai.ts']);

    assert.equal(commented.project.persistsAsRestored(), false, 'lib/ai.ts was analysed again');

    disk.write('lib/ai.ts', QUIET);
    const quiet = analyser(disk.root);
    quiet.project.restoreAnalyses(persisted);
    // route.ts's earlier analysis is not used (it would report the flow): its text now reaches no sink.
    assert.deepEqual(quiet.findings('route.ts'), []);
    assert.deepEqual(quiet.parsed, ['lib/ai.ts']);
  });

  it('drops the analyses that looked a name up through a barrel one of whose modules now exports other names', () => {
    const disk = projectOnDisk(FILES);
    const persisted = persistedScan(disk.root);
    // lib/other.ts comes first in the barrel: its new `ask` is the one route.ts imports now, though route.ts's earlier
    // analysis never read lib/other.ts's summary (it exported no `ask` then).
    disk.write('lib/other.ts', QUIET);
    const next = analyser(disk.root);
    const outcome = next.project.restoreAnalyses(persisted);
    assert.ok(outcome.restored < outcome.offered, 'route.ts is not restored');
    assert.deepEqual(next.findings('route.ts'), analyser(disk.root).findings('route.ts'));
    assert.deepEqual(next.findings('route.ts'), []);
  });

  it('keeps the analyses that looked through a barrel when a module it re-exports changed but exports the same names', () => {
    const disk = projectOnDisk(FILES);
    const persisted = persistedScan(disk.root);
    disk.write('lib/other.ts', 'export const unit = 2;\n');
    const next = restored(disk.root, persisted);
    assert.deepEqual(next.findings('route.ts'), ['no-phi-to-ai patient.diagnosis']);
    assert.ok(!next.parsed.includes('route.ts'), next.parsed.join(', '));
  });

  /** A scan that analyses warm.ts first: route.ts's look-up of `ask` passes over lib/first, analysed by then. */
  function persistedNestedScan(root: string): PersistedAnalyses {
    const first = analyser(root);
    first.findings('warm.ts');
    assert.deepEqual(first.findings('route.ts'), ['no-phi-to-ai patient.diagnosis']);
    const used = first.project.dependenciesOf(path.join(root, 'route.ts')).map((file) => path.relative(root, file)).sort();
    assert.deepEqual(used, ['lib/index.ts', 'lib/second/ai.ts', 'lib/second/index.ts'], 'lib/first cannot export `ask`: the look-up does not depend on it');
    return v8.deserialize(v8.serialize(first.project.persistAnalyses())) as PersistedAnalyses;
  }

  it('drops the analyses that looked a name up past a nested barrel one of whose modules now exports it', () => {
    const disk = projectOnDisk(NESTED);
    const persisted = persistedNestedScan(disk.root);
    disk.write('lib/first/unit.ts', `export const unit = 1;\n${QUIET}`);
    const next = restored(disk.root, persisted);
    assert.deepEqual(next.findings('route.ts'), [], 'lib/first comes first in the barrel: its quiet `ask` is the one imported now');
    assert.deepEqual(next.findings('route.ts'), analyser(disk.root).findings('route.ts'));
  });

  it('drops the analyses that looked a name up past a nested barrel that now re-exports another module', () => {
    const disk = projectOnDisk({ ...NESTED, 'lib/first/quiet.ts': QUIET });
    const persisted = persistedNestedScan(disk.root);
    disk.write('lib/first/index.ts', "export * from './unit';\nexport * from './quiet';\n");
    const next = restored(disk.root, persisted);
    assert.deepEqual(next.findings('route.ts'), [], "lib/first's `ask` now comes first");
  });

  it('keeps the analyses that looked a name up past a nested barrel whose modules changed but export the same names', () => {
    const disk = projectOnDisk(NESTED);
    const persisted = persistedNestedScan(disk.root);
    disk.write('lib/first/unit.ts', 'export const unit = 2;\n');
    const next = restored(disk.root, persisted);
    assert.deepEqual(next.findings('route.ts'), ['no-phi-to-ai patient.diagnosis']);
    assert.ok(!next.parsed.includes('route.ts'), next.parsed.join(', '));
  });

  it('analyses again a file whose import now names another module, and keeps the others', () => {
    const disk = projectOnDisk({ ...FILES, 'lib/deep/use.ts': "import { ask } from '../ai';\nexport const use = (p: string) => ask(p);\n" });
    const first = analyser(disk.root);
    first.findings('route.ts');
    first.findings('lib/deep/use.ts');
    const persisted = first.project.persistAnalyses();
    // `./lib` from route.ts now names lib.ts, before lib/index.ts.
    disk.write('lib.ts', QUIET);
    const next = restored(disk.root, persisted);
    assert.deepEqual(next.findings('route.ts'), []);
    next.findings('lib/deep/use.ts');
    // route.ts is analysed afresh (found sink-free now, so not parsed); lib/deep/use.ts and lib/ai.ts are reused.
    assert.deepEqual(next.parsed, ['lib.ts']);
  });

  it('does not reuse an analysis made with another configuration', () => {
    const disk = projectOnDisk(FILES);
    const persisted = persistedScan(disk.root);
    const allowing: PhiGuardConfig = { ...DEFAULT_CONFIG, notPhiNames: [...DEFAULT_CONFIG.notPhiNames, 'diagnosis'] };
    const next = analyser(disk.root, allowing);
    assert.deepEqual(next.project.restoreAnalyses(persisted), { restored: 0, offered: persisted.analyses.length });
    assert.deepEqual(next.findings('route.ts'), analyser(disk.root, allowing).findings('route.ts'));
  });

  it('keeps only what the run checked: an analysis restored and never needed is not passed on', () => {
    const disk = projectOnDisk({ ...FILES, 'other-route.ts': ROUTE.replace('h(', 'g(') });
    const first = analyser(disk.root);
    first.findings('route.ts');
    first.findings('other-route.ts');
    const persisted = first.project.persistAnalyses();
    const next = restored(disk.root, persisted);
    next.findings('route.ts');
    assert.equal(next.project.persistsAsRestored(), false, 'other-route.ts was restored and not used');
    const files = next.project.persistAnalyses().analyses.map((analysis) => path.relative(disk.root, analysis.file)).sort();
    assert.ok(!files.includes('other-route.ts'), files.join(', '));
    assert.ok(files.includes('route.ts') && files.includes('lib/ai.ts'), files.join(', '));
  });

  it("keeps, for a long-lived host, every analysis it holds of any generation, but not one whose file is gone", () => {
    const disk = projectOnDisk({ ...FILES, 'other-route.ts': ROUTE.replace('h(', 'g(') });
    // A generation ends at every request (an ESLint process pausing between files).
    const project = new ProjectAnalyzer(nodeProjectHost(), disk.root, () => DEFAULT_CONFIG, -1);
    const persisted = (scope: 'checked' | 'known') => project.persistAnalyses(scope).analyses.map((analysis) => path.relative(disk.root, analysis.file)).sort();
    project.analyze(disk.file('route.ts'));
    project.analyze(disk.file('other-route.ts'));
    assert.ok(!persisted('checked').includes('route.ts'), 'checked in an earlier generation');
    assert.ok(persisted('known').includes('route.ts') && persisted('known').includes('other-route.ts'), persisted('known').join(', '));

    const next = new ProjectAnalyzer(nodeProjectHost(), disk.root, () => DEFAULT_CONFIG, -1);
    next.restoreAnalyses(project.persistAnalyses('known'));
    next.analyze(disk.file('other-route.ts'));
    assert.equal(next.persistsAsRestored('known'), true, 'nothing analysed afresh: the file would be written the same');
    assert.equal(next.persistsAsRestored('checked'), false, 'route.ts was restored and not used');
    fs.rmSync(disk.file('route.ts'));
    assert.ok(!persisted('known').includes('route.ts'), 'its file is gone');
  });
});

describe('a long-lived project analyser when an import names another module', () => {
  const analyser = (root: string) => new ProjectAnalyzer(nodeProjectHost(), root, () => DEFAULT_CONFIG, 0);
  const findings = (project: ProjectAnalyzer, root: string, name: string) => project.analyze(path.join(root, name))!.findings.map((f) => `${f.rule} ${f.expression}`);

  it('analyses the importer again when a file created beside the folder it imported is the one named now', () => {
    const disk = projectOnDisk(FILES);
    const project = analyser(disk.root);
    assert.deepEqual(findings(project, disk.root, 'route.ts'), ['no-phi-to-ai patient.diagnosis']);
    disk.write('lib.ts', QUIET);
    project.changed();
    assert.deepEqual(findings(project, disk.root, 'route.ts'), [], '`./lib` is lib.ts now');
  });

  it("in the editor's analyser, counts an importer among the dependents of a nested barrel its look-up could pass over", () => {
    const disk = projectOnDisk({ ...NESTED, 'lib/first/quiet.ts': QUIET });
    const project = new ProjectAnalyzer(nodeProjectHost(), disk.root, () => DEFAULT_CONFIG, 0, undefined, new AnalysisMemory());
    findings(project, disk.root, 'warm.ts');
    assert.deepEqual(findings(project, disk.root, 'route.ts'), ['no-phi-to-ai patient.diagnosis']);
    // The open route.ts is analysed again when lib/first/index.ts changes: it must be among that module's dependents.
    assert.ok(project.dependentsOf(disk.file('lib/first/index.ts')).includes(disk.file('route.ts')));
    disk.write('lib/first/index.ts', "export * from './unit';\nexport * from './quiet';\n");
    project.changed();
    assert.deepEqual(findings(project, disk.root, 'route.ts'), [], "lib/first's quiet `ask` comes first now");
  });

  it('analyses the importers of a barrel again when one of its re-exports names a module for the first time', () => {
    const disk = projectOnDisk({ ...FILES, 'lib/index.ts': "export * from './other';\nexport * from './ask';\n", 'lib/ai.ts': '' });
    const project = analyser(disk.root);
    assert.deepEqual(findings(project, disk.root, 'route.ts'), [], 'lib/ask.ts does not exist yet');
    disk.write('lib/ask.ts', AI_WRAPPER);
    project.changed();
    assert.deepEqual(findings(project, disk.root, 'route.ts'), ['no-phi-to-ai patient.diagnosis']);
  });
});
