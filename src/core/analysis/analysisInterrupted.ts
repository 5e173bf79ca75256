/**
 * Thrown by an import resolver to stop the analysis that asked it: analyzeSource lets it through instead of reporting
 * an internal error. The ProjectAnalyzer stops analyses nested too deep this way, analyses `file` first at the top of
 * the stack, and starts again.
 */
export class AnalysisInterrupted extends Error {
  constructor(readonly file: string) {
    super(`analysis interrupted: ${file} is analysed first`);
  }
}
