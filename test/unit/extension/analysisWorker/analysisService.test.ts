import * as assert from 'assert';
import * as fs from 'fs';
import { DEFAULT_CONFIG } from '../../../../src/core';
import { AnalysisService } from '../../../../src/extension/analysisWorker/analysisService';
import { resultWithFindings } from '../../../../src/extension/analysisWorker/findingsUpdate';
import { NO_IMPORTERS_YET } from '../../../../src/extension/analysisWorker/protocol';
import type { AnalyzeDocumentResponse, FileInput, ScanFileResponse } from '../../../../src/extension/analysisWorker/protocol';
import { assertPlainData, LOGGING_HELPER, projectOnDisk, QUIET_HELPER, ROUTE, scanThroughClientTable } from './projectFixture';

const config = DEFAULT_CONFIG;
/** The findings of a response to a request that named none held (so it has them all). */
const findingsOf = (response: AnalyzeDocumentResponse) => resultWithFindings(response)!.findings;

describe('analysis worker service (what the worker thread runs)', () => {
  it('analyses a document across files, and its result survives the trip between threads unchanged', () => {
    const project = projectOnDisk({ 'src/audit.ts': LOGGING_HELPER, 'src/route.ts': ROUTE });
    const service = new AnalysisService();
    const response = service.handle({ kind: 'analyzeDocument', file: project.file('src/route.ts'), fileName: project.file('src/route.ts'), text: ROUTE, config, root: project.root });
    const { result, summaryFingerprint } = response;
    assert.strictEqual(response.findings.kind, 'all', 'no findings held');
    const findings = findingsOf(response);
    assert.deepStrictEqual(findings.map((finding) => [finding.rule, finding.expression]), [['no-phi-in-logs', 'patient.ssn']]);
    assert.ok(findings[0]!.flow.some((step) => step.file !== undefined), 'the flow continues into the helper');
    assert.strictEqual(result.summary, undefined, 'the module summary stays in the worker');
    assert.deepStrictEqual(result.sinkSites, [], 'the editor does not need them');
    assert.strictEqual(summaryFingerprint, NO_IMPORTERS_YET, 'no analysed file imports route.ts');
    assertPlainData(response);
    assert.deepStrictEqual(structuredClone(response), response);
  });

  it('analyses a single file without a workspace folder (no cross-file flow)', () => {
    const project = projectOnDisk({ 'src/audit.ts': LOGGING_HELPER });
    const response = new AnalysisService().handle({ kind: 'analyzeDocument', file: project.file('src/route.ts'), fileName: project.file('src/route.ts'), text: ROUTE, config });
    assert.deepStrictEqual(findingsOf(response), []);
  });

  it('reads unsaved editor buffers before disk, and disk again once the buffer is gone', () => {
    const project = projectOnDisk({ 'src/audit.ts': QUIET_HELPER, 'src/route.ts': ROUTE });
    const service = new AnalysisService();
    const analyse = (overlays: { file: string; text: string | undefined }[]) =>
      findingsOf(service.handle({ kind: 'analyzeDocument', file: project.file('src/route.ts'), fileName: project.file('src/route.ts'), text: ROUTE, config, root: project.root }, overlays)).length;
    assert.strictEqual(analyse([]), 0);
    assert.strictEqual(analyse([{ file: project.file('src/audit.ts'), text: LOGGING_HELPER }]), 1, 'the open helper logs its argument');
    // Same length, different text: still a new version of the buffer.
    assert.strictEqual(analyse([{ file: project.file('src/audit.ts'), text: LOGGING_HELPER.replace('console.log', 'console.foo') }]), 0);
    assert.strictEqual(analyse([{ file: project.file('src/audit.ts'), text: LOGGING_HELPER }]), 1);
    assert.strictEqual(analyse([{ file: project.file('src/audit.ts'), text: undefined }]), 0, 'closed: read from disk again');
  });

  it('resolves an import to an unsaved buffer of a file not on disk yet, and stops when that buffer closes', () => {
    const route = ROUTE.replace("'./audit'", "'./draft'");
    assert.notStrictEqual(route, ROUTE, 'the fixture imports ./audit');
    const project = projectOnDisk({ 'src/route.ts': route });
    const service = new AnalysisService();
    const draft = project.file('src/draft.ts');
    const analyse = (overlays: { file: string; text: string | undefined }[]) =>
      findingsOf(service.handle({ kind: 'analyzeDocument', file: project.file('src/route.ts'), fileName: project.file('src/route.ts'), text: route, config, root: project.root }, overlays)).length;
    assert.strictEqual(analyse([]), 0, 'nothing to import yet');
    assert.strictEqual(analyse([{ file: draft, text: LOGGING_HELPER }]), 1, 'a new buffer: the import names it now');
    assert.strictEqual(analyse([{ file: draft, text: QUIET_HELPER }]), 0, 'an edit of that buffer is read');
    assert.strictEqual(analyse([{ file: draft, text: LOGGING_HELPER }]), 1);
    assert.strictEqual(analyse([{ file: draft, text: undefined }]), 0, 'closed without saving: nothing to import again');
  });

  it('fingerprints a summary once a file that imports it has been analysed, and the fingerprint follows the summary', () => {
    const project = projectOnDisk({ 'src/audit.ts': QUIET_HELPER, 'src/route.ts': ROUTE });
    const service = new AnalysisService();
    const audit = project.file('src/audit.ts');
    const fingerprintOf = (file: string, text: string) =>
      service.handle({ kind: 'analyzeDocument', file, fileName: file, text, config, root: project.root }, [{ file, text }]).summaryFingerprint;
    assert.strictEqual(fingerprintOf(audit, QUIET_HELPER), NO_IMPORTERS_YET, 'nothing imports it yet: no hash on every keystroke');
    fingerprintOf(project.file('src/route.ts'), ROUTE);
    const quiet = fingerprintOf(audit, QUIET_HELPER);
    assert.match(quiet, /^[0-9a-f]{40}$/, 'route.ts imports it now');
    const logging = fingerprintOf(audit, LOGGING_HELPER);
    assert.match(logging, /^[0-9a-f]{40}$/);
    assert.notStrictEqual(logging, quiet, 'its summary changed: the importer needs a new analysis');
    assert.strictEqual(fingerprintOf(audit, LOGGING_HELPER), logging, 'the same summary again: the same fingerprint');
  });

  it('says when an importer read a version of a file the editor never had analysed, though the fingerprint is the one it saw', () => {
    const project = projectOnDisk({ 'src/audit.ts': QUIET_HELPER, 'src/route.ts': ROUTE });
    const service = new AnalysisService();
    const audit = project.file('src/audit.ts');
    const route = project.file('src/route.ts');
    const analyse = (file: string, text: string, overlays: { file: string; text: string }[]) => service.handle({ kind: 'analyzeDocument', file, fileName: file, text, config, root: project.root }, overlays);
    assert.strictEqual(findingsOf(analyse(route, ROUTE, [])).length, 0);
    const seen = analyse(audit, QUIET_HELPER, [{ file: audit, text: QUIET_HELPER }]);
    assert.strictEqual(seen.summaryChangedHere, undefined);
    // The helper's buffer is edited to log, and the importer is analysed (reading that buffer) before the helper is.
    assert.strictEqual(findingsOf(analyse(route, ROUTE, [{ file: audit, text: LOGGING_HELPER }])).length, 1);
    // Edited back before its own analysis: the editor saw this fingerprint last, yet route.ts read another summary.
    const back = analyse(audit, QUIET_HELPER, [{ file: audit, text: QUIET_HELPER }]);
    assert.strictEqual(back.summaryFingerprint, seen.summaryFingerprint);
    assert.strictEqual(back.summaryChangedHere, true, 'its importers need a new analysis');
    assert.strictEqual(analyse(audit, QUIET_HELPER, [{ file: audit, text: QUIET_HELPER }]).summaryChangedHere, undefined, 'nothing changed since');
  });

  it('does not analyse a document with syntax errors while the editor keeps its last result: importers keep its last summary', () => {
    const project = projectOnDisk({ 'src/audit.ts': LOGGING_HELPER, 'src/route.ts': ROUTE });
    const service = new AnalysisService();
    const audit = project.file('src/audit.ts');
    const route = project.file('src/route.ts');
    const analyse = (file: string, text: string, keepsLastGood: boolean, overlays: { file: string; text: string }[] = []) =>
      service.handle({ kind: 'analyzeDocument', file, fileName: file, text, config, root: project.root, keepsLastGood }, [{ file, text }, ...overlays]);
    assert.strictEqual(findingsOf(analyse(route, ROUTE, false)).length, 1);
    const good = analyse(audit, LOGGING_HELPER, false);
    const typing = LOGGING_HELPER.replace('export function', 'export functio');
    const kept = analyse(audit, typing, true);
    assert.strictEqual(kept.result.lastGood, true);
    assert.ok(kept.result.parseProblems.length > 0);
    assert.deepStrictEqual(findingsOf(kept), [], 'the editor shows the findings it has');
    assert.strictEqual(kept.findingsId, undefined, 'nothing new to name');
    assert.strictEqual(kept.summaryFingerprint, good.summaryFingerprint, 'what importers see did not change');
    assert.strictEqual(findingsOf(analyse(route, ROUTE, true, [{ file: audit, text: typing }])).length, 1, 'the importer still sees the helper log its argument');
    assert.deepStrictEqual(service.handle({ kind: 'dependents', root: project.root, file: audit }).files, [route]);
    const analysed = analyse(audit, typing, false);
    assert.strictEqual(analysed.result.lastGood, undefined, 'an editor without a last result gets the text analysed');
    assert.ok(analysed.result.parseProblems.length > 0);
  });

  it('names the open files that import a changed one', () => {
    const project = projectOnDisk({ 'src/audit.ts': QUIET_HELPER, 'src/route.ts': ROUTE });
    const service = new AnalysisService();
    assert.deepStrictEqual(service.handle({ kind: 'dependents', root: project.root, file: project.file('src/audit.ts') }).files, [], 'nothing analysed yet');
    service.handle({ kind: 'analyzeDocument', file: project.file('src/route.ts'), fileName: project.file('src/route.ts'), text: ROUTE, config, root: project.root });
    assert.deepStrictEqual(service.handle({ kind: 'dependents', root: project.root, file: project.file('src/audit.ts') }).files, [project.file('src/route.ts')]);
  });

  describe('workspace scan files', () => {
    const scan = (service: AnalysisService, project: ReturnType<typeof projectOnDisk>, name: string, cached?: { hash: string }, fileConfig = config): ScanFileResponse =>
      scanThroughClientTable(service, { kind: 'scanFile', file: project.file(name), uri: `file://${project.file(name)}`, displayPath: name, config: fileConfig, root: project.root, ...(cached ? { cached } : {}) });
    /** What the extension host asks before reusing cache entries: which recorded module hashes no longer match disk. */
    const changedModules = (service: AnalysisService, dependencies: readonly FileInput[]) =>
      service.handle({ kind: 'checkModules', files: dependencies.map((file) => file.path), hashes: dependencies.map((file) => file.hash) }).changed.map((index) => dependencies[index]!.path);
    const analysed = (response: ScanFileResponse) => {
      assert.strictEqual(response.kind, 'analysed');
      return response;
    };

    it('finds cross-file flows from disk, with the hashes of the modules the file depends on', () => {
      const project = projectOnDisk({ 'src/audit.ts': LOGGING_HELPER, 'src/route.ts': ROUTE });
      const response = analysed(scan(new AnalysisService(), project, 'src/route.ts'));
      assert.deepStrictEqual(response.flows.flows.map((flow) => [flow.file, flow.line, flow.sink.api, flow.status]), [['src/route.ts', 3, 'console.log', 'open']]);
      assert.deepStrictEqual(response.dependencies.map((file) => file.path), [project.file('src/audit.ts')]);
      assert.match(response.dependencies[0]!.hash, /^[0-9a-f]{64}$/);
      assert.deepStrictEqual(response.self, { path: project.file('src/route.ts'), hash: response.self.hash, unresolved: [], schema: '', resolved: [['./audit', project.file('src/audit.ts')]] }, 'no schema.prisma in the project');
      assert.match(response.self.hash, /^[0-9a-f]{64}$/);
      assertPlainData(response);
    });

    it('shows the helper a flow ends in as the file is shown (the inventory\'s sites), not by its absolute path', () => {
      const project = projectOnDisk({ 'src/audit.ts': LOGGING_HELPER, 'src/route.ts': ROUTE });
      const service = new AnalysisService();
      const shown = (displayPath: string) => {
        const response = analysed(scanThroughClientTable(service, { kind: 'scanFile', file: project.file('src/route.ts'), uri: `file://${project.file('src/route.ts')}`, displayPath, config, root: project.root }));
        return response.flows.inventory.findings.map((finding) => [finding.file, finding.site.file]);
      };
      assert.deepStrictEqual(shown('src/route.ts'), [['src/route.ts', 'src/audit.ts']]);
      assert.deepStrictEqual(shown('clinic/src/route.ts'), [['clinic/src/route.ts', 'clinic/src/audit.ts']], 'a multi-root workspace names the folder');
    });

    it('records the schema.prisma each analysis read (the nearest above its file), and the schema itself as a dependency', () => {
      const project = projectOnDisk({ 'prisma/schema.prisma': 'model Visit {\n  id String @id\n}\n', 'src/api/schema.prisma': 'model Other {\n  id String @id\n}\n', 'src/api/audit.ts': LOGGING_HELPER, 'src/route.ts': ROUTE.replace('./audit', './api/audit') });
      const response = analysed(scan(new AnalysisService(), project, 'src/route.ts'));
      assert.strictEqual(response.self.schema, project.file('prisma/schema.prisma'));
      const seen = response.dependencies.map((file) => [file.path, file.schema]);
      assert.deepStrictEqual(seen, [[project.file('src/api/audit.ts'), project.file('src/api/schema.prisma')], [project.file('prisma/schema.prisma'), undefined], [project.file('src/api/schema.prisma'), undefined]]);
      assert.ok(response.dependencies.every((file) => /^[0-9a-f]{64}$/.test(file.hash)));
    });

    it('records the imports that named no project module, per file, and says when one resolves or a schema lookup changes', () => {
      const project = projectOnDisk({
        'src/api/audit.ts': "import { send } from '../transport';\nexport function audit(entry: unknown) {\n  send(entry);\n}\n",
        'src/route.ts': "import { audit } from './api/audit';\nimport { format } from 'date-fns';\nexport function record(patient: { ssn: string }) {\n  audit(format(patient.ssn));\n}\n",
      });
      const service = new AnalysisService();
      const response = analysed(scan(service, project, 'src/route.ts'));
      assert.deepStrictEqual(response.self.unresolved, ['date-fns']);
      assert.deepStrictEqual(response.dependencies.map((file) => [file.path, file.unresolved]), [[project.file('src/api/audit.ts'), ['../transport']]]);
      assert.deepStrictEqual(response.flows.flows, []);
      const imports = [[project.file('src/api'), '../transport', ''], [project.file('src'), 'date-fns', '']] as const;
      const schemas = [[project.file('src'), ''], [project.file('src/api'), '']] as const;
      const check = (worker: AnalysisService) => worker.handle({ kind: 'checkResolution', root: project.root, imports, schemas });
      assert.deepStrictEqual(check(service), { changedImports: [], changedSchemas: [] });
      project.write('src/transport.ts', 'export function send(entry: unknown) {\n  console.log(entry);\n}\n');
      project.write('src/api/schema.prisma', 'model Visit {\n  id String @id\n}\n');
      assert.deepStrictEqual(check(new AnalysisService()), { changedImports: [0], changedSchemas: [1] }, 'a new worker resolves with an analyser of its own');
      assert.deepStrictEqual(check(service), { changedImports: [], changedSchemas: [] }, 'this scan already looked');
      service.handle({ kind: 'diskChanged', deleted: [] });
      assert.deepStrictEqual(check(service), { changedImports: [0], changedSchemas: [1] }, 'the next scan looks again');
      const again = analysed(scan(service, project, 'src/route.ts'));
      assert.deepStrictEqual(again.flows.flows.map((flow) => [flow.line, flow.sink.api]), [[4, 'console.log']], 'the new module logs what the helper sends it');
      assert.deepStrictEqual(again.dependencies.map((file) => [file.path, file.unresolved]), [[project.file('src/api/audit.ts'), []], [project.file('src/transport.ts'), []], [project.file('src/api/schema.prisma'), []]]);
    });

    it('records the module each import named, and says when one names another (a file created beside it)', () => {
      const project = projectOnDisk({
        'src/lib/index.ts': "export function send(entry: unknown) {\n  console.log(entry);\n}\n",
        'src/route.ts': "import { send } from './lib';\nexport function record(patient: { ssn: string }) {\n  send(patient.ssn);\n}\n",
      });
      const service = new AnalysisService();
      const response = analysed(scan(service, project, 'src/route.ts'));
      assert.deepStrictEqual(response.self.resolved, [['./lib', project.file('src/lib/index.ts')]]);
      const imports = [[project.file('src'), './lib', project.file('src/lib/index.ts')]] as const;
      const check = (worker: AnalysisService) => worker.handle({ kind: 'checkResolution', root: project.root, imports, schemas: [] });
      assert.deepStrictEqual(check(new AnalysisService()), { changedImports: [], changedSchemas: [] });
      // `./lib` names src/lib.ts now, before src/lib/index.ts.
      project.write('src/lib.ts', 'export function send(entry: unknown) {\n  return entry;\n}\n');
      assert.deepStrictEqual(check(new AnalysisService()), { changedImports: [0], changedSchemas: [] });
    });

    it('names the modules whose hash changed on disk, and answers "unchanged" only while the file\'s own hash is the cached one', () => {
      const project = projectOnDisk({ 'src/audit.ts': LOGGING_HELPER, 'src/route.ts': ROUTE });
      const service = new AnalysisService();
      const first = analysed(scan(service, project, 'src/route.ts'));
      const fresh = new AnalysisService();
      assert.deepStrictEqual(changedModules(fresh, first.dependencies), [], 'a new worker trusts the cache too');
      assert.strictEqual(scan(fresh, project, 'src/route.ts', { hash: first.hash }).kind, 'unchanged');
      project.write('src/audit.ts', QUIET_HELPER);
      service.handle({ kind: 'diskChanged', deleted: [] });
      assert.deepStrictEqual(changedModules(service, first.dependencies), [project.file('src/audit.ts')]);
      // The extension host then sends no cached hash: the file is analysed again.
      const second = analysed(scan(service, project, 'src/route.ts'));
      assert.deepStrictEqual(second.flows.flows, [], 'the helper no longer logs');
      assert.strictEqual(second.hash, first.hash, 'the file itself did not change');
      assert.notDeepStrictEqual(second.dependencies, first.dependencies);
      project.write('src/route.ts', `${ROUTE}// edited\n`);
      assert.strictEqual(scan(service, project, 'src/route.ts', { hash: second.hash }).kind, 'analysed');
    });

    it('counts a deleted module as changed', () => {
      const project = projectOnDisk({ 'src/audit.ts': LOGGING_HELPER, 'src/route.ts': ROUTE });
      const service = new AnalysisService();
      const first = analysed(scan(service, project, 'src/route.ts'));
      fs.rmSync(project.file('src/audit.ts'));
      service.handle({ kind: 'diskChanged', deleted: [project.file('src/audit.ts')] });
      assert.deepStrictEqual(changedModules(service, first.dependencies), [project.file('src/audit.ts')]);
    });

    it('looks at each module on disk once between two "disk changed" notices (one scan), however many files import it', () => {
      const project = projectOnDisk({ 'src/audit.ts': LOGGING_HELPER, 'src/route.ts': ROUTE });
      const service = new AnalysisService();
      const first = analysed(scan(service, project, 'src/route.ts'));
      project.write('src/audit.ts', QUIET_HELPER);
      assert.deepStrictEqual(changedModules(service, first.dependencies), [], 'this scan already looked at the helper');
      service.handle({ kind: 'diskChanged', deleted: [] });
      assert.deepStrictEqual(changedModules(service, first.dependencies), [project.file('src/audit.ts')], 'the next scan looks again');
    });

    it('gives a skipped file\'s content hash, so the skip can be cached', () => {
      const project = projectOnDisk({ 'src/audit.ts': LOGGING_HELPER, 'src/big.ts': `${ROUTE}${'// padding\n'.repeat(200)}` });
      const service = new AnalysisService();
      const small = { ...config, maxFileSizeKb: 1 };
      const skipped = scan(service, project, 'src/big.ts', undefined, small);
      assert.strictEqual(skipped.kind, 'skipped');
      assert.match(skipped.message, /over the 1 KB limit/);
      assert.match(skipped.hash, /^[0-9a-f]{64}$/);
      assertPlainData(skipped);
      assert.strictEqual(scan(new AnalysisService(), project, 'src/big.ts', { hash: skipped.hash }, small).kind, 'unchanged');
      assert.strictEqual(scan(service, project, 'src/big.ts', { hash: skipped.hash }).kind, 'analysed', 'another limit is another policy: another hash');
    });

    it('reads disk, not unsaved editor buffers (the map shows what the CLI shows)', () => {
      const project = projectOnDisk({ 'src/audit.ts': QUIET_HELPER, 'src/route.ts': ROUTE });
      const service = new AnalysisService();
      service.handle({ kind: 'dependents', root: project.root, file: project.file('src/audit.ts') }, [{ file: project.file('src/audit.ts'), text: LOGGING_HELPER }]);
      assert.deepStrictEqual(analysed(scan(service, project, 'src/route.ts')).flows.flows, []);
    });

    it('reports a file it cannot read, and forgets a deleted module', () => {
      const project = projectOnDisk({ 'src/audit.ts': LOGGING_HELPER, 'src/route.ts': ROUTE });
      const service = new AnalysisService();
      assert.strictEqual(analysed(scan(service, project, 'src/route.ts')).flows.flows.length, 1);
      fs.rmSync(project.file('src/audit.ts'));
      service.handle({ kind: 'diskChanged', deleted: [project.file('src/audit.ts')] });
      assert.strictEqual(scan(service, project, 'src/audit.ts').kind, 'unreadable');
      assert.deepStrictEqual(analysed(scan(service, project, 'src/route.ts')).flows.flows, []);
    });
  });
});
