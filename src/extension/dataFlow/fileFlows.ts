import { inventoryInput } from '../../core/inventory/inventoryInput';
import { LineIndex } from '../../core/text/lineIndex';
import type { AnalysisResult } from '../../core/analysis/analyzeSource';
import type { Finding, FlowStepKind, RuleId, SinkDescriptor, TextRange } from '../../core/findings/finding';
import type { InventoryFileInput } from '../../core/inventory/inventory';
import type { PhiCategoryId } from '../../core/catalog/phiCategories';

/** One step of a flow, as stored: offsets into its own file (`file` relative to the analysed file, absent: same file). */
export interface StoredFlowStep {
  readonly kind: FlowStepKind;
  readonly file?: string;
  readonly range: TextRange;
  readonly note: string;
}

/** A PHI flow (open finding or reviewed suppression) or an AI call PHI does not reach, in one workspace file. */
export interface WorkspaceFlow {
  /** Stable within one analysis of the file: `<uri>#<n>`. */
  readonly id: string;
  readonly uri: string;
  /** Path to show: relative to the workspace (with the folder name in multi-root workspaces). */
  readonly file: string;
  readonly sink: SinkDescriptor;
  /** Absent for an AI call that no PHI reaches. */
  readonly rule?: RuleId;
  readonly phiCategories: readonly PhiCategoryId[];
  readonly expression: string;
  /** The value entering the sink (or the call, for a site without PHI). 1-based line and column. */
  readonly range: TextRange;
  readonly line: number;
  readonly column: number;
  readonly status: 'open' | 'suppressed' | 'no-phi';
  readonly reason?: string;
  readonly steps: readonly StoredFlowStep[];
}

/** What the workspace index keeps (and caches on disk) for one file. */
export interface FileFlows {
  readonly uri: string;
  readonly file: string;
  readonly inventory: InventoryFileInput;
  readonly flows: readonly WorkspaceFlow[];
  /** `file:line: …` where the engine did not follow the code (see AnalysisGap): flows through it are missing. */
  readonly notFollowed?: string;
}

/** Turns one engine result into the workspace index's record: flows with positions, plus the inventory input.
 * `showPath` turns another file's absolute path (a helper's sink, a comment there) into a path to show, as `file` is. */
export function fileFlows(uri: string, file: string, text: string, result: AnalysisResult, showPath: (absolute: string) => string = (p) => p): FileFlows {
  const lines = new LineIndex(text);
  const flows: WorkspaceFlow[] = [];
  // Lines of AI calls that PHI reaches; the other AI calls are listed as "no PHI seen".
  const aiCallLinesWithPhi = new Set<number>();
  const add = (finding: Finding, status: 'open' | 'suppressed', reason?: string) => {
    const at = lines.positionAt(finding.range.start);
    if (finding.sink.category === 'ai') aiCallLinesWithPhi.add(lines.positionAt(finding.sinkRange.start).line);
    flows.push({
      id: `${uri}#${flows.length}`,
      uri,
      file,
      sink: finding.sink,
      rule: finding.rule,
      phiCategories: finding.phiCategories,
      expression: finding.expression,
      range: finding.range,
      line: at.line,
      column: at.column,
      status,
      ...(reason === undefined ? {} : { reason }),
      steps: finding.flow.map((step) => ({ kind: step.kind, ...(step.file ? { file: step.file } : {}), range: step.range, note: step.note })),
    });
  };
  for (const finding of result.findings) add(finding, 'open');
  for (const suppressed of result.suppressed) add(suppressed.finding, 'suppressed', suppressed.reason);
  // AI calls without PHI belong on the map too: they show which vendors are used safely.
  for (const site of result.sinkSites) {
    if (site.sink.category !== 'ai') continue;
    const at = lines.positionAt(site.range.start);
    if (aiCallLinesWithPhi.has(at.line)) continue;
    aiCallLinesWithPhi.add(at.line);
    flows.push({
      id: `${uri}#${flows.length}`,
      uri,
      file,
      sink: site.sink,
      phiCategories: [],
      expression: '',
      range: site.range,
      line: at.line,
      column: at.column,
      status: 'no-phi',
      steps: [],
    });
  }
  const gap = result.incomplete;
  const notFollowed = gap && `${file}:${lines.positionAt(gap.range.start).line}: ${gap.message}`;
  return { uri, file, inventory: inventoryInput(file, text, result, showPath), flows, ...(notFollowed && { notFollowed }) };
}

