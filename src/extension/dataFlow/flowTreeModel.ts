import { describeCategory, PHI_CATEGORY_IDS, type PhiCategoryId } from '../../core/catalog/phiCategories';
import type { SinkCategory } from '../../core/findings/finding';
import type { WorkspaceFlow } from './fileFlows';

/** How the Data Flows view groups the workspace's flows (the view's title menu switches it). */
export type FlowGrouping = 'sink' | 'file' | 'category';
export const FLOW_GROUPINGS: readonly FlowGrouping[] = ['sink', 'file', 'category'];

export interface FlowTreeNode {
  /** Unique in the tree and stable across refreshes (VS Code keeps expansion state by id). */
  readonly id: string;
  readonly kind: 'sink-category' | 'sink' | 'phi-category' | 'file' | 'site';
  readonly label: string;
  readonly description: string;
  readonly tooltip: string;
  readonly children: readonly FlowTreeNode[];
  /** Set on `site` nodes. */
  readonly flow?: WorkspaceFlow;
  /** Set on `sink-category` nodes. */
  readonly sinkCategory?: SinkCategory;
}

/** Codicons by node kind; a sink category's own (an AI vendor, a log, a store, a link) tells the four groups apart at a glance. */
const KIND_ICONS: Readonly<Record<Exclude<FlowTreeNode['kind'], 'sink-category'>, string>> = { sink: 'plug', 'phi-category': 'shield', file: 'file-code', site: 'debug-breakpoint-log' };
const SINK_CATEGORY_ICONS: Readonly<Record<SinkCategory, string>> = { ai: 'sparkle', log: 'output', storage: 'database', url: 'link' };

/** The codicon a node shows: a site's by its status (suppressed, no PHI seen), a sink category's by its category. */
export function flowTreeIcon(node: FlowTreeNode): string {
  if (node.flow?.status === 'suppressed') return 'pass';
  if (node.flow?.status === 'no-phi') return 'circle-outline';
  if (node.kind === 'sink-category') return node.sinkCategory ? SINK_CATEGORY_ICONS[node.sinkCategory] : 'symbol-namespace';
  return KIND_ICONS[node.kind];
}

export const SINK_CATEGORY_TITLES: Readonly<Record<SinkCategory, string>> = { ai: 'AI vendors', log: 'Logging and telemetry', storage: 'Unencrypted storage', url: 'URLs' };
const SINK_CATEGORY_ORDER: readonly SinkCategory[] = ['ai', 'log', 'storage', 'url'];
const NO_PHI = 'no-phi';

export function sinkLabel(flow: WorkspaceFlow): string {
  return `${flow.sink.vendor} · ${flow.sink.api}`;
}

function statusText(flow: WorkspaceFlow): string {
  if (flow.status === 'suppressed') return `suppressed: ${flow.reason ?? ''}`;
  if (flow.status === 'no-phi') return 'no PHI seen';
  return '';
}

function categoryTitle(category: PhiCategoryId | typeof NO_PHI): string {
  return category === NO_PHI ? 'No PHI seen' : describeCategory(category);
}

function bySite(a: WorkspaceFlow, b: WorkspaceFlow): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;
}

function siteNode(parentId: string, flow: WorkspaceFlow, label: string): FlowTreeNode {
  const status = statusText(flow);
  const description = [flow.expression, status].filter(Boolean).join(' — ');
  const categories = flow.phiCategories.map(describeCategory).join(', ') || 'no PHI seen';
  return {
    id: `${parentId}/${flow.id}`,
    kind: 'site',
    label,
    description,
    tooltip: `${flow.file}:${flow.line}:${flow.column}\n${sinkLabel(flow)} (${flow.sink.package})\nPHI: ${categories}${status ? `\n${status}` : ''}`,
    children: [],
    flow,
  };
}

