import type ts from 'typescript';
import type { FlowStep, TextRange } from '../findings/finding';
import type { Taint, Value } from './values';

/**
 * Moves the offsets an analysis keeps (flow steps, carriers, sink sites) from the text before an edit to the text
 * after it, the way TypeScript's incremental parser moves the nodes it reuses: offsets before the edit stay, offsets
 * after it move by the length difference, offsets inside the replaced text go to its edges.
 *
 * Ranges are shared between steps, findings and summaries, so each is moved in place exactly once; what an analysis
 * hands out (findings, module summaries) is copied first, so results already returned never change.
 */
export class PositionShift {
  /** Where the edit begins: offsets before it do not move. */
  readonly start: number;
  private readonly oldEnd: number;
  private readonly newEnd: number;
  private readonly delta: number;
  private readonly moved = new Set<object>();

  constructor(change: ts.TextChangeRange) {
    this.start = change.span.start;
    this.oldEnd = change.span.start + change.span.length;
    this.newEnd = change.span.start + change.newLength;
    this.delta = change.newLength - change.span.length;
  }

  private at(offset: number, edge: number): number {
    if (offset < this.start) return offset;
    if (offset >= this.oldEnd) return offset + this.delta;
    return edge;
  }

  range(range: TextRange): void {
    if (this.moved.has(range)) return;
    this.moved.add(range);
    const mutable = range as { start: number; end: number };
    mutable.start = this.at(range.start, this.start);
    mutable.end = range.end <= this.start ? range.end : this.at(range.end, this.newEnd);
  }

  /** Steps in another file (`file` set) keep their offsets. */
  steps(steps: readonly FlowStep[]): void {
    for (const step of steps) if (!step.file) this.range(step.range);
  }

  taint(taint: Taint | undefined): void {
    if (!taint || this.moved.has(taint)) return;
    this.moved.add(taint);
    this.steps(taint.steps);
  }

  value(value: Value | undefined): void {
    if (!value || this.moved.has(value)) return;
    this.moved.add(value);
    this.taint(value.taint);
    if (value.fields) this.fields(value.fields);
    if (value.parts) for (const part of value.parts) this.value(part.value);
  }

  fields(fields: ReadonlyMap<string, Value>): void {
    if (this.moved.has(fields)) return;
    this.moved.add(fields);
    for (const field of fields.values()) this.value(field);
  }
}
