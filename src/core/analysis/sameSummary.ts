import type { FlowStep, SinkDescriptor, SourceReason, TextRange } from '../findings/finding';
import type { Summary } from './functionSummary';
import type { ApiRef, Taint, Value } from './values';

/** Deep enough for any value the interpreter builds; a deeper (or cyclic) pair counts as different. */
const MAX_DEPTH = 40;

/**
 * Whether two summaries of one function tell its callers exactly the same, flow steps and their positions included:
 * then the callers' analyses, made with the first, stand for the second. Functions are compared by identity (a
 * returned closure made anew is a different function to its callers).
 */
export function sameSummary(a: Summary, b: Summary): boolean {
  if (a.sinks.length !== b.sinks.length || !sameValue(a.returnValue, b.returnValue, 0)) return false;
  return a.sinks.every((s, i) => {
    const t = b.sinks[i]!;
    return s.param === t.param && !!s.external === !!t.external && !!s.reportedInside === !!t.reportedInside && sameSink(s.sink, t.sink)
      && sameRange(s.carrier, t.carrier) && sameRange(s.site, t.site) && sameSteps(s.steps, t.steps);
  });
}

function sameValue(a: Value | undefined, b: Value | undefined, depth: number): boolean {
  if (a === b) return true;
  if (!a || !b || depth > MAX_DEPTH) return false;
  if (a.fn !== b.fn || a.str !== b.str || !!a.sanitized !== !!b.sanitized || a.typeName !== b.typeName) return false;
  if (!sameApi(a.api, b.api) || !sameWords(a.context, b.context) || !sameTaint(a.taint, b.taint)) return false;
  if (a.fields !== b.fields) {
    if (!a.fields || !b.fields || a.fields.size !== b.fields.size) return false;
    for (const [key, field] of a.fields) if (!sameValue(field, b.fields.get(key), depth + 1)) return false;
  }
  if (a.element !== b.element && !sameValue(a.element, b.element, depth + 1)) return false;
  if (a.parts !== b.parts) {
    if (!a.parts || !b.parts || a.parts.length !== b.parts.length) return false;
    for (let i = 0; i < a.parts.length; i++) {
      const p = a.parts[i]!;
      const q = b.parts[i]!;
      if (p.key !== q.key || p.node !== q.node || !sameValue(p.value, q.value, depth + 1)) return false;
    }
  }
  return true;
}

function sameTaint(a: Taint | undefined, b: Taint | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return !!a.record === !!b.record && !!a.opaque === !!b.opaque && sameSet(a.categories, b.categories) && sameSet(a.params, b.params)
    && a.reasons.length === b.reasons.length && a.reasons.every((r, i) => sameReason(r, b.reasons[i]!)) && sameSteps(a.steps, b.steps);
}

function sameSteps(a: readonly FlowStep[], b: readonly FlowStep[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const s = a[i]!;
    const t = b[i]!;
    if (s !== t && (s.kind !== t.kind || s.note !== t.note || s.file !== t.file || !sameRange(s.range, t.range))) return false;
  }
  return true;
}

function sameRange(a: TextRange, b: TextRange): boolean {
  return a.start === b.start && a.end === b.end;
}

function sameSet<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const item of a) if (!b.has(item)) return false;
  return true;
}

function sameWords(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === b) return true;
  return !!a && !!b && a.length === b.length && a.every((word, i) => word === b[i]);
}

function sameApi(a: ApiRef | undefined, b: ApiRef | undefined): boolean {
  if (a === b) return true;
  return !!a && !!b && a.module === b.module && sameWords(a.path, b.path);
}

function sameSink(a: SinkDescriptor, b: SinkDescriptor): boolean {
  return a === b || (a.id === b.id && a.category === b.category && a.package === b.package && a.api === b.api && a.vendor === b.vendor && a.module === b.module);
}

function sameReason(a: SourceReason, b: SourceReason): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
