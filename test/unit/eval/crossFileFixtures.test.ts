import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { syntaxProblems } from './syntaxProblems';
import { collectCorpusFiles } from '../../../scripts/eval/corpus';
import { parseLabels, SINK_CATEGORIES } from '../../../scripts/eval/labels';
import { listWorkspaces, loadWorkspaceConfig } from '../../../scripts/eval/workspaces';

// The workspaces are ground truth for the cross-file part of `npm run eval`; these checks keep them usable.
const crossFileDir = path.resolve(__dirname, '../../fixtures/cross-file');
const workspaces = listWorkspaces(crossFileDir);
const sourcesOf = (workspace: string) => collectCorpusFiles(workspace);
const allFiles = workspaces.flatMap(sourcesOf);
const relative = (file: string) => path.relative(crossFileDir, file);

describe('eval: cross-file workspaces fixtures', () => {
  it('has at least 25 workspaces of 2 to 6 source files each', () => {
    assert.ok(workspaces.length >= 25, `expected at least 25 workspaces, found ${workspaces.length}`);
    const outOfRange = workspaces
      .map((w) => [path.basename(w), sourcesOf(w).length] as const)
      .filter(([, count]) => count < 2 || count > 6);
    assert.deepEqual(outOfRange, []);
  });

  it('every file parses, and .js/.jsx files hold no type annotations', () => {
    assert.deepEqual(syntaxProblems(allFiles, crossFileDir), []);
  });

  it('every label is well formed and every .phi-guard.json is valid', () => {
    const problems = allFiles.flatMap((file) =>
      parseLabels(fs.readFileSync(file, 'utf8')).problems.map((p) => `${relative(file)}:${p.line}: ${p.message}`),
    );
    problems.push(...workspaces.flatMap((w) => loadWorkspaceConfig(w).problems));
    assert.deepEqual(problems, []);
  });

  it('has positives in every category and tricky negatives in every workspace named neg-*', () => {
    const labels = allFiles.flatMap((file) => parseLabels(fs.readFileSync(file, 'utf8')).labels);
    for (const category of SINK_CATEGORIES) {
      const count = labels.filter((l) => l.kind === 'expect' && l.category === category).length;
      assert.ok(count >= 8, `only ${count} expect: ${category} labels`);
    }
    for (const workspace of workspaces.filter((w) => path.basename(w).startsWith('neg-'))) {
      const okLabels = sourcesOf(workspace).flatMap((file) => parseLabels(fs.readFileSync(file, 'utf8')).labels.filter((l) => l.kind === 'ok'));
      assert.ok(okLabels.length > 0, `${path.basename(workspace)} has no ok: labels`);
    }
  });
});
