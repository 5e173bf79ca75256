import * as assert from 'node:assert/strict';
import { AnalysisMemory, DEFAULT_CONFIG, ProjectAnalyzer, nodeProjectHost } from '../../../src/core';
import { projectOnDisk } from '../projectOnDisk';
import { FLAT, NESTED, QUIET, ROUTE } from './barrelFixtures';

/**
 * A long-lived analyser's importer whose look-up through a barrel passed over a module (it could not export the name
 * then) is analysed again once that module exports it: when the module is analysed (an editor buffer, a file ESLint
 * lints) or, changed on disk while closed, when its dependents are asked for.
 */
describe('a long-lived project analyser when a module a barrel re-exports comes to export an imported name', () => {
  for (const [host, memory] of [['a long-running ESLint', false], ['the editor', true]] as const) {
    // Generations end only when told that files changed (no pause is long enough to end one).
    const analyser = (root: string) => new ProjectAnalyzer(nodeProjectHost(), root, () => DEFAULT_CONFIG, 3_600_000, undefined, memory ? new AnalysisMemory() : undefined);
    const findings = (project: ProjectAnalyzer, file: string) => project.analyze(file)!.findings.map((f) => `${f.rule} ${f.expression}`);

    it(`${host}: a module before the one it was found in (analysed when edited)`, () => {
      const disk = projectOnDisk(FLAT);
      const project = analyser(disk.root);
      assert.deepEqual(findings(project, disk.file('route.ts')), ['no-phi-to-ai patient.diagnosis']);
      assert.ok(project.dependentsOf(disk.file('lib/other.ts')).includes(disk.file('route.ts')), 'route.ts depends on what lib/other.ts exports');
      disk.write('lib/other.ts', `export const unit = 1;\n${QUIET}`);
      project.changed();
      findings(project, disk.file('lib/other.ts'));
      assert.deepEqual(findings(project, disk.file('route.ts')), [], "lib/other.ts's quiet `ask` comes first now");
    });

    it(`${host}: a helper not written yet (changed on disk while closed)`, () => {
      const disk = projectOnDisk({ ...FLAT, 'route.ts': ROUTE.replace('ask', 'note').replace('ask(', 'note(') });
      const project = analyser(disk.root);
      assert.deepEqual(findings(project, disk.file('route.ts')), [], '`note` does not exist yet');
      disk.write('lib/other.ts', 'export const unit = 1;\nexport function note(entry: unknown) {\n  console.log(entry);\n}\n');
      project.changed();
      project.refreshReexported(disk.file('lib/other.ts'));
      assert.ok(project.dependentsOf(disk.file('lib/other.ts')).includes(disk.file('route.ts')));
      assert.deepEqual(findings(project, disk.file('route.ts')), ['no-phi-in-logs patient.diagnosis']);
    });

    it(`${host}: a module under a nested barrel the look-up passed over`, () => {
      const disk = projectOnDisk(NESTED);
      const project = analyser(disk.root);
      findings(project, disk.file('warm.ts'));
      assert.deepEqual(findings(project, disk.file('route.ts')), ['no-phi-to-ai patient.diagnosis']);
      assert.ok(project.dependentsOf(disk.file('lib/first/unit.ts')).includes(disk.file('route.ts')));
      disk.write('lib/first/unit.ts', `export const unit = 1;\n${QUIET}`);
      project.changed();
      project.refreshReexported(disk.file('lib/first/unit.ts'));
      assert.deepEqual(findings(project, disk.file('route.ts')), [], "lib/first's quiet `ask` comes first now");
    });

    it(`${host}: a nested barrel that comes to re-export a module exporting the name`, () => {
      const disk = projectOnDisk({ ...NESTED, 'lib/first/quiet.ts': QUIET });
      const project = analyser(disk.root);
      findings(project, disk.file('warm.ts'));
      assert.deepEqual(findings(project, disk.file('route.ts')), ['no-phi-to-ai patient.diagnosis']);
      disk.write('lib/first/index.ts', "export * from './unit';\nexport * from './quiet';\n");
      project.changed();
      project.refreshReexported(disk.file('lib/first/index.ts'));
      assert.deepEqual(findings(project, disk.file('route.ts')), []);
    });

    // The editor's analyser analyses a barrel's importers again anyway once files changed, if the barrel's re-export
    // targets were not asked for before (they are worked out then, taken as stale: see makeEntry).
    if (!memory) it(`${host}: an edit that leaves the names alone keeps the importer's analysis`, () => {
      const disk = projectOnDisk(FLAT);
      const project = analyser(disk.root);
      const route = project.analyze(disk.file('route.ts'));
      disk.write('lib/other.ts', 'export const unit = 2;\n');
      project.changed();
      project.refreshReexported(disk.file('lib/other.ts'));
      assert.equal(project.analyze(disk.file('route.ts')), route, 'the same result object: not analysed again');
    });
  }

  it('the editor: a helper typed into an open buffer, then deleted again, unsaved', () => {
    const route = "import { note } from './lib';\nexport function record(patient: { ssn: string; email: string }) {\n  console.log(patient.email);\n  note(patient.ssn);\n}\n";
    const disk = projectOnDisk({ ...FLAT, 'route.ts': route });
    // Open buffers as the editor's host has them: their text and version, not the disk's.
    const buffers = new Map<string, { text: string; version: number }>();
    const onDisk = nodeProjectHost();
    const host = { ...onDisk, readFile: (file: string) => buffers.get(file)?.text ?? onDisk.readFile(file), version: (file: string) => (buffers.has(file) ? `buffer ${buffers.get(file)!.version}` : onDisk.version?.(file)) };
    const project = new ProjectAnalyzer(host, disk.root, () => DEFAULT_CONFIG, 3_600_000, undefined, new AnalysisMemory());
    const edit = (name: string, text: string) => {
      buffers.set(disk.file(name), { text, version: (buffers.get(disk.file(name))?.version ?? 0) + 1 });
      project.changed('contents');
      return project.analyze(disk.file(name), text)!.findings.map((f) => `${f.rule} ${f.expression}`);
    };
    // What the editor asks after each analysis that changed a summary: the dependents, which it analyses again.
    const routeFindings = () => project.analyze(disk.file('route.ts'), route)!.findings.map((f) => f.expression).sort();
    assert.deepEqual(edit('route.ts', route), ['no-phi-in-logs patient.email']);
    edit('lib/other.ts', 'export const unit = 1;\n');
    edit('lib/other.ts', 'export const unit = 1;\nexport function note(entry: unknown) {\n  console.log(entry);\n}\n');
    assert.ok(project.dependentsOf(disk.file('lib/other.ts')).includes(disk.file('route.ts')));
    assert.deepEqual(routeFindings(), ['patient.email', 'patient.ssn']);
    edit('lib/other.ts', 'export const unit = 1;\n');
    assert.deepEqual(routeFindings(), ['patient.email']);
  });
});
