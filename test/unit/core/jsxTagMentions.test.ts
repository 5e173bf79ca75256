import * as assert from 'node:assert/strict';
import { onlyJsxTagMentions } from '../../../src/core/text/jsxTagMentions';

/** The text after an import declaration of `Card`, which is skipped. */
function tagOnly(body: string, name = 'Card'): boolean {
  const declaration = `import { ${name} } from './card';\n`;
  return onlyJsxTagMentions(declaration + body, name, 0, declaration.length);
}

describe('onlyJsxTagMentions (imports resolved only if looked up)', () => {
  it('is true for a component only rendered, and for an import never mentioned', () => {
    assert.equal(tagOnly('export const A = () => <Card title="x" />;'), true);
    assert.equal(tagOnly('export function A() {\n  return (\n    <div>\n      <Card>\n        text\n      </Card>\n    </div>\n  );\n}'), true);
    assert.equal(tagOnly('export function A(ok: boolean) {\n  return ok ? <Card /> : <Card.Empty />;\n}'), true);
    assert.equal(tagOnly('export function A(ok: boolean) {\n  if (ok) return <Card />;\n  return [<Card key="1" />, ok && <Card key="2" />];\n}'), true);
    assert.equal(tagOnly('export const A = 1;'), true);
    assert.equal(tagOnly('export const A = <CardList />; // Cards, MyCard, Card_2, $Card'), true, 'longer names are other names');
  });

  it('is false for any other mention: a call, a value, a type, a comparison, a comment or a string', () => {
    assert.equal(tagOnly('export const A = () => <div>{Card({ title: "x" })}</div>;'), false);
    assert.equal(tagOnly('export const Cards = [Card];'), false);
    assert.equal(tagOnly('export function A(c: Card) { return <Card {...c} />; }'), false);
    assert.equal(tagOnly('const [c] = useState<Card>();'), false, 'a type argument is not a tag');
    assert.equal(tagOnly('export const less = a < Card;'), false);
    assert.equal(tagOnly('export const less = f() < Card || xs[0] <Card;'), false);
    assert.equal(tagOnly('// renders Card\nexport const A = () => <Card />;'), false);
    assert.equal(tagOnly("export const name = 'Card';"), false);
  });

  it('skips only the given range: a mention before the import declaration counts', () => {
    const text = "Card();\nimport { Card } from './card';\n";
    assert.equal(onlyJsxTagMentions(text, 'Card', 8, text.length), false);
  });
});
