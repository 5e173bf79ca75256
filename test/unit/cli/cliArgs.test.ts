import * as assert from 'assert';
import * as os from 'os';
import { defaultJobsFor, parseCliArgs, UsageError } from '../../../src/cli/cliArgs';

describe('cli parseCliArgs', () => {
  it('scans on one thread per core by default, but on one in all with two cores or fewer (a second thread measured slower there)', () => {
    assert.deepStrictEqual([1, 2, 3, 4, 8].map(defaultJobsFor), [1, 1, 3, 4, 8]);
  });

  it('defaults scan to the current folder, text output, --fail-on error and the default threads', () => {
    assert.deepStrictEqual(parseCliArgs(['scan']), { command: 'scan', paths: ['.'], format: 'text', failOn: 'error', configPath: undefined, jobs: defaultJobsFor(os.availableParallelism()), cache: false, cacheLocation: undefined });
  });

  it('reads every scan option, long and short', () => {
    assert.deepStrictEqual(parseCliArgs(['scan', 'src', 'lib', '--format', 'sarif', '--fail-on', 'warning', '--config', 'ci/.phi-guard.json', '--jobs', '3']), {
      command: 'scan', paths: ['src', 'lib'], format: 'sarif', failOn: 'warning', configPath: 'ci/.phi-guard.json', jobs: 3, cache: false, cacheLocation: undefined,
    });
    assert.deepStrictEqual(parseCliArgs(['scan', '-f', 'json', '-c', 'x.json', '-j', '1']), { command: 'scan', paths: ['.'], format: 'json', failOn: 'error', configPath: 'x.json', jobs: 1, cache: false, cacheLocation: undefined });
    assert.deepStrictEqual([parseCliArgs(['scan', '--cache']), parseCliArgs(['scan', '--cache-location', 'tmp/'])].map((c) => c.command === 'scan' && [c.cache, c.cacheLocation]), [[true, undefined], [true, 'tmp/']], '--cache-location implies --cache');
  });

  it('answers help and version', () => {
    assert.deepStrictEqual(parseCliArgs([]), { command: 'help' });
    assert.deepStrictEqual(parseCliArgs(['scan', '--help']), { command: 'help' });
    assert.deepStrictEqual(parseCliArgs(['--version']), { command: 'version' });
    assert.deepStrictEqual(parseCliArgs(['inventory', 'src', '-f', 'json']), { command: 'inventory', paths: ['src'], format: 'json', configPath: undefined, cache: false, cacheLocation: undefined });
    assert.deepStrictEqual(parseCliArgs(['inventory', '--cache-location', 'tmp']), { command: 'inventory', paths: ['.'], format: 'markdown', configPath: undefined, cache: true, cacheLocation: 'tmp' });
  });

  it('rejects bad values, unknown options and commands', () => {
    const cases: [string[], RegExp][] = [
      [['scan', '--format', 'xml'], /--format must be one of text, json, sarif \(got "xml"\)/],
      [['scan', '--fail-on', 'info'], /--fail-on must be one of error, warning, none/],
      [['scan', '--jobs', '0'], /--jobs must be a whole number of 1 or more/],
      [['scan', '--jobs', 'two'], /--jobs must be a whole number/],
      [['scan', '--quiet'], /Unknown option '--quiet'/],
      [['lint'], /unknown command "lint"/],
      [['inventory', '--format', 'pdf'], /--format must be one of markdown, json/],
      [['inventory', '--fail-on', 'bogus'], /--fail-on is an option of `scan`/],
      [['inventory', '--jobs', 'x'], /--jobs is an option of `scan`/],
    ];
    for (const [argv, message] of cases) {
      assert.throws(() => parseCliArgs(argv), (error: unknown) => error instanceof UsageError && message.test(error.message), argv.join(' '));
    }
  });
});
