import * as assert from 'assert';
import { parseFile } from '../../../src/core';
import { isInJsxText as inJsxTextOf } from '../../../src/extension/jsxText';

const isInJsxText = (text: string, fileName: string, offset: number) => inJsxTextOf(parseFile(fileName, text).sourceFile, offset);

const JSX = 'export const Card = ({ patient }) => (\n  <div\n    title={patient.ssn}\n  >\n    {track(patient.ssn)}\n  </div>\n);\n';
const lineStart = (text: string, needle: string) => text.lastIndexOf('\n', text.indexOf(needle)) + 1;

describe('JSX text detection', () => {
  it('finds a line start inside JSX children', () => {
    assert.ok(isInJsxText(JSX, 'Card.jsx', lineStart(JSX, '{track(')));
    assert.ok(isInJsxText(JSX, 'Card.tsx', lineStart(JSX, '{track(')));
  });

  it('does not confuse attributes or plain code with JSX children', () => {
    assert.ok(!isInJsxText(JSX, 'Card.jsx', lineStart(JSX, 'title=')));
    const code = 'function f(patient) {\n  log(patient.ssn);\n}\n';
    assert.ok(!isInJsxText(code, 'f.js', lineStart(code, 'log(')));
    assert.ok(!isInJsxText(code, 'f.ts', lineStart(code, 'log(')));
  });
});
