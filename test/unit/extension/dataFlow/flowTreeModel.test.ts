import * as assert from 'assert';
import { buildFlowTree, flowTreeIcon, openFlowCount, type FlowTreeNode } from '../../../../src/extension/dataFlow/flowTreeModel';
import { analysed, SUMMARY_TS } from './fixtures';

const flows = [...analysed('src/summary.ts', SUMMARY_TS).flows, ...analysed('lib/<img src=x>.js', "export function f(patient) { localStorage.setItem('k', patient.ssn); }\n").flows];

function outline(nodes: readonly FlowTreeNode[], depth = 0): string[] {
  return nodes.flatMap((node) => [`${'  '.repeat(depth)}${node.label}${node.description ? ` [${node.description}]` : ''}`, ...outline(node.children, depth + 1)]);
}

describe('Data Flows tree model', () => {
  it('groups by sink category → vendor/API → PHI category → site', () => {
    assert.deepStrictEqual(outline(buildFlowTree(flows, 'sink')), [
      'AI vendors [2 sites, 1 open]',
      '  OpenAI · chat.completions.create [2 sites, 1 open]',
      '    Clinical: Diagnosis / condition [1 site]',
      '      src/summary.ts:6 [patient.diagnosis]',
      '    No PHI seen [1 site]',
      '      src/summary.ts:7 [no PHI seen]',
      'Logging and telemetry [2 sites, 1 open]',
      '  Console · console.info [1 site]',
      '    Safe Harbor (A) Name [1 site]',
      '      src/summary.ts:9 [patient.firstName — suppressed: BAA signed with the log vendor (SEC-42)]',
      '  Console · console.log [1 site]',
      '    Safe Harbor (G) Social Security number [1 site]',
      '      src/summary.ts:5 [patient.ssn]',
      'Unencrypted storage [1 site]',
      '  Web Storage · localStorage.setItem [1 site]',
      '    Safe Harbor (G) Social Security number [1 site]',
      '      lib/<img src=x>.js:1 [patient.ssn]',
    ]);
  });

  it('groups by file, sites in line order', () => {
    assert.deepStrictEqual(outline(buildFlowTree(flows, 'file')).filter((line) => !line.startsWith('  ')), ['lib/<img src=x>.js [1 site]', 'src/summary.ts [4 sites, 2 open]']);
    assert.deepStrictEqual(buildFlowTree(flows, 'file')[1]!.children.map((node) => node.flow!.line), [5, 6, 7, 9]);
  });

  it('groups by PHI category in catalog order, a flow under each of its categories', () => {
    assert.deepStrictEqual(buildFlowTree(flows, 'category').map((node) => node.label), ['Safe Harbor (A) Name', 'Safe Harbor (G) Social Security number', 'Clinical: Diagnosis / condition', 'No PHI seen']);
    const ssn = buildFlowTree(flows, 'category')[1]!;
    assert.deepStrictEqual(ssn.children.map((node) => node.label), ['Console · console.log', 'Web Storage · localStorage.setItem']);
  });

  it('gives each sink category its own icon, and a site its status icon', () => {
    assert.deepStrictEqual(buildFlowTree(flows, 'sink').map((node) => [node.label, flowTreeIcon(node)]), [
      ['AI vendors', 'sparkle'],
      ['Logging and telemetry', 'output'],
      ['Unencrypted storage', 'database'],
    ]);
    const sites = buildFlowTree(flows, 'file')[1]!.children;
    assert.deepStrictEqual(sites.map((node) => [node.flow!.status, flowTreeIcon(node)]), [
      ['open', 'debug-breakpoint-log'],
      ['open', 'debug-breakpoint-log'],
      ['no-phi', 'circle-outline'],
      ['suppressed', 'pass'],
    ]);
    assert.strictEqual(flowTreeIcon(buildFlowTree(flows, 'file')[0]!), 'file-code');
    assert.strictEqual(flowTreeIcon(buildFlowTree(flows, 'category')[0]!), 'shield');
  });

  it('gives unique node ids and counts only open flows for the badge', () => {
    for (const grouping of ['sink', 'file', 'category'] as const) {
      const ids: string[] = [];
      const walk = (nodes: readonly FlowTreeNode[]) => nodes.forEach((node) => (ids.push(node.id), walk(node.children)));
      walk(buildFlowTree(flows, grouping));
      assert.strictEqual(new Set(ids).size, ids.length, grouping);
    }
    assert.strictEqual(openFlowCount(flows), 3);
    assert.deepStrictEqual(buildFlowTree([], 'sink'), []);
  });
});
