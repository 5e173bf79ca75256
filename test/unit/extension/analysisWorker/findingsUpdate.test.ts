import * as assert from 'node:assert/strict';
import { analyzeSource, DEFAULT_CONFIG, type Finding, type TextShift } from '../../../../src/core';
import { AnalysisService } from '../../../../src/extension/analysisWorker/analysisService';
import { isMovedFinding, moveFinding, textShift } from '../../../../src/extension/analysisWorker/findingShift';
import { applyFindingsUpdate, findingsUpdate, resultWithFindings, type HeldFindingsRef } from '../../../../src/extension/analysisWorker/findingsUpdate';
import type { AnalyzeDocumentResponse } from '../../../../src/extension/analysisWorker/protocol';
import { createRandom, generateFile } from '../../../bench/generateWorkspace';

const FILE = '/project/src/records.ts';

/** The editor's side: holds the findings it was sent, names them in the next request, applies each update. */
class Editor {
  held: HeldFindingsRef | undefined;
  readonly updates: AnalyzeDocumentResponse['findings'][] = [];

  constructor(private readonly service: AnalysisService) {}

  analyse(text: string): readonly Finding[] {
    const request = { kind: 'analyzeDocument' as const, file: FILE, fileName: FILE, text, config: DEFAULT_CONFIG, ...(this.held && { heldFindings: this.held.id }) };
    const response = structuredClone(this.service.handle(structuredClone(request)));
    this.updates.push(response.findings);
    const result = resultWithFindings(response, this.held);
    assert.ok(result, 'the update applies to the findings held');
    if (response.findingsId !== undefined) this.held = { id: response.findingsId, findings: result.findings };
    return result.findings;
  }
}

const freshFindings = (text: string) => analyzeSource({ fileName: FILE, text, config: DEFAULT_CONFIG }).findings;

