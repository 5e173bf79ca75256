// (3) Editor re-analysis latency: what the extension does on each keystroke — `analyzeSource` on the
// edited text — timed over single-character edits in generated files of the given sizes.
import { performance } from 'perf_hooks';
import { analyzeSource, DEFAULT_CONFIG } from '../../../src/core';
import { createRandom, generateFile } from '../generateWorkspace';
import { printResult } from './fileList';

const sizes = process.argv[2].split(',').map(Number);
const editsPerSize = process.argv[3].split(',').map(Number);
const WARM_UP_RUNS = 5;

function percentile(sorted: readonly number[], p: number): number {
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

const results = sizes.map((lines, sizeIndex) => {
  const random = createRandom(1000 + lines);
  let text = generateFile(random, lines, 'ts');
  const fileName = `/bench/edit-${lines}.ts`;
  for (let i = 0; i < WARM_UP_RUNS; i++) analyzeSource({ fileName, text, config: DEFAULT_CONFIG });

  const timings: number[] = [];
  const cpuTimings: number[] = [];
  let findings = 0;
  let typedAt = 0;
  for (let edit = 0; edit < editsPerSize[sizeIndex]; edit++) {
    // Type a character somewhere, then delete it on the next edit: the text stays close to the original.
    if (edit % 2 === 0) {
      typedAt = Math.floor(random() * text.length);
      text = `${text.slice(0, typedAt)}a${text.slice(typedAt)}`;
    } else {
      text = text.slice(0, typedAt) + text.slice(typedAt + 1);
    }
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    const result = analyzeSource({ fileName, text, config: DEFAULT_CONFIG });
    timings.push(performance.now() - start);
    const cpu = process.cpuUsage(cpuStart);
    cpuTimings.push((cpu.user + cpu.system) / 1000);
    findings += result.findings.length;
  }
  const sorted = [...timings].sort((a, b) => a - b);
  const cpuSorted = [...cpuTimings].sort((a, b) => a - b);
  return {
    lines: text.split('\n').length,
    edits: timings.length,
    medianMs: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    maxMs: sorted[sorted.length - 1],
    cpuMedianMs: percentile(cpuSorted, 50),
    cpuP95Ms: percentile(cpuSorted, 95),
    meanFindings: findings / timings.length,
  };
});
printResult({ results });
