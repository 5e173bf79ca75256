import type { FlowStep } from '../findings/finding';

/**
 * A path longer than this keeps its first steps (where the PHI comes from) and its last (how it reaches the sink),
 * and marks where it left steps out: a chain of helpers as long as a real code base builds must not hand the
 * editor hundreds of related locations.
 */
export const MAX_FLOW_STEPS = 32;
const KEPT_FROM_START = 4;

/**
 * One path from consecutive pieces (the caller's steps, the call, the callee's path to its sink), without loops: a
 * step met again (a recursion, an import cycle: a summary's path that already went round) cuts what lay between its two
 * visits. Without this every pass that settles a cycle added another round (medplum: paths of 339 steps), and the
 * cycle never settled, its summary changing with each round. `file` is the analysed file: its own steps carry none,
 * and the same steps come back from another module's summary stamped with it.
 */
export function joinPaths(file: string, ...pieces: readonly (readonly FlowStep[])[]): readonly FlowStep[] {
  const path: FlowStep[] = [];
  const at = new Map<string, number>();
  for (const piece of pieces) {
    for (const step of piece) {
      const key = stepKey(step, file);
      const seen = at.get(key);
      if (seen === undefined) {
        at.set(key, path.length);
        path.push(step);
        continue;
      }
      for (let i = seen + 1; i < path.length; i++) at.delete(stepKey(path[i]!, file));
      path.length = seen + 1;
    }
  }
  if (path.length <= MAX_FLOW_STEPS) return path;
  // The gap is a step of its own, at the first step left out, so the reader knows the path goes on between (how far
  // is not known: the pieces joined may have left out steps of their own).
  const kept = MAX_FLOW_STEPS - KEPT_FROM_START - 1;
  const first = path[KEPT_FROM_START]!;
  const gap: FlowStep = { kind: first.kind, file: first.file, range: first.range, position: first.position, note: `${first.note} … (further steps left out)` };
  return [...path.slice(0, KEPT_FROM_START), gap, ...path.slice(path.length - kept)];
}

function stepKey(step: FlowStep, file: string): string {
  return `${step.file ?? file}\0${step.range.start}\0${step.range.end}\0${step.kind}\0${step.note}`;
}
