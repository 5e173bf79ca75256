/** Runs the latest scheduled action per key after a quiet period (one analysis per burst of typing). */
export interface Timers {
  set(callback: () => void, delayMs: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  set: (callback, delayMs) => setTimeout(callback, delayMs),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class KeyedDebouncer {
  private readonly pending = new Map<string, unknown>();

  constructor(private readonly timers: Timers = realTimers) {}

  schedule(key: string, delayMs: number, action: () => void): void {
    this.cancel(key);
    const handle = this.timers.set(() => {
      this.pending.delete(key);
      action();
    }, delayMs);
    this.pending.set(key, handle);
  }

  isPending(key: string): boolean {
    return this.pending.has(key);
  }

  cancel(key: string): void {
    const handle = this.pending.get(key);
    if (handle === undefined) return;
    this.timers.clear(handle);
    this.pending.delete(key);
  }

  cancelAll(): void {
    for (const key of [...this.pending.keys()]) this.cancel(key);
  }
}
