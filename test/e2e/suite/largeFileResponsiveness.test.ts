import * as assert from 'assert';
import * as vscode from 'vscode';
import { createRandom, generateFile } from '../../bench/generateWorkspace';
import { activateExtension, closeAllEditors, phiDiagnostics, waitFor, workspaceFolder } from './helpers';

const LINES = 20_000;
const MAX_BLOCK_MS = 50;
const TICK_MS = 5;

/** CPU time of this thread (the extension host's) in ms, where the runtime can tell (Node ≥ 23.9). */
function threadCpuMs(): number | undefined {
  const usage = (process as { threadCpuUsage?: () => { user: number; system: number } }).threadCpuUsage?.();
  return usage ? (usage.user + usage.system) / 1000 : undefined;
}

interface Responsiveness {
  /** Longest time a short timer fired late: the event loop's longest stall, whatever the cause. */
  readonly maxStallMs: number;
  /**
   * The longest stall counting only this thread's own CPU time in it: code that held the event loop. A stall
   * while the thread waits for a CPU (the worker, the browser and code-server share two cores) is not blocking.
   * Without a thread CPU clock, the plain stall.
   */
  readonly maxBlockMs: number;
  readonly ticks: number;
}

function watchEventLoop(): { stop(): Responsiveness } {
  let lastWall = performance.now();
  let lastCpu = threadCpuMs();
  let maxStallMs = 0;
  let maxBlockMs = 0;
  let ticks = 0;
  const timer = setInterval(() => {
    const wall = performance.now();
    const cpu = threadCpuMs();
    const stall = wall - lastWall - TICK_MS;
    maxStallMs = Math.max(maxStallMs, stall);
    maxBlockMs = Math.max(maxBlockMs, cpu === undefined || lastCpu === undefined ? stall : Math.min(stall, cpu - lastCpu));
    lastWall = wall;
    lastCpu = cpu;
    ticks++;
  }, TICK_MS);
  return {
    stop: () => {
      clearInterval(timer);
      return { maxStallMs, maxBlockMs, ticks };
    },
  };
}

const describeRun = (what: string, run: Responsiveness) => `${what}: longest block ${run.maxBlockMs.toFixed(1)} ms, longest stall ${run.maxStallMs.toFixed(1)} ms, ${run.ticks} ticks`;

/** The analysis runs on a worker thread: the extension host keeps serving the editor while a large file is analysed. */
describe('analysis off the extension host thread', () => {
  before(activateExtension);
  afterEach(closeAllEditors);

  it(`never blocks the extension host for ${MAX_BLOCK_MS} ms while a ${LINES.toLocaleString('en')}-line file is analysed and re-analysed`, async function () {
    this.timeout(180_000);
    // Once more if it fails: the block counts all of the extension host's own work (VS Code's sync of a 1 MB document
    // included), and a loaded machine stretched it past 50 ms once in many CI runs. An analysis on this thread blocks
    // for its whole length (over 2 × 50 ms, checked below) every time, so it still fails.
    this.retries(1);
    // The benchmark's synthetic healthcare code: mostly ordinary code, with PHI flowing into AI, logs, storage, URLs.
    const text = generateFile(createRandom(7), LINES, 'ts');
    const uri = vscode.Uri.joinPath(workspaceFolder().uri, 'src', `large.${Date.now().toString(36)}.ts`);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    try {
      const document = await vscode.workspace.openTextDocument(uri);
      assert.ok(document.lineCount >= LINES, `${document.lineCount} lines`);
      // Opening schedules the analysis: from here on the extension host runs PHI Guard's part.
      const opened = performance.now();
      const firstLoop = watchEventLoop();
      await vscode.window.showTextDocument(document);
      const first = await waitFor('diagnostics for the large file', () => phiDiagnostics(uri).length > 0 && phiDiagnostics(uri), 90_000);
      const firstAnalysisMs = performance.now() - opened;
      const firstRun = firstLoop.stop();

      // Typing at the end: a new leak, and the whole file analysed again.
      const secondLoop = watchEventLoop();
      const edit = new vscode.WorkspaceEdit();
      edit.insert(uri, new vscode.Position(document.lineCount, 0), '\nexport function leakAtTheEnd(patient: { ssn: string }) {\n  console.log(patient.ssn);\n}\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      await waitFor('the new finding at the end', () => phiDiagnostics(uri).some((diagnostic) => diagnostic.range.start.line > LINES), 90_000);
      const secondRun = secondLoop.stop();

      const report = `${first.length} findings after ${Math.round(firstAnalysisMs)} ms; ${describeRun('opening', firstRun)}; ${describeRun('after an edit', secondRun)}; thread CPU clock ${threadCpuMs() === undefined ? 'not available' : 'used'}`;
      console.log(`      ${report}`);
      // Else the test proves nothing: on the extension host's thread this analysis would block it for longer.
      assert.ok(firstAnalysisMs > 2 * MAX_BLOCK_MS, `the analysis was too quick to show anything: ${report}`);
      assert.ok(firstRun.maxBlockMs < MAX_BLOCK_MS && secondRun.maxBlockMs < MAX_BLOCK_MS, report);
    } finally {
      await closeAllEditors();
      await vscode.workspace.fs.delete(uri);
    }
  });
});
