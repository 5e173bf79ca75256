/**
 * The batches of a scan, handed out to its threads through shared memory: a worker takes its next batch the moment
 * it finishes one, without waiting for the main thread (which is busy analysing its own batches).
 *
 * Each thread works through its own contiguous run of (sorted) batches and, when done, steals from the end of the
 * longest remaining run. Files of one folder import the same modules: keeping folders together on one thread means
 * the modules they import are analysed by that thread first, and the other threads adopt its analyses.
 */
export class SharedBatchQueue {
  /** [lock, next₀, end₀, next₁, end₁, …]: thread t's remaining run is next_t … end_t - 1. */
  private readonly cells: Int32Array;

  /** A queue over `memory`, as created by `SharedBatchQueue.create` in any thread. */
  constructor(readonly memory: SharedArrayBuffer) {
    this.cells = new Int32Array(memory);
  }

  static create(batchCount: number, threadCount: number): SharedBatchQueue {
    const queue = new SharedBatchQueue(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * (1 + 2 * threadCount)));
    for (let thread = 0; thread < threadCount; thread++) {
      queue.cells[1 + 2 * thread] = Math.floor((batchCount * thread) / threadCount);
      queue.cells[2 + 2 * thread] = Math.floor((batchCount * (thread + 1)) / threadCount);
    }
    return queue;
  }

  /** The next batch for `thread`, or undefined when every batch has been taken. */
  take(thread: number): number | undefined {
    this.lock();
    try {
      const own = 1 + 2 * thread;
      if (this.cells[own] < this.cells[own + 1]) return this.cells[own]++;
      let longest = own;
      for (let run = 1; run < this.cells.length; run += 2) {
        if (this.cells[run + 1] - this.cells[run] > this.cells[longest + 1] - this.cells[longest]) longest = run;
      }
      return this.cells[longest] < this.cells[longest + 1] ? --this.cells[longest + 1] : undefined;
    } finally {
      this.unlock();
    }
  }

  private lock(): void {
    // Held for a few instructions: wait briefly and retry.
    while (Atomics.compareExchange(this.cells, 0, 0, 1) !== 0) Atomics.wait(this.cells, 0, 1, 1);
  }

  private unlock(): void {
    Atomics.store(this.cells, 0, 0);
    Atomics.notify(this.cells, 0, 1);
  }
}
