import * as assert from 'node:assert/strict';
import { parseLabels } from '../../../scripts/eval/labels';

describe('eval: parseLabels', () => {
  it('reads expect and ok labels with their 1-based line and the code before the comment', () => {
    const text = [
      "import { logger } from './logger';",
      'console.log(patient.ssn); // expect: log',
      "logger.info('file', fileName); // ok: log",
    ].join('\n');
    const { labels, problems } = parseLabels(text);
    assert.deepEqual(problems, []);
    assert.deepEqual(labels, [
      { kind: 'expect', category: 'log', line: 2, source: 'console.log(patient.ssn);' },
      { kind: 'ok', category: 'log', line: 3, source: "logger.info('file', fileName);" },
    ]);
  });

  it('splits a label with two categories into two labels on the same line', () => {
    const { labels } = parseLabels('send(`/p?ssn=${ssn}`); // expect: log, url');
    assert.deepEqual(labels.map((l) => [l.kind, l.category, l.line]), [
      ['expect', 'log', 1],
      ['expect', 'url', 1],
    ]);
  });

  it('reads a JSX block-comment label and drops the brace from the source', () => {
    const { labels, problems } = parseLabels('  <Track value={patient.dob} /> {/* expect: log */}');
    assert.deepEqual(problems, []);
    assert.equal(labels[0].category, 'log');
    assert.equal(labels[0].source, '<Track value={patient.dob} />');
  });

  it('ignores ordinary comments and a // inside a URL', () => {
    const text = ["// expecting the worst here", "fetch('https://api.example.com/ok'); // retries are handled upstream"].join('\n');
    assert.deepEqual(parseLabels(text), { labels: [], problems: [] });
  });

  it('counts lines after CRLF and lone CR line breaks', () => {
    const { labels } = parseLabels('a();\r\nb();\rc(x); // expect: ai');
    assert.equal(labels[0].line, 3);
  });

  it('reports an unknown category with its line', () => {
    const { labels, problems } = parseLabels('\nconsole.log(x); // expect: logs');
    assert.deepEqual(labels, []);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].line, 2);
    assert.match(problems[0].message, /unknown category 'logs'/);
  });

  it('reports a label that is not at the end of the line', () => {
    const { problems } = parseLabels('console.log(x); // expect: log because ssn');
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /malformed label/);
  });

  it('reports a repeated category and a label on a line without code', () => {
    const { labels, problems } = parseLabels('f(x); // expect: url, url\n// ok: log');
    assert.equal(labels.length, 2);
    assert.deepEqual(problems.map((p) => p.line), [1, 2]);
  });
});
