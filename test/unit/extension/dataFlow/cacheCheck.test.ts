import * as assert from 'assert';
import { DEFAULT_CONFIG } from '../../../../src/core';
import { AnalysisService } from '../../../../src/extension/analysisWorker/analysisService';
import type { AnalysisRequest } from '../../../../src/extension/analysisWorker/protocol';
import { reusableEntries, type CacheCheckContext } from '../../../../src/extension/dataFlow/cacheCheck';
import { FlowCache } from '../../../../src/extension/dataFlow/flowCache';
import { projectOnDisk, scanThroughClientTable } from '../analysisWorker/projectFixture';

const PLAIN_SCHEMA = 'model Visit {\n  id      String @id\n  summary String\n}\n';
const PHI_SCHEMA = 'model Visit {\n  id      String @id\n  /// @phi diagnosis\n  summary String\n}\n';
const VISITS = "export async function show(prisma: any) {\n  const visit = await prisma.visit.findUnique({ where: { id: '1' } });\n  console.log(visit.summary);\n}\n";
const LOGGER = 'export function log(value: unknown) {\n  console.log(value);\n}\n';

/**
 * Two packages with a schema.prisma each, a file importing a logger that does not exist yet, and files with nothing
 * to do with either (one imports a package, which names no project module either).
 */
const FILES = {
  'clinic/prisma/schema.prisma': PLAIN_SCHEMA,
  'clinic/src/visits.ts': VISITS,
  'clinic/src/plain.ts': 'export const greeting = "hello";\n',
  'billing/prisma/schema.prisma': PLAIN_SCHEMA,
  'billing/src/visits.ts': VISITS,
  'app/src/intake.ts': "import { log } from './logger';\nexport function intake(patient: { ssn: string }) {\n  log(patient.ssn);\n}\n",
  'app/src/dates.ts': "import { format } from 'date-fns';\nexport const today = () => format(new Date(), 'yyyy-MM-dd');\n",
  'app/lib/audit.ts': "import { send } from './transport';\nexport function audit(entry: unknown) {\n  send(entry);\n}\n",
  'app/src/checkIn.ts': "import { audit } from '../lib/audit';\nexport function checkIn(patient: { ssn: string }) {\n  audit(patient.ssn);\n}\n",
  'app/src/notify/index.ts': 'export function notify(value: unknown) {\n  return value;\n}\n',
  'app/src/alert.ts': "import { notify } from './notify';\nexport function alert(patient: { ssn: string }) {\n  notify(patient.ssn);\n}\n",
};
const SCANNED = ['clinic/src/visits.ts', 'clinic/src/plain.ts', 'billing/src/visits.ts', 'app/src/intake.ts', 'app/src/dates.ts', 'app/lib/audit.ts', 'app/src/checkIn.ts', 'app/src/notify/index.ts', 'app/src/alert.ts'];

/** The worker, answering in this thread (as the client does when no worker runs). */
function inProcess(service: AnalysisService): CacheCheckContext['analysis'] {
  const request = (message: AnalysisRequest) => Promise.resolve({ status: 'done' as const, value: service.handle(message as never) });
  return { request: request as CacheCheckContext['analysis']['request'] };
}

/**
 * A workspace scan as WorkspaceFlowIndex runs it: "disk changed", one check of the cache, then each file with its
 * cached hash when the check allows. Returns the files analysed again and the open flows per file.
 */
async function rescan(service: AnalysisService, cache: FlowCache, project: ReturnType<typeof projectOnDisk>, files: readonly string[]) {
  service.handle({ kind: 'diskChanged', deleted: [] });
  const uriOf = (name: string) => `file://${project.file(name)}`;
  const warnings: string[] = [];
  const reusable = await reusableEntries(cache, files.map(uriOf), { analysis: inProcess(service), rootOf: () => project.root, warn: (message) => warnings.push(message) });
  assert.deepStrictEqual(warnings, []);
  const analysed: string[] = [];
  const flows: Record<string, string[]> = {};
  for (const name of files) {
    const key = uriOf(name);
    const known = cache.entry(key);
    const response = scanThroughClientTable(service, { kind: 'scanFile', file: project.file(name), uri: key, displayPath: name, config: DEFAULT_CONFIG, root: project.root, ...(known && reusable(key) ? { cached: { hash: known.hash } } : {}) });
    if (response.kind === 'analysed') {
      cache.set(key, response.hash, response.flows, response);
      analysed.push(name);
    } else assert.strictEqual(response.kind, 'unchanged', `${name}: ${response.kind}`);
    flows[name] = (cache.entry(key)?.flows?.flows ?? []).map((flow) => `${flow.line} ${flow.sink.api}`);
  }
  return { analysed, flows };
}

