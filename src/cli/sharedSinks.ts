import { flowSink } from '../core';
import type { ReportedFinding } from './scanReport';
import { compareText } from './scanReport';

/** A sink inside a helper that many findings' flows end in: reviewed once, at the sink, it covers every caller. */
export interface SharedSink {
  /** Where the flows enter the sink (1-based), relative like the findings' files. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** The sink as the messages name it: vendor and API. */
  readonly sink: string;
  readonly findings: number;
  /** Files the findings are reported in. */
  readonly files: number;
}

/** Fewer findings than this through one helper's sink are read one by one; this many are worth one review. */
export const MIN_SHARED_FINDINGS = 10;
const MAX_SHARED_SINKS = 5;

/**
 * The helpers' sinks that at least MIN_SHARED_FINDINGS findings flow into (the flow ends elsewhere than where the
 * finding is reported), most first: a tech lead reviewing 300 findings in two helpers reviews two places.
 */
export function sharedSinks(findings: readonly ReportedFinding[]): SharedSink[] {
  const byPlace = new Map<string, { file: string; line: number; column: number; sink: string; findings: number; files: Set<string> }>();
  for (const finding of findings) {
    const last = flowSink(finding.flow);
    if (!last || (last.file === finding.file && last.line === finding.line)) continue;
    const key = `${last.file}:${last.line}:${last.column}:${finding.sink.id}`;
    let entry = byPlace.get(key);
    if (!entry) byPlace.set(key, (entry = { file: last.file, line: last.line, column: last.column, sink: `${finding.sink.vendor} \`${finding.sink.api}\``, findings: 0, files: new Set() }));
    entry.findings++;
    entry.files.add(finding.file);
  }
  return [...byPlace.values()]
    .filter((entry) => entry.findings >= MIN_SHARED_FINDINGS)
    .sort((a, b) => b.findings - a.findings || compareText(a.file, b.file) || a.line - b.line)
    .slice(0, MAX_SHARED_SINKS)
    .map(({ files, ...entry }) => ({ ...entry, files: files.size }));
}
