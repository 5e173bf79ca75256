/**
 * The latest accepted analysis per document, keyed by URI and document version. Code actions and hovers ask for
 * the findings of the exact version they are computed for, so a stale edit can never touch the wrong text.
 */
import type { AnalysisGap, AnalysisResult } from '../core/analysis/analyzeSource';
import type { Finding, SuppressionProblem } from '../core/findings/finding';

export interface StoredAnalysis {
  readonly version: number;
  readonly findings: readonly Finding[];
  readonly suppressionProblems: readonly SuppressionProblem[];
  /** Code the analysis did not follow (see AnalysisGap). */
  readonly incomplete?: AnalysisGap;
  /** The worker's id of `findings` (AnalyzeDocumentResponse.findingsId): the next request names them. */
  readonly findingsId?: string;
}

/** What to do with a fresh result: show it, keep showing the last good one, or drop it. */
export type AcceptOutcome = 'publish' | 'keep-last-good' | 'outdated';

export class AnalysisStore {
  private readonly analyses = new Map<string, StoredAnalysis>();

  /**
   * `analysedVersion` is the version whose text was analysed, `currentVersion` the document's version now.
   * A result for an outdated version is dropped (fast typing); a file with syntax errors keeps its last good
   * analysis until it parses again (then the worker need not analyse it: `result.lastGood`).
   */
  accept(uri: string, analysedVersion: number, currentVersion: number, result: AnalysisResult, findingsId?: string): AcceptOutcome {
    if (analysedVersion !== currentVersion) return 'outdated';
    if (result.parseProblems.length > 0 && this.analyses.has(uri)) return 'keep-last-good';
    // The worker did not analyse the text because this store kept a result, which is gone now (the file was excluded,
    // skipped or disabled meanwhile): the answer is for a request that no longer holds.
    if (result.lastGood) return 'outdated';
    this.analyses.set(uri, { version: analysedVersion, findings: result.findings, suppressionProblems: result.suppressionProblems, ...(result.incomplete && { incomplete: result.incomplete }), ...(findingsId !== undefined && { findingsId }) });
    return 'publish';
  }

  /** Findings of exactly `version`, or `undefined` when the stored analysis is for another version. */
  findingsAt(uri: string, version: number): readonly Finding[] | undefined {
    const stored = this.analyses.get(uri);
    return stored && stored.version === version ? stored.findings : undefined;
  }

  latest(uri: string): StoredAnalysis | undefined {
    return this.analyses.get(uri);
  }

  delete(uri: string): void {
    this.analyses.delete(uri);
  }

  clear(): void {
    this.analyses.clear();
  }
}