/** The cache as a new session loads it from disk. */
function reloaded(cache: FlowCache): FlowCache {
  const saved = cache.takeChanges();
  const fresh = new FlowCache('test');
  fresh.load(saved);
  assert.strictEqual(fresh.size, cache.size);
  return fresh;
}

describe('workspace scan cache check (cache, worker and the check before a scan together)', () => {
  for (const session of ['the same worker', 'a new worker and the cache from disk'] as const) {
    describe(`rescanning with ${session}`, () => {
      let project: ReturnType<typeof projectOnDisk>;
      let service: AnalysisService;
      let cache: FlowCache;
      const next = () => {
        if (session === 'a new worker and the cache from disk') {
          service = new AnalysisService();
          cache = reloaded(cache);
        }
      };

      beforeEach(async () => {
        project = projectOnDisk(FILES);
        service = new AnalysisService();
        cache = new FlowCache('test');
        const first = await rescan(service, cache, project, SCANNED);
        assert.deepStrictEqual(first.analysed, SCANNED);
        assert.deepStrictEqual(first.flows['app/src/intake.ts'], [], 'the logger does not exist yet');
        assert.deepStrictEqual(first.flows['app/src/checkIn.ts'], [], 'the transport does not exist yet');
        assert.deepStrictEqual(first.flows['clinic/src/visits.ts'], [], 'no field is PHI yet');
        next();
      });

      it('reuses every file when nothing changed', async () => {
        assert.deepStrictEqual((await rescan(service, cache, project, SCANNED)).analysed, []);
      });

      it('analyses again exactly the file whose missing import now exists (and the new module)', async () => {
        project.write('app/src/logger.ts', LOGGER);
        const second = await rescan(service, cache, project, [...SCANNED, 'app/src/logger.ts']);
        assert.deepStrictEqual(second.analysed, ['app/src/intake.ts', 'app/src/logger.ts']);
        assert.deepStrictEqual(second.flows['app/src/intake.ts'], ['3 console.log'], 'PHI now reaches the logger');
        next();
        assert.deepStrictEqual((await rescan(service, cache, project, [...SCANNED, 'app/src/logger.ts'])).analysed, [], 'then reused again');
      });

      it('analyses again the files using a module whose missing import now exists', async () => {
        project.write('app/lib/transport.ts', LOGGER.replace('log', 'send'));
        const second = await rescan(service, cache, project, SCANNED);
        assert.deepStrictEqual(second.analysed, ['app/lib/audit.ts', 'app/src/checkIn.ts']);
        assert.deepStrictEqual(second.flows['app/src/checkIn.ts'], ['3 console.log'], 'PHI now reaches a sink through the helper');
        next();
        assert.deepStrictEqual((await rescan(service, cache, project, SCANNED)).analysed, [], 'then reused again');
      });

      it('analyses again the files whose import names another module now (one created beside the folder it named)', async () => {
        // `./notify` named app/src/notify/index.ts, which returns what it gets; app/src/notify.ts comes first now.
        project.write('app/src/notify.ts', LOGGER.replace('log', 'notify'));
        const second = await rescan(service, cache, project, [...SCANNED, 'app/src/notify.ts']);
        assert.deepStrictEqual(second.analysed, ['app/src/alert.ts', 'app/src/notify.ts']);
        assert.deepStrictEqual(second.flows['app/src/alert.ts'], ['3 console.log'], 'PHI now reaches the new module\'s logger');
        next();
        assert.deepStrictEqual((await rescan(service, cache, project, [...SCANNED, 'app/src/notify.ts'])).analysed, [], 'then reused again');
      });

      it('analyses again exactly the files whose analysis read a changed schema.prisma', async () => {
        project.write('clinic/prisma/schema.prisma', PHI_SCHEMA);
        const second = await rescan(service, cache, project, SCANNED);
        assert.deepStrictEqual(second.analysed, ['clinic/src/visits.ts', 'clinic/src/plain.ts']);
        assert.deepStrictEqual(second.flows['clinic/src/visits.ts'], ['3 console.log'], 'the field is PHI now');
        assert.deepStrictEqual(second.flows['billing/src/visits.ts'], [], 'the other package has its own schema');
        next();
        assert.deepStrictEqual((await rescan(service, cache, project, SCANNED)).analysed, [], 'then reused again');
      });

      it('analyses again the files below a folder where a schema.prisma appeared', async () => {
        project.write('billing/src/schema.prisma', PHI_SCHEMA);
        const second = await rescan(service, cache, project, SCANNED);
        assert.deepStrictEqual(second.analysed, ['billing/src/visits.ts']);
        assert.deepStrictEqual(second.flows['billing/src/visits.ts'], ['3 console.log'], 'the nearer schema wins');
      });
    });
  }
});
