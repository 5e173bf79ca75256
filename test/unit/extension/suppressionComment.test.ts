import * as assert from 'assert';
import fc from 'fast-check';
import { cleanReason, suppressionCommentEdit, validateReason } from '../../../src/extension/suppressionComment';
import { SAMPLE_TEXT, sampleFinding } from './sampleFinding';

function apply(text: string, edit: { range: { start: number; end: number }; newText: string }): string {
  return text.slice(0, edit.range.start) + edit.newText + text.slice(edit.range.end);
}

describe('suppression comment', () => {
  it('goes on the line above the flagged value, indented like it', () => {
    const finding = sampleFinding();
    const result = apply(SAMPLE_TEXT, suppressionCommentEdit(SAMPLE_TEXT, finding.range.start, finding.rule, 'audit log is PHI-safe'));
    assert.strictEqual(result, "function f(patient) {\n  // phi-guard-allow no-phi-in-logs -- audit log is PHI-safe\n  console.log('Summarizing patient', patient.ssn);\n}\n");
  });

  it('works on the first line and keeps tabs and CRLF line ends', () => {
    assert.strictEqual(apply('log(ssn);', suppressionCommentEdit('log(ssn);', 4, 'no-phi-in-logs', 'ok')), '// phi-guard-allow no-phi-in-logs -- ok\nlog(ssn);');
    const crlf = 'a();\r\n\t\tsend(mrn);\r\n';
    const offset = crlf.indexOf('mrn');
    assert.strictEqual(apply(crlf, suppressionCommentEdit(crlf, offset, 'no-phi-to-ai', 'BAA')), 'a();\r\n\t\t// phi-guard-allow no-phi-to-ai -- BAA\r\n\t\tsend(mrn);\r\n');
  });

  it('keeps the reason on one line', () => {
    assert.strictEqual(cleanReason('  BAA signed\n  with vendor \t '), 'BAA signed with vendor');
  });

  it('rejects an empty reason and one that would end a block comment', () => {
    assert.ok(validateReason('   '));
    assert.ok(validateReason('ok */ evil()'));
    assert.strictEqual(validateReason('BAA signed (SEC-42)'), undefined);
  });

  it('for any text and offset, inserts exactly one comment line directly above the offset\'s line', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[ \ta-z();]{0,12}$/), { minLength: 1, maxLength: 6 }), fc.nat(), (lines, seed) => {
        const text = lines.join('\n');
        const offset = seed % (text.length + 1);
        const edit = suppressionCommentEdit(text, offset, 'no-phi-in-url', 'reason');
        const result = apply(text, edit);
        const lineIndex = text.slice(0, offset).split('\n').length - 1;
        const resultLines = result.split('\n');
        assert.strictEqual(resultLines.filter((line) => line.includes('phi-guard-allow')).length, 1);
        assert.match(resultLines[lineIndex]!, /^[ \t]*\/\/ phi-guard-allow no-phi-in-url -- reason$/);
        assert.strictEqual(resultLines[lineIndex]!.replace(/\S.*$/, ''), /^[ \t]*/.exec(lines[lineIndex]!)![0]);
        assert.deepStrictEqual([...resultLines.slice(0, lineIndex), ...resultLines.slice(lineIndex + 1)], lines);
      }),
    );
  });
});