describe('findings updates (only what a keystroke changed crosses between threads)', () => {
  it('gives the editor exactly a fresh analysis\'s findings over random edits, sending few of them', () => {
    const random = createRandom(5);
    const original = generateFile(random, 1000, 'ts');
    const editor = new Editor(new AnalysisService());
    let text = original;
    assert.ok(editor.analyse(text).length > 10, 'the generated file has findings to keep');
    let sent = 0;
    let held = 0;
    for (let edit = 0; edit < 90; edit++) {
      const at = Math.floor(random() * text.length);
      // Type a character, delete one, or put the original back (edits that change findings, and ones that do not).
      const kind = edit % 3;
      text = kind === 0 ? `${text.slice(0, at)}x${text.slice(at)}` : kind === 1 ? text.slice(0, at) + text.slice(at + 1) : original;
      const findings = editor.analyse(text);
      const update = editor.updates.at(-1)!;
      // A text with syntax errors is analysed too (the request does not keep a last good result): compare every one.
      assert.deepStrictEqual(findings, freshFindings(text), `edit ${edit} at ${at}`);
      if (update.kind === 'edited') {
        sent += update.added.length;
        held += findings.length;
      }
    }
    const edited = editor.updates.filter((update) => update.kind === 'edited').length;
    assert.ok(edited > 60, `most responses are updates (${edited} of 91)`);
    assert.ok(sent < held / 4, `updates send few findings (${sent} of ${held})`);
  });

  it('sends the finding an edit changed, and keeps the ones around it', () => {
    const before = [
      "import OpenAI from 'openai';",
      'const openai = new OpenAI();',
      'export function a(patient: { ssn: string }) { console.log(patient.ssn); }',
      'export function b(patient: { dob: string }) { console.log(patient.dob); }',
      'export function c(patient: { email: string }) { console.log(patient.email); }',
      '',
    ].join('\n');
    const after = before.replace('console.log(patient.dob)', 'console.log(patient.dob, patient.dob)');
    const editor = new Editor(new AnalysisService());
    assert.equal(editor.analyse(before).length, 3);
    const findings = editor.analyse(after);
    const update = editor.updates.at(-1)!;
    assert.equal(update.kind, 'edited');
    assert.ok(update.kind === 'edited');
    assert.equal(update.head, 2, 'a() is before the edit, and the first argument of b()\'s call stays');
    assert.deepEqual(update.added.map((finding) => finding.range.start), [after.indexOf(', patient.dob') + 2]);
    assert.equal(update.tailFrom, 2, 'c() is after it, moved');
    assert.deepStrictEqual(findings, freshFindings(after));
    assert.equal(findings[3]!.range.start, freshFindings(before)[2]!.range.start + ', patient.dob'.length);
  });

  it('answers with all findings when the editor names none, or findings the worker no longer has or never sent', () => {
    const text = generateFile(createRandom(6), 100, 'ts');
    const service = new AnalysisService();
    const request = { kind: 'analyzeDocument' as const, file: FILE, fileName: FILE, text, config: DEFAULT_CONFIG };
    const first = service.handle(request);
    assert.equal(first.findings.kind, 'all');
    assert.equal(service.handle({ ...request, heldFindings: first.findingsId }).findings.kind, 'edited', 'the same text: every finding kept');
    assert.equal(service.handle({ ...request, heldFindings: 'another-worker-1' }).findings.kind, 'all');
    assert.equal(new AnalysisService().handle({ ...request, heldFindings: first.findingsId }).findings.kind, 'all', 'a restarted worker knows none');
    assert.equal(service.handle({ ...request, file: '/project/src/other.ts', fileName: '/project/src/other.ts', heldFindings: first.findingsId }).findings.kind, 'all', 'the findings of another document');
  });

  it('still updates findings the editor holds after it dropped the later answers (the document changed meanwhile)', () => {
    const text = generateFile(createRandom(7), 100, 'ts');
    const service = new AnalysisService();
    const request = { kind: 'analyzeDocument' as const, file: FILE, fileName: FILE, config: DEFAULT_CONFIG };
    const shown = service.handle({ ...request, text });
    const shownFindings = resultWithFindings(shown)!.findings;
    let latest = text;
    // Three answers the editor drops, each naming the findings shown.
    for (let edit = 0; edit < 3; edit++) service.handle({ ...request, text: (latest = `${latest}\n// ${edit}`), heldFindings: shown.findingsId });
    const update = service.handle({ ...request, text: latest, heldFindings: shown.findingsId }).findings;
    assert.equal(update.kind, 'edited');
    assert.deepStrictEqual(applyFindingsUpdate(update, { id: shown.findingsId!, findings: shownFindings }), freshFindings(latest));
    assert.equal(applyFindingsUpdate(update, { id: 'other', findings: shownFindings }), undefined, 'not for other held findings');
  });

  describe('moving a finding', () => {
    const text = "import OpenAI from 'openai';\nconst openai = new OpenAI();\nexport async function ask(patient: { ssn: string }) {\n  const prompt = patient.ssn;\n  await openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: prompt }] });\n}\n";
    const finding = freshFindings(text)[0]!;
    const steps = finding.flow.length;
    const inserted = (at: number, piece: string): TextShift => textShift(text, text.slice(0, at) + piece + text.slice(at));

    it('moves every offset after the edit, keeps every offset before it, and is the finding of the edited text', () => {
      const shift = inserted(text.indexOf('export'), '\n\n');
      const moved = moveFinding(finding, shift);
      assert.deepStrictEqual(moved, freshFindings(text.replace('export', '\n\nexport'))[0]);
      assert.equal(moved.fixes[0]!.edits.at(-1)!.range.start, finding.fixes[0]!.edits.at(-1)!.range.start, 'the import goes where it went');
      assert.ok(isMovedFinding(finding, moved, shift));
      assert.equal(moveFinding(finding, inserted(text.length, '\n')), finding, 'an edit after every offset: the finding itself');
      assert.ok(steps >= 2);
    });

    it('leaves the offsets of a step in another file alone', () => {
      const withOtherFile: Finding = { ...finding, flow: [{ kind: 'call', file: '/project/src/helper.ts', range: { start: 5, end: 9 }, position: { line: 1, column: 6 }, note: 'in the helper' }, ...finding.flow] };
      const shift = inserted(0, '// a comment\n');
      const moved = moveFinding(withOtherFile, shift);
      assert.deepStrictEqual(moved.flow[0], withOtherFile.flow[0]);
      assert.notDeepStrictEqual(moved.flow[1]!.range, withOtherFile.flow[1]!.range);
      assert.ok(isMovedFinding(withOtherFile, moved, shift));
    });

    it('tells a moved finding from one that differs in any single value', () => {
      const shift = inserted(text.indexOf('export'), ' ');
      const moved = moveFinding(finding, shift);
      const leaves: (string | number)[][] = [];
      const walk = (value: unknown, path: (string | number)[]): void => {
        if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) walk(item, [...path, Array.isArray(value) ? Number(key) : key]);
        else leaves.push(path);
      };
      walk(moved, []);
      assert.ok(leaves.length > 30, `${leaves.length} values`);
      for (const path of leaves) {
        const changed = structuredClone(moved) as unknown as Record<string | number, unknown>;
        let parent = changed;
        for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
        const last = path.at(-1)!;
        parent[last] = typeof parent[last] === 'number' ? (parent[last] as number) + 1 : `${String(parent[last])}!`;
        assert.ok(!isMovedFinding(finding, changed as unknown as Finding, shift), `a change of ${path.join('.')} goes unnoticed`);
      }
    });
  });

  it('makes no update of findings a text has none of, or of no findings', () => {
    const held = { id: 'w-1', text: 'a', findings: freshFindings("console.log(patient.ssn);\n") };
    assert.equal(held.findings.length, 1);
    assert.deepStrictEqual(findingsUpdate(held, 'b', []), { kind: 'all', findings: [] });
    assert.deepStrictEqual(findingsUpdate({ ...held, findings: [] }, 'b', held.findings), { kind: 'all', findings: held.findings });
  });
});
