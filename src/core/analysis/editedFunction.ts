import type ts from 'typescript';
import { settlerOf } from './laggingNodes';
import {
  Kind, isCallExpression, isClassDeclaration, isConstructorDeclaration, isExpressionStatement, isFunctionDeclaration, isGetAccessorDeclaration, isIdentifier,
  isInterfaceDeclaration, isMethodDeclaration, isPropertyDeclaration, isSetAccessorDeclaration, isTypeAliasDeclaration, isVariableStatement,
} from './syntax';

/** A top-level function (or a method of a top-level class) an edit changed, in the trees before and after it. */
export interface EditedFunction {
  readonly kind: 'function';
  readonly before: ts.SignatureDeclaration;
  readonly after: ts.SignatureDeclaration;
  /** The declaration that names it (`function f`, `const f = …`, the class), re-made by the parser with it. */
  readonly declarationBefore: ts.Node;
  readonly declarationAfter: ts.Node;
  readonly classBefore?: ts.ClassDeclaration;
  readonly classAfter?: ts.ClassDeclaration;
  /** A top-level function declaration's name before and after the edit, when the edit changed it. */
  readonly renamed?: { readonly from: string; readonly to: string };
}

/** An interface or type alias an edit changed, before and after it (its name may have changed too). */
export interface EditedTypes {
  readonly kind: 'types';
  readonly before: ts.InterfaceDeclaration | ts.TypeAliasDeclaration;
  readonly after: ts.InterfaceDeclaration | ts.TypeAliasDeclaration;
}

/**
 * A field initializer of a top-level class an edit changed, and nothing else of the field (its name, modifiers and
 * type are as they were): `private readonly entries = new Map<string, Entry>();`.
 */
export interface EditedField {
  readonly kind: 'field';
  readonly before: ts.PropertyDeclaration & { readonly initializer: ts.Expression };
  readonly after: ts.PropertyDeclaration & { readonly initializer: ts.Expression };
  readonly classBefore: ts.ClassDeclaration;
  readonly classAfter: ts.ClassDeclaration;
}

/**
 * What an edit changed, judged from the two trees of TypeScript's incremental parser (which re-makes only the nodes
 * around the edit and reuses every other node object):
 * - `function`: one top-level function declaration, a method of a top-level class, or a function expression that is
 *   a top-level `const`'s initializer or a top-level call's argument (see editedArgument), and nothing else: its
 *   name (but a function declaration's, see `renamed`) and everything outside it are as they were;
 * - `field`: the initializer of one field of a top-level class, and nothing else;
 * - `types`: one interface or type alias, and nothing else;
 * - `nothing`: no statement (an edit in the file's trailing comments or blank lines);
 * - undefined: anything else (module-level code, imports, several statements), which needs the whole file analysed.
 */
export function editedPart(
  before: readonly ts.Statement[], after: ts.SourceFile, change: ts.TextChangeRange,
): EditedFunction | EditedField | EditedTypes | { readonly kind: 'nothing' } | undefined {
  const statements = after.statements;
  if (statements.length !== before.length) return undefined;
  let edited = -1;
  for (let i = 0; i < statements.length; i++) {
    if (statements[i] === before[i]) continue;
    if (edited >= 0) return undefined;
    edited = i;
  }
  const start = change.span.start;
  const end = start + change.newLength;
  if (edited < 0) return start >= (statements[statements.length - 1]?.end ?? 0) ? { kind: 'nothing' } : undefined;
  const old = before[edited]!;
  const now = statements[edited]!;
  // Re-made by the edit, so settled already, unless an edit not analysed since (a syntax error) moved it.
  const settle = settlerOf(after);
  settle?.(old);
  settle?.(now);
  const inside = (node: ts.Node) => node.getStart(after) <= start && end <= node.end;

  if ((isInterfaceDeclaration(old) && isInterfaceDeclaration(now)) || (isTypeAliasDeclaration(old) && isTypeAliasDeclaration(now))) {
    // Every offset outside the declaration is moved by the change, so it must lie within it (comments included): a
    // change made of several edits (AnalysisMemory.keepThroughSyntaxErrors) can also span statements it left alone.
    return now.pos <= start && end <= now.end ? { kind: 'types', before: old, after: now } : undefined;
  }
  if (isFunctionDeclaration(old) && isFunctionDeclaration(now)) {
    if (!old.name || !now.name || !old.body || !now.body || !inside(now)) return undefined;
    const renamed = old.name.text === now.name.text ? undefined : { from: old.name.text, to: now.name.text };
    return { kind: 'function', before: old, after: now, declarationBefore: old, declarationAfter: now, ...(renamed && { renamed }) };
  }
  if (isVariableStatement(old) && isVariableStatement(now)) {
    const a = single(old);
    const b = single(now);
    if (!a?.initializer || !b?.initializer || !isIdentifier(a.name) || !isIdentifier(b.name) || a.name.text !== b.name.text) return undefined;
    return editedArgument(a.initializer, b.initializer, a, b, start, end, after);
  }
  if (isExpressionStatement(old) && isExpressionStatement(now)) return editedArgument(old.expression, now.expression, old, now, start, end, after);
  if (isClassDeclaration(old) && isClassDeclaration(now)) return editedMember(old, now, inside);
  return undefined;
}

