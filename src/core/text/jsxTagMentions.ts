import { isIdentifierPart, wordEndingAt } from './identifierUses';
import { skipSpaceBackwards } from './whitespace';

/**
 * Whether every mention of `name` in `text` outside `[skipFrom, skipTo)` (its import declaration) is the tag of a
 * JSX element (`<Card …>`, `</Card>`, `<Card.Header>`): a component imported only to be rendered, or (no mention at
 * all) an unused import. Mentions in comments and strings count as other uses. A guess from the text, used only to
 * decide when an import is resolved (see Interpreter.bindImport): a wrong answer costs stack depth, never a result.
 */
export function onlyJsxTagMentions(text: string, name: string, skipFrom: number, skipTo: number): boolean {
  for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + name.length)) {
    if (at >= skipFrom && at < skipTo) continue;
    if (isIdentifierPart(text.charCodeAt(at - 1)) || isIdentifierPart(text.charCodeAt(at + name.length))) continue; // part of a longer name
    if (!isJsxTagAt(text, at)) return false;
  }
  return true;
}

/** Words after which `<` begins an expression (`return <Card />`), where after other names it compares or types. */
const KEYWORDS_BEFORE_EXPRESSION = new Set(['return', 'yield', 'await', 'throw', 'case', 'else', 'do']);

/**
 * `</` just before `at`, or `<` where an expression may begin: not after a name or a closing bracket
 * (`useState<Card>`, `a < Card`, `f() < Card`), but after a keyword such as `return`.
 */
function isJsxTagAt(text: string, at: number): boolean {
  const i = skipSpaceBackwards(text, at - 1);
  if (text[i] === '/') return text[skipSpaceBackwards(text, i - 1)] === '<'; // a closing tag, after any JSX text
  if (text[i] !== '<') return false;
  const end = skipSpaceBackwards(text, i - 1);
  const before = text.charCodeAt(end);
  if (before === 0x29 /* ) */ || before === 0x5d /* ] */) return false;
  const word = wordEndingAt(text, end);
  return !word || KEYWORDS_BEFORE_EXPRESSION.has(word);
}
