/** What onDemandEngine loads on first use (see there); import these through it, never directly, in the extension host. */
export { isSuppressedAt } from '../core/analysis/analyzeSource';
export { parseFile } from '../core/analysis/parse';
export { AnalysisService } from './analysisWorker/analysisService';
export { isInJsxText } from './jsxText';
