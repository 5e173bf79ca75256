import type { Finding, FlowStep } from '../core';

/**
 * The sink a finding's flow ends in when it is not where the finding is: inside a helper of this file or of another
 * (PHI handed to `cache(key, value)`, which calls `redis.set`). A suppression there covers every caller.
 */
export function sinkElsewhere(finding: Finding): FlowStep | undefined {
  const last = finding.flow[finding.flow.length - 1];
  if (!last || last.kind !== 'sink') return undefined;
  // A sink the value enters where it is flagged ends its flow on the flagged value itself.
  if (!last.file && last.range.start === finding.range.start && last.range.end === finding.range.end) return undefined;
  return last;
}
