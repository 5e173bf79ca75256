import * as path from 'path';
import { receiveMessageOnPort, type MessagePort } from 'worker_threads';
import { analyzeSource, nodeProjectHost, ProjectAnalyzer, type AnalysisResult, type AnalyzeOptions, type PersistedAnalyses, type RestoreOutcome, type SharedAnalysis } from '../core';
import type { Analyzer } from './analyzeFile';
import type { ConfigForFile } from './configForFiles';
import type { SharedAnalysesMessage } from './workerProtocol';

/**
 * The engine as the CLI uses it, one per thread: with `crossFile` (the default) files are analysed through a
 * ProjectAnalyzer, so PHI is followed into the project's own imported modules exactly as the ESLint plugin and
 * the editor do. Each thread keeps its own analyses for the whole scan; with `peers` (ports to the scan's other
 * threads) it sends every analysis it makes to them and adopts theirs, so a module is analysed by one thread only
 * (unless two threads need it at the same moment). `configFor` gives each module its configuration (a file analysed
 * with `crossFile: false` in its own is analysed alone). `restore`: an earlier scan's analyses (`--cache`), each reused
 * once its file and what it read are found unchanged; `persist()` gives this scan's for the next.
 */
export function createEngine(root: string, configFor: ConfigForFile, peers: readonly MessagePort[] = [], restore?: PersistedAnalyses): ScanEngine {
  const analysed: string[] = [];
  const fileSystem = nodeProjectHost();
  // The files the analyser reads are the modules it analyses, plus schemas and package/tsconfig files (nothing to share).
  // A scan reads a snapshot of the files: one generation, checked once (no re-checks when a request takes a while), so
  // no change stamps either (one system call per file, never compared).
  const host = { ...fileSystem, version: undefined, readFile: (file: string) => (analysed.push(file), fileSystem.readFile(file)) };
  let project = new ProjectAnalyzer(host, root, configFor, Infinity);
  let restored: RestoreOutcome | undefined;
  let restoreProblem: string | undefined;
  try {
    restored = restore ? project.restoreAnalyses(restore) : undefined;
  } catch (error) {
    // A cache of the right engine and Node whose contents are not what it wrote (edited, or damaged in a way the
    // serializer did not notice): none of it is used.
    project = new ProjectAnalyzer(host, root, configFor, Infinity);
    restoreProblem = `it holds data this version did not write (${error instanceof Error ? error.message : String(error)})`;
  }
  // Results this thread has sent or adopted (an analysis is replaced by a new object when the file is re-analysed).
  const known = new WeakSet<object>();
  const analyze = (options: AnalyzeOptions): AnalysisResult => {
    if (options.config?.crossFile === false) return analyzeSource(options);
    const file = path.resolve(options.fileName);
    if (peers.length === 0) return project.analyze(file, options.text) ?? analyzeSource(options);
    adoptFromPeers(project, peers, known);
    analysed.length = 0;
    analysed.push(file);
    const result = project.analyze(file, options.text) ?? analyzeSource(options);
    const message: SharedAnalysesMessage = { analyses: sharedInDependencyOrder(project, analysed, known) };
    if (message.analyses.length > 0) for (const peer of peers) peer.postMessage(message);
    return result;
  };
  // A scan reads one snapshot of the files (see `host`): the text read for an import is the file's.
  return Object.assign(analyze, {
    knownText: (absolutePath: string) => project.analysedTextOf(absolutePath),
    restored,
    restoreProblem,
    persist: () => {
      // What the other threads sent since this one's last file is theirs to keep too.
      adoptFromPeers(project, peers, known);
      return project.persistsAsRestored() ? undefined : project.persistAnalyses();
    },
  });
}

export type ScanEngine = Analyzer & {
  /** What restoring `restore` did (undefined: nothing to restore, or it failed). */
  readonly restored: RestoreOutcome | undefined;
  /** Why `restore` could not be used (a clause: "it holds …"). */
  readonly restoreProblem: string | undefined;
  /** This scan's analyses, for a later scan (see ProjectAnalyzer.persistAnalyses); undefined when they are the ones it restored. */
  persist(): PersistedAnalyses | undefined;
};

/** Adopts what the other threads have analysed so far (synchronously: this thread is busy between files). */
function adoptFromPeers(project: ProjectAnalyzer, peers: readonly MessagePort[], known: WeakSet<object>): void {
  for (const peer of peers) {
    for (let received = receiveMessageOnPort(peer); received; received = receiveMessageOnPort(peer)) {
      for (const shared of (received.message as SharedAnalysesMessage).analyses) if (project.adoptAnalysis(shared)) known.add(shared.result);
    }
  }
}

/**
 * The analyses of `files` (the request and the modules read for it) that the other threads do not have yet,
 * dependencies before their importers: a thread adopts an analysis only if it holds the same summaries of its
 * dependencies as the analysis used. Every thread sends to every other, so an adopted analysis is not sent on.
 */
function sharedInDependencyOrder(project: ProjectAnalyzer, files: readonly string[], known: WeakSet<object>): SharedAnalysis[] {
  const wanted = new Set(files);
  const visited = new Set<string>();
  const out: SharedAnalysis[] = [];
  const visit = (file: string): void => {
    if (visited.has(file)) return;
    visited.add(file);
    const shared = project.shareAnalysis(file);
    if (!shared) return;
    for (const [dependency] of shared.deps) if (wanted.has(dependency)) visit(dependency);
    if (known.has(shared.result)) return;
    known.add(shared.result);
    out.push(shared);
  };
  for (const file of files) visit(file);
  return out;
}
