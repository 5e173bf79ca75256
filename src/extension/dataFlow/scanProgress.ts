/** One update of the scan's progress notification (`increment`: percentage points since the last update). */
export interface ProgressUpdate {
  readonly message: string;
  readonly increment: number;
}

/**
 * The workspace scan's "n/total files" count. `total` is the files the scan covers: a found file that turns out
 * excluded (.gitignore, its policy, a setting) leaves the total once it is checked, so the count ends at the number
 * of files analysed or skipped.
 */
export class ScanProgress {
  private done = 0;
  private excluded = 0;
  private reportedPercent = 0;

  constructor(
    private readonly found: number,
    private readonly report: (update: ProgressUpdate) => void,
    private readonly every = 25,
  ) {}

  /** A file was analysed, taken from the cache, skipped or failed. */
  fileDone(): void {
    this.done++;
    this.settled();
  }

  /** A found file is not part of the scan. */
  fileExcluded(): void {
    this.excluded++;
    this.settled();
  }

  get total(): number {
    return this.found - this.excluded;
  }

  /** Reports the current count now. */
  flush(): void {
    const percent = this.total ? (this.done / this.total) * 100 : 100;
    // Never negative: `done` only grows and `total` only shrinks.
    this.report({ message: `${this.done}/${this.total} files`, increment: percent - this.reportedPercent });
    this.reportedPercent = percent;
  }

  private settled(): void {
    if ((this.done + this.excluded) % this.every === 0) this.flush();
  }
}
