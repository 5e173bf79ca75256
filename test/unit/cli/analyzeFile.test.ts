import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyzeFile } from '../../../src/cli/analyzeFile';
import { DEFAULT_CONFIG } from '../../../src/core';
import { fakeAnalyzer } from './fakeAnalyzer';
import { materialize, removeTree } from './fixtures/fixtureTrees';

describe('cli analyzeFile', () => {
  let root: string;
  beforeEach(() => {
    root = materialize({
      files: {
        'src/visit.ts': 'const patientName = load();\r\n\r\nai(patientName);\n',
        'src/notes.ts': '// BAD_SUPPRESSION\nlet x = PARSE_ERROR\n',
        'src/min.js': 'SKIP_ME\n',
        'src/crash.ts': 'THROW_ME\n',
      },
      symlinks: { 'src/dangling.ts': 'gone.ts' },
      directories: ['src/folder.ts'],
    });
  });
  afterEach(() => removeTree(root));

  const analyze = (relative: string) => analyzeFile({ absolutePath: path.join(root, relative), cwd: root, config: DEFAULT_CONFIG, analyze: fakeAnalyzer });

  it('turns offsets into 1-based positions for the finding and each flow step, with the file relative to cwd', () => {
    const result = analyze('src/visit.ts');
    assert.strictEqual(result.analysed, true);
    assert.strictEqual(result.lines, 4);
    assert.strictEqual(result.findings.length, 1);
    const finding = result.findings[0];
    assert.deepStrictEqual(
      { file: finding.file, line: finding.line, column: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
      { file: 'src/visit.ts', line: 3, column: 4, endLine: 3, endColumn: 15 },
    );
    assert.deepStrictEqual(finding.flow, [
      { kind: 'source', file: 'src/visit.ts', line: 1, column: 7, note: 'patientName is a patient name' },
      { kind: 'sink', file: 'src/visit.ts', line: 3, column: 4, note: 'passed to ai()' },
    ]);
    assert.deepStrictEqual(finding.sink, { id: 'fake.ai', package: 'fake-sdk', api: 'ai', vendor: 'Fake' });
  });

  it('reports syntax errors and malformed suppressions as positioned notices and still analyses the file', () => {
    const result = analyze('src/notes.ts');
    assert.strictEqual(result.analysed, true);
    assert.deepStrictEqual(result.notices, [
      { kind: 'syntax-error', file: 'src/notes.ts', line: 2, column: 9, message: "syntax error: ')' expected. (analysed what could be parsed)" },
      { kind: 'suppression', file: 'src/notes.ts', line: 1, column: 4, message: 'phi-guard-allow needs a reason' },
    ]);
  });

  it('reports one syntax error per file, the first, with how many follow; a Flow-typed file is named as such', () => {
    fs.writeFileSync(path.join(root, 'src/broken.ts'), 'const a = (1;\nconst b = [2;\nconst c = {3;\n');
    fs.writeFileSync(path.join(root, 'src/flow.js'), '/**\n * @flow\n */\nexport type Visit = {| id: string |};\n');
    const real = (relative: string) => analyzeFile({ absolutePath: path.join(root, relative), cwd: root, config: DEFAULT_CONFIG });
    const broken = real('src/broken.ts').notices;
    assert.strictEqual(broken.length, 1);
    assert.deepStrictEqual({ ...broken[0], message: undefined }, { kind: 'syntax-error', file: 'src/broken.ts', line: 1, column: 13, message: undefined });
    assert.match(broken[0]!.message, /^syntax error: '\)' expected\. \(and \d+ more after it; analysed what could be parsed\)$/);
    const [flow, ...rest] = real('src/flow.js').notices;
    assert.strictEqual(rest.length, 0);
    assert.match(flow!.message, /^syntax error: .* The file is marked `@flow`: PHI Guard reads TypeScript and JavaScript, not Flow types; exclude it in \.phi-guard\.json/);
    assert.doesNotMatch(analyze('src/notes.ts').notices[0]!.message, /@flow|more after it/);
  });

  it('reports a file the engine skipped, without repeating its path', () => {
    const result = analyze('src/min.js');
    assert.strictEqual(result.analysed, false);
    assert.deepStrictEqual(result.notices, [{ kind: 'skipped', file: 'src/min.js', message: 'skipped: looks minified' }]);
    const absolutePath = path.join(root, 'src/min.js');
    const withPath = analyzeFile({ absolutePath, cwd: root, config: DEFAULT_CONFIG, analyze: (options) => ({ ...fakeAnalyzer(options), skipped: { reason: 'minified', message: `${absolutePath}: skipped, it looks minified` } }) });
    assert.deepStrictEqual(withPath.notices, [{ kind: 'skipped', file: 'src/min.js', message: 'skipped, it looks minified' }]);
  });

  it('does not read a file far over maxFileSizeKb', () => {
    fs.writeFileSync(path.join(root, 'src/huge.js'), 'x'.repeat(5 * 1024));
    const result = analyzeFile({ absolutePath: path.join(root, 'src/huge.js'), cwd: root, config: { ...DEFAULT_CONFIG, maxFileSizeKb: 1 }, analyze: () => assert.fail('must not analyse') });
    assert.strictEqual(result.notices[0].kind, 'skipped');
    assert.match(result.notices[0].message, /5 KB is over the maxFileSizeKb limit of 1 KB/);
  });

  it('names an unreadable file (dangling symlink, folder named like a file) in a notice instead of throwing', () => {
    for (const [file, code] of [['src/dangling.ts', 'ENOENT'], ['src/folder.ts', 'EISDIR']]) {
      const result = analyze(file);
      assert.strictEqual(result.analysed, false);
      assert.deepStrictEqual(result.notices, [{ kind: 'unreadable', file, message: `could not read the file (${code}); it was not analysed` }]);
    }
  });

  it('turns an engine exception into an internal-error notice for that file', () => {
    const result = analyze('src/crash.ts');
    assert.strictEqual(result.analysed, false);
    assert.strictEqual(result.notices[0].kind, 'internal-error');
    assert.match(result.notices[0].message, /engine exploded/);
  });

  it('gives code the engine did not follow (nested too deep) a notice at its line, and keeps the file\'s findings', () => {
    const chain = Array.from({ length: 450 }, (_, i) => `\n    .andWhere('c${i}', ${i})`).join('');
    fs.writeFileSync(path.join(root, 'src/query.ts'), `export function q(patient: { email: string }, b: any) {\n  const built = b.where('x', 1)${chain};\n  console.log(patient.email, built);\n}\n`);
    const result = analyzeFile({ absolutePath: path.join(root, 'src/query.ts'), cwd: root, config: DEFAULT_CONFIG });
    assert.strictEqual(result.analysed, true);
    assert.deepStrictEqual(result.findings.map((finding) => finding.expression), ['patient.email']);
    assert.deepStrictEqual(result.notices.map(({ kind, line }) => ({ kind, line })), [{ kind: 'incomplete', line: 2 }]);
  });
});
