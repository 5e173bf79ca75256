import type ts from 'typescript';
import type { FlowStep, TextRange } from '../findings/finding';
import type { Taint, Value } from './values';

/** The one span of text an edit replaced: offsets before `start` stay, offsets from `oldEnd` on move by `delta`. */
export interface TextShift {
  readonly start: number;
  readonly oldEnd: number;
  readonly delta: number;
}

/** The edit TypeScript's change range describes. */
export function textShiftOf(change: ts.TextChangeRange): TextShift {
  return { start: change.span.start, oldEnd: change.span.start + change.span.length, delta: change.newLength - change.span.length };
}

/**
 * Where a range's start and end go across an edit, the way TypeScript's incremental parser moves the nodes it reuses:
 * offsets before the edit stay, offsets after it move by the length difference, offsets inside the replaced text go
 * to its edges (a start to the first, an end to the last); an end at the edit's start stays.
 */
export function movedStart(offset: number, shift: TextShift): number {
  if (offset < shift.start) return offset;
  return offset >= shift.oldEnd ? offset + shift.delta : shift.start;
}

export function movedEnd(offset: number, shift: TextShift): number {
  if (offset <= shift.start) return offset;
  return offset >= shift.oldEnd ? offset + shift.delta : shift.oldEnd + shift.delta;
}

/**
 * Moves the offsets an analysis keeps (flow steps, carriers, sink sites) from the text before an edit to the text
 * after it (movedStart, movedEnd).
 *
 * Ranges are shared between steps, findings and summaries, so each is moved in place exactly once; what an analysis
 * hands out (findings, module summaries) is copied first, so results already returned never change.
 */
export class PositionShift {
  private readonly shift: TextShift;
  /** Where the edit begins: offsets before it do not move. */
  readonly start: number;
  private readonly moved = new Set<object>();

  constructor(change: ts.TextChangeRange) {
    this.shift = textShiftOf(change);
    this.start = this.shift.start;
  }

  range(range: TextRange): void {
    // Before the edit: stays (and needs no note that it was seen: about half of them on a keystroke).
    if (range.start < this.start && range.end <= this.start) return;
    if (this.moved.has(range)) return;
    this.moved.add(range);
    const mutable = range as { start: number; end: number };
    mutable.start = movedStart(range.start, this.shift);
    mutable.end = movedEnd(range.end, this.shift);
  }

  /** Steps in another file (`file` set) keep their offsets. */
  steps(steps: readonly FlowStep[]): void {
    for (const step of steps) if (!step.file) this.range(step.range);
  }

  taint(taint: Taint | undefined): void {
    if (!taint || taint.steps.length === 0 || this.moved.has(taint)) return;
    this.moved.add(taint);
    this.steps(taint.steps);
  }

  value(value: Value | undefined): void {
    // Most values carry nothing with an offset (no PHI, no fields): nothing to move, nothing to note.
    if (!value || (!value.taint && !value.fields && !value.parts && !value.element) || this.moved.has(value)) return;
    this.moved.add(value);
    this.taint(value.taint);
    if (value.fields) this.fields(value.fields);
    if (value.parts) for (const part of value.parts) this.value(part.value);
    this.value(value.element);
  }

  fields(fields: ReadonlyMap<string, Value>): void {
    if (this.moved.has(fields)) return;
    this.moved.add(fields);
    for (const field of fields.values()) this.value(field);
  }
}
