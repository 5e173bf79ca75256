import type ts from 'typescript';
import { RULE_BY_CATEGORY } from '../findings/finding';
import { coveringSuppression } from '../findings/suppressions';
import { flowSink } from '../findings/flowSink';
import type { Suppression } from '../findings/suppressions';
import type { ExportedFunction, ExportedSink, ExportedSymbol, ModuleSummary } from './moduleSummary';

/**
 * `summary` with the sinks a suppression in its module covers marked reviewed, with the comment's reason and place
 * (`// phi-guard-allow no-unencrypted-phi-storage -- Redis encrypted at rest, BAA #12` above `redis.set(key, value)`):
 * importers report PHI handed to a reviewed sink as suppressed, for that reason, rather than as open findings. A sink
 * is judged where its flow ends, the last step, when that is in this module; one that ends in another module was
 * judged there and keeps that module's review.
 */
export function withReviewedSinks(summary: ModuleSummary, suppressions: readonly Suppression[], sourceFile: ts.SourceFile): ModuleSummary {
  const review = (sink: ExportedSink): ExportedSink => {
    const last = flowSink(sink.steps);
    if (sink.reviewed || last?.file !== summary.file) return sink;
    const match = coveringSuppression(suppressions, sourceFile, last.range.start, RULE_BY_CATEGORY[sink.sink.category]);
    if (!match) return sink;
    const at = sourceFile.getLineAndCharacterOfPosition(match.range.start);
    return { ...sink, reviewed: { reason: match.reason, file: summary.file, range: match.range, position: { line: at.line + 1, column: at.character + 1 } } };
  };
  const fn = (f: ExportedFunction): ExportedFunction => {
    const sinks = f.sinks.map(review);
    return sinks.every((s, i) => s === f.sinks[i]) ? f : { ...f, sinks };
  };
  const members = (record: Readonly<Record<string, ExportedFunction>>): Record<string, ExportedFunction> => Object.fromEntries(Object.entries(record).map(([k, f]) => [k, fn(f)]));
  const symbol = (s: ExportedSymbol): ExportedSymbol => {
    switch (s.kind) {
      case 'function':
        return fn(s);
      case 'value':
        return s.members ? { ...s, members: members(s.members) } : s;
      case 'class':
        return { ...s, methods: members(s.methods) };
      case 'type':
        return s;
    }
  };
  return { ...summary, exports: Object.fromEntries(Object.entries(summary.exports).map(([k, s]) => [k, symbol(s)])) };
}
