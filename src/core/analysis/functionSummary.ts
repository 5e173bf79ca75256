import type { FlowStep, SinkDescriptor, SinkReview, TextRange } from '../findings/finding';
import type { Value } from './values';

/** A parameter of a function that reaches a sink inside it. */
export interface SummarySink {
  /** From another module's summary: its carrier and site are in that file. */
  readonly external?: boolean;
  /** The parameter is PHI by its own name or type, so the leak was reported inside the function; callers do not repeat it. */
  readonly reportedInside?: boolean;
  readonly param: number;
  readonly sink: SinkDescriptor;
  /** Steps from the parameter to the sink, inside the function. */
  readonly steps: readonly FlowStep[];
  /** Where the value enters the sink, inside the function. */
  readonly carrier: TextRange;
  /** The sink call inside the function. */
  readonly site: TextRange;
  /** Covered by a suppression in the module it is in (another one): what reaches it is reported as suppressed. */
  readonly reviewed?: SinkReview;
}

/** What a function's callers need of it: what it returns and which parameters reach which sinks. */
export interface Summary {
  returnValue: Value;
  readonly sinks: SummarySink[];
}
