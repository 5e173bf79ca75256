import type { AnalysisRequest, FromWorker, OverlayUpdate, ResponseOf, ScanFileWireResponse, ToWorker } from './protocol';
import { ScanInputTable } from './scanInputNumbers';
import { packOverlays } from './sentOverlays';

/** How a request ended. The client never rejects: the editor gets an outcome to act on, not an exception. */
export type Outcome<T> = { readonly status: 'done'; readonly value: T } | { readonly status: 'cancelled' } | { readonly status: 'failed'; readonly message: string };

/** The part of `worker_threads.Worker` the client uses (tests pass a fake). */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  on(event: 'message', listener: (message: FromWorker) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  terminate(): unknown;
}

/** The same handler the worker runs, for running on this thread when no worker can be used. */
export interface InProcessHandler {
  handle(request: AnalysisRequest, overlays: readonly OverlayUpdate[]): unknown;
}

/** Open editor buffers the worker should read instead of disk; `all` also after a restart (a new worker knows none). */
export interface OverlaySource {
  take(all: boolean): OverlayUpdate[];
}

export interface ClientLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface AnalysisClientOptions {
  /** Starts a worker; `undefined` when none can run here (the bundle is missing): analysis runs on this thread. */
  readonly startWorker: () => WorkerLike | undefined;
  readonly inProcess: () => InProcessHandler;
  readonly overlays?: OverlaySource;
  readonly log: ClientLog;
  /**
   * A request running longer than this is taken for a hung worker: it is stopped and restarted. Generous, because
   * one scan request may first analyse every module the file imports.
   */
  readonly requestTimeoutMs?: number;
  /**
   * After this many crashes within `crashWindowMs`, analysis runs on this thread for the rest of the session. Hangs
   * and out-of-memory crashes do not count: the same input would hang or exhaust the extension host itself.
   */
  readonly maxCrashes?: number;
  readonly crashWindowMs?: number;
}

export interface RequestOptions {
  /** Editor work goes before queued workspace-scan files. */
  readonly priority?: 'interactive' | 'background';
  /** A newer request with the same key makes this one useless: it is dropped from the queue, or its result ignored. */
  readonly supersedeKey?: string;
  readonly signal?: AbortSignal;
}

interface Pending {
  readonly id: number;
  readonly request: AnalysisRequest;
  readonly options: RequestOptions;
  readonly resolve: (outcome: Outcome<unknown>) => void;
  cancelled: boolean;
}

/**
 * The extension host's side of the analysis worker: queues requests (editor first), sends one at a time so a newer
 * version of a document can still replace a queued older one, restarts the worker when it dies, and after repeated
 * crashes (or without a worker bundle) falls back to analysing on this thread.
 */
export class AnalysisClient {
  private readonly queues: Record<'interactive' | 'background', Pending[]> = { interactive: [], background: [] };
  private inFlight: Pending | undefined;
  private inFlightTimer: ReturnType<typeof setTimeout> | undefined;
  private worker: WorkerLike | undefined;
  private inProcess: InProcessHandler | undefined;
  private needsAllOverlays = true;
  private nextId = 1;
  private readonly crashes: number[] = [];
  private readonly watchedSignals = new WeakSet<AbortSignal>();
  private disposed = false;
  /** The workspace scan's file inputs the current worker (or this thread's handler) has sent, by number. */
  private readonly scanInputs = new ScanInputTable();
  /** A response named an input this client never received: the next scan request asks for every input again. */
  private resendInputs = false;

  constructor(private readonly options: AnalysisClientOptions) {}

  /** Whether analysis runs on the extension host's thread (the worker could not start or kept crashing). */
  get runsInProcess(): boolean {
    return this.inProcess !== undefined;
  }

