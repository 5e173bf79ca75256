import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { analyzeSource, IncrementalParser } from '../../../src/core';
import { changeRange } from '../../../src/core/analysis/changeRange';
import { settleTree } from '../../../src/core/analysis/laggingNodes';
import { parseFile, scriptKindFor } from '../../../src/core/analysis/parse';
import { createRandom, generateFile } from '../../bench/generateWorkspace';
import { corpusFiles } from '../corpusFiles';

const CORPUS = path.join(__dirname, '../../fixtures/corpus');

/** Kind, extent and (for names and literals) text of every node, depth first: two trees with the same shape parse
 * the text the same way. */
function shape(tree: ts.SourceFile): string {
  settleTree(tree);
  const parts: string[] = [];
  const visit = (node: ts.Node): void => {
    const text = ts.isIdentifier(node) || ts.isPrivateIdentifier(node) || ts.isLiteralExpression(node) ? `:${node.text}` : '';
    parts.push(`${node.kind}@${node.pos}-${node.end}${text}`);
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return parts.join(' ');
}

/** Edits a person makes while typing: insert a character, delete one, paste a line, delete a line. */
function edit(text: string, random: () => number): string {
  const at = Math.floor(random() * (text.length + 1));
  const pick = random();
  if (pick < 0.4) return text.slice(0, at) + 'abc;{}()"`'[Math.floor(random() * 10)] + text.slice(at);
  if (pick < 0.7) return text.slice(0, at) + text.slice(at + 1);
  if (pick < 0.85) return `${text.slice(0, at)}\nconsole.log(patient.ssn);\n${text.slice(at)}`;
  const lineEnd = text.indexOf('\n', at);
  return text.slice(0, at) + (lineEnd < 0 ? '' : text.slice(lineEnd + 1));
}

describe('incremental parsing (the editor re-parses only what an edit changed)', () => {
  it('parses as the engine does, JSDoc left unparsed, before and after an edit; a JSDoc mistake is not a syntax error', () => {
    const text = '/** @param {string p A patient. */\nexport function visit(p: string) {\n  return p;\n}\n';
    const jsDocOf = (tree: ts.SourceFile) => (tree.statements[0] as unknown as { jsDoc?: unknown[] }).jsDoc;
    assert.ok(jsDocOf(ts.createSourceFile('/a.ts', text, ts.ScriptTarget.Latest, true)), 'TypeScript\'s default parse attaches the JSDoc');
    for (const tree of [parseFile('/a.ts', text).sourceFile, new IncrementalParser().parse('/a.ts', text)]) {
      assert.equal(jsDocOf(tree), undefined);
    }
    assert.deepEqual(parseFile('/a.ts', text).syntaxErrors, []);
    const parser = new IncrementalParser();
    parser.parse('/a.ts', text);
    const edited = parser.parse('/a.ts', text.replace('return p;', 'return p + 1;'));
    assert.equal(jsDocOf(edited), undefined, 'the incremental parser keeps the mode');
    assert.equal(parseFile('/a.ts', text.replace('return p;', 'return p +;')).syntaxErrors.length, 1);
  });

  it('finds the one changed span between two texts', () => {
    const range = changeRange('const a = 1;', 'const ab = 1;');
    assert.deepEqual([range.span.start, range.span.length, range.newLength], [7, 0, 1]);
    const deleted = changeRange('const ab = 1;', 'const a = 1;');
    assert.deepEqual([deleted.span.start, deleted.span.length, deleted.newLength], [7, 1, 0]);
    const replaced = changeRange('aaaa', 'abba');
    assert.deepEqual([replaced.span.start, replaced.span.length, replaced.newLength], [1, 2, 2]);
    const same = changeRange('x', 'x');
    assert.deepEqual([same.span.start, same.span.length, same.newLength], [1, 0, 0]);
  });

  it('keeps the nodes before an edit that TypeScript re-parsed unchanged (its lookahead), and no changed one', () => {
    const before = 'const limit = 10;\nexport function fetchVisits() {\n  return limit;\n}\nclass Cache {\n  size = 1;\n  get(key: string) {\n    return key;\n  }\n}\n';
    const parser = new IncrementalParser();
    const first = parser.parse('/a.ts', before);
    const [limit, fetchVisits, cache] = first.statements;
    const members = (cache as ts.ClassDeclaration).members;
    // An edit at the start of a statement makes TypeScript re-parse the statement before it too.
    const renamed = parser.parse('/a.ts', before.replace('function fetchVisits', 'function fetchVisit'));
    assert.equal(renamed.statements[0], limit, 'the unchanged statement before the edit is the same node');
    assert.notEqual(renamed.statements[1], fetchVisits);
    assert.equal(renamed.statements[0]!.parent, renamed);
    // The same for the member before an edited member of a class.
    const [size] = (renamed.statements[2] as ts.ClassDeclaration).members;
    assert.equal(size, members[0]);
    const edited = parser.parse('/a.ts', renamed.text.replace('get(key: string)', 'get(keys: string)'));
    const editedClass = edited.statements[2] as ts.ClassDeclaration;
    assert.equal(editedClass.members[0], size, 'the unchanged member before the edited one is the same node');
    assert.equal(size!.parent, editedClass);
    assert.equal(shape(edited), shape(ts.createSourceFile('/a.ts', edited.text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)));
    // An edit that changes how the statement before it parses (`10` then `(…)` is a call) keeps nothing stale.
    const call = parser.parse('/a.ts', edited.text.replace('const limit = 10;\nexport function fetchVisit() {', 'const limit = 10\n(function fetchVisit() {'));
    assert.equal(shape(call), shape(ts.createSourceFile('/a.ts', call.text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)));
  });

  it('keeps the unchanged nodes before an edit that adds or removes statements or members after them', () => {
    const before = 'const limit = 10;\nexport function fetchVisits() {\n  return limit;\n}\nclass Cache {\n  size = 1;\n  get(key: string) {\n    return key;\n  }\n}\n';
    const parser = new IncrementalParser();
    const [limit, , cache] = parser.parse('/a.ts', before).statements;
    // A typo in a keyword splits the function's statement in two (`expaort` and `function …`), and taking it back joins them.
    const typo = parser.parse('/a.ts', before.replace('export function', 'expaort function'));
    assert.equal(typo.statements.length, 4);
    assert.equal(typo.statements[0], limit);
    assert.equal(typo.statements[3], cache);
    const fixed = parser.parse('/a.ts', before);
    assert.equal(fixed.statements.length, 3);
    assert.equal(fixed.statements[0], limit, 'the statement before the edit is the same node through both edits');
    assert.equal(fixed.statements[2], cache, 'and so is the one after it');
    const members = [...(cache as ts.ClassDeclaration).members];
    const withPut = parser.parse('/a.ts', before.replace('    return key;\n  }\n', '    return key;\n  }\n  put(key: string) {\n    return key;\n  }\n'));
    const put = (withPut.statements[2] as ts.ClassDeclaration).members[2]!;
    // A member typed after `size` (the member after it begins where the text is inserted, so it is re-made).
    const member = parser.parse('/a.ts', withPut.text.replace('size = 1;', 'size = 1;\n  count;'));
    assert.deepEqual((member.statements[2] as ts.ClassDeclaration).members.map((m) => [members[0], put].indexOf(m)), [0, -1, -1, 1]);
    assert.equal(shape(member), shape(ts.createSourceFile('/a.ts', member.text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)));
  });

  it('keeps a node it put back through later edits before it (TypeScript re-makes such a node on every update)', () => {
    const text = Array.from({ length: 5 }, (_, i) => `export function f${i}(a: number) {\n  return a + ${i};\n}\n`).join('');
    const parser = new IncrementalParser();
    const first = [...parser.parse('/a.ts', text).statements];
    // Renaming f3 re-parses f2 too (lookahead); f2 is put back.
    const renamed = parser.parse('/a.ts', text.replace('function f3', 'function f3x'));
    assert.equal(renamed.statements[2], first[2]);
    const edited = parser.parse('/a.ts', renamed.text.replace('return a + 0;', 'return a + 10;'));
    assert.deepEqual(edited.statements.map((s) => first.indexOf(s)), [-1, 1, 2, -1, 4], 'only the edited and the renamed function are new');
    assert.equal(shape(edited), shape(ts.createSourceFile('/a.ts', edited.text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)));
  });

  it('does not keep a statement that reaches the edit (TypeScript trims or stretches its previous node to fit)', () => {
    const parser = new IncrementalParser();
    const before = 'export const validator = <T>(fn: T): T => fn\nexport interface Props {\n  id: string;\n}\n';
    parser.parse('/a.ts', before);
    const after = parser.parse('/a.ts', before.replace('=> fn\n', '=> f\n'));
    const body = (((after.statements[0] as ts.VariableStatement).declarationList.declarations[0]!.initializer) as ts.ArrowFunction).body as ts.Identifier;
    assert.equal(body.text, 'f');
    assert.equal(shape(after), shape(ts.createSourceFile('/a.ts', after.text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)));
    // Nor one that ends where text is typed (an unterminated string at the end of the file grows).
    const open = parser.parse('/a.ts', "export * from './visit-op\n");
    const typed = parser.parse('/a.ts', "export * from './visit-operations\n");
    assert.notEqual(typed.statements[0], open.statements[0]);
    assert.equal(((typed.statements[0] as ts.ExportDeclaration).moduleSpecifier as ts.StringLiteral).text, './visit-operations');
  });

  it('tells the change between the last two trees of a file, and nothing after a fresh or unchanged parse', () => {
    const parser = new IncrementalParser();
    const first = parser.parse('/a.ts', 'const a = 1;');
    assert.equal(parser.lastEdit('/a.ts'), undefined);
    const second = parser.parse('/a.ts', 'const ab = 1;');
    const edit = parser.lastEdit('/a.ts')!;
    assert.equal(edit.before, first);
    assert.equal(edit.after, second);
    assert.deepEqual([edit.change.span.start, edit.change.span.length, edit.change.newLength], [7, 0, 1]);
    parser.parse('/a.ts', 'const ab = 1;');
    assert.equal(parser.lastEdit('/a.ts'), undefined);
  });

  it('finds the same span a character-by-character comparison finds, in texts longer than its comparison blocks', () => {
    const naive = (before: string, after: string): number[] => {
      const shorter = Math.min(before.length, after.length);
      let start = 0;
      while (start < shorter && before[start] === after[start]) start++;
      let suffix = 0;
      while (suffix < shorter - start && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
      return [start, before.length - suffix - start, after.length - suffix - start];
    };
    const random = createRandom(7);
    // Few distinct characters, so prefix and suffix overlap often (`aaaa` → `aaaaa`), at sizes around the block.
    const text = (length: number) => Array.from({ length }, () => 'ab\n'[Math.floor(random() * 3)]).join('');
    for (let i = 0; i < 300; i++) {
      const before = text(Math.floor(random() * 5000));
      const at = Math.floor(random() * (before.length + 1));
      const removed = Math.floor(random() * Math.min(3000, before.length - at + 1));
      const after = before.slice(0, at) + text(Math.floor(random() * 2500)) + before.slice(at + removed);
      const range = changeRange(before, after);
      assert.deepEqual([range.span.start, range.span.length, range.newLength], naive(before, after), `case ${i}`);
    }
  });

  it('gives the same tree and the same findings as a fresh parse, over random edits of every corpus file', () => {
    const random = createRandom(42);
    let compared = 0;
    let withFindings = 0;
    for (const file of corpusFiles()) {
      const parser = new IncrementalParser();
      let text = fs.readFileSync(file, 'utf8');
      parser.parse(file, text);
      for (let i = 0; i < 4; i++) {
        text = edit(text, random);
        const incremental = parser.parse(file, text);
        const fresh = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKindFor(file));
        assert.equal(shape(incremental), shape(fresh), `${path.relative(CORPUS, file)} after edit ${i + 1}`);
        const viaParser = analyzeSource({ fileName: file, text, parser, today: '2026-01-01' });
        const viaFresh = analyzeSource({ fileName: file, text, today: '2026-01-01' });
        assert.deepEqual(viaParser, viaFresh, `${path.relative(CORPUS, file)} after edit ${i + 1}`);
        compared++;
        if (viaFresh.findings.length) withFindings++;
      }
    }
    assert.ok(compared > 100, `compared ${compared} edits`);
    assert.ok(withFindings > compared / 4, `only ${withFindings} of ${compared} edited files had findings`);
  });

  it('keeps syntax errors as the fresh parse reports them, and clears them when the text parses again', () => {
    const parser = new IncrementalParser();
    const good = 'import pino from "pino";\nconst log = pino();\nexport function f(ssn: string) {\n  log.info(ssn);\n}\n';
    assert.equal(analyzeSource({ fileName: 'a.ts', text: good, parser }).findings.length, 1);
    const broken = good.replace('log.info(ssn);', 'log.info(ssn;');
    const result = analyzeSource({ fileName: 'a.ts', text: broken, parser });
    assert.deepEqual(result.parseProblems, analyzeSource({ fileName: 'a.ts', text: broken }).parseProblems);
    assert.ok(result.parseProblems.length > 0);
    assert.deepEqual(analyzeSource({ fileName: 'a.ts', text: good, parser }).parseProblems, []);
  });

  it('returns the same tree for unchanged text and keeps only its most recent files', () => {
    const parser = new IncrementalParser(2);
    const a = parser.parse('a.ts', 'let a = 1;');
    assert.equal(parser.parse('a.ts', 'let a = 1;'), a);
    parser.parse('b.ts', 'let b = 1;');
    parser.parse('c.ts', 'let c = 1;');
    assert.notEqual(parser.parse('a.ts', 'let a = 1;'), a, 'a.ts was the least recently parsed of three');
  });

  it('parses a generated 1,000-line file the same after a hundred single-character edits', () => {
    const random = createRandom(7);
    let text = generateFile(random, 1000, 'ts');
    const parser = new IncrementalParser();
    parser.parse('big.ts', text);
    for (let i = 0; i < 100; i++) {
      const at = Math.floor(random() * text.length);
      text = i % 2 ? text.slice(0, at) + text.slice(at + 1) : `${text.slice(0, at)}a${text.slice(at)}`;
      parser.parse('big.ts', text);
    }
    const fresh = ts.createSourceFile('big.ts', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    assert.equal(shape(parser.parse('big.ts', text)), shape(fresh));
  });
});
