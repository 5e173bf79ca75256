/**
 * Asynchronous writes of one file, run one after the other in the order they were asked for. Started at once, two
 * writes may finish in either order, and the older content can end up on disk (the data-flow cache kept an entry for
 * a file deleted just before). Each write should read what to write when it starts, so the last one is the newest.
 * A failed write does not stop the ones after it.
 */
export class SerialWrites {
  private last: Promise<void> = Promise.resolve();

  run(write: () => Promise<void>): Promise<void> {
    const next = this.last.then(write, write);
    this.last = next.catch(() => undefined);
    return next;
  }
}
