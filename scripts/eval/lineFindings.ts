/** Reduces engine findings to what scoring compares with labels: the 1-based line of `range.start`. */
import type { Finding } from '../../src/core/index';
import { lineOfOffset, lineStarts } from './lineIndex';
import type { LineFinding } from './score';

export function toLineFindings(text: string, findings: readonly Pick<Finding, 'range' | 'category' | 'message'>[]): LineFinding[] {
  const starts = lineStarts(text);
  return findings.map((finding) => ({
    line: lineOfOffset(starts, finding.range.start),
    category: finding.category,
    message: finding.message,
  }));
}
