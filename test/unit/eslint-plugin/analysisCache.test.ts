import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Linter, type Rule } from 'eslint';
import tseslint from 'typescript-eslint';
import { analysisFor, type FileAnalysis } from '../../../src/eslint-plugin/analysisCache';
import { projectOnDisk } from '../projectOnDisk';
import { syntaxNodesReachable } from '../syntaxNodesReachable';

describe('ESLint plugin analysis cache', () => {
  it('keeps plain data for a linted file, not the TypeScript tree typescript-eslint made for it', () => {
    const { root, file } = projectOnDisk({
      'lib.ts': "import OpenAI from 'openai';\nconst openai = new OpenAI();\nexport async function ask(prompt: string) {\n  return openai.chat.completions.create({ model: 'x', messages: [{ role: 'user', content: prompt }] });\n}\n",
      'route.ts': "import { ask } from './lib';\nexport async function h(patient: { diagnosis: string }) {\n  console.log(patient.diagnosis);\n  await ask(patient.diagnosis);\n}\n",
    });
    const kept: FileAnalysis[] = [];
    const trees: unknown[] = [];
    const capture: Rule.RuleModule = {
      meta: { type: 'problem', schema: [] },
      create: (context) => ({
        'Program:exit'() {
          kept.push(analysisFor(context));
          trees.push(context.sourceCode.parserServices?.esTreeNodeToTSNodeMap?.get(context.sourceCode.ast as never));
        },
      }),
    };
    const linter = new Linter({ configType: 'flat', cwd: root });
    const config: Linter.Config[] = [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser as never }, plugins: { test: { rules: { capture } } }, rules: { 'test/capture': 'error' } }];
    for (const name of ['route.ts', 'lib.ts']) linter.verify(fs.readFileSync(file(name), 'utf8'), config, path.relative(root, file(name)));

    assert.deepEqual(kept[0]!.result!.findings.map((f) => [f.category, f.expression]), [['log', 'patient.diagnosis'], ['ai', 'patient.diagnosis']]);
    assert.ok(syntaxNodesReachable(trees).length > 0, 'typescript-eslint handed over its trees');
    assert.deepEqual(syntaxNodesReachable(kept), []);
  });
});
