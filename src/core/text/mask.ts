import ts from '../typescriptCompiler';

/**
 * Masks literal values that may be PHI before they appear in a message, a hover, a report or a log:
 * digits in string and template literals, comments and long number literals become `•` (an SSN `123-45-6789` →
 * `•••-••-••••`), the local part of an email address is starred. Code identifiers are kept: they are what the
 * developer needs to see. The code is read token by token, as the compiler reads it: pairing quote characters by
 * hand let a quote inside a regular expression or a comment (`ssn.replace(/'/g, '') + ' SSN 123-45-6789'`) pair
 * with the wrong one and leave a literal unmasked.
 */
export function maskLiterals(code: string): string {
  if (!/[\d@]/.test(code)) return code;
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, /* skipTrivia */ false, ts.LanguageVariant.Standard, code);
  /** One entry per open `{` or `${`: true for a template's `${`, whose `}` continues the template. */
  const braces: boolean[] = [];
  let masked = '';
  let copied = 0;
  let previous = ts.SyntaxKind.Unknown;
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if ((kind === ts.SyntaxKind.SlashToken || kind === ts.SyntaxKind.SlashEqualsToken) && regexMayStartAfter(previous)) kind = scanner.reScanSlashToken();
    else if (kind === ts.SyntaxKind.CloseBraceToken && braces.pop() === true) kind = scanner.reScanTemplateToken(/* isTaggedTemplate */ false);
    else if (kind === ts.SyntaxKind.OpenBraceToken) braces.push(false);
    if (kind === ts.SyntaxKind.TemplateHead || kind === ts.SyntaxKind.TemplateMiddle) braces.push(true);
    const start = scanner.getTokenStart();
    const end = scanner.getTokenEnd();
    const token = code.slice(start, end);
    const replacement = LITERAL_KINDS.has(kind) ? maskValue(token) : kind === ts.SyntaxKind.NumericLiteral && /\d{4}/.test(token) ? token.replace(/\d/g, '•') : undefined;
    if (replacement !== undefined && replacement !== token) {
      masked += code.slice(copied, start) + replacement;
      copied = end;
    }
    if (!TRIVIA_KINDS.has(kind)) previous = kind;
  }
  return masked + code.slice(copied);
}

export function maskValue(value: string): string {
  return value
    .replace(/[A-Za-z0-9._%+-]+@([A-Za-z0-9.-]+\.[A-Za-z]{2,})/g, '***@$1')
    .replace(/\d/g, '•');
}

const LITERAL_KINDS: ReadonlySet<ts.SyntaxKind> = new Set([
  ts.SyntaxKind.StringLiteral, ts.SyntaxKind.NoSubstitutionTemplateLiteral, ts.SyntaxKind.TemplateHead, ts.SyntaxKind.TemplateMiddle,
  ts.SyntaxKind.TemplateTail, ts.SyntaxKind.SingleLineCommentTrivia, ts.SyntaxKind.MultiLineCommentTrivia,
]);

const TRIVIA_KINDS: ReadonlySet<ts.SyntaxKind> = new Set([
  ts.SyntaxKind.WhitespaceTrivia, ts.SyntaxKind.NewLineTrivia, ts.SyntaxKind.SingleLineCommentTrivia, ts.SyntaxKind.MultiLineCommentTrivia,
]);

/** After these a `/` is division (`a / b`, `f() / 2`, `x[i] / 2`); anywhere else it begins a regular expression. */
function regexMayStartAfter(kind: ts.SyntaxKind): boolean {
  return !(
    kind === ts.SyntaxKind.Identifier || kind === ts.SyntaxKind.NumericLiteral || kind === ts.SyntaxKind.BigIntLiteral || kind === ts.SyntaxKind.StringLiteral ||
    kind === ts.SyntaxKind.NoSubstitutionTemplateLiteral || kind === ts.SyntaxKind.TemplateTail || kind === ts.SyntaxKind.CloseParenToken ||
    kind === ts.SyntaxKind.CloseBracketToken || kind === ts.SyntaxKind.CloseBraceToken || kind === ts.SyntaxKind.RegularExpressionLiteral ||
    kind === ts.SyntaxKind.PlusPlusToken || kind === ts.SyntaxKind.MinusMinusToken || kind === ts.SyntaxKind.ThisKeyword ||
    kind === ts.SyntaxKind.SuperKeyword || kind === ts.SyntaxKind.TrueKeyword || kind === ts.SyntaxKind.FalseKeyword || kind === ts.SyntaxKind.NullKeyword
  );
}