/** The one member of a top-level class an edit changed: a method, accessor or constructor body, or a field initializer. */
function editedMember(old: ts.ClassDeclaration, now: ts.ClassDeclaration, inside: (node: ts.Node) => boolean): EditedFunction | EditedField | undefined {
  if (old.members.length !== now.members.length || old.name?.text !== now.name?.text) return undefined;
  let edited = -1;
  for (let i = 0; i < now.members.length; i++) {
    if (now.members[i] === old.members[i]) continue;
    if (edited >= 0) return undefined;
    edited = i;
  }
  if (edited < 0) return undefined;
  const a = old.members[edited]!;
  const b = now.members[edited]!;
  if (a.kind !== b.kind) return undefined;
  if (isConstructorDeclaration(a) && isConstructorDeclaration(b)) {
    // Parameter properties (`constructor(private db: Db)`) are class fields, read when the class was: body edits only.
    if (!a.body || !b.body || !inside(b.body)) return undefined;
    return { kind: 'function', before: a, after: b, declarationBefore: old, declarationAfter: now, classBefore: old, classAfter: now };
  }
  if (isPropertyDeclaration(a) && isPropertyDeclaration(b)) return editedField(a, b, old, now, inside);
  if (!(isMethodDeclaration(a) || isGetAccessorDeclaration(a) || isSetAccessorDeclaration(a))) return undefined;
  const b2 = b as ts.MethodDeclaration | ts.AccessorDeclaration;
  if (!a.body || !b2.body || !isIdentifier(a.name) || !isIdentifier(b2.name) || a.name.text !== b2.name.text || !inside(b2)) return undefined;
  return { kind: 'function', before: a, after: b2, declarationBefore: old, declarationAfter: now, classBefore: old, classAfter: now };
}

/** The field's initializer, when the edit is inside it and left the rest of the field as it was. */
function editedField(
  a: ts.PropertyDeclaration, b: ts.PropertyDeclaration, classBefore: ts.ClassDeclaration, classAfter: ts.ClassDeclaration, inside: (node: ts.Node) => boolean,
): EditedField | undefined {
  const before = a.initializer;
  const after = b.initializer;
  // A function-valued field is a method of the class in all but name: its edits are a function's.
  if (!before || !after || isFunctionExpressionLike(before) || isFunctionExpressionLike(after) || !inside(after)) return undefined;
  const rest = (field: ts.PropertyDeclaration, text: string) => text.slice(field.pos, field.initializer!.pos) + text.slice(field.initializer!.end, field.end);
  if (rest(a, a.getSourceFile().text) !== rest(b, b.getSourceFile().text)) return undefined;
  return { kind: 'field', before: a as EditedField['before'], after: b as EditedField['after'], classBefore, classAfter };
}

/**
 * `const f = (…) => …`, `export const handler = wrap('name', async (input) => …)`, `describe('…', () => …)`: the
 * function expression the edit is in, when it is the expression itself or an argument of a call that is (down any
 * number of calls), so that nothing around it evaluates differently.
 */
function editedArgument(
  oldExpression: ts.Expression, newExpression: ts.Expression, declarationBefore: ts.Node, declarationAfter: ts.Node, start: number, end: number, after: ts.SourceFile,
): EditedFunction | undefined {
  let a = oldExpression;
  let b = newExpression;
  for (;;) {
    if (b.getStart(after) > start || b.end < end) return undefined;
    if (isFunctionExpressionLike(a) && isFunctionExpressionLike(b)) {
      if (a.kind !== b.kind) return undefined;
      return { kind: 'function', before: a, after: b, declarationBefore, declarationAfter };
    }
    if (!isCallExpression(a) || !isCallExpression(b) || a.arguments.length !== b.arguments.length) return undefined;
    const index = b.arguments.findIndex((argument) => argument.getStart(after) <= start && end <= argument.end);
    if (index < 0) return undefined;
    a = a.arguments[index]!;
    b = b.arguments[index]!;
  }
}

function single(statement: ts.VariableStatement): ts.VariableDeclaration | undefined {
  const declarations = statement.declarationList.declarations;
  return declarations.length === 1 ? declarations[0] : undefined;
}

function isFunctionExpressionLike(node: ts.Expression): node is ts.ArrowFunction | ts.FunctionExpression {
  return node.kind === Kind.ArrowFunction || node.kind === Kind.FunctionExpression;
}
