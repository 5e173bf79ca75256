import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { BenchUsageError, parseBenchOptions } from '../../bench/benchOptions';
import { projectOnDisk } from '../projectOnDisk';

describe('bench: command-line options', () => {
  const { root } = projectOnDisk({ 'corpus/src/a.ts': 'export {};\n', 'plugin.js': 'module.exports = {};\n' });
  const parse = (...argv: string[]) => parseBenchOptions(argv, '/default/eslint-plugin.js', root);
  const refused = (argv: string[], message: RegExp) =>
    assert.throws(() => parse(...argv), (error: unknown) => error instanceof BenchUsageError && message.test(error.message));

  it('takes the defaults of a full run, and of a small one', () => {
    assert.deepEqual(parse(), { small: false, corpus: undefined, lines: 200_000, repeat: 3, jsonOut: undefined, eslintPlugin: '/default/eslint-plugin.js' });
    assert.deepEqual(parse('--small'), { small: true, corpus: undefined, lines: 20_000, repeat: 1, jsonOut: undefined, eslintPlugin: '/default/eslint-plugin.js' });
  });

  it('reads every option, paths relative to the working folder', () => {
    const options = parse('--corpus', 'corpus', '--repeat', '5', '--json', 'out/r.json', '--eslint-plugin', 'plugin.js');
    assert.equal(options.corpus, path.join(root, 'corpus'));
    assert.equal(options.repeat, 5);
    assert.equal(options.jsonOut, path.join(root, 'out/r.json'));
    assert.equal(options.eslintPlugin, path.join(root, 'plugin.js'));
    assert.equal(parse('--lines', '4000').lines, 4000);
  });

  it('refuses an unknown option or a missing value instead of ignoring it', () => {
    refused(['--bogus'], /--bogus/);
    refused(['--repeat'], /--repeat/);
    refused(['stray'], /stray/);
  });

  it('refuses a count that is not a whole number above zero', () => {
    for (const bad of ['abc', '0', '1.5', '1e3', '']) refused(['--lines', bad], /--lines .*whole number above 0/);
    refused(['--lines', '-3'], /--lines/); // read as an option: Node's parser names the option that lacks its value
    refused(['--repeat', 'two'], /--repeat two: give a whole number above 0/);
  });

  it('refuses a corpus folder or a plugin file that does not exist, naming the path', () => {
    refused(['--corpus', 'nowhere'], new RegExp(`--corpus nowhere: no such folder \\(${path.join(root, 'nowhere').replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')}\\)`));
    refused(['--corpus', 'plugin.js'], /no such folder/);
    refused(['--eslint-plugin', 'corpus'], /--eslint-plugin corpus: no such file/);
  });

  it('refuses --lines with --corpus, which it would not apply to', () => {
    refused(['--corpus', 'corpus', '--lines', '1000'], /does not apply with --corpus/);
  });
});
