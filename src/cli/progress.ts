export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** A single self-updating "files done/total" line on a terminal's stderr; silent when stderr is piped. */
export class ProgressLine {
  private lastDrawn = 0;
  private visible = false;

  constructor(private readonly stream: ProgressStream) {}

  private get enabled(): boolean {
    return this.stream.isTTY === true;
  }

  update(done: number, total: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (done < total && now - this.lastDrawn < 100) return; // redraw at most ten times a second
    this.lastDrawn = now;
    this.stream.write(`\r\u001b[2KPHI Guard: scanned ${done}/${total} files`);
    this.visible = true;
  }

  clear(): void {
    if (this.enabled && this.visible) this.stream.write('\r\u001b[2K');
    this.visible = false;
  }
}
