import type { FlowStep, TextRange } from '../core/findings/finding';
import { flowSink } from '../core/findings/flowSink';

/**
 * The sink a flow ends in when it is not where the flow is flagged: inside a helper of this file or of another
 * (PHI handed to `cache(key, value)`, which calls `redis.set`). A suppression there covers every caller.
 */
export function sinkElsewhere<Step extends Pick<FlowStep, 'kind' | 'file' | 'range'>>(steps: readonly Step[], flagged: TextRange): Step | undefined {
  const last = flowSink(steps);
  if (!last) return undefined;
  // A sink the value enters where it is flagged ends its flow on the flagged value itself.
  if (!last.file && last.range.start === flagged.start && last.range.end === flagged.end) return undefined;
  return last;
}
