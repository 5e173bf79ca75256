/** What loadEngine loads (see there); the extension imports these through it, never directly. */
export { isSuppressedAt } from '../core/analysis/analyzeSource';
export { parseFile } from '../core/analysis/parse';
export { AnalysisService } from './analysisWorker/analysisService';
export { isInJsxText } from './jsxText';
