import * as assert from 'assert';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { DEFAULT_CONFIG } from '../../../../src/core';
import { AnalysisClient, type AnalysisClientOptions, type WorkerLike } from '../../../../src/extension/analysisWorker/analysisClient';
import { AnalysisService } from '../../../../src/extension/analysisWorker/analysisService';
import { resultWithFindings } from '../../../../src/extension/analysisWorker/findingsUpdate';
import type { AnalysisRequest, FromWorker, OverlayUpdate, ToWorker } from '../../../../src/extension/analysisWorker/protocol';
import { LOGGING_HELPER, projectOnDisk, QUIET_HELPER, ROUTE } from './projectFixture';

/** A worker the test answers by hand: it records what it was sent and can crash. */
class FakeWorker implements WorkerLike {
  readonly received: ToWorker[] = [];
  terminated = false;
  private readonly listeners: Record<string, ((value: never) => void)[]> = {};

  postMessage(message: ToWorker): void {
    this.received.push(structuredClone(message));
  }

  on(event: string, listener: (value: never) => void): this {
    (this.listeners[event] ??= []).push(listener);
    return this;
  }

  terminate(): void {
    this.terminated = true;
  }

  answer(response: unknown, index = this.received.length - 1): void {
    this.emit('message', { type: 'response', id: this.received[index]!.id, response } satisfies FromWorker);
  }

  fail(error: string): void {
    this.emit('message', { type: 'error', id: this.received.at(-1)!.id, error } satisfies FromWorker);
  }

  crash(error: Error = new Error('boom')): void {
    this.emit('error', error);
    this.emit('exit', 1);
  }

  private emit(event: string, value: unknown): void {
    for (const listener of this.listeners[event] ?? []) listener(value as never);
  }
}

const dependents = (file: string): Extract<AnalysisRequest, { kind: 'dependents' }> => ({ kind: 'dependents', root: '/ws', file });
const tick = () => new Promise((resolve) => setImmediate(resolve));

function harness(options: Partial<AnalysisClientOptions> = {}) {
  const workers: FakeWorker[] = [];
  const logged: string[] = [];
  const overlayCalls: boolean[] = [];
  const client = new AnalysisClient({
    startWorker: () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker;
    },
    inProcess: () => ({ handle: (request: AnalysisRequest) => ({ files: [`in-process:${request.kind}`] }) }),
    overlays: {
      take: (all: boolean): OverlayUpdate[] => {
        overlayCalls.push(all);
        return all ? [{ file: '/ws/open.ts', text: 'unsaved' }] : [];
      },
    },
    log: { info: (m) => logged.push(`info ${m}`), warn: (m) => logged.push(`warn ${m}`), error: (m) => logged.push(`error ${m}`) },
    ...options,
  });
  return { client, workers, logged, overlayCalls };
}