function group<K>(flows: readonly WorkspaceFlow[], keysOf: (flow: WorkspaceFlow) => readonly K[]): Map<K, WorkspaceFlow[]> {
  const groups = new Map<K, WorkspaceFlow[]>();
  for (const flow of flows) {
    for (const key of keysOf(flow)) {
      const list = groups.get(key) ?? [];
      list.push(flow);
      groups.set(key, list);
    }
  }
  return groups;
}

function countText(flows: readonly WorkspaceFlow[]): string {
  const open = flows.filter((flow) => flow.status === 'open').length;
  return `${flows.length} site${flows.length === 1 ? '' : 's'}${open && open !== flows.length ? `, ${open} open` : ''}`;
}

const phiKeys = (flow: WorkspaceFlow): readonly (PhiCategoryId | typeof NO_PHI)[] => (flow.phiCategories.length ? flow.phiCategories : [NO_PHI]);
const categoryOrder = (category: PhiCategoryId | typeof NO_PHI) => (category === NO_PHI ? Number.MAX_SAFE_INTEGER : PHI_CATEGORY_IDS.indexOf(category));

function bySinkThenCategory(parentId: string, flows: readonly WorkspaceFlow[], innerByCategory: boolean): FlowTreeNode[] {
  return [...group(flows, (flow) => [sinkLabel(flow)])]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([label, sinkFlows]) => {
      const id = `${parentId}/sink:${label}`;
      const children = innerByCategory
        ? [...group(sinkFlows, phiKeys)]
            .sort(([a], [b]) => categoryOrder(a) - categoryOrder(b))
            .map(([category, categoryFlows]) => {
              const categoryId = `${id}/phi:${category}`;
              return { id: categoryId, kind: 'phi-category' as const, label: categoryTitle(category), description: countText(categoryFlows), tooltip: categoryTitle(category), children: [...categoryFlows].sort(bySite).map((flow) => siteNode(categoryId, flow, `${flow.file}:${flow.line}`)) };
            })
        : [...sinkFlows].sort(bySite).map((flow) => siteNode(id, flow, `${flow.file}:${flow.line}`));
      return { id, kind: 'sink' as const, label, description: countText(sinkFlows), tooltip: `${label} (${sinkFlows[0]!.sink.package})`, children };
    });
}

/** The Data Flows tree for one grouping; empty when there are no flows (the view then shows its welcome text). */
export function buildFlowTree(flows: readonly WorkspaceFlow[], grouping: FlowGrouping): FlowTreeNode[] {
  if (grouping === 'sink') {
    return SINK_CATEGORY_ORDER.map((category) => ({ category, flows: flows.filter((flow) => flow.sink.category === category) }))
      .filter(({ flows: list }) => list.length > 0)
      .map(({ category, flows: list }) => {
        const id = `sink-category:${category}`;
        return { id, kind: 'sink-category' as const, sinkCategory: category, label: SINK_CATEGORY_TITLES[category], description: countText(list), tooltip: SINK_CATEGORY_TITLES[category], children: bySinkThenCategory(id, list, true) };
      });
  }
  if (grouping === 'file') {
    return [...group(flows, (flow) => [flow.file])]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([file, list]) => {
        const id = `file:${file}`;
        return { id, kind: 'file' as const, label: file, description: countText(list), tooltip: file, children: [...list].sort(bySite).map((flow) => siteNode(id, flow, `${flow.line}: ${sinkLabel(flow)}`)) };
      });
  }
  return [...group(flows, phiKeys)]
    .sort(([a], [b]) => categoryOrder(a) - categoryOrder(b))
    .map(([category, list]) => {
      const id = `phi:${category}`;
      return { id, kind: 'phi-category' as const, label: categoryTitle(category), description: countText(list), tooltip: categoryTitle(category), children: bySinkThenCategory(id, list, false) };
    });
}

/** The view's badge: PHI flows not covered by a reviewed suppression. */
export function openFlowCount(flows: readonly WorkspaceFlow[]): number {
  return flows.filter((flow) => flow.status === 'open').length;
}
