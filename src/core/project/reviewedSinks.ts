import type ts from 'typescript';
import { RULE_BY_CATEGORY } from '../findings/finding';
import { coveringSuppression } from '../findings/suppressions';
import type { Suppression } from '../findings/suppressions';
import type { ExportedFunction, ExportedSink, ExportedSymbol, ModuleSummary } from './moduleSummary';

/**
 * `summary` without the sinks a suppression in its module covers (`// phi-guard-allow no-unencrypted-phi-storage --
 * Redis encrypted at rest, BAA #12` above `redis.set(key, value)`): importers do not report PHI handed to a reviewed
 * sink at their calls. A sink is judged where its flow ends, the last step, when that is in this module; one that ends
 * in another module was judged there.
 */
export function withoutReviewedSinks(summary: ModuleSummary, suppressions: readonly Suppression[], sourceFile: ts.SourceFile): ModuleSummary {
  const reviewed = (sink: ExportedSink): boolean => {
    const last = sink.steps[sink.steps.length - 1];
    return !!last && last.kind === 'sink' && last.file === summary.file && coveringSuppression(suppressions, sourceFile, last.range.start, RULE_BY_CATEGORY[sink.sink.category]) !== undefined;
  };
  const fn = (f: ExportedFunction): ExportedFunction => {
    const sinks = f.sinks.filter((s) => !reviewed(s));
    return sinks.length === f.sinks.length ? f : { ...f, sinks };
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
