import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { analyzeSource } from '../../../src/core';

const CORPUS = path.resolve(__dirname, '../../fixtures/corpus');

function sourceFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|js|jsx)$/.test(entry.name) ? [full] : [];
  });
}

/** What a half-typed edit or a merge leaves: brackets, quotes, comments, keywords, the names the engine looks up. */
const FRAGMENTS = ['(', ')', '{', '}', '[', ']', ';', ',', '.', '=>', '...', '?.', '??', '`${', '}`', '"', "'", '/*', '*/', '//', '\n', 'await ', 'async ', 'return ', 'export ', 'import ', 'class ', 'function ', 'new ', 'constructor', '__proto__', 'this.', 'super.', 'yield ', '<div>', '</div>', '@', '#x', 'as any', 'satisfies X', '!', '=', '+=', 'delete ', 'typeof ', 'patient.ssn', 'console.log(', 'JSON.stringify(', 'module.exports.', 'require(', 'import(', 'let ', 'var ', 'const '];

/** An edit at fractions of the text: cut a span, insert a fragment, repeat a span, or cut everything after a point. */
const edit = fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 3 }), fc.constantFrom(...FRAGMENTS));

function applyEdits(text: string, edits: readonly (readonly [number, number, number, string])[]): string {
  for (const [at, length, kind, fragment] of edits) {
    const start = Math.floor(at * text.length);
    const end = Math.min(text.length, start + Math.floor(length * 200));
    if (kind === 0) text = text.slice(0, start) + text.slice(end);
    else if (kind === 1) text = text.slice(0, start) + fragment + text.slice(start);
    else if (kind === 2) text = text.slice(0, end) + text.slice(start, end) + text.slice(end);
    else text = text.slice(0, start);
  }
  return text;
}

describe('the engine on code being edited', () => {
  const files = sourceFiles(CORPUS).map((file) => ({ name: path.basename(file), text: fs.readFileSync(file, 'utf8') }));

  it('finds the labelled corpus to mutate', () => {
    assert.ok(files.length >= 30, `${files.length} files`);
  });

  it('never fails an analysis of a corpus file cut, repeated or broken anywhere', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: files.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 4 }), (index, edits) => {
        const text = applyEdits(files[index]!.text, edits);
        const result = analyzeSource({ fileName: files[index]!.name, text, today: '2026-11-30' });
        assert.notEqual(result.skipped?.reason, 'internal-error', `${result.skipped?.message}\n--- text ---\n${text}`);
      }),
      { numRuns: 400 },
    );
  });
});
