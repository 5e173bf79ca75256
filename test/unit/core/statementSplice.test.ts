import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { IncrementalParser } from '../../../src/core';
import { changeRange } from '../../../src/core/analysis/changeRange';
import { settlerOf, settleTree } from '../../../src/core/analysis/laggingNodes';
import { createTree, scriptKindFor } from '../../../src/core/analysis/parse';
import { StatementSplicer } from '../../../src/core/analysis/statementSplice';
import { createRandom } from '../../bench/generateWorkspace';
import { corpusFiles } from '../corpusFiles';

const CORPUS = path.join(__dirname, '../../fixtures/corpus');
const CACHED_FLAGS = ts.NodeFlags.ThisNodeOrAnySubNodesHasError | ts.NodeFlags.HasAggregatedChildData;

/**
 * Everything a parse decides, depth first: kind, extent, flags, names and literals of every node and node array, JSDoc,
 * the end-of-file token, the syntax errors; and every node's parent. Two trees with the same description are the same
 * parse of the same text.
 */
function describeTree(tree: ts.SourceFile): string {
  settleTree(tree);
  const parts: string[] = [];
  const visit = (node: ts.Node, parent: ts.Node): void => {
    if (node.parent !== parent) parts.push(`WRONG PARENT of ${node.kind}@${node.pos}`);
    const text = ts.isIdentifier(node) || ts.isPrivateIdentifier(node) || ts.isLiteralExpression(node) ? `:${node.text}` : '';
    parts.push(`${node.kind}@${node.pos}-${node.end}/${node.flags & ~CACHED_FLAGS}${text}`);
    ts.forEachChild(node, (child) => visit(child, node), (array) => {
      parts.push(`[${array.pos}-${array.end}`);
      for (const child of array) visit(child, node);
      parts.push(']');
    });
    for (const comment of (node as { jsDoc?: ts.Node[] }).jsDoc ?? []) visit(comment, node);
  };
  ts.forEachChild(tree, (child) => visit(child, tree), (array) => {
    parts.push(`[${array.pos}-${array.end}`);
    for (const child of array) visit(child, tree);
    parts.push(']');
  });
  parts.push(`file ${tree.pos}-${tree.end} text ${tree.text.length}`);
  const diagnostics = (tree as unknown as { parseDiagnostics: ts.DiagnosticWithLocation[] }).parseDiagnostics;
  for (const d of [...diagnostics].sort((a, b) => a.start - b.start || a.code - b.code)) parts.push(`error ${d.start}+${d.length} ${d.code} ${d.file === tree}`);
  return parts.join('\n');
}

/** A fresh parse with TypeScript's defaults (JSDoc parsed), or as the engine parses (`engineMode`: JSDoc left out). */
function fresh(fileName: string, text: string, engineMode = false): ts.SourceFile {
  return engineMode ? createTree(fileName, text, true) : ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, scriptKindFor(fileName));
}

/** The splicer's tree for `previous` edited into `text`, or undefined when it declines. */
function splice(previous: ts.SourceFile, text: string): ts.SourceFile | undefined {
  return new StatementSplicer().splice(previous, text, changeRange(previous.text, text));
}

const SOURCE = [
  'import pino from "pino";',
  'const log = pino();',
  '/** Visits of a patient. */',
  'export function fetchVisits(patientId: string) {',
  '  const visits = load(patientId);',
  '  return visits;',
  '}',
  'export class VisitStore {',
  '  size = 1;',
  '  get(key: string) {',
  '    return key;',
  '  }',
  '  put(key: string) {',
  '    log.info(key);',
  '  }',
  '}',
  'export const handler = wrap("visits", async (input: Input) => {',
  '  return fetchVisits(input.id);',
  '});',
  'interface Input { id: string }',
  '',
].join('\n');

