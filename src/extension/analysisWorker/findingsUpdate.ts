/**
 * A document's findings as the worker sends them: all of them, or what changed since findings the editor holds.
 *
 * A keystroke in a large file changes a few findings at most; the others stay, or only move with the text after the
 * edit. Copying all of them between threads on every keystroke (hundreds of findings, about 1 MB, for 20,000 lines)
 * was the largest part of the editor's latency. So the editor names the findings it holds (`heldFindings`), and the
 * worker answers with the findings at both ends of the list that are the held ones moved across the edit, and the new
 * ones in between. The worker checks each kept finding against the new one whole, so the editor's copy is exactly the
 * new list.
 */
import type { AnalysisResult } from '../../core/analysis/analyzeSource';
import type { Finding } from '../../core/findings/finding';
import type { TextShift } from '../../core/analysis/positionShift';
import { isMovedFinding, moveFinding, textShift } from './findingShift';
import type { AnalyzeDocumentResponse } from './protocol';

export type FindingsUpdate =
  | { readonly kind: 'all'; readonly findings: readonly Finding[] }
  | {
    readonly kind: 'edited';
    /** The id of the held findings this update applies to. */
    readonly basis: string;
    readonly shift: TextShift;
    /** The first `head` held findings, moved, begin the new list... */
    readonly head: number;
    /** ...then these... */
    readonly added: readonly Finding[];
    /** ...then the held findings from this index on, moved. */
    readonly tailFrom: number;
  };

/** Findings the editor holds, by the id the worker gave them. */
export interface HeldFindingsRef {
  readonly id: string;
  readonly findings: readonly Finding[];
}

/** Findings the worker sent, with the text they were found in. */
export interface HeldFindings extends HeldFindingsRef {
  readonly text: string;
}

/**
 * `findings` of `text`, as an update of `basis` when most of them are its findings moved across the edit between the
 * two texts (`shift`, when the caller knows it already); else all of them.
 */
export function findingsUpdate(basis: HeldFindings | undefined, text: string, findings: readonly Finding[], known?: TextShift): FindingsUpdate {
  if (!basis || !basis.findings.length || !findings.length) return { kind: 'all', findings };
  const shift = known ?? textShift(basis.text, text);
  const held = basis.findings;
  const keeps = (heldIndex: number, index: number) => isMovedFinding(held[heldIndex], findings[index], shift);
  const limit = Math.min(held.length, findings.length);
  let head = 0;
  while (head < limit && keeps(head, head)) head++;
  let tail = 0;
  while (tail < limit - head && keeps(held.length - 1 - tail, findings.length - 1 - tail)) tail++;
  // Nothing to gain: the whole list goes as it is.
  if (head + tail === 0) return { kind: 'all', findings };
  return { kind: 'edited', basis: basis.id, shift, head, added: findings.slice(head, findings.length - tail), tailFrom: held.length - tail };
}

/** The new findings: `update` applied to `held` (undefined when `update` is for other findings than `held`). */
export function applyFindingsUpdate(update: FindingsUpdate, held: HeldFindingsRef | undefined): readonly Finding[] | undefined {
  if (update.kind === 'all') return update.findings;
  if (held?.id !== update.basis) return undefined;
  const move = (finding: Finding) => moveFinding(finding, update.shift);
  return [...held.findings.slice(0, update.head).map(move), ...update.added, ...held.findings.slice(update.tailFrom).map(move)];
}

/** The response's result with its findings; undefined when its update is for other findings than `held`. */
export function resultWithFindings(response: AnalyzeDocumentResponse, held?: HeldFindingsRef): AnalysisResult | undefined {
  const findings = applyFindingsUpdate(response.findings, held);
  return findings && { ...response.result, findings };
}
