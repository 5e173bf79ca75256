import * as assert from 'assert';
import type ts from 'typescript';
import { FlowEnv } from '../../../src/core/analysis/flowEnv';
import { Binding } from '../../../src/core/analysis/scope';
import { joinValues, makeValue, type Value } from '../../../src/core/analysis/values';

/** Values told apart by `typeName`; joinValues keeps the first one's, so a join in the wrong order shows. */
const value = (name: string): Value => (makeValue({ typeName: name }));
const binding = (name: string) => new Binding(name, 'var', undefined as unknown as ts.Node, 1);

/**
 * The env as the interpreter kept it before FlowEnv: a full copy per branch, and a join that folds every branch's
 * whole map, in order. FlowEnv must read the same at every point.
 */
class CopiedEnvFrame {
  env = new Map<Binding, Value>();
  branch(run: () => void): Map<Binding, Value> {
    const saved = this.env;
    this.env = new Map(saved);
    try {
      run();
      return this.env;
    } finally {
      this.env = saved;
    }
  }
  join(_target: Map<Binding, Value>, envs: readonly Map<Binding, Value>[]): void {
    const out = new Map<Binding, Value>();
    for (const env of envs) for (const [b, v] of env) out.set(b, out.has(b) ? joinValues(out.get(b)!, v) : v);
    this.env = out;
  }
  get(b: Binding): Value | undefined {
    return this.env.get(b);
  }
  set(b: Binding, v: Value): void {
    this.env.set(b, v);
  }
}

/** The interpreter's use of FlowEnv (branch, joinInto). */
class FlowEnvFrame {
  env = FlowEnv.empty();
  branch(run: () => void): FlowEnv {
    const saved = this.env;
    this.env = saved.fork();
    try {
      run();
      return this.env;
    } finally {
      this.env = saved;
    }
  }
  join(target: FlowEnv, envs: readonly FlowEnv[]): void {
    target.join(envs);
    this.env = target;
  }
  get(b: Binding): Value | undefined {
    return this.env.get(b);
  }
  set(b: Binding, v: Value): void {
    this.env.set(b, v);
  }
}

type Step =
  | { readonly kind: 'write'; readonly binding: number; readonly value: string }
  | { readonly kind: 'read'; readonly binding: number }
  | { readonly kind: 'if' | 'switch'; readonly arms: readonly Step[][] }
  | { readonly kind: 'loop'; readonly body: readonly Step[]; readonly twice: boolean };

function random(seed: number): () => number {
  let state = seed;
  return () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
}

function program(next: () => number, depth: number, counter: { n: number }): Step[] {
  const steps: Step[] = [];
  const length = 1 + Math.floor(next() * 5);
  for (let i = 0; i < length; i++) {
    const roll = next();
    if (depth < 4 && roll < 0.15) steps.push({ kind: 'if', arms: [program(next, depth + 1, counter), program(next, depth + 1, counter)] });
    else if (depth < 4 && roll < 0.22) steps.push({ kind: 'switch', arms: Array.from({ length: 1 + Math.floor(next() * 3) }, () => program(next, depth + 1, counter)) });
    else if (depth < 4 && roll < 0.3) steps.push({ kind: 'loop', body: program(next, depth + 1, counter), twice: next() < 0.5 });
    else if (roll < 0.65) steps.push({ kind: 'write', binding: Math.floor(next() * 8), value: `v${counter.n++}` });
    else steps.push({ kind: 'read', binding: Math.floor(next() * 8) });
  }
  return steps;
}

