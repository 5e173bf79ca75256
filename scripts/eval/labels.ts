/**
 * Ground-truth labels of the fixture corpus. A label is a comment at the end of a line:
 *   `// expect: log`        PHI reaches a sink of that category on this line (a positive),
 *   `// expect: log, url`   two findings of different categories on one line,
 *   `// ok: storage`        a sink of that category on this line must NOT be reported (a tricky negative),
 *   `{/* expect: log *\/}`  the same inside JSX.
 * See docs/fixtures.md for where on a statement the label goes.
 */
import type { SinkCategory } from '../../src/core/index';
import { splitLines } from './lineIndex';

export const SINK_CATEGORIES: readonly SinkCategory[] = ['ai', 'log', 'storage', 'url'];

export type LabelKind = 'expect' | 'ok';

export interface Label {
  readonly kind: LabelKind;
  readonly category: SinkCategory;
  /** 1-based line the label is on. */
  readonly line: number;
  /** The labelled line without its label comment, trimmed; shown in reports. */
  readonly source: string;
}

export interface LabelProblem {
  readonly line: number;
  readonly message: string;
}

export interface ParsedLabels {
  readonly labels: readonly Label[];
  readonly problems: readonly LabelProblem[];
}

// A well-formed label comment, anchored at the end of the line (an optional `}` closes a JSX expression container).
const LABEL_COMMENT = /(?:\/\/|\/\*)\s*(expect|ok)\s*:\s*([A-Za-z-]+(?:\s*,\s*[A-Za-z-]+)*)\s*(?:\*\/\s*\}?)?\s*$/;
// Anything that looks like an attempt at a label; used to reject typos instead of silently ignoring them.
const LABEL_ATTEMPT = /(?:\/\/|\/\*)\s*(expect|expects|ok)\s*:/i;

function isSinkCategory(word: string): word is SinkCategory {
  return (SINK_CATEGORIES as readonly string[]).includes(word);
}

/** Parse every label of one fixture file. Problems carry the line and what to write instead. */
export function parseLabels(text: string): ParsedLabels {
  const labels: Label[] = [];
  const problems: LabelProblem[] = [];
  splitLines(text).forEach((lineText, index) => {
    const line = index + 1;
    const match = LABEL_COMMENT.exec(lineText);
    if (!match) {
      if (LABEL_ATTEMPT.test(lineText)) {
        problems.push({
          line,
          message: `malformed label; write '// expect: <category>' or '// ok: <category>' at the end of the line (categories: ${SINK_CATEGORIES.join(', ')})`,
        });
      }
      return;
    }
    const kind = match[1] as LabelKind;
    const source = lineText.slice(0, match.index).replace(/\{\s*$/, '').trim();
    const seen = new Set<string>();
    for (const word of match[2].split(',').map((w) => w.trim())) {
      if (!isSinkCategory(word)) {
        problems.push({ line, message: `unknown category '${word}' in '${kind}:' label; use one of ${SINK_CATEGORIES.join(', ')}` });
      } else if (seen.has(word)) {
        problems.push({ line, message: `category '${word}' appears twice in one label; list it once` });
      } else {
        seen.add(word);
        labels.push({ kind, category: word, line, source });
      }
    }
    if (source === '') {
      problems.push({ line, message: `label on a line without code; put it at the end of the line where the PHI value starts` });
    }
  });
  return { labels, problems };
}
