import ts from '../typescriptCompiler';
import { RULE_IDS } from './finding';
import type { RuleId, SuppressionProblem, TextRange } from './finding';
import { settlerOf } from '../analysis/laggingNodes';

/** A `// phi-guard-allow <rule>[, <rule>] [until YYYY-MM-DD] -- <reason>` comment. */
export interface Suppression {
  readonly rules: readonly RuleId[];
  readonly reason: string;
  readonly range: TextRange;
  /** 0-based line the comment is on. */
  readonly line: number;
  /** Alone on its line: it covers the next statement; otherwise the statement on its own line. */
  readonly standalone: boolean;
}

const PATTERN = /(\/\/|\/\*)\s*phi-guard-allow\b([^\n]*)/g;

function toRule(token: string): RuleId | undefined {
  const name = token.trim().replace(/^phi-guard\//, '');
  return (RULE_IDS as readonly string[]).includes(name) ? (name as RuleId) : undefined;
}

/** The suppression comments of a parsed file; their lines are the tree's, as the findings' are (TypeScript's count). */
export function parseSuppressions(sourceFile: ts.SourceFile, today: string): { suppressions: Suppression[]; problems: SuppressionProblem[] } {
  const suppressions: Suppression[] = [];
  const problems: SuppressionProblem[] = [];
  const text = sourceFile.text;
  // Most files have none: then no line map is built.
  if (!text.includes('phi-guard-allow')) return { suppressions, problems };
  const lineStarts = sourceFile.getLineStarts();
  for (const match of text.matchAll(PATTERN)) {
    const start = match.index!;
    let body = match[2]!;
    if (match[1] === '/*') body = body.split('*/')[0]!;
    const range = { start, end: start + match[0].length };
    const line = sourceFile.getLineAndCharacterOfPosition(start).line;
    // `{/* phi-guard-allow … */}` alone on a line inside JSX counts as standalone too.
    const before = text.slice(lineStarts[line]!, start).trim();
    const standalone = before === '' || (before === '{' && match[1] === '/*');
    const [head = '', ...reasonParts] = body.split('--');
    const reason = reasonParts.join('--').trim();
    const untilMatch = /\buntil\s+(\S+)/.exec(head);
    const ruleText = head.replace(/\buntil\s+\S+/, '').trim();
    const tokens = ruleText.split(/[\s,]+/).filter(Boolean);
    const rules = tokens.map(toRule);
    const named = rules.filter((r): r is RuleId => !!r);
    const firstRule = named[0];
    if (tokens.length === 0) {
      problems.push({ rule: undefined, range, message: `phi-guard-allow needs a rule name and a reason: \`// phi-guard-allow <rule> -- <why this is allowed>\` (rules: ${RULE_IDS.join(', ')}).` });
      continue;
    }
    const unknown = tokens.filter((_t, i) => !rules[i]);
    if (unknown.length) {
      problems.push({ rule: firstRule, range, message: `phi-guard-allow names an unknown rule '${unknown.join(', ')}'; use one of ${RULE_IDS.join(', ')}. It suppresses nothing.` });
      continue;
    }
    if (!reason) {
      problems.push({ rule: firstRule, range, message: `phi-guard-allow for ${named.join(', ')} has no reason, so it suppresses nothing. Write why the flow is allowed after \`--\` (for example a BAA reference).` });
      continue;
    }
    if (untilMatch) {
      const until = untilMatch[1]!;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(until) || Number.isNaN(Date.parse(until))) {
        problems.push({ rule: firstRule, range, message: `phi-guard-allow has an invalid date '${until}'; write \`until YYYY-MM-DD\`. It suppresses nothing.` });
        continue;
      }
      if (until < today) {
        problems.push({ rule: firstRule, range, message: `phi-guard-allow for ${named.join(', ')} expired on ${until}; review the exception and renew or remove it.` });
        continue;
      }
    }
    suppressions.push({ rules: named, reason, range, line, standalone });
  }
  return { suppressions, problems };
}

/** Lines where the statements enclosing a position start: a suppression above a multi-line call covers all of it. */
export function statementLines(sourceFile: ts.SourceFile, position: number): number[] {
  const lines: number[] = [];
  // The editor's tree after an edit: a statement's nodes are moved when read (see laggingNodes).
  const settle = settlerOf(sourceFile);
  const visit = (node: ts.Node): void => {
    ts.forEachChild(node, (child) => {
      if (node === sourceFile) settle?.(child);
      if (child.getStart(sourceFile) <= position && position < child.getEnd()) {
        if (ts.isStatement(child) || ts.isClassElement(child) || ts.isVariableDeclaration(child)) lines.push(sourceFile.getLineAndCharacterOfPosition(child.getStart(sourceFile)).line);
        visit(child);
      }
    });
  };
  visit(sourceFile);
  return lines;
}

/** The suppression that sets aside a finding of `rule` at `position`: on its line or on a statement enclosing it. */
export function coveringSuppression(suppressions: readonly Suppression[], sourceFile: ts.SourceFile, position: number, rule: RuleId): Suppression | undefined {
  const line = sourceFile.getLineAndCharacterOfPosition(position).line;
  const covered = [line, ...statementLines(sourceFile, position)];
  return suppressions.find((s) => s.rules.includes(rule) && covered.includes(s.standalone ? s.line + 1 : s.line));
}