  request<K extends AnalysisRequest['kind']>(request: Extract<AnalysisRequest, { kind: K }>, options: RequestOptions = {}): Promise<Outcome<ResponseOf[K]>> {
    if (this.disposed || options.signal?.aborted) return Promise.resolve({ status: 'cancelled' });
    return new Promise((resolve) => {
      const pending: Pending = { id: this.nextId++, request, options, resolve: resolve as (outcome: Outcome<unknown>) => void, cancelled: false };
      if (options.supersedeKey !== undefined) this.supersede(options.supersedeKey);
      if (options.signal) this.watch(options.signal);
      this.queues[options.priority ?? 'interactive'].push(pending);
      this.pump();
    });
  }

  /** One listener per signal (a workspace scan shares one among thousands of requests). */
  private watch(signal: AbortSignal): void {
    if (this.watchedSignals.has(signal)) return;
    this.watchedSignals.add(signal);
    signal.addEventListener(
      'abort',
      () => {
        for (const queue of Object.values(this.queues)) for (const pending of queue.filter((candidate) => candidate.options.signal === signal)) this.cancel(pending);
        if (this.inFlight?.options.signal === signal) this.inFlight.cancelled = true;
      },
      { once: true },
    );
  }

  private supersede(key: string): void {
    for (const queue of Object.values(this.queues)) {
      for (const pending of queue.filter((candidate) => candidate.options.supersedeKey === key)) this.cancel(pending);
    }
    if (this.inFlight?.options.supersedeKey === key) this.inFlight.cancelled = true;
  }

  private cancel(pending: Pending): void {
    pending.cancelled = true;
    for (const queue of Object.values(this.queues)) {
      const index = queue.indexOf(pending);
      if (index >= 0) {
        queue.splice(index, 1);
        pending.resolve({ status: 'cancelled' });
      }
    }
  }

  private pump(): void {
    if (this.disposed || this.inFlight) return;
    const pending = this.queues.interactive.shift() ?? this.queues.background.shift();
    if (!pending) return;
    this.inFlight = pending;
    if (!this.inProcess && !this.worker) this.start();
    const overlays = this.takeOverlays();
    let request = pending.request;
    if (request.kind === 'scanFile' && this.resendInputs) {
      request = { ...request, resendInputs: true };
      this.resendInputs = false;
    }
    if (this.inProcess) {
      const handler = this.inProcess;
      // Still asynchronous, so callers behave the same whichever way the analysis runs.
      setImmediate(() => {
        try {
          this.settle(pending.id, { status: 'done', value: handler.handle(request, overlays) });
        } catch (error) {
          this.settle(pending.id, { status: 'failed', message: describe(error) });
        }
      });
      return;
    }
    const message: ToWorker = { id: pending.id, request, overlays: packOverlays(overlays, request) };
    try {
      this.worker!.postMessage(message);
    } catch (error) {
      // Not cloneable: a bug in the request, not the worker's fault.
      this.settle(pending.id, { status: 'failed', message: `could not send the request to the analysis worker (${describe(error)})` });
      return;
    }
    const timeoutMs = this.options.requestTimeoutMs ?? 180_000;
    this.inFlightTimer = setTimeout(() => this.crashed(this.worker, `no answer within ${timeoutMs / 1000} s`, false), timeoutMs);
    this.inFlightTimer.unref?.();
  }

  private takeOverlays(): OverlayUpdate[] {
    const all = this.needsAllOverlays;
    this.needsAllOverlays = false;
    try {
      return this.options.overlays?.take(all) ?? [];
    } catch (error) {
      // Analyse with what the worker has; send every buffer next time.
      this.needsAllOverlays = true;
      this.options.log.error(`PHI Guard could not read the open editors' text for cross-file analysis (${describe(error)}).`);
      return [];
    }
  }

