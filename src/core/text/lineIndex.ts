import type { LineColumn } from '../findings/finding';

/**
 * Offsets → 1-based line and column (ESLint/SARIF convention; columns in UTF-16 code units). The one converter for
 * every output that is not an editor (the extension uses `document.positionAt`). Lines end at \r\n, \n or a lone \r.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    if (!text.includes('\r')) {
      // The usual case: `indexOf` finds each line end much faster than a loop over every character.
      for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', end + 1)) this.starts.push(end + 1);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      } else if (ch === 10) this.starts.push(i + 1);
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): LineColumn {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - this.starts[low]! + 1 };
  }
}
