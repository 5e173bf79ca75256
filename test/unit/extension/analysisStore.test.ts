import * as assert from 'assert';
import type { AnalysisResult } from '../../../src/core';
import { AnalysisStore } from '../../../src/extension/analysisStore';
import { sampleFinding } from './sampleFinding';

const URI = 'file:///w/a.ts';
const clean = (findings = [sampleFinding()]): AnalysisResult => ({ findings, suppressed: [], suppressionProblems: [], parseProblems: [], sinkSites: [] });
const broken: AnalysisResult = { findings: [], suppressed: [], suppressionProblems: [], parseProblems: [{ range: { start: 0, end: 1 }, message: "')' expected." }], sinkSites: [] };

describe('analysis store', () => {
  it('publishes a result for the current version and serves it for that version only', () => {
    const store = new AnalysisStore();
    assert.strictEqual(store.accept(URI, 3, 3, clean()), 'publish');
    assert.strictEqual(store.findingsAt(URI, 3)?.length, 1);
    assert.strictEqual(store.findingsAt(URI, 4), undefined, 'a code action for version 4 must not use version 3 offsets');
  });

  it('drops a result whose document version is outdated', () => {
    const store = new AnalysisStore();
    store.accept(URI, 3, 3, clean());
    assert.strictEqual(store.accept(URI, 4, 6, clean([])), 'outdated');
    assert.strictEqual(store.latest(URI)?.version, 3);
  });

  it('keeps the last good analysis while the file has syntax errors, then takes the next good one', () => {
    const store = new AnalysisStore();
    store.accept(URI, 3, 3, clean());
    assert.strictEqual(store.accept(URI, 4, 4, broken), 'keep-last-good');
    assert.strictEqual(store.latest(URI)?.findings.length, 1);
    assert.strictEqual(store.accept(URI, 5, 5, clean([])), 'publish');
    assert.strictEqual(store.latest(URI)?.findings.length, 0);
  });

  it('publishes what the parser recovered when there is no earlier analysis', () => {
    const store = new AnalysisStore();
    assert.strictEqual(store.accept(URI, 1, 1, { ...broken, findings: [sampleFinding()] }), 'publish');
  });

  it('keeps the last good analysis for a text the worker did not analyse, and drops such an answer once it has none', () => {
    const store = new AnalysisStore();
    store.accept(URI, 3, 3, clean());
    const notAnalysed: AnalysisResult = { ...broken, lastGood: true };
    assert.strictEqual(store.accept(URI, 4, 4, notAnalysed), 'keep-last-good');
    assert.strictEqual(store.latest(URI)?.findings.length, 1);
    store.delete(URI);
    assert.strictEqual(store.accept(URI, 5, 5, notAnalysed), 'outdated', 'a text with syntax errors must be analysed to show anything');
    assert.strictEqual(store.latest(URI), undefined);
  });

  it('forgets a closed document', () => {
    const store = new AnalysisStore();
    store.accept(URI, 1, 1, clean());
    store.delete(URI);
    assert.strictEqual(store.latest(URI), undefined);
  });
});