  private start(): void {
    let worker: WorkerLike | undefined;
    try {
      worker = this.options.startWorker();
    } catch (error) {
      this.options.log.error(`PHI Guard could not start its analysis worker (${describe(error)}).`);
    }
    if (!worker) {
      this.fallBackToThisThread('no analysis worker could be started');
      return;
    }
    this.worker = worker;
    this.needsAllOverlays = true;
    this.scanInputs.clear();
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'response') this.settle(message.id, { status: 'done', value: message.response });
      else this.settle(message.id, { status: 'failed', message: message.error });
    });
    worker.on('error', (error: Error) => this.crashed(worker, describe(error), (error as { code?: unknown }).code !== 'ERR_WORKER_OUT_OF_MEMORY'));
    worker.on('exit', (code: number) => this.crashed(worker, `exit code ${code}`, true));
  }

  private settle(id: number, outcome: Outcome<unknown>): void {
    const pending = this.inFlight;
    if (!pending || pending.id !== id) return;
    clearTimeout(this.inFlightTimer);
    this.inFlight = undefined;
    let settled = outcome;
    if (pending.request.kind === 'scanFile' && outcome.status === 'done') {
      // Decoded even for a cancelled request: the inputs it carries are not sent again.
      const decoded = this.scanInputs.decode(outcome.value as ScanFileWireResponse);
      if (!decoded) this.resendInputs = true;
      if (!decoded && !pending.cancelled) {
        this.queues[pending.options.priority ?? 'interactive'].unshift(pending);
        this.pump();
        return;
      }
      settled = { status: 'done', value: decoded };
    }
    pending.resolve(pending.cancelled ? { status: 'cancelled' } : settled);
    this.pump();
  }

  /** The worker died (or hung): the request it had fails, the rest go to a new worker. */
  private crashed(worker: WorkerLike | undefined, why: string, countsTowardsFallback: boolean): void {
    if (this.disposed || !worker || worker !== this.worker) return;
    this.worker = undefined;
    void worker.terminate();
    const lost = this.inFlight;
    const now = Date.now();
    if (countsTowardsFallback) this.crashes.push(now);
    const recent = this.crashes.filter((at) => now - at <= (this.options.crashWindowMs ?? 60_000)).length;
    this.options.log.error(`PHI Guard's analysis worker stopped (${why})${lost ? ` while handling ${describeRequest(lost.request)}` : ''}; ${recent >= (this.options.maxCrashes ?? 3) ? 'it stopped too often' : 'the next request starts a new one'}.`);
    if (recent >= (this.options.maxCrashes ?? 3)) this.fallBackToThisThread(`the analysis worker stopped ${recent} times`);
    if (lost) this.settle(lost.id, { status: 'failed', message: `the analysis worker stopped (${why})` });
  }

  private fallBackToThisThread(why: string): void {
    if (this.inProcess) return;
    this.options.log.warn(`PHI Guard analyses on the extension host's thread from now on (${why}); large files may make typing lag. Reload the window to try the worker again.`);
    this.inProcess = this.handlerOnThisThread();
    this.needsAllOverlays = true;
    this.scanInputs.clear();
  }

  /** The in-process handler; if it cannot be made (its engine cannot be loaded), one that fails every request saying why. */
  private handlerOnThisThread(): InProcessHandler {
    try {
      return this.options.inProcess();
    } catch (error) {
      const message = `PHI Guard could not load its engine on this thread either (${describe(error)}); reinstall PHI Guard.`;
      this.options.log.error(message);
      return {
        handle: () => {
          throw new Error(message);
        },
      };
    }
  }

  /** Stops the worker; queued and running requests end as cancelled. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.inFlightTimer);
    const worker = this.worker;
    this.worker = undefined;
    if (worker) void worker.terminate();
    const all = [...(this.inFlight ? [this.inFlight] : []), ...this.queues.interactive, ...this.queues.background];
    this.inFlight = undefined;
    this.queues.interactive = [];
    this.queues.background = [];
    for (const pending of all) pending.resolve({ status: 'cancelled' });
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Names the file a request was about (never its text: it may hold PHI). */
function describeRequest(request: AnalysisRequest): string {
  switch (request.kind) {
    case 'analyzeDocument':
    case 'scanFile':
    case 'dependents':
      return `${request.kind} of ${request.file}`;
    case 'checkModules':
      return `a check of ${request.files.length} module(s)`;
    case 'checkResolution':
      return `a check of ${request.imports.length} import(s) and ${request.schemas.length} Prisma schema lookup(s)`;
    case 'diskChanged':
      return 'a file change';
  }
}
