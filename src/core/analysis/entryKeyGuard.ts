import type ts from 'typescript';
import { Kind, isBinaryExpression, isIdentifier, isNoSubstitutionTemplateLiteral, isStringLiteral } from './syntax';

/**
 * What a condition says of an `Object.entries` pair's key (`[key, value]`): the variable compared and the literal keys
 * it can be. With them the pair's value is judged as that field is (`if (key !== 'url' && key !== 'path') return;` then
 * `value` is a URL or a path, whatever else the object holds: medplum's attachment rewriter).
 */
export interface KeyGuard {
  readonly name: string;
  readonly keys: readonly string[];
}

function unwrap(e: ts.Expression): ts.Expression {
  while (e.kind === Kind.ParenthesizedExpression) e = (e as ts.ParenthesizedExpression).expression;
  return e;
}

/** `key === 'url'` (`==` too, either side) with `equal`, `key !== 'url'` without: the variable and the literal. */
function comparison(e: ts.Expression, equal: boolean): { name: string; key: string } | undefined {
  const test = unwrap(e);
  if (!isBinaryExpression(test)) return undefined;
  const operator = test.operatorToken.kind;
  const matches = equal
    ? operator === Kind.EqualsEqualsEqualsToken || operator === Kind.EqualsEqualsToken
    : operator === Kind.ExclamationEqualsEqualsToken || operator === Kind.ExclamationEqualsToken;
  if (!matches) return undefined;
  const [variable, literal] = isIdentifier(test.left) ? [test.left, unwrap(test.right)] : [unwrap(test.right), unwrap(test.left)];
  if (!isIdentifier(variable) || !(isStringLiteral(literal) || isNoSubstitutionTemplateLiteral(literal))) return undefined;
  return { name: variable.text, key: literal.text };
}

/** `a op b op c …` as its operands (`key === 'a' || key === 'b'` → two comparisons). */
function operands(e: ts.Expression, operator: ts.SyntaxKind, out: ts.Expression[] = []): ts.Expression[] {
  const test = unwrap(e);
  if (isBinaryExpression(test) && test.operatorToken.kind === operator) {
    operands(test.left, operator, out);
    operands(test.right, operator, out);
  } else out.push(test);
  return out;
}

/** The same variable compared with literals in every operand, or undefined. */
function sameVariable(parts: readonly ts.Expression[], equal: boolean): KeyGuard | undefined {
  const compared = parts.map((part) => comparison(part, equal));
  const name = compared[0]?.name;
  if (name === undefined || compared.some((c) => c?.name !== name)) return undefined;
  return { name, keys: compared.map((c) => c!.key) };
}

/** Where `condition` holds: `key === 'url' || key === 'path'`. */
export function keysWhereTrue(condition: ts.Expression): KeyGuard | undefined {
  return sameVariable(operands(condition, Kind.BarBarToken), true);
}

/** Where `condition` fails: `key !== 'url' && key !== 'path'`, or that or-ed with other tests (`… || typeof value !== 'string'`). */
export function keysWhereFalse(condition: ts.Expression): KeyGuard | undefined {
  for (const alternative of operands(condition, Kind.BarBarToken)) {
    const guard = sameVariable(operands(alternative, Kind.AmpersandAmpersandToken), false);
    if (guard) return guard;
  }
  return undefined;
}

/** A statement after which the flow never goes on: `return`, `throw`, `continue`, `break`, or a block ending in one. */
export function alwaysLeaves(statement: ts.Statement): boolean {
  switch (statement.kind) {
    case Kind.ReturnStatement:
    case Kind.ThrowStatement:
    case Kind.ContinueStatement:
    case Kind.BreakStatement:
      return true;
    case Kind.Block: {
      const statements = (statement as ts.Block).statements;
      const last = statements[statements.length - 1];
      return last !== undefined && alwaysLeaves(last);
    }
    default:
      return false;
  }
}
