// The Data-Flow Map's script, bundled with dagre into media/dist/dataFlowMap.js (browser, no Node, no vscode).
// Every string from the workspace goes into the page as a text node or an attribute value set through the DOM,
// never as markup, so a file named `<img src=x onerror=alert(1)>.ts` is shown as exactly that text.
import { buildFlowGraph, flowPassesFilter, type FlowGraph, type GraphFilter, type GraphNode, type MapFlow } from '../dataFlow/flowGraph';
import { phiCategory, type PhiCategoryId } from '../../core/catalog/phiCategories';

import type * as Dagre from '@dagrejs/dagre' with { 'resolution-mode': 'import' };

// dagre ships ESM types only; this file is type-checked as CommonJS, and esbuild bundles the require.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const dagre = require('@dagrejs/dagre') as typeof Dagre;

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

interface FlowsMessage {
  readonly type: 'flows';
  readonly scanState: 'notRun' | 'scanning' | 'done';
  readonly filesAnalysed: number;
  readonly flows: readonly MapFlow[];
}

const SVG = 'http://www.w3.org/2000/svg';
const NODE_WIDTH: Readonly<Record<GraphNode['kind'], number>> = { phi: 190, site: 300, sink: 290 };
const NODE_HEIGHT = 30;
const vscode = acquireVsCodeApi();

const graphSvg = document.getElementById('graph') as unknown as SVGSVGElement;
const canvas = document.getElementById('canvas') as HTMLElement;
const summary = document.getElementById('summary') as HTMLElement;
const categorySelect = document.getElementById('category-filter') as HTMLSelectElement;
const vendorSelect = document.getElementById('vendor-filter') as HTMLSelectElement;
const showNoPhi = document.getElementById('show-no-phi') as HTMLInputElement;

let flows: readonly MapFlow[] = [];
let view = { x: 0, y: 0, scale: 1 };
let graphSize = { width: 0, height: 0 };
const saved = (vscode.getState() ?? {}) as { category?: string; vendor?: string; showNoPhi?: boolean };
showNoPhi.checked = saved.showNoPhi ?? false;

function element<K extends keyof SVGElementTagNameMap>(name: K, attributes: Record<string, string | number> = {}, parent?: Element): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  parent?.appendChild(node);
  return node;
}

/** Shortens a label until the rendered text fits its box (measured: fonts differ between themes and platforms). */
function fitText(text: SVGTextElement, label: string, width: number): void {
  text.textContent = label;
  const room = width - 20;
  if (text.getComputedTextLength() <= room) return;
  let keep = label.length;
  while (keep > 1 && text.getComputedTextLength() > room) {
    keep--;
    text.textContent = `${label.slice(0, keep)}…`;
  }
}

function setOptions(select: HTMLSelectElement, values: readonly { value: string; label: string }[], selected: string | undefined): void {
  const current = selected ?? select.value;
  select.replaceChildren();
  for (const { value, label } of [{ value: '', label: 'All' }, ...values]) {
    const option = document.createElement('option');
    option.value = value;
    option.textContent = label;
    select.appendChild(option);
  }
  select.value = values.some((option) => option.value === current) ? current : '';
}

function currentFilter(): GraphFilter {
  return { categories: categorySelect.value ? [categorySelect.value] : [], vendors: vendorSelect.value ? [vendorSelect.value] : [], showNoPhi: showNoPhi.checked };
}

