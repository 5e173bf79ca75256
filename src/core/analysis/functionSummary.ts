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

/**
 * A call on a parameter the function cannot tell the API of (`res.cookie(name, value)` with `res` untyped): a sink
 * when a caller hands it a client whose API makes it one. Kept for callers in other modules; a function of the same
 * file is analysed with the client its callers hand it instead (see Interpreter.bindArgumentApis).
 */
export interface ReceiverCall {
  /** The parameter called on, or THIS_FIELD: a field of `this`, the path's first member (`this.db.put(…)`). */
  readonly param: number;
  /** Members from the parameter to the method called: `['cookie']`, `['rel', 'save']`, `['db', 'put']`. */
  readonly path: readonly string[];
  /** What each argument of the call carries (taints in terms of the function's parameters, or PHI of its own). */
  readonly args: readonly Value[];
  /** The call in this function (one entry per call: a loop evaluates it again). */
  readonly site: TextRange;
  /** The call on the client, inside the function (or the function it was handed on to), as a flow path shows it. */
  readonly step: FlowStep;
}

/** ReceiverCall.param of a call on a field of `this` (a client the constructor was given, see constructorFields). */
export const THIS_FIELD = -1;

/** What a function's callers need of it: what it returns and which parameters reach which sinks. */
export interface Summary {
  returnValue: Value;
  readonly sinks: SummarySink[];
  /** Calls on parameters (see ReceiverCall); absent when there are none. */
  receiverCalls?: ReceiverCall[];
}
