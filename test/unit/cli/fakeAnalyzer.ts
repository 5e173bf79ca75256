import type { AnalysisResult, AnalyzeOptions, Finding, SinkCategory } from '../../../src/core';
import { RULE_BY_CATEGORY } from '../../../src/core';

/**
 * A stand-in engine for testing the CLI's plumbing independently of the real analysis:
 * `ai(x)`, `log(x)`, `store(x)` and `url(x)` are sinks receiving `x`, whose first mention is the source.
 * A sink call followed on its line by `// ALLOWED <reason>` is suppressed for that reason, the comment at the marker.
 * `BAD_SUPPRESSION`, `PARSE_ERROR`, `SKIP_ME` and `THROW_ME` trigger the other result kinds.
 */
export function fakeAnalyzer(options: AnalyzeOptions): AnalysisResult {
  const { text } = options;
  if (text.includes('THROW_ME')) throw new Error('engine exploded');
  if (text.includes('SKIP_ME')) return { findings: [], suppressed: [], suppressionProblems: [], parseProblems: [], sinkSites: [], skipped: { reason: 'minified', message: 'looks minified' } };

  const findings: Finding[] = [];
  const suppressed: AnalysisResult['suppressed'][number][] = [];
  for (const match of text.matchAll(/\b(ai|log|store|url)\((\w+)\)/g)) {
    const category = ({ ai: 'ai', log: 'log', store: 'storage', url: 'url' } as const)[match[1] as 'ai' | 'log' | 'store' | 'url'] as SinkCategory;
    const argumentStart = (match.index ?? 0) + match[1].length + 1;
    const range = { start: argumentStart, end: argumentStart + match[2].length };
    const sourceStart = text.indexOf(match[2]);
    const finding: Finding = {
      rule: RULE_BY_CATEGORY[category],
      category,
      sink: { id: `fake.${match[1]}`, category, package: 'fake-sdk', api: match[1], vendor: 'Fake' },
      phiCategories: ['name'],
      reasons: [{ kind: 'name', name: match[2], words: [match[2]] }],
      range,
      sinkRange: range,
      expression: match[2],
      message: `${match[2]} (PHI: name) reaches ${match[1]}()`,
      flow: [
        { kind: 'source', range: { start: sourceStart, end: sourceStart + match[2].length }, note: `${match[2]} is a patient name` },
        { kind: 'sink', range, note: `passed to ${match[1]}()` },
      ],
      fixes: [],
    };
    const lineEnd = text.indexOf('\n', match.index ?? 0);
    const allowed = /\/\/ ALLOWED (.+)/.exec(text.slice(match.index ?? 0, lineEnd < 0 ? undefined : lineEnd));
    if (allowed) {
      const commentStart = (match.index ?? 0) + allowed.index;
      suppressed.push({ finding, reason: allowed[1]!, commentRange: { start: commentStart, end: commentStart + allowed[0].length } });
    } else findings.push(finding);
  }
  const marker = (word: string) => {
    const start = text.indexOf(word);
    return { start, end: start + word.length };
  };
  return {
    findings,
    sinkSites: [],
    suppressed,
    suppressionProblems: text.includes('BAD_SUPPRESSION') ? [{ rule: undefined, range: marker('BAD_SUPPRESSION'), message: 'phi-guard-allow needs a reason' }] : [],
    parseProblems: text.includes('PARSE_ERROR') ? [{ range: marker('PARSE_ERROR'), message: "')' expected." }] : [],
  };
}
