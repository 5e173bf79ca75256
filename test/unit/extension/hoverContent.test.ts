import * as assert from 'assert';
import { describeCategory } from '../../../src/core';
import { COMMANDS } from '../../../src/extension/commandIds';
import { describeReason, HOVER_COMMANDS, hoverMarkdown, notPhiCandidates } from '../../../src/extension/hoverContent';
import { sampleFinding } from './sampleFinding';

const target = { uri: 'file:///w/src/a.ts', version: 7, findingIndex: 2 };

/** The decoded argument lists of the `command:` links to `command` in `markdown`. */
function commandArgs(markdown: string, command: string): unknown[][] {
  const pattern = new RegExp(`command:${command.replace('.', '\\.')}\\?([^ )]+)`, 'g');
  return [...markdown.matchAll(pattern)].map((match) => JSON.parse(decodeURIComponent(match[1]!)) as unknown[]);
}

describe('hover content', () => {
  it('names each PHI category with its Safe Harbor letter or as clinical', () => {
    const markdown = hoverMarkdown(sampleFinding({ phiCategories: ['ssn', 'diagnosis'] }), target);
    assert.ok(markdown.includes(describeCategory('ssn')), markdown);
    assert.ok(markdown.includes('Safe Harbor (G) Social Security number'));
    assert.ok(markdown.includes('Clinical: Diagnosis / condition'));
  });

  it('explains why, where the value goes and the HIPAA reference', () => {
    const markdown = hoverMarkdown(sampleFinding(), target);
    assert.match(markdown, /\*\*Why this is PHI\*\*/);
    assert.ok(markdown.includes('the name `ssn` contains "ssn"'));
    assert.ok(markdown.includes('its type `Patient` holds PHI'));
    assert.match(markdown, /\*\*Sink:\*\* Console `console\.log` \(`<global>`\)/);
    assert.match(markdown, /\*\*HIPAA:\*\* .*45 CFR §164\.502\(b\)/);
    assert.ok(markdown.includes('no-phi-in-logs.md'));
  });

  it('links "Mark as not PHI" per matched name and "Show data flow" with the finding it belongs to', () => {
    const markdown = hoverMarkdown(sampleFinding(), target);
    assert.deepStrictEqual(commandArgs(markdown, COMMANDS.markNotPhi), [[target.uri, 'ssn']]);
    assert.deepStrictEqual(commandArgs(markdown, COMMANDS.showDataFlow), [[target.uri, 7, 2]]);
    assert.deepStrictEqual([...HOVER_COMMANDS].sort(), [COMMANDS.markNotPhi, COMMANDS.allowCategory, COMMANDS.showDataFlow].sort());
    assert.deepStrictEqual(commandArgs(markdown, COMMANDS.allowCategory), [], 'an SSN is no record key');
  });

  it('links "Allow record keys" through the rule when a record key is all the value carries', () => {
    const finding = sampleFinding({ phiCategories: ['other-id'], reasons: [{ kind: 'name', name: 'patientId', words: ['patient', 'id'] }] });
    assert.deepStrictEqual(commandArgs(hoverMarkdown(finding, target), COMMANDS.allowCategory), [[target.uri, 'no-phi-in-logs', 'other-id']]);
  });

  it('offers "Mark as not PHI" only for names the engine matched by their words', () => {
    const finding = sampleFinding({ reasons: [{ kind: 'phi-tag', name: 'record' }, { kind: 'name', name: 'dob', words: ['dob'] }, { kind: 'name', name: 'visit.dob', words: ['dob'] }] });
    assert.deepStrictEqual(notPhiCandidates(finding), ['dob']);
    assert.deepStrictEqual(notPhiCandidates(sampleFinding({ reasons: [{ kind: 'name', name: 'visit.ssnLength', words: ['ssn', 'length'] }] })), ['ssnLength']);
    assert.deepStrictEqual(commandArgs(hoverMarkdown(finding, target), COMMANDS.markNotPhi), [[target.uri, 'dob']]);
  });

  it('describes every kind of reason', () => {
    assert.strictEqual(describeReason({ kind: 'phi-tag', name: 'intake' }), '`intake` is tagged `@phi`');
    assert.strictEqual(describeReason({ kind: 'fhir-read', resourceType: 'Patient', api: 'client.read' }), 'it is read from FHIR `Patient` (`client.read`)');
    assert.strictEqual(describeReason({ kind: 'config', name: 'chartNumber' }), '`chartNumber` is declared PHI in `.phi-guard.json`');
    assert.strictEqual(describeReason({ kind: 'literal', detector: 'an SSN' }), 'the value looks like an SSN');
  });

  it('escapes Markdown in engine text so it cannot inject links', () => {
    const markdown = hoverMarkdown(sampleFinding({ reasons: [{ kind: 'literal', detector: 'see [here](command:workbench.action.quit)' }] }), target);
    assert.ok(markdown.includes('here'));
    assert.ok(!markdown.includes('[here](command:workbench.action.quit)'));
  });
});
