import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { analyzeFile } from '../../../src/cli/analyzeFile';
import { DEFAULT_CONFIG, ProjectAnalyzer, nodeProjectHost, withoutByteOrderMark } from '../../../src/core';
import { projectOnDisk } from '../projectOnDisk';

const BOM = '\ufeff';

describe('files saved with a UTF-8 byte order mark', () => {
  it('are read without it, so offsets count as the editor and ESLint count them', () => {
    assert.equal(withoutByteOrderMark(`${BOM}const a = 1;`), 'const a = 1;');
    assert.equal(withoutByteOrderMark('const a = 1;'), 'const a = 1;');
    assert.equal(withoutByteOrderMark(`a${BOM}`), `a${BOM}`);
    const { root } = projectOnDisk({ 'a.ts': `${BOM}export const a = 1;\n` });
    assert.equal(nodeProjectHost().readFile(path.join(root, 'a.ts')), 'export const a = 1;\n');
  });

  it('are reported at the columns an editor shows, in the file and in flow steps through an imported one', () => {
    const helper = `${BOM}export function note(text: string) {\n  console.log(text);\n}\n`;
    const route = `${BOM}import { note } from './helper';\nnote(patient.ssn);\n`;
    const { root } = projectOnDisk({ 'helper.ts': helper, 'route.ts': route, 'direct.ts': `${BOM}console.log(patient.ssn);\n` });
    const project = new ProjectAnalyzer(nodeProjectHost(), root, () => DEFAULT_CONFIG);
    const routeFile = path.join(root, 'route.ts');
    const finding = project.analyze(routeFile, route.slice(1))!.findings[0]!;
    const inHelper = finding.flow.find((step) => step.file !== undefined)!;
    assert.equal(helper.slice(1).slice(inHelper.range.start, inHelper.range.end), 'text');
    const cli = analyzeFile({ absolutePath: path.join(root, 'direct.ts'), cwd: root, config: DEFAULT_CONFIG });
    assert.deepEqual([cli.findings[0]!.line, cli.findings[0]!.column], [1, 13]);
  });
});
