/**
 * Offsets ↔ 1-based lines for the evaluator. Labels and findings must agree on what a line is,
 * so both go through these functions (\r\n, \n and a lone \r end a line, as in the TypeScript scanner).
 */

/** Offsets at which each line starts; index 0 is line 1. */
export function lineStarts(text: string): number[] {
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

/** The 1-based line that contains `offset` (an offset past the end belongs to the last line). */
export function lineOfOffset(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}

/** The text of each line without its line break. */
export function splitLines(text: string): string[] {
  const starts = lineStarts(text);
  return starts.map((start, index) => {
    const end = index + 1 < starts.length ? starts[index + 1] : text.length;
    return text.slice(start, end).replace(/\r?\n$|\r$/, '');
  });
}
