import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { syntaxProblems } from './syntaxProblems';
import { collectCorpusFiles } from '../../../scripts/eval/corpus';
import { parseLabels, SINK_CATEGORIES } from '../../../scripts/eval/labels';

// The corpus is ground truth for `npm run eval`; these checks keep it usable, not the engine honest.
const corpusDir = path.resolve(__dirname, '../../fixtures/corpus');
const files = collectCorpusFiles(corpusDir);

describe('eval: fixture corpus', () => {
  it('has fixture files', () => {
    assert.ok(files.length >= 30, `expected at least 30 fixtures, found ${files.length}`);
  });

  it('every fixture parses without syntax errors', () => {
    assert.deepEqual(syntaxProblems(files, corpusDir), []);
  });

  it('every label is well formed', () => {
    const problems = files.flatMap((file) =>
      parseLabels(fs.readFileSync(file, 'utf8')).problems.map((p) => `${path.relative(corpusDir, file)}:${p.line}: ${p.message}`),
    );
    assert.deepEqual(problems, []);
  });

  it('has at least 170 positive and 170 negative labels, spread over every category', () => {
    const labels = files.flatMap((file) => parseLabels(fs.readFileSync(file, 'utf8')).labels);
    const count = (kind: string, category?: string) =>
      labels.filter((l) => l.kind === kind && (category === undefined || l.category === category)).length;
    assert.ok(count('expect') >= 170, `only ${count('expect')} expect labels`);
    assert.ok(count('ok') >= 170, `only ${count('ok')} ok labels`);
    for (const category of SINK_CATEGORIES) {
      assert.ok(count('expect', category) >= 25, `only ${count('expect', category)} expect: ${category} labels`);
      assert.ok(count('ok', category) >= 25, `only ${count('ok', category)} ok: ${category} labels`);
    }
  });
});
