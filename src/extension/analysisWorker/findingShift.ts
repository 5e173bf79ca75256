/**
 * Moving a finding across an edit of its text, and telling whether a new finding is an old one moved: what lets the
 * worker send only the findings a keystroke changed (FindingsUpdate).
 */
import sameData from 'fast-deep-equal';
import { changeRange } from '../../core/analysis/changeRange';
import { movedEnd, movedStart, textShiftOf, type TextShift } from '../../core/analysis/positionShift';
import type { Finding, FixSuggestion, FlowStep, TextEdit, TextRange } from '../../core/findings/finding';

/** Where two texts differ: their common prefix and suffix are what they share. */
export function textShift(before: string, after: string): TextShift {
  return textShiftOf(changeRange(before, after));
}

function movedRange(range: TextRange, shift: TextShift): TextRange {
  return { start: movedStart(range.start, shift), end: movedEnd(range.end, shift) };
}

/** Whether the edit leaves the range where it is. */
function stays(range: TextRange, shift: TextShift): boolean {
  return movedStart(range.start, shift) === range.start && movedEnd(range.end, shift) === range.end;
}

/**
 * `finding` with its offsets moved across the edit (steps in another file keep theirs): a copy, or `finding` itself when
 * none of them moves (the edit is after all of them, or replaced text with text as long after them).
 */
export function moveFinding(finding: Finding, shift: TextShift): Finding {
  const staysWhole = stays(finding.range, shift) && stays(finding.sinkRange, shift)
    && finding.flow.every((step) => step.file !== undefined || stays(step.range, shift))
    && finding.fixes.every((fix) => fix.edits.every((edit) => stays(edit.range, shift)));
  if (staysWhole) return finding;
  return {
    ...finding,
    range: movedRange(finding.range, shift),
    sinkRange: movedRange(finding.sinkRange, shift),
    flow: finding.flow.map((step): FlowStep => (step.file ? step : { ...step, range: movedRange(step.range, shift) })),
    fixes: finding.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((edit) => ({ ...edit, range: movedRange(edit.range, shift) })) })),
  };
}

/** Whether `after` is exactly `moveFinding(before, shift)`, worked out without making it (a keystroke compares hundreds). */
export function isMovedFinding(before: Finding, after: Finding, shift: TextShift): boolean {
  return sameFields(FINDING, before, after, shift);
}

/**
 * Compares one field of an object. A record of these per type names every field (the types say so), so a field added
 * to Finding cannot be left out of the comparison.
 */
type Comparers<T> = { readonly [K in keyof T]-?: (before: T[K], after: T[K], shift: TextShift) => boolean };

function sameFields<T extends object>(comparers: Comparers<T>, before: T, after: T, shift: TextShift): boolean {
  for (const key in comparers) if (!comparers[key](before[key], after[key], shift)) return false;
  return true;
}

const same = <T>(before: T, after: T): boolean => sameData(before, after);

const sameMovedRange = (before: TextRange, after: TextRange, shift: TextShift): boolean =>
  movedStart(before.start, shift) === after.start && movedEnd(before.end, shift) === after.end;

function sameList<T>(sameItem: (before: T, after: T, shift: TextShift) => boolean) {
  return (before: readonly T[], after: readonly T[], shift: TextShift): boolean => before.length === after.length && before.every((item, index) => sameItem(item, after[index], shift));
}

const FLOW_STEP: Comparers<FlowStep> = {
  kind: same,
  file: same,
  range: sameMovedRange,
  position: same,
  note: same,
};

const TEXT_EDIT: Comparers<TextEdit> = { range: sameMovedRange, newText: same };

const FIX: Comparers<FixSuggestion> = { kind: same, title: same, edits: sameList((before, after, shift) => sameFields(TEXT_EDIT, before, after, shift)) };

const FINDING: Comparers<Finding> = {
  rule: same,
  category: same,
  sink: same,
  phiCategories: same,
  reasons: same,
  range: sameMovedRange,
  sinkRange: sameMovedRange,
  expression: same,
  message: same,
  // A step in another file keeps its offsets.
  flow: sameList((before, after, shift) => (before.file !== undefined || after.file !== undefined ? sameData(before, after) : sameFields(FLOW_STEP, before, after, shift))),
  fixes: sameList((before, after, shift) => sameFields(FIX, before, after, shift)),
};
