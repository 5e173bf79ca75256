import type { Binding } from './scope';
import { joinValues } from './values';
import type { Value } from './values';

/**
 * What a function's own bindings hold at one point of its flow (reads are flow-sensitive). A branch runs on a fork,
 * which keeps only what the branch writes and reads the rest from the env it was forked from; joining the branches
 * writes, into that env, the join of what each branch reads for every binding one of them wrote. A branch so costs
 * what it writes, not the size of the env: copying the whole env for every arm of every `if` was a tenth of what a
 * scan allocated.
 */
export class FlowEnv {
  /** What was written here (made on the first write: many branches write nothing). */
  private own: Map<Binding, Value> | undefined;

  private constructor(private readonly parent: FlowEnv | undefined) {}

  /** A function's env when it starts: nothing written yet. */
  static empty(): FlowEnv {
    return new FlowEnv(undefined);
  }

  get(binding: Binding): Value | undefined {
    const written = this.own?.get(binding);
    return written !== undefined ? written : this.parent?.get(binding);
  }

  set(binding: Binding, value: Value): void {
    (this.own ??= new Map()).set(binding, value);
  }

  /** An env for one branch of the flow from here: it reads what this env holds until the branch writes. */
  fork(): FlowEnv {
    return new FlowEnv(this);
  }

  /**
   * Where the flow meets again after `branches`: each is this env or was forked from it (directly or through forks of
   * forks). A binding no branch wrote keeps its value; a written one gets the join of what the branches read for it,
   * in the order given, from those that have one.
   */
  join(branches: readonly FlowEnv[]): void {
    const written = new Set<Binding>();
    for (const branch of branches) {
      for (let env: FlowEnv | undefined = branch; env && env !== this; env = env.parent) for (const binding of env.own?.keys() ?? []) written.add(binding);
    }
    const joined: [Binding, Value][] = [];
    for (const binding of written) {
      let value: Value | undefined;
      for (const branch of branches) {
        const read = branch.get(binding);
        if (read !== undefined) value = value === undefined ? read : joinValues(value, read);
      }
      if (value !== undefined) joined.push([binding, value]);
    }
    // Written after every branch has been read: `this` may be one of them.
    for (const [binding, value] of joined) this.set(binding, value);
  }
}