function updateFilters(initial: boolean): void {
  const categories = [...new Set(flows.flatMap((flow) => flow.phiCategories))].map((id) => ({ value: id, label: phiCategory(id as PhiCategoryId).label })).sort((a, b) => a.label.localeCompare(b.label));
  const vendors = [...new Set(flows.map((flow) => flow.vendor))].sort().map((vendor) => ({ value: vendor, label: vendor }));
  setOptions(categorySelect, categories, initial ? saved.category : undefined);
  setOptions(vendorSelect, vendors, initial ? saved.vendor : undefined);
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function describe(graph: FlowGraph, message: Pick<FlowsMessage, 'scanState' | 'filesAnalysed'>): string {
  if (message.scanState !== 'done') return 'Scanning the workspace…';
  if (!flows.some((flow) => flow.status !== 'no-phi')) return `No PHI flows found in ${message.filesAnalysed} files.`;
  const filter = currentFilter();
  const phiFlows = flows.filter((flow) => flow.status !== 'no-phi' && flowPassesFilter(flow, filter));
  const open = phiFlows.filter((flow) => flow.status === 'open').length;
  const count = (kind: GraphNode['kind'], one: string, many: string) => plural(graph.nodes.filter((node) => node.kind === kind).length, one, many);
  return `${count('phi', 'PHI category', 'PHI categories')} → ${count('site', 'code site', 'code sites')} → ${count('sink', 'sink', 'sinks')}. ${plural(open, 'open flow', 'open flows')}, ${phiFlows.length - open} suppressed, in ${plural(message.filesAnalysed, 'file', 'files')}.`;
}

/** A horizontal S-curve from the right side of one node to the left side of the next layer's node. */
function edgePath(from: { x: number; y: number }, to: { x: number; y: number }): string {
  const bend = (to.x - from.x) / 2;
  return `M${from.x},${from.y} C${from.x + bend},${from.y} ${to.x - bend},${to.y} ${to.x},${to.y}`;
}

function render(message: Pick<FlowsMessage, 'scanState' | 'filesAnalysed'>): void {
  const graph = buildFlowGraph(flows, currentFilter());
  summary.textContent = describe(graph, message);
  const layout = new dagre.graphlib.Graph();
  layout.setGraph({ rankdir: 'LR', nodesep: 12, ranksep: 110, marginx: 24, marginy: 24 });
  layout.setDefaultEdgeLabel(() => ({}));
  for (const node of graph.nodes) layout.setNode(node.id, { width: NODE_WIDTH[node.kind], height: NODE_HEIGHT });
  for (const edge of graph.edges) layout.setEdge(edge.from, edge.to, { weight: edge.count });
  dagre.layout(layout);

  graphSvg.replaceChildren();
  const defs = element('defs', {}, graphSvg);
  for (const status of ['open', 'suppressed', 'no-phi']) {
    const marker = element('marker', { id: `arrow-${status}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, defs);
    element('path', { d: 'M0,0 L10,5 L0,10 z', class: `arrow ${status}` }, marker);
  }
  const viewport = element('g', { id: 'viewport' }, graphSvg);
  const kindOf = new Map(graph.nodes.map((node) => [node.id, node.kind]));
  const side = (id: string, direction: 1 | -1) => {
    const box = layout.node(id);
    return { x: box.x + (direction * NODE_WIDTH[kindOf.get(id)!]) / 2, y: box.y };
  };
  for (const edge of graph.edges) {
    const path = element('path', { d: edgePath(side(edge.from, 1), side(edge.to, -1)), class: `edge ${edge.status}`, 'stroke-width': Math.min(1.5 + Math.log2(edge.count) * 1.5, 7), 'marker-end': `url(#arrow-${edge.status})` }, viewport);
    element('title', {}, path).textContent = `${edge.count} flow${edge.count === 1 ? '' : 's'} (${edge.status})`;
  }
  for (const node of graph.nodes) {
    const box = layout.node(node.id);
    const width = NODE_WIDTH[node.kind];
    const group = element('g', { class: `node ${node.kind} ${node.status}${node.sinkCategory ? ` sink-${node.sinkCategory}` : ''}`, transform: `translate(${box.x - width / 2},${box.y - NODE_HEIGHT / 2})` }, viewport);
    group.dataset.kind = node.kind;
    element('title', {}, group).textContent = node.title;
    element('rect', { width, height: NODE_HEIGHT, rx: node.kind === 'phi' ? 15 : 4 }, group);
    fitText(element('text', { x: 10, y: NODE_HEIGHT / 2 + 4 }, group), node.label, width);
    if (node.kind === 'site' && node.flowId) {
      const flowId = node.flowId;
      group.setAttribute('tabindex', '0');
      group.setAttribute('role', 'link');
      group.setAttribute('aria-label', `Open ${node.label}`);
      const open = () => vscode.postMessage({ type: 'open', flowId });
      group.addEventListener('click', open);
      group.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === ' ') open();
      });
    }
  }
  const size = layout.graph();
  graphSize = { width: size.width ?? 0, height: size.height ?? 0 };
  fit();
}

function applyView(): void {
  document.getElementById('viewport')?.setAttribute('transform', `translate(${view.x},${view.y}) scale(${view.scale})`);
}

function fit(): void {
  const { clientWidth, clientHeight } = canvas;
  if (!graphSize.width || !graphSize.height) return;
  const scale = Math.min(clientWidth / graphSize.width, clientHeight / graphSize.height, 1.5);
  view = { scale, x: (clientWidth - graphSize.width * scale) / 2, y: Math.max(0, (clientHeight - graphSize.height * scale) / 2) };
  applyView();
}

function zoom(factor: number, at = { x: canvas.clientWidth / 2, y: canvas.clientHeight / 2 }): void {
  const scale = Math.min(Math.max(view.scale * factor, 0.1), 5);
  view = { scale, x: at.x - ((at.x - view.x) * scale) / view.scale, y: at.y - ((at.y - view.y) * scale) / view.scale };
  applyView();
}

let lastMessage: Pick<FlowsMessage, 'scanState' | 'filesAnalysed'> = { scanState: 'scanning', filesAnalysed: 0 };
const rerender = () => {
  vscode.setState({ category: categorySelect.value, vendor: vendorSelect.value, showNoPhi: showNoPhi.checked });
  render(lastMessage);
};
categorySelect.addEventListener('change', rerender);
vendorSelect.addEventListener('change', rerender);
showNoPhi.addEventListener('change', rerender);
document.getElementById('zoom-in')?.addEventListener('click', () => zoom(1.25));
document.getElementById('zoom-out')?.addEventListener('click', () => zoom(0.8));
document.getElementById('zoom-fit')?.addEventListener('click', fit);
canvas.addEventListener('wheel', (event) => {
  event.preventDefault();
  const bounds = canvas.getBoundingClientRect();
  zoom(event.deltaY < 0 ? 1.1 : 1 / 1.1, { x: event.clientX - bounds.left, y: event.clientY - bounds.top });
}, { passive: false });
let drag: { x: number; y: number } | undefined;
canvas.addEventListener('pointerdown', (event) => {
  if ((event.target as Element).closest('.node')) return;
  drag = { x: event.clientX - view.x, y: event.clientY - view.y };
  canvas.setPointerCapture(event.pointerId);
});
canvas.addEventListener('pointermove', (event) => {
  if (!drag) return;
  view = { ...view, x: event.clientX - drag.x, y: event.clientY - drag.y };
  applyView();
});
canvas.addEventListener('pointerup', () => (drag = undefined));

let filtersInitialised = false;
window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data as FlowsMessage;
  if (message?.type !== 'flows' || !Array.isArray(message.flows)) return;
  flows = message.flows;
  lastMessage = message;
  updateFilters(!filtersInitialised);
  filtersInitialised = true;
  render(message);
});
vscode.postMessage({ type: 'ready' });
