import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_CONFIG, ProjectAnalyzer, nodeProjectHost } from '../../../src/core';
import { projectOnDisk } from '../projectOnDisk';

const VISITS = "export async function show(prisma: any) {\n  const visit = await prisma.visit.findUnique({ where: { id: '1' } });\n  console.log(visit.summary);\n}\n";
const PLAIN_SCHEMA = 'model Visit {\n  id      String @id\n  summary String\n}\n';
const PHI_SCHEMA = 'model Visit {\n  id      String @id\n  /// @phi diagnosis\n  summary String\n}\n';

/** A project on disk (see projectOnDisk) with a ProjectAnalyzer over it. */
function analysedProject(files: Record<string, string>) {
  const { root, file, write } = projectOnDisk(files);
  const project = new ProjectAnalyzer(nodeProjectHost(), root, () => DEFAULT_CONFIG);
  const flagged = (name: string) => project.analyze(file(name))!.findings.map((finding) => finding.expression);
  return { root, file, write, project, flagged };
}

describe('cross-file analysis in a long-lived host: Prisma schemas and unresolved imports', () => {
  it('reads a changed schema.prisma again in the next generation', () => {
    const { write, project, flagged } = analysedProject({ 'prisma/schema.prisma': PLAIN_SCHEMA, 'src/visits.ts': VISITS });
    assert.deepEqual(flagged('src/visits.ts'), []);
    write('prisma/schema.prisma', PHI_SCHEMA);
    project.changed();
    assert.deepEqual(flagged('src/visits.ts'), ['visit.summary'], 'the field is PHI now');
    write('prisma/schema.prisma', PLAIN_SCHEMA);
    project.changed();
    assert.deepEqual(flagged('src/visits.ts'), []);
  });

  it('finds a schema created nearer to the file, and stops using a deleted one', () => {
    const { file, write, project, flagged } = analysedProject({ 'prisma/schema.prisma': PLAIN_SCHEMA, 'src/visits.ts': VISITS });
    assert.deepEqual(flagged('src/visits.ts'), []);
    write('src/schema.prisma', PHI_SCHEMA);
    project.changed();
    assert.deepEqual(flagged('src/visits.ts'), ['visit.summary']);
    fs.rmSync(file('src/schema.prisma'));
    project.changed();
    assert.deepEqual(flagged('src/visits.ts'), []);
  });

  it('names the schema a file\'s analysis reads, as the files are now', () => {
    const { root, file, write, project } = analysedProject({ 'prisma/schema.prisma': PLAIN_SCHEMA, 'src/api/visits.ts': VISITS });
    assert.equal(project.prismaSchemaAt(path.join(root, 'src', 'api')), file('prisma/schema.prisma'));
    write('src/schema.prisma', PHI_SCHEMA);
    assert.equal(project.prismaSchemaAt(path.join(root, 'src', 'api')), file('prisma/schema.prisma'), 'looked up once per generation');
    project.changed();
    assert.equal(project.prismaSchemaAt(path.join(root, 'src', 'api')), file('src/schema.prisma'));
  });

  it('names the imports that named no project module, and resolves them again on request', () => {
    const { file, write, project } = analysedProject({ 'src/app.ts': "import { log } from './logger';\nimport { format } from 'date-fns';\nexport const x = [log, format];\n" });
    project.analyze(file('src/app.ts'));
    assert.deepEqual(project.unresolvedOf(file('src/app.ts')).sort(), ['./logger', 'date-fns']);
    assert.equal(project.resolveFrom(path.dirname(file('src/app.ts')), './logger'), undefined);
    write('src/logger.ts', 'export function log(value: unknown) {\n  console.log(value);\n}\n');
    project.changed();
    assert.equal(project.resolveFrom(path.dirname(file('src/app.ts')), './logger'), file('src/logger.ts'));
    project.analyze(file('src/app.ts'));
    assert.deepEqual(project.unresolvedOf(file('src/app.ts')), ['date-fns'], 'analysed again with the new module');
  });
});
