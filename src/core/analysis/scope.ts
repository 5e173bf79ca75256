import type ts from 'typescript';
import { EMPTY } from './values';
import type { Taint, Value } from './values';

export type BindingKind = 'var' | 'param' | 'function' | 'class' | 'import';

/** A declared name. `global` is the union of every value ever written to it (flow-insensitive), read
 * from other functions (closures); the declaring function reads its flow-sensitive environment. */
let nextSerial = 0;

/** The serial the next binding will get: bindings made after this point have this serial or higher. */
export function nextBindingSerial(): number {
  return nextSerial;
}

export class Binding {
  /** Creation order: a loop tells the bindings its body declares (fresh on each pass) from those around it. */
  readonly serial = nextSerial++;
  global: Value = EMPTY;
  /** Name-based PHI source for this variable (`const ssn = …`), computed once; null when none applies. */
  nameSource: Taint | null | undefined;
  /** Read from another function before all writes were seen: a later write makes the pass stale. */
  readByClosure = false;
  /** For parameters: the PHI its name or type says it holds, which a closure reading it sees (its index means
   * nothing there: the closure has parameters of its own). */
  paramSource: Taint | undefined;
  /** For imports: the module specifier (`zod`, `@prisma/client`). */
  module: string | undefined;
  /** Edit tracking: the module-state tick of its last change (Interpreter.reanalyse). */
  changedAt = 0;
  /** For imports not resolved yet: resolves the import declaration's bindings (Interpreter.bindImport). */
  pendingImport: (() => void) | undefined = undefined;

  constructor(
    /** Changed only when an edit renames the declaration of a name nothing else uses (Interpreter.reanalyse). */
    public name: string,
    readonly kind: BindingKind,
    /** Re-pointed when an edit makes the parser re-make the declaration (Interpreter.reanalyse). */
    public declaration: ts.Node,
    readonly owner: number,
  ) {}
}

/** A lexical scope: a function body, a block, a class, a catch clause. */
export class Scope {
  /** Made on the first declaration: most blocks (an `if` body, a loop body) declare nothing. */
  private bindings: Map<string, Binding> | undefined;

  constructor(
    readonly parent: Scope | undefined,
    /** Id of the function (0 = module) whose body this scope belongs to. */
    readonly owner: number,
  ) {}

  declare(name: string, kind: BindingKind, declaration: ts.Node): Binding {
    const existing = this.bindings?.get(name);
    if (existing) return existing;
    const binding = new Binding(name, kind, declaration, this.owner);
    (this.bindings ??= new Map()).set(name, binding);
    return binding;
  }

  /** The bindings declared in this scope itself. */
  declared(): Iterable<Binding> {
    return this.bindings?.values() ?? [];
  }

  /** The binding this scope itself declares under `name`. */
  own(name: string): Binding | undefined {
    return this.bindings?.get(name);
  }

  /** Declares `binding` under a new name instead of its old one (a declaration an edit renamed). */
  rename(binding: Binding, name: string): void {
    this.bindings?.delete(binding.name);
    binding.name = name;
    (this.bindings ??= new Map()).set(name, binding);
  }

  lookup(name: string): Binding | undefined {
    const binding = this.bindings?.get(name);
    if (!binding) return this.parent?.lookup(name);
    if (binding.pendingImport) binding.pendingImport();
    return binding;
  }
}
