import type { PhiCategoryId } from '../core/catalog/phiCategories';
import type { DeidentifyOptions, ResolvedOptions } from './options';
import { resolveOptions } from './options';
import type { TextMatch } from './recognizers/recognizer';

/** A recognised identifier in scrubbed text: where it was in the input and what replaced it. */
export interface ScrubbedSpan {
  readonly start: number;
  readonly end: number;
  readonly category: PhiCategoryId;
  readonly replacement: string;
}

/**
 * Picks non-overlapping matches: longer spans first (a card number beats the phone-like run inside it), then the
 * more specific recognizer.
 */
export function selectMatches(matches: readonly (TextMatch & { readonly priority: number })[]): TextMatch[] {
  const ordered = [...matches].sort((a, b) => b.end - b.start - (a.end - a.start) || b.priority - a.priority || a.start - b.start);
  // `chosen` stays sorted and non-overlapping, so its ends are sorted too: one binary search finds the only
  // chosen span that can overlap a candidate (long notes yield thousands of matches).
  const chosen: TextMatch[] = [];
  for (const { priority: _priority, ...match } of ordered) {
    if (match.end <= match.start) continue;
    let low = 0;
    let high = chosen.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (chosen[mid]!.end <= match.start) low = mid + 1;
      else high = mid;
    }
    if (low < chosen.length && chosen[low]!.start < match.end) continue;
    chosen.splice(low, 0, match);
  }
  return chosen;
}

/** Finds identifiers in `text` with the configured recognizers. */
export function findIdentifiers(text: string, options: ResolvedOptions): TextMatch[] {
  const context = { now: options.now, restrictedZip3: options.restrictedZip3 };
  const all = options.recognizers.flatMap((r) => r.find(text, context).map((m) => ({ ...m, priority: r.priority })));
  return selectMatches(all);
}

/** Scrubs free text with resolved options, returning the text and what was replaced. */
export function scrubTextResolved(text: string, options: ResolvedOptions): { text: string; spans: ScrubbedSpan[] } {
  const spans: ScrubbedSpan[] = [];
  let output = '';
  let last = 0;
  for (const match of findIdentifiers(text, options)) {
    const replacement = match.generalized ?? options.replace(match.category, text.slice(match.start, match.end));
    spans.push({ start: match.start, end: match.end, category: match.category, replacement });
    output += text.slice(last, match.start) + replacement;
    last = match.end;
  }
  return { text: output + text.slice(last), spans };
}

/**
 * Scrubs identifiers out of free text: SSNs, phone and fax numbers, emails, URLs, IP addresses, labelled record and
 * plan numbers, dates (kept as their year), ZIP codes (first three digits), street addresses, card numbers, NPIs,
 * MBIs, VINs, ages over 89 and names that follow a title or a label. Names without such a cue are NOT caught.
 */
export function scrubText(text: string, options?: DeidentifyOptions): string {
  return scrubTextResolved(text, resolveOptions(options)).text;
}