describe('statement splicing (the editor re-parses only the statement a keystroke is in)', () => {
  it('re-parses an edited function alone: the same tree as a fresh parse, every other statement the same object', () => {
    const previous = fresh('/a.ts', SOURCE);
    const before = [...previous.statements];
    const text = SOURCE.replace('return visits;', 'return visits.slice(1);');
    const tree = splice(previous, text);
    assert.ok(tree, 'an edit inside a function body is spliced');
    assert.equal(describeTree(tree), describeTree(fresh('/a.ts', text)));
    assert.notEqual(tree, previous);
    tree.statements.forEach((statement, i) => (i === 2 ? assert.notEqual(statement, before[i]) : assert.equal(statement, before[i], `statement ${i}`)));
    assert.equal(tree.text, text);
  });

  it('keeps the parts of the edited statement the edit did not change, down to the edit, as TypeScript reuses them', () => {
    const previous = fresh('/a.ts', SOURCE);
    const fetchVisits = previous.statements[2] as ts.FunctionDeclaration;
    const [declaration, returned] = fetchVisits.body!.statements;
    const text = SOURCE.replace('load(patientId)', 'load(patientId, 1)');
    const tree = splice(previous, text)!;
    assert.equal(describeTree(tree), describeTree(fresh('/a.ts', text)));
    const remade = tree.statements[2] as ts.FunctionDeclaration;
    assert.notEqual(remade, fetchVisits);
    assert.notEqual(remade.body!.statements[0], declaration);
    assert.equal(remade.body!.statements[1], returned, 'the statement after the edit, moved');
    assert.equal(returned!.parent, remade.body);
  });

  it('moves the statements after an edit at once, and the nodes under each when something first reads them', () => {
    const splicer = new StatementSplicer();
    const previous = fresh('/a.ts', SOURCE);
    const store = previous.statements[3] as ts.ClassDeclaration;
    const put = store.members[2] as ts.MethodDeclaration;
    const [storeStart, putStart] = [store.pos, put.pos];
    const typed = SOURCE.replace('return visits;', 'return visits.slice(1);');
    const tree = splicer.splice(previous, typed, changeRange(SOURCE, typed))!;
    assert.equal(tree.statements[3], store);
    assert.equal(store.pos, storeStart + 9, 'the statement itself moved');
    assert.equal(put.pos, putStart, 'the nodes under it not yet');
    settlerOf(tree)!(put.name);
    assert.equal(put.pos, putStart + 9, 'settled when read');
    assert.equal(describeTree(tree), describeTree(fresh('/a.ts', typed)));
    // A letter typed and deleted again (the next edits) leaves the nodes under the statements after it where they were.
    const handler = tree.statements[4]!;
    const call = (handler as ts.VariableStatement).declarationList.declarations[0]!.initializer!;
    const callStart = call.pos;
    const withLetter = typed.replace('return visits.slice(1);', 'return visits.slice(12);');
    const lettered = splicer.splice(tree, withLetter, changeRange(typed, withLetter))!;
    const undone = splicer.splice(lettered, typed, changeRange(withLetter, typed))!;
    assert.equal(call.pos, callStart);
    settleTree(undone);
    assert.equal(call.pos, callStart);
    assert.equal(describeTree(undone), describeTree(fresh('/a.ts', typed)));
    assert.equal(settlerOf(fresh('/a.ts', typed)), undefined, 'a fresh tree has nothing to settle');
  });

  it('splices an edit into the tree it spliced the edit before into', () => {
    const splicer = new StatementSplicer();
    const previous = fresh('/a.ts', SOURCE);
    const text = SOURCE.replace('return visits;', 'return visits.slice(1);');
    const tree = splicer.splice(previous, text, changeRange(SOURCE, text))!;
    assert.equal(describeTree(tree), describeTree(fresh('/a.ts', text)));
    const again = tree.text.replace('log.info(key);', 'log.info(key, 1);');
    assert.equal(describeTree(splicer.splice(tree, again, changeRange(tree.text, again))!), describeTree(fresh('/a.ts', again)));
  });

  it('keeps a class\'s unchanged members, before and after the edited one (moved), in a re-made class', () => {
    const previous = fresh('/a.ts', SOURCE);
    const store = previous.statements[3] as ts.ClassDeclaration;
    const [size, get, put] = store.members;
    const text = SOURCE.replace('return key;', 'return key + 1;');
    const tree = splice(previous, text)!;
    assert.equal(describeTree(tree), describeTree(fresh('/a.ts', text)));
    const remade = tree.statements[3] as ts.ClassDeclaration;
    assert.notEqual(remade, store);
    assert.equal(remade.members[0], size);
    assert.notEqual(remade.members[1], get);
    assert.equal(remade.members[2], put);
    assert.equal(put!.parent, remade);
  });

  it('reports the syntax errors a fresh parse reports while the edited statement does not parse, and none after', () => {
    const previous = fresh('/a.ts', SOURCE);
    const broken = SOURCE.replace('log.info(key);', 'log.info(key;');
    const tree = splice(previous, broken)!;
    assert.ok(tree);
    assert.equal(describeTree(tree), describeTree(fresh('/a.ts', broken)));
    assert.ok((tree as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics.length > 0);
    const repaired = splice(tree, SOURCE)!;
    assert.equal(describeTree(repaired), describeTree(fresh('/a.ts', SOURCE)));
  });

  it('re-parses a typo in a statement\'s first token that splits it in two, after a statement nothing can continue', () => {
    const previous = fresh('/a.ts', SOURCE);
    const text = SOURCE.replace('export function fetchVisits', 'expaort function fetchVisits');
    const tree = splice(previous, text);
    assert.ok(tree);
    assert.equal(describeTree(tree), describeTree(fresh('/a.ts', text)));
    assert.equal(tree.statements.length, previous.statements.length + 1);
    // Taking it back joins the two again; the statement before is parsed again too, as the error at `expaort` could
    // have been its own.
    const undone = splice(tree, SOURCE);
    assert.ok(undone);
    assert.equal(describeTree(undone), describeTree(fresh('/a.ts', SOURCE)));
    assert.equal(undone.statements[1], previous.statements[1], 'the statement before came out as it was: the same object');
    assert.notEqual(undone.statements[2], previous.statements[2]);
  });

  it('parses on past an edit that runs into the statements after it, until they come out as they were', () => {
    for (const text of [SOURCE.replace('  size = 1;', '  size = new Map<string, { a;'), SOURCE.replace('  size = 1;', '  size = 1;\n}\nclass Other {')]) {
      const previous = fresh('/a.ts', SOURCE);
      const tree = splice(previous, text);
      assert.ok(tree, text);
      assert.equal(describeTree(tree), describeTree(fresh('/a.ts', text)));
    }
  });

  it('re-makes a statement after a token the parse skipped (a stray `}` marks the next node made as erroneous)', () => {
    const source = [
      'export class InvoiceCache {',
      '  private readonly entries = new Map<string, { value: unknown; expires: number }>();',
      '  constructor(private readonly ttlMs = 5) {}',
      '  get(key: string): unknown {',
      '    return this.entries.get(key);',
      '  }',
      '}',
      'export function after() {',
      '  return 1;',
      '}',
      'export function last() {}',
      '',
    ].join('\n');
    // The class falls apart into statements up to its own `}`, which is then a stray token.
    const text = source.replace('new Map', 'neaw Map');
    const tree = splice(fresh('/a.ts', source), text);
    assert.ok(tree);
    assert.equal(describeTree(tree), describeTree(fresh('/a.ts', text)));
  });

  it('splices a top-level await TypeScript parses as such, and leaves one it parses again (and all after it) to TypeScript', () => {
    const source = 'import { load } from "./load";\nconst visits = await load(1);\nexport { visits };\n';
    const text = source.replace('load(1)', 'load(12)');
    assert.equal(describeTree(splice(fresh('/a.ts', source), text)!), describeTree(fresh('/a.ts', text)));
    // `await` before a line break is first read as a name; a module is then parsed again in an `await` context.
    const reparsed = source.replace('await load(1)', 'await\nload(1)');
    assert.equal(splice(fresh('/a.ts', reparsed), reparsed.replace('load(1)', 'load(12)')), undefined);
  });

  const declined: readonly (readonly [string, string, string])[] = [
    ['an edit that ends the function early', '  return visits;', '  return visits;\n}'],
    ['an edit that opens a block the function\'s brace now closes', '  return visits;', '  if (x) {\n  return visits;'],
    ['an unterminated comment (everything after it is comment)', '  return visits;', '  /* return visits;'],
    ['an import', 'import pino from "pino";', 'import pinot from "pino";'],
    ['the statement\'s last character', 'return fetchVisits(input.id);\n});', 'return fetchVisits(input.id);\n})'],
  ];
  for (const [what, from, to] of declined) {
    it(`leaves ${what} to TypeScript's incremental parser, which gives the fresh parse's tree`, () => {
      const text = SOURCE.replace(from, to);
      assert.notEqual(text, SOURCE);
      assert.equal(splice(fresh('/a.ts', SOURCE), text), undefined);
      const parser = new IncrementalParser();
      parser.parse('/a.ts', SOURCE);
      // TypeScript's incremental parser leaves some reused nodes' parent links pointing into the previous tree.
      const withoutParents = (tree: ts.SourceFile) => describeTree(tree).replace(/^WRONG PARENT.*\n/gm, '');
      assert.equal(withoutParents(parser.parse('/a.ts', text)), withoutParents(fresh('/a.ts', text, /* engineMode */ true)));
    });
  }

  it('re-parses the statement before too when an edit is in the first token after one that could go on (`pino()`, then `(…)`)', () => {
    const open = SOURCE.replace('const log = pino();', 'const log = pino()');
    for (const [text, joined] of [[open.replace('export function fetchVisits', 'exporta function fetchVisits'), false], [open.replace('/** Visits of a patient. */\n', '(0);\n'), true]] as const) {
      // A splice moves the previous tree's nodes: each edit starts from a tree of its own.
      const previous = fresh('/a.ts', open);
      const tree = splice(previous, text);
      assert.ok(tree);
      assert.equal(describeTree(tree), describeTree(fresh('/a.ts', text)));
      // `pino()` then `(0)` is one call; otherwise the statement before is the same object.
      assert.equal(tree.statements[1] === previous.statements[1], !joined);
    }
  });

  it('leaves an edit in the comments before the file\'s first token to TypeScript (they are the file\'s pragmas)', () => {
    const source = '// @ts-nocheck\nexport function f() {\n  return 1;\n}\n';
    assert.equal(splice(fresh('/a.ts', source), source.replace('// @ts-nocheck', '// @ts-check')), undefined);
    assert.ok(splice(fresh('/a.ts', source), source.replace('return 1', 'return 12')));
  });

  it('leaves an edit to TypeScript while another statement has a syntax error (its parse may have reported it)', () => {
    const withError = SOURCE.replace('interface Input { id: string }', 'interface Input { id: string');
    const text = withError.replace('return visits;', 'return visits.slice(1);');
    assert.equal(splice(fresh('/a.ts', withError), text), undefined);
  });

  it('leaves `import.meta` in a script to TypeScript: it makes the file a module', () => {
    const script = 'const base = 1;\nfunction url() {\n  return base;\n}\n';
    const text = script.replace('return base;', 'return import.meta.url;');
    assert.equal(splice(fresh('/a.js', script), text), undefined);
  });

  it('takes back a space typed inside `extends` (the class split in two, spliced) without throwing, as a fresh parse would', () => {
    const source = "import Dexie from 'dexie';\n\ninterface Row {\n  updatedAt: number;\n}\n\nclass ChartCacheDb extends Dexie {\n  rows!: Row[];\n}\n\nexport const db = new ChartCacheDb();\n";
    const at = source.indexOf('extends') + 2;
    const edited = source.slice(0, at) + ' ' + source.slice(at);
    const previous = fresh('/a.ts', source, true);
    const split = new StatementSplicer().splice(previous, edited, changeRange(source, edited)) ?? fresh('/a.ts', edited, true);
    assert.equal(describeTree(split), describeTree(fresh('/a.ts', edited, true)));
    const back = new StatementSplicer().splice(split, source, changeRange(edited, source));
    if (back) assert.equal(describeTree(back), describeTree(fresh('/a.ts', source, true)));
  });

  it('gives a fresh parse\'s tree over random type-and-undo edits of every corpus file, and splices most of them, with and without JSDoc', () => {
    const random = createRandom(11);
    let spliced = 0;
    let compared = 0;
    for (const engineMode of [false, true]) {
      for (const file of corpusFiles()) {
        const original = fs.readFileSync(file, 'utf8');
        let tree = fresh(file, original, engineMode);
        const splicer = new StatementSplicer();
        for (let i = 0; i < 6; i++) {
          const at = Math.floor(random() * original.length);
          const piece = ['a', ';', '(', '}', ' ', '\n', '"', 'x = 1;'][Math.floor(random() * 8)]!;
          for (const text of [original.slice(0, at) + piece + original.slice(at), original]) {
            const next = splicer.splice(tree, text, changeRange(tree.text, text));
            compared++;
            if (!next) {
              tree = fresh(file, text, engineMode);
              continue;
            }
            spliced++;
            assert.equal(describeTree(next), describeTree(fresh(file, text, engineMode)), `${path.relative(CORPUS, file)}${engineMode ? ' (JSDoc left out)' : ''}: ${JSON.stringify(piece)} at ${at}`);
            tree = next;
          }
        }
      }
    }
    assert.ok(compared > 400, `compared ${compared} edits`);
    assert.ok(spliced > compared / 3, `spliced only ${spliced} of ${compared} edits`);
  });
});
