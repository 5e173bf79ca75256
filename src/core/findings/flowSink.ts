import type { FlowStep } from './finding';

/** Where a flow enters its sink: its last step, when the flow ends in one (a summary's flow, or a finding's). */
export function flowSink<Step extends Pick<FlowStep, 'kind'>>(steps: readonly Step[]): Step | undefined {
  const last = steps[steps.length - 1];
  return last?.kind === 'sink' ? last : undefined;
}
