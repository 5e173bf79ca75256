import type { AnalysisResult } from '../analysis/analyzeSource';
import { LineIndex } from '../text/lineIndex';
import { flowSink } from '../findings/flowSink';
import type { InventoryFileInput } from './inventory';
import { modelProviderImports } from './modelProviderImports';

/**
 * One analysed file as inventory input; `file` is the path to show (relative to the inventory's root), `showPath`
 * turns another file's absolute path into one: a flow into a wrapper in another module counts at the wrapper's SDK call.
 */
export function inventoryInput(file: string, text: string, result: AnalysisResult, showPath: (absolute: string) => string = (p) => p): InventoryFileInput {
  const lines = new LineIndex(text);
  const at = (offset: number) => ({ file, ...lines.positionAt(offset) });
  const siteOf = (f: AnalysisResult['findings'][number]) => {
    const sink = flowSink(f.flow);
    return sink?.file && sink.position ? { file: showPath(sink.file), ...sink.position } : at(f.sinkRange.start);
  };
  const flow = (f: AnalysisResult['findings'][number]) => ({ ...at(f.range.start), rule: f.rule, sink: f.sink, phiCategories: f.phiCategories, expression: f.expression, site: siteOf(f) });
  return {
    file,
    sinkSites: result.sinkSites.map((s) => ({ ...at(s.range.start), sink: s.sink })),
    findings: result.findings.map(flow),
    suppressed: result.suppressed.map((s) => ({
      ...flow(s.finding),
      reason: s.reason,
      comment: s.commentFile === undefined ? at(s.commentRange.start) : { file: showPath(s.commentFile), line: s.commentPosition?.line ?? 1, column: s.commentPosition?.column ?? 1 },
    })),
    modelProviderImports: modelProviderImports(text).map((imported) => ({ ...at(imported.offset), module: imported.module })),
  };
}
