import type { LineColumn } from '../core';

/**
 * Converts the engine's UTF-16 offsets into 1-based line/column positions. Every CLI output
 * (text, JSON, SARIF, flow steps) goes through `positionAt` so that they all agree on positions.
 * A line ends at \r\n, \n or a lone \r, as in the TypeScript scanner; columns count UTF-16 code units,
 * like ESLint and SARIF's `utf16CodeUnits` column kind.
 */
export class LineIndex {
  private readonly starts: readonly number[];

  constructor(private readonly text: string) {
    this.starts = computeLineStarts(text);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 1-based position of `offset`; offsets outside the text are clamped to it. */
  positionAt(offset: number): LineColumn {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - this.starts[low] + 1 };
  }
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (ch === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return starts;
}
