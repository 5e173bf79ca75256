import { fileInputKey, type FileInput, type ScanFileResponse, type ScanFileWireResponse, type ScanInputsByNumber } from './protocol';

// The workspace scan's file inputs (see FileInput) cross between the worker and the extension host once each: the
// worker numbers them (ScanInputNumbers) and the client keeps what each number stands for (ScanInputTable). Both
// start empty with each worker; a client that meets a number it does not know asks the worker to send every input
// again (ScanFileRequest.resendInputs).

/** The worker's side: a number for each distinct input, and which numbers this worker has sent. */
export class ScanInputNumbers {
  /** By object first (the worker reuses one object per module and scan), then by content. */
  private readonly numbers = new WeakMap<FileInput, number>();
  private readonly byKey = new Map<string, number>();
  private readonly sent = new Set<number>();

  /** The client knows none of them any more: each goes with the next response that uses it. */
  resend(): void {
    this.sent.clear();
  }

  /** `self` and `dependencies` by number, with the inputs not sent before. */
  encode(hash: string, self: FileInput, dependencies: readonly FileInput[]): ScanInputsByNumber {
    const inputs: [number, FileInput][] = [];
    const numberOf = (input: FileInput): number => {
      const number = this.numberOf(input);
      if (!this.sent.has(number)) {
        this.sent.add(number);
        inputs.push([number, input]);
      }
      return number;
    };
    return { hash, self: numberOf(self), dependencies: dependencies.map(numberOf), inputs };
  }

  private numberOf(input: FileInput): number {
    const known = this.numbers.get(input);
    if (known !== undefined) return known;
    // Equal inputs made at different times (another scan of an unchanged module) keep one number.
    const key = fileInputKey(input);
    let number = this.byKey.get(key);
    if (number === undefined) this.byKey.set(key, (number = this.byKey.size));
    this.numbers.set(input, number);
    return number;
  }
}

/** The client's side: what each number the current worker sent stands for. */
export class ScanInputTable {
  private readonly inputs = new Map<number, FileInput>();

  /** A new worker (or none): its numbers start afresh. */
  clear(): void {
    this.inputs.clear();
  }

  /**
   * The response with its inputs as objects (one object per input, shared by every response that uses it), or
   * undefined if it names an input this table never received (then the client asks for every input again).
   * Learns the inputs it carries even when the caller no longer wants the response (a cancelled request).
   */
  decode(response: ScanFileWireResponse): ScanFileResponse | undefined {
    if (response.kind === 'unchanged' || response.kind === 'unreadable') return response;
    for (const [number, input] of response.inputs) this.inputs.set(number, input);
    const self = this.inputs.get(response.self);
    const dependencies = response.dependencies.map((number) => this.inputs.get(number));
    if (!self || dependencies.some((input) => input === undefined)) return undefined;
    const { inputs: _sent, self: _self, dependencies: _dependencies, ...rest } = response;
    return { ...rest, self, dependencies: dependencies as FileInput[] };
  }
}
