// (3) Editor re-analysis latency: what the extension's analysis worker does on each keystroke, timed over
// single-character edits in generated files of the given sizes. `worker` = the request copied in (as postMessage
// does), AnalysisService.handle with the buffer update (cross-file ProjectAnalyzer, incremental parse, module summary
// fingerprint), the response copied out, and the editor's side of it: the update applied to the findings it holds.
// The request says the editor keeps its last good result (as it does once it shows one), so a text with syntax errors
// is not analysed, and names the findings the editor holds. `analyzeSource` = the engine alone with a fresh parse, for
// comparison.
import { performance } from 'perf_hooks';
import { AnalysisMemory, analyzeSource, DEFAULT_CONFIG, IncrementalParser } from '../../../src/core';
import { AnalysisService } from '../../../src/extension/analysisWorker/analysisService';
import { resultWithFindings, type HeldFindingsRef } from '../../../src/extension/analysisWorker/findingsUpdate';
import type { AnalyzeDocumentRequest } from '../../../src/extension/analysisWorker/protocol';
import { packOverlays, unpackOverlays } from '../../../src/extension/analysisWorker/sentOverlays';
import { createRandom, generateFile } from '../generateWorkspace';
import { printResult } from './fileList';

const sizes = process.argv[2].split(',').map(Number);
const editsPerSize = process.argv[3].split(',').map(Number);
const WARM_UP_RUNS = 5;
const ROOT = '/bench';

type Reanalyse = (fileName: string, text: string) => number;

function percentile(sorted: readonly number[], p: number): number {
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

/** The worker's handling of one keystroke, with the copies postMessage makes both ways, and the editor's update of its findings. */
function workerPath(): Reanalyse {
  const service = new AnalysisService();
  let held: HeldFindingsRef | undefined;
  return (fileName, text) => {
    const request: AnalyzeDocumentRequest = { kind: 'analyzeDocument', file: fileName, fileName, text, config: DEFAULT_CONFIG, root: ROOT, keepsLastGood: true, ...(held && { heldFindings: held.id }) };
    // The editor's buffer of the document is the request's own text: sent as a reference to it (packOverlays).
    const overlays = packOverlays([{ file: fileName, text }], request);
    const received = structuredClone({ request, overlays });
    const response = structuredClone(service.handle(received.request, unpackOverlays(received.overlays, received.request)));
    const result = resultWithFindings(response, held);
    if (!result) throw new Error('the findings update does not apply to the findings held');
    if (response.findingsId !== undefined) held = { id: response.findingsId, findings: result.findings };
    return result.findings.length;
  };
}

function engineAlone(): Reanalyse {
  return (fileName, text) => analyzeSource({ fileName, text, config: DEFAULT_CONFIG }).findings.length;
}

/**
 * Which of the edits the editor's analysis memory took by analysing the whole file (AnalysisMemory.lastUpdate), worked
 * out after the timed run, on the same sequence of texts made again: the p95 of a large file is the edits that need it
 * all. (Worked out during the timed run, this second analysis of every text left its garbage to the timed edits.)
 */
function wholeFileEdits(lines: number, edits: number): boolean[] {
  const parser = new IncrementalParser();
  const memory = new AnalysisMemory();
  const fileName = `${ROOT}/edit-${lines}.ts`;
  const whole: boolean[] = [];
  forEachEdit(lines, edits, (text, edit) => {
    analyzeSource({ fileName, text, config: DEFAULT_CONFIG, parser, memory, keepLastGood: edit >= 0 });
    if (edit >= 0) whole.push(memory.lastUpdate === 'whole');
  });
  return whole;
}

/**
 * The generated file (as edit -1), then each edit's text: type a character somewhere, then delete it on the next edit,
 * so the text stays close to the original. The same sequence every time for the same size and count.
 */
function forEachEdit(lines: number, edits: number, visit: (text: string, edit: number) => void): void {
  const random = createRandom(1000 + lines);
  let text = generateFile(random, lines, 'ts');
  visit(text, -1);
  let typedAt = 0;
  for (let edit = 0; edit < edits; edit++) {
    if (edit % 2 === 0) {
      typedAt = Math.floor(random() * text.length);
      text = `${text.slice(0, typedAt)}a${text.slice(typedAt)}`;
    } else {
      text = text.slice(0, typedAt) + text.slice(typedAt + 1);
    }
    visit(text, edit);
  }
}

function summarise(timings: readonly number[]): { medianMs: number; p95Ms: number } | undefined {
  if (!timings.length) return undefined;
  const sorted = [...timings].sort((a, b) => a - b);
  return { medianMs: percentile(sorted, 50), p95Ms: percentile(sorted, 95) };
}

function measureEdits(path: 'worker' | 'analyzeSource', reanalyse: Reanalyse, lines: number, edits: number) {
  const fileName = `${ROOT}/edit-${lines}.ts`;
  const timings: number[] = [];
  const cpuTimings: number[] = [];
  let findings = 0;
  let lineCount = 0;
  forEachEdit(lines, edits, (text, edit) => {
    if (edit < 0) {
      // The edits type and delete letters: the line count stays the generated file's.
      lineCount = text.split('\n').length;
      for (let i = 0; i < WARM_UP_RUNS; i++) reanalyse(fileName, text);
      return;
    }
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    findings += reanalyse(fileName, text);
    timings.push(performance.now() - start);
    const cpu = process.cpuUsage(cpuStart);
    cpuTimings.push((cpu.user + cpu.system) / 1000);
  });
  const sorted = [...timings].sort((a, b) => a - b);
  const cpuSorted = [...cpuTimings].sort((a, b) => a - b);
  const whole = path === 'worker' ? wholeFileEdits(lines, edits) : undefined;
  return {
    path,
    lines: lineCount,
    edits: timings.length,
    medianMs: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    maxMs: sorted[sorted.length - 1],
    cpuMedianMs: percentile(cpuSorted, 50),
    cpuP95Ms: percentile(cpuSorted, 95),
    meanFindings: findings / timings.length,
    ...(whole && {
      wholeFileEdits: whole.filter(Boolean).length,
      wholeFile: summarise(timings.filter((_, i) => whole[i])),
      lessThanWholeFile: summarise(timings.filter((_, i) => !whole[i])),
    }),
  };
}

const results = sizes.flatMap((lines, i) => [
  measureEdits('worker', workerPath(), lines, editsPerSize[i]),
  measureEdits('analyzeSource', engineAlone(), lines, editsPerSize[i]),
]);
printResult({ results });
