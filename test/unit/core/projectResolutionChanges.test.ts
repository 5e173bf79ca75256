import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_CONFIG, ProjectAnalyzer, nodeProjectHost } from '../../../src/core';
import { projectOnDisk } from '../projectOnDisk';

/** A long-lived analyser (the editor's, an ESLint server's) and the findings of one file, analysed afresh on each call. */
function longLived(files: Record<string, string>, file: string) {
  const { root } = projectOnDisk(files);
  const project = new ProjectAnalyzer(nodeProjectHost(), root, () => DEFAULT_CONFIG, Infinity);
  const write = (name: string, text: string) => fs.writeFileSync(path.join(root, name), text);
  return { project, write, flagged: () => project.analyze(path.join(root, file))!.findings.map((f) => f.expression) };
}

const LOGS = 'export function logIt(x: unknown) {\n  console.log(x);\n}\n';
const KEEPS = 'export function logIt(x: unknown) {\n  return x;\n}\n';
const MAIN = (specifier: string) => `import { logIt } from '${specifier}';\nexport function m(ssn: string) {\n  logIt(ssn);\n}\n`;

describe('module resolution after its settings change', () => {
  it('follows an edited tsconfig `paths` once told files changed', () => {
    const { project, write, flagged } = longLived({
      'tsconfig.base.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['lib/*'] } } }),
      'tsconfig.json': JSON.stringify({ extends: './tsconfig.base.json' }),
      'src/log.ts': LOGS,
      'lib/log.ts': KEEPS,
      'src/main.ts': MAIN('@/log'),
    }, 'src/main.ts');
    assert.deepEqual(flagged(), []);
    write('tsconfig.base.json', JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['src/*'] } } }));
    assert.deepEqual(flagged(), [], 'the same generation trusts what it read');
    project.changed();
    assert.deepEqual(flagged(), ['ssn']);
  });

  it('finds a workspace package added to the root manifest once told files changed', () => {
    const { project, write, flagged } = longLived({
      'package.json': JSON.stringify({ name: 'mono', workspaces: ['packages/a'] }),
      'packages/a/package.json': JSON.stringify({ name: 'a', main: 'index.ts' }),
      'packages/a/index.ts': 'export const x = 1;\n',
      'packages/b/package.json': JSON.stringify({ name: 'b', main: 'index.ts' }),
      'packages/b/index.ts': LOGS,
      'src/main.ts': MAIN('b'),
    }, 'src/main.ts');
    assert.deepEqual(flagged(), []);
    write('package.json', JSON.stringify({ name: 'mono', workspaces: ['packages/*'] }));
    project.changed();
    assert.deepEqual(flagged(), ['ssn']);
  });
});