/** Runs `steps` the way the interpreter's statements use their frame's env; returns every read, in order. */
function run<E>(frame: { env: E; branch(run: () => void): E; join(target: E, envs: readonly E[]): void; get(b: Binding): Value | undefined; set(b: Binding, v: Value): void }, steps: readonly Step[], bindings: readonly Binding[], values: Map<string, Value>, reads: (Value | undefined)[]): void {
  for (const step of steps) {
    switch (step.kind) {
      case 'write':
        frame.set(bindings[step.binding]!, values.get(step.value)!);
        break;
      case 'read':
        reads.push(frame.get(bindings[step.binding]!));
        break;
      case 'if':
      case 'switch': {
        const envs = step.arms.map((arm) => frame.branch(() => run(frame, arm, bindings, values, reads)));
        if (step.kind === 'switch') envs.push(frame.env); // no case taken
        frame.join(frame.env, envs);
        break;
      }
      case 'loop': {
        const before = frame.env;
        const first = frame.branch(() => run(frame, step.body, bindings, values, reads));
        if (!step.twice) {
          frame.join(before, [before, first]);
          break;
        }
        frame.env = first;
        const second = frame.branch(() => run(frame, step.body, bindings, values, reads));
        frame.join(before, [before, first, second]);
        break;
      }
    }
  }
  for (const b of bindings) reads.push(frame.get(b));
}

describe('flow env (branches fork it, joins write back what they wrote)', () => {
  it('a fork reads through to its env until it writes; the env does not see the fork', () => {
    const [a, b] = [binding('a'), binding('b')];
    const env = FlowEnv.empty();
    env.set(a, value('a0'));
    const fork = env.fork();
    assert.deepStrictEqual(fork.get(a), value('a0'));
    fork.set(a, value('a1'));
    fork.set(b, value('b1'));
    assert.deepStrictEqual([env.get(a), env.get(b)], [value('a0'), undefined]);
    assert.deepStrictEqual([fork.get(a), fork.get(b)], [value('a1'), value('b1')]);
  });

  it('joins a binding written in one branch with what the other reads, in branch order, and keeps unwritten ones as they are', () => {
    const [a, b, c] = [binding('a'), binding('b'), binding('c')];
    const env = FlowEnv.empty();
    const kept = value('c0');
    env.set(a, value('a0'));
    env.set(c, kept);
    const then = env.fork();
    then.set(a, value('a-then'));
    then.set(b, value('b-then')); // declared in one branch only
    const otherwise = env.fork();
    env.join([then, otherwise]);
    assert.deepStrictEqual(env.get(a), joinValues(value('a-then'), value('a0')));
    assert.strictEqual(env.get(a)!.typeName, 'a-then');
    assert.deepStrictEqual(env.get(b), value('b-then'));
    assert.strictEqual(env.get(c), kept, 'the same object: nothing to join');
  });

  it('joins what a fork of a fork wrote at either level', () => {
    const [a, b] = [binding('a'), binding('b')];
    const env = FlowEnv.empty();
    env.set(a, value('a0'));
    const child = env.fork();
    child.set(a, value('a-child'));
    const grandchild = child.fork();
    grandchild.set(b, value('b-grandchild'));
    env.join([grandchild, env]);
    assert.deepStrictEqual([env.get(a)!.typeName, env.get(b)!.typeName], ['a-child', 'b-grandchild']);
  });

  it('reads exactly what a full copy per branch read, over random nested ifs, switches and loops', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const next = random(seed);
      const steps = program(next, 0, { n: 0 });
      const bindings = Array.from({ length: 8 }, (_, i) => binding(`b${i}`));
      const values = new Map<string, Value>();
      const collect = (s: readonly Step[]): void => {
        for (const step of s) {
          if (step.kind === 'write') values.set(step.value, value(step.value));
          else if (step.kind === 'if' || step.kind === 'switch') step.arms.forEach(collect);
          else if (step.kind === 'loop') collect(step.body);
        }
      };
      collect(steps);
      const copied: (Value | undefined)[] = [];
      const flowed: (Value | undefined)[] = [];
      run(new CopiedEnvFrame(), steps, bindings, values, copied);
      run(new FlowEnvFrame(), steps, bindings, values, flowed);
      assert.deepStrictEqual(flowed, copied, `seed ${seed}: ${JSON.stringify(steps)}`);
    }
  });
});
