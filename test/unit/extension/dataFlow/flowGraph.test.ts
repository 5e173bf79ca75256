import * as assert from 'assert';
import { buildFlowGraph, type GraphFilter } from '../../../../src/extension/dataFlow/flowGraph';
import { toMapFlows } from '../../../../src/extension/dataFlow/mapFlows';
import { analysed, SUMMARY_TS } from './fixtures';

const flows = toMapFlows([...analysed('src/summary.ts', SUMMARY_TS).flows, ...analysed('src/<b>x</b>.js', "export function f(patient) { localStorage.setItem('k', patient.ssn); }\n").flows]);
const ALL: GraphFilter = { categories: [], vendors: [], showNoPhi: false };

function edges(filter: GraphFilter): string[] {
  const graph = buildFlowGraph(flows, filter);
  const label = (id: string) => graph.nodes.find((node) => node.id === id)!.label;
  return graph.edges.map((edge) => `${label(edge.from)} -> ${label(edge.to)} (${edge.status})`).sort();
}

describe('Data-Flow Map graph model', () => {
  it('draws PHI categories → code sites → sinks, one site node per call line and sink', () => {
    assert.deepStrictEqual(edges(ALL), [
      'Diagnosis / condition -> src/summary.ts:6 (open)',
      'Name -> src/summary.ts:9 (suppressed)',
      'Social Security number -> src/<b>x</b>.js:1 (open)',
      'Social Security number -> src/summary.ts:5 (open)',
      'src/<b>x</b>.js:1 -> Web Storage · localStorage.setItem (open)',
      'src/summary.ts:5 -> Console · console.log (open)',
      'src/summary.ts:6 -> OpenAI · chat.completions.create (open)',
      'src/summary.ts:9 -> Console · console.info (suppressed)',
    ]);
  });

  it('filters by PHI category and by vendor, and shows AI calls without PHI on request', () => {
    assert.deepStrictEqual(edges({ ...ALL, categories: ['ssn'], vendors: ['Console'] }), ['Social Security number -> src/summary.ts:5 (open)', 'src/summary.ts:5 -> Console · console.log (open)']);
    assert.ok(edges({ ...ALL, showNoPhi: true }).includes('src/summary.ts:7 -> OpenAI · chat.completions.create (no-phi)'));
    assert.ok(!edges(ALL).some((edge) => edge.includes(':7')));
  });

  it('keeps the strongest status on a shared node and counts parallel flows on an edge', () => {
    const twice = [...flows, { ...flows[0]!, id: 'other', status: 'suppressed' as const }];
    const graph = buildFlowGraph(twice, ALL);
    const edge = graph.edges.find((candidate) => candidate.to.includes('src/summary.ts\u00005') && candidate.from.startsWith('phi'))!;
    assert.strictEqual(edge.count, 2);
    assert.strictEqual(edge.status, 'open');
  });

  it('sends the map no more than it draws', () => {
    assert.deepStrictEqual(Object.keys(flows[0]!).sort(), ['api', 'expression', 'file', 'id', 'line', 'package', 'phiCategories', 'sinkCategory', 'status', 'vendor']);
  });
});