describe('analysis worker client', () => {
  it('turns a scan answer\'s numbered inputs back into objects, and asks for every input again when it lacks one', async () => {
    const { client, workers } = harness();
    const scanRequest = (file: string) => ({ kind: 'scanFile' as const, file, uri: `file://${file}`, displayPath: file, config: DEFAULT_CONFIG, root: '/ws' });
    const helper = { path: '/ws/audit.ts', hash: 'a'.repeat(64), unresolved: [], schema: '' };
    const self = (file: string) => ({ path: file, hash: 'b'.repeat(64), unresolved: [], schema: '' });
    const flows = { uri: 'file:///ws/a.ts', flows: [], inventory: [] };
    const warmUp = client.request(dependents('/ws/warm-up.ts'));
    const worker = workers[0]!;
    worker.answer({ files: [] });
    await warmUp;

    const first = client.request(scanRequest('/ws/a.ts'), { priority: 'background' });
    worker.answer({ kind: 'analysed', flows, hash: 'h', self: 0, dependencies: [1], inputs: [[0, self('/ws/a.ts')], [1, helper]] });
    const a = await first;
    assert.ok(a.status === 'done' && a.value.kind === 'analysed');
    assert.deepStrictEqual(a.value.dependencies, [helper]);
    assert.deepStrictEqual(a.value.self, self('/ws/a.ts'));

    // The worker thinks it sent input 7 (in an answer this client never got): the client asks again, the caller waits.
    const second = client.request(scanRequest('/ws/b.ts'), { priority: 'background' });
    worker.answer({ kind: 'analysed', flows, hash: 'h', self: 2, dependencies: [1, 7], inputs: [[2, self('/ws/b.ts')]] });
    await tick();
    const resent = worker.received.at(-1)!;
    assert.strictEqual((resent.request as { resendInputs?: true }).resendInputs, true);
    assert.strictEqual((resent.request as { file: string }).file, '/ws/b.ts');
    worker.answer({ kind: 'analysed', flows, hash: 'h', self: 2, dependencies: [1, 7], inputs: [[2, self('/ws/b.ts')], [1, helper], [7, self('/ws/c.ts')]] });
    const b = await second;
    assert.ok(b.status === 'done' && b.value.kind === 'analysed');
    assert.deepStrictEqual(b.value.dependencies.map((input) => input.path), ['/ws/audit.ts', '/ws/c.ts']);
    const third = client.request(scanRequest('/ws/d.ts'), { priority: 'background' });
    assert.strictEqual((worker.received.at(-1)!.request as { resendInputs?: true }).resendInputs, undefined, 'asked once');
    worker.answer({ kind: 'unchanged' });
    assert.deepStrictEqual(await third, { status: 'done', value: { kind: 'unchanged' } });

    // A new worker numbers afresh: what the old one sent is forgotten.
    worker.crash();
    const fourth = client.request(scanRequest('/ws/e.ts'), { priority: 'background' });
    const next = workers.at(-1)!;
    assert.notStrictEqual(next, worker);
    next.answer({ kind: 'analysed', flows, hash: 'h', self: 0, dependencies: [1], inputs: [[0, self('/ws/e.ts')]] });
    await tick();
    assert.strictEqual((next.received.at(-1)!.request as { resendInputs?: true }).resendInputs, true, 'input 1 was the old worker\'s');
    next.answer({ kind: 'analysed', flows, hash: 'h', self: 0, dependencies: [1], inputs: [[0, self('/ws/e.ts')], [1, helper]] });
    const e = await fourth;
    assert.ok(e.status === 'done' && e.value.kind === 'analysed');
    assert.deepStrictEqual(e.value.dependencies, [helper]);
  });

  it('sends one request at a time, editor work before queued scan files, and matches answers by id', async () => {
    const { client, workers } = harness();
    const scanA = client.request(dependents('/ws/scanA.ts'), { priority: 'background' });
    const scanB = client.request(dependents('/ws/scanB.ts'), { priority: 'background' });
    const editor = client.request(dependents('/ws/editor.ts'), { priority: 'interactive' });
    const worker = workers[0]!;
    assert.deepStrictEqual(worker.received.map((message) => (message.request as { file: string }).file), ['/ws/scanA.ts'], 'one in flight');
    worker.answer({ files: ['a'] });
    assert.deepStrictEqual(await scanA, { status: 'done', value: { files: ['a'] } });
    assert.strictEqual((worker.received[1]!.request as { file: string }).file, '/ws/editor.ts', 'the editor goes first');
    worker.answer({ files: ['e'] });
    worker.answer({ files: ['stale answer for an old id'] }, 0);
    assert.deepStrictEqual(await editor, { status: 'done', value: { files: ['e'] } });
    worker.answer({ files: ['b'] });
    assert.deepStrictEqual(await scanB, { status: 'done', value: { files: ['b'] } });
  });

  it('sends every unsaved buffer to a new worker, then only the changes', async () => {
    const { client, workers, overlayCalls } = harness();
    const first = client.request(dependents('/ws/a.ts'));
    assert.deepStrictEqual(workers[0]!.received[0]!.overlays, [{ file: '/ws/open.ts', text: 'unsaved' }]);
    workers[0]!.answer({ files: [] });
    await first;
    void client.request(dependents('/ws/b.ts'));
    assert.deepStrictEqual(overlayCalls, [true, false]);
  });

  it("sends the analysed document's own buffer as a reference to the request's text, not a second copy", async () => {
    const document = (text: string): AnalysisRequest => ({ kind: 'analyzeDocument', file: '/ws/open.ts', fileName: '/ws/open.ts', text, config: DEFAULT_CONFIG, root: '/ws' });
    const handled: OverlayUpdate[][] = [];
    const buffers: OverlayUpdate[] = [{ file: '/ws/open.ts', text: 'typed' }, { file: '/ws/other.ts', text: 'other' }];
    const { client, workers } = harness({ overlays: { take: () => buffers } });
    void client.request(document('typed'));
    assert.deepStrictEqual(workers[0]!.received[0]!.overlays, [{ file: '/ws/open.ts', textOfRequest: true }, { file: '/ws/other.ts', text: 'other' }]);
    workers[0]!.answer({});
    await tick();
    // Typed on since the request was made: the buffer is not the request's text, so it goes as it is.
    void client.request(document('typed earlier'));
    assert.deepStrictEqual(workers[0]!.received[1]!.overlays, buffers);
    workers[0]!.answer({});
    await tick();
    // On this thread (no worker) nothing is copied: the handler gets the buffers themselves.
    const inProcess = harness({ startWorker: () => undefined, inProcess: () => ({ handle: (_request: AnalysisRequest, overlays: readonly OverlayUpdate[]) => handled.push([...overlays]) }), overlays: { take: () => buffers } });
    assert.strictEqual((await inProcess.client.request(document('typed'))).status, 'done');
    assert.deepStrictEqual(handled, [buffers]);
  });

  it('fails each request with the reason when neither a worker nor the engine on this thread can start', async () => {
    const { client, logged } = harness({
      startWorker: () => undefined,
      inProcess: () => {
        throw new Error("Cannot find module './engineParts.js'");
      },
    });
    const analyze = (text: string): AnalysisRequest => ({ kind: 'analyzeDocument', file: '/ws/a.ts', fileName: '/ws/a.ts', text, config: DEFAULT_CONFIG });
    const first = await client.request(analyze('a'));
    const second = await client.request(analyze('b'));
    for (const outcome of [first, second]) {
      assert.strictEqual(outcome.status, 'failed');
      assert.match(outcome.status === 'failed' ? outcome.message : '', /could not load its engine on this thread either \(Cannot find module '\.\/engineParts\.js'\); reinstall PHI Guard/);
    }
    assert.strictEqual(logged.filter((line) => line.startsWith('error ') && line.includes('could not load its engine')).length, 1);
  });

  it('analyses without buffers when the editor cannot give them, and sends them all next time', async () => {
    let calls = 0;
    const asked: boolean[] = [];
    const { client, workers, logged } = harness({
      overlays: {
        take: (all) => {
          asked.push(all);
          if (calls++ === 0) throw new Error('document closed meanwhile');
          return [];
        },
      },
    });
    const first = client.request(dependents('/ws/a.ts'));
    assert.deepStrictEqual(workers[0]!.received[0]!.overlays, []);
    workers[0]!.answer({ files: [] });
    assert.strictEqual((await first).status, 'done');
    void client.request(dependents('/ws/b.ts'));
    assert.deepStrictEqual(asked, [true, true]);
    assert.ok(logged.some((line) => line.startsWith('error ') && line.includes('document closed meanwhile')), logged.join('\n'));
  });

  it('drops a queued request a newer one supersedes, and ignores the answer to a superseded running one', async () => {
    const { client, workers } = harness();
    const running = client.request(dependents('/ws/a.ts'), { supersedeKey: 'doc:a' });
    const queued = client.request(dependents('/ws/a.ts#2'), { supersedeKey: 'doc:a' });
    const newest = client.request(dependents('/ws/a.ts#3'), { supersedeKey: 'doc:a' });
    assert.deepStrictEqual(await queued, { status: 'cancelled' });
    workers[0]!.answer({ files: ['v1'] });
    assert.deepStrictEqual(await running, { status: 'cancelled' }, 'version 1 is useless once version 3 is asked for');
    assert.strictEqual((workers[0]!.received[1]!.request as { file: string }).file, '/ws/a.ts#3', 'version 2 was never sent');
    workers[0]!.answer({ files: ['v3'] });
    assert.deepStrictEqual(await newest, { status: 'done', value: { files: ['v3'] } });
  });

  it('cancels queued requests when their signal aborts (a cancelled workspace scan)', async () => {
    const { client, workers } = harness();
    const abort = new AbortController();
    const first = client.request(dependents('/ws/1.ts'), { priority: 'background', signal: abort.signal });
    const second = client.request(dependents('/ws/2.ts'), { priority: 'background', signal: abort.signal });
    abort.abort();
    assert.deepStrictEqual(await second, { status: 'cancelled' });
    workers[0]!.answer({ files: [] });
    assert.deepStrictEqual(await first, { status: 'cancelled' });
    assert.deepStrictEqual(await client.request(dependents('/ws/3.ts'), { signal: abort.signal }), { status: 'cancelled' });
    assert.strictEqual(workers[0]!.received.length, 1);
    // One listener per signal, however many requests share it.
    const many = new AbortController();
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    const requests = Array.from({ length: 50 }, (_, index) => client.request(dependents(`/ws/many${index}.ts`), { priority: 'background', signal: many.signal }));
    many.abort();
    workers[0]!.answer({ files: [] });
    assert.ok((await Promise.all(requests)).every((outcome) => outcome.status === 'cancelled'));
    await tick();
    process.off('warning', onWarning);
    assert.deepStrictEqual(warnings, []);
  });

  it('passes on an exception the worker caught as a failed outcome, and goes on', async () => {
    const { client, workers } = harness();
    const failing = client.request(dependents('/ws/a.ts'));
    const next = client.request(dependents('/ws/b.ts'));
    workers[0]!.fail('TypeError: x is undefined');
    assert.deepStrictEqual(await failing, { status: 'failed', message: 'TypeError: x is undefined' });
    workers[0]!.answer({ files: [] });
    assert.strictEqual((await next).status, 'done');
  });

  it('when the worker dies: fails the request it had, logs it, and sends the rest to a new worker', async () => {
    const { client, workers, logged, overlayCalls } = harness();
    const lost = client.request(dependents('/ws/big.ts'));
    const queued = client.request(dependents('/ws/next.ts'));
    workers[0]!.crash();
    assert.deepStrictEqual(await lost, { status: 'failed', message: 'the analysis worker stopped (boom)' });
    assert.ok(workers[0]!.terminated);
    assert.ok(logged.some((line) => line.startsWith('error ') && line.includes('dependents of /ws/big.ts') && line.includes('the next request starts a new one')), logged.join('\n'));
    assert.strictEqual(workers.length, 2);
    assert.strictEqual((workers[1]!.received[0]!.request as { file: string }).file, '/ws/next.ts');
    assert.deepStrictEqual(overlayCalls, [true, true], 'the new worker gets every unsaved buffer');
    workers[1]!.answer({ files: ['ok'] });
    assert.deepStrictEqual(await queued, { status: 'done', value: { files: ['ok'] } });
  });

  it('takes a worker that does not answer in time for hung, and restarts it', async () => {
    const { client, workers } = harness({ requestTimeoutMs: 20, maxCrashes: 1 });
    const hung = client.request(dependents('/ws/loop.ts'));
    assert.deepStrictEqual(await hung, { status: 'failed', message: 'the analysis worker stopped (no answer within 0.02 s)' });
    assert.ok(workers[0]!.terminated);
    void client.request(dependents('/ws/next.ts'));
    assert.strictEqual(workers.length, 2);
    assert.ok(!client.runsInProcess, 'a hang would hang the extension host too: never a reason to analyse there');
  });

  it('restarts after an out-of-memory crash without counting it towards analysing on this thread', async () => {
    const { client, workers } = harness({ maxCrashes: 1 });
    const request = client.request(dependents('/ws/huge.ts'));
    workers[0]!.crash(Object.assign(new Error('Worker terminated due to reaching memory limit: JS heap out of memory'), { code: 'ERR_WORKER_OUT_OF_MEMORY' }));
    assert.strictEqual((await request).status, 'failed');
    assert.ok(!client.runsInProcess);
    void client.request(dependents('/ws/next.ts'));
    assert.strictEqual(workers.length, 2);
  });

  it('analyses on this thread after repeated crashes, or when no worker can start', async () => {
    const { client, workers, logged } = harness({ maxCrashes: 2 });
    for (let crash = 0; crash < 2; crash++) {
      const request = client.request(dependents('/ws/crashy.ts'));
      workers.at(-1)!.crash();
      assert.strictEqual((await request).status, 'failed');
    }
    assert.ok(client.runsInProcess);
    assert.ok(logged.some((line) => line.startsWith('warn ') && line.includes("extension host's thread")), logged.join('\n'));
    assert.deepStrictEqual(await client.request(dependents('/ws/a.ts')), { status: 'done', value: { files: ['in-process:dependents'] } });
    assert.strictEqual(workers.length, 2, 'no third worker');

    const without = harness({ startWorker: () => undefined });
    assert.deepStrictEqual(await without.client.request(dependents('/ws/a.ts')), { status: 'done', value: { files: ['in-process:dependents'] } });
  });

  it('on dispose, terminates the worker and ends every request as cancelled', async () => {
    const { client, workers } = harness();
    const running = client.request(dependents('/ws/a.ts'));
    const queued = client.request(dependents('/ws/b.ts'), { priority: 'background' });
    client.dispose();
    assert.ok(workers[0]!.terminated);
    assert.deepStrictEqual(await Promise.all([running, queued]), [{ status: 'cancelled' }, { status: 'cancelled' }]);
    workers[0]!.crash();
    await tick();
    assert.deepStrictEqual(await client.request(dependents('/ws/c.ts')), { status: 'cancelled' });
    assert.strictEqual(workers.length, 1, 'no restart after dispose');
  });

  it("runs the real worker entry: an unsaved document's buffer, sent as the request's text, is what its importers read", async function () {
    this.timeout(60_000);
    const project = projectOnDisk({ 'src/audit.ts': QUIET_HELPER, 'src/route.ts': ROUTE });
    const entry = path.join(__dirname, '../../../../src/extension/analysisWorker/worker.ts');
    const unsaved: OverlayUpdate[] = [{ file: project.file('src/audit.ts'), text: LOGGING_HELPER }];
    const client = new AnalysisClient({
      startWorker: () => new Worker(`require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(entry)});`, { eval: true }),
      inProcess: () => new AnalysisService(),
      overlays: { take: () => unsaved.splice(0) },
      log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    });
    const analyse = (file: string, text: string, config = DEFAULT_CONFIG) => client.request({ kind: 'analyzeDocument', file: project.file(file), fileName: project.file(file), text, config, root: project.root });
    try {
      // Editing audit.ts: its buffer (the text being analysed) goes to the worker once, inside the request.
      assert.strictEqual((await analyse('src/audit.ts', LOGGING_HELPER)).status, 'done');
      assert.strictEqual(unsaved.length, 0);
      // route.ts imports it, under a changed policy (a fresh analyser, which reads audit.ts through the worker's
      // buffers): the logging in the unsaved buffer, not the quiet helper on disk, decides the finding.
      const outcome = await analyse('src/route.ts', ROUTE, { ...DEFAULT_CONFIG, notPhiNames: [...DEFAULT_CONFIG.notPhiNames, 'auditTrailId'] });
      assert.strictEqual(outcome.status, 'done', JSON.stringify(outcome));
      assert.deepStrictEqual(resultWithFindings(outcome.value)!.findings.map((finding) => finding.expression), ['patient.ssn']);
      assert.ok(!client.runsInProcess);
    } finally {
      client.dispose();
    }
  });

  it('runs the real worker entry on a worker thread: cross-file findings with an unsaved helper', async function () {
    this.timeout(60_000);
    const project = projectOnDisk({ 'src/audit.ts': 'export function audit(entry: unknown) { return entry; }\n', 'src/route.ts': ROUTE });
    const entry = path.join(__dirname, '../../../../src/extension/analysisWorker/worker.ts');
    const started: Worker[] = [];
    const client = new AnalysisClient({
      // The source entry through tsx, as dist/analysisWorker.js runs it after bundling.
      startWorker: () => {
        const worker = new Worker(`require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(entry)});`, { eval: true });
        started.push(worker);
        return worker;
      },
      inProcess: () => new AnalysisService(),
      overlays: { take: () => [{ file: project.file('src/audit.ts'), text: LOGGING_HELPER }] },
      log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    });
    try {
      const outcome = await client.request({ kind: 'analyzeDocument', file: project.file('src/route.ts'), fileName: project.file('src/route.ts'), text: ROUTE, config: DEFAULT_CONFIG, root: project.root });
      assert.strictEqual(outcome.status, 'done', JSON.stringify(outcome));
      assert.deepStrictEqual(resultWithFindings(outcome.value)!.findings.map((finding) => finding.expression), ['patient.ssn']);
      assert.ok(!client.runsInProcess);
      assert.strictEqual(started.length, 1);
    } finally {
      client.dispose();
    }
  });
});
