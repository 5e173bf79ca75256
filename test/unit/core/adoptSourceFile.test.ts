import * as assert from 'node:assert/strict';
import ts from 'typescript';
import tseslint from 'typescript-eslint';
import { analyzeSource } from '../../../src/core';
import { adoptSourceFile } from '../../../src/core/analysis/parse';

/** The part of typescript-eslint's parser API this test reads (the package types it loosely). */
interface TypescriptEslintParser {
  parseForESLint(code: string, options: object): { ast: object; services: { esTreeNodeToTSNodeMap?: { get(node: object): unknown } } };
}

const CODE = "import OpenAI from 'openai';\nconst ai = new OpenAI();\nexport function f(patient: { ssn: string }) {\n  return ai.responses.create({ model: 'x', input: patient.ssn });\n}\n";

describe('reusing a tree another tool parsed', () => {
  it('adopts the TypeScript tree typescript-eslint keeps, and the analysis of it matches a fresh parse', () => {
    const parsed = (tseslint.parser as unknown as TypescriptEslintParser).parseForESLint(CODE, { filePath: 'a.ts', range: true, loc: true });
    const tree = parsed.services.esTreeNodeToTSNodeMap?.get(parsed.ast);
    const adopted = adoptSourceFile(tree, CODE);
    assert.ok(adopted, 'typescript-eslint still exposes the tree, made by the same TypeScript module');
    const fresh = analyzeSource({ fileName: 'a.ts', text: CODE });
    const reused = analyzeSource({ fileName: 'a.ts', text: CODE, sourceFile: adopted });
    assert.equal(fresh.findings.length, 1);
    assert.deepEqual(reused.findings, fresh.findings);
  });

  it('refuses a tree of other text, an object that only looks like a tree, and nothing', () => {
    const tree = ts.createSourceFile('a.ts', CODE, ts.ScriptTarget.Latest);
    assert.equal(adoptSourceFile(tree, CODE), tree);
    assert.equal(adoptSourceFile(tree, `${CODE}\n`), undefined, 'other text');
    assert.equal(adoptSourceFile({ kind: ts.SyntaxKind.SourceFile, text: CODE, statements: [] }, CODE), undefined, 'not made by this TypeScript');
    assert.equal(adoptSourceFile(Object.assign(Object.create({ constructor: function OtherTypeScript() {} }), { kind: ts.SyntaxKind.SourceFile, text: CODE }), CODE), undefined);
    assert.equal(adoptSourceFile(undefined, CODE), undefined);
  });

  it('parses the text itself when the tree it was given is of other text', () => {
    const stale = ts.createSourceFile('a.ts', 'export {};\n', ts.ScriptTarget.Latest);
    assert.equal(analyzeSource({ fileName: 'a.ts', text: CODE, sourceFile: stale }).findings.length, 1);
  });
});
