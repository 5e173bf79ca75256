import type { AnalysisResult } from '../analysis/analyzeSource';
import { LineIndex } from '../text/lineIndex';
import type { InventoryFileInput } from './inventory';

/** One analysed file as inventory input; `file` is the path to show (relative to the inventory's root). */
export function inventoryInput(file: string, text: string, result: AnalysisResult): InventoryFileInput {
  const lines = new LineIndex(text);
  const at = (offset: number) => ({ file, ...lines.positionAt(offset) });
  const flow = (f: AnalysisResult['findings'][number]) => ({ ...at(f.range.start), rule: f.rule, sink: f.sink, phiCategories: f.phiCategories, expression: f.expression, site: at(f.sinkRange.start) });
  return {
    file,
    sinkSites: result.sinkSites.map((s) => ({ ...at(s.range.start), sink: s.sink })),
    findings: result.findings.map(flow),
    suppressed: result.suppressed.map((s) => ({ ...flow(s.finding), reason: s.reason })),
  };
}
