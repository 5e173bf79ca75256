// Shared by the extension and the webview script (bundled into media/dist): it must import no engine code
// beyond the PHI category catalog and no `vscode`.
import { phiCategory, type PhiCategoryId } from '../../core/catalog/phiCategories';
import type { SinkCategory } from '../../core/findings/finding';

/** What the Data-Flow Map receives for one flow: plain data, no source text beyond the masked expression. */
export interface MapFlow {
  readonly id: string;
  readonly file: string;
  readonly line: number;
  readonly sinkCategory: SinkCategory;
  readonly vendor: string;
  readonly api: string;
  readonly package: string;
  readonly phiCategories: readonly PhiCategoryId[];
  readonly expression: string;
  readonly status: 'open' | 'suppressed' | 'no-phi';
}

export interface GraphNode {
  readonly id: string;
  readonly kind: 'phi' | 'site' | 'sink';
  readonly label: string;
  /** Full text for the tooltip. */
  readonly title: string;
  /** A site's flow to open on click (the first flow at that site). */
  readonly flowId?: string;
  readonly sinkCategory?: SinkCategory;
  /** `open` if any flow through the node is open. */
  readonly status: 'open' | 'suppressed' | 'no-phi';
}

export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  readonly status: 'open' | 'suppressed' | 'no-phi';
  /** Flows that share the edge. */
  readonly count: number;
}

export interface FlowGraph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

export interface GraphFilter {
  /** Empty: all. */
  readonly categories: readonly string[];
  readonly vendors: readonly string[];
  readonly showNoPhi: boolean;
}

const STATUS_RANK = { open: 2, suppressed: 1, 'no-phi': 0 } as const;
const stronger = (a: GraphNode['status'], b: GraphNode['status']) => (STATUS_RANK[a] >= STATUS_RANK[b] ? a : b);

export function sinkNodeLabel(flow: Pick<MapFlow, 'vendor' | 'api'>): string {
  return `${flow.vendor} · ${flow.api}`;
}

export function flowPassesFilter(flow: MapFlow, filter: GraphFilter): boolean {
  if (flow.status === 'no-phi' && !filter.showNoPhi) return false;
  if (filter.vendors.length && !filter.vendors.includes(flow.vendor)) return false;
  if (filter.categories.length && !flow.phiCategories.some((category) => filter.categories.includes(category))) return false;
  return true;
}

/**
 * Three layers, left to right: PHI categories → code sites (file:line) → sinks (vendor · API). A site is one call
 * line into one sink; flows that share it share its node, and parallel flows add to an edge's count.
 */
export function buildFlowGraph(flows: readonly MapFlow[], filter: GraphFilter): FlowGraph {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, { from: string; to: string; status: GraphEdge['status']; count: number }>();
  const addNode = (node: GraphNode) => {
    const prior = nodes.get(node.id);
    nodes.set(node.id, prior ? { ...prior, status: stronger(prior.status, node.status) } : node);
  };
  const addEdge = (from: string, to: string, status: GraphEdge['status']) => {
    const key = `${from}\u0000${to}`;
    const prior = edges.get(key);
    edges.set(key, prior ? { ...prior, status: stronger(prior.status, status), count: prior.count + 1 } : { from, to, status, count: 1 });
  };
  for (const flow of flows) {
    if (!flowPassesFilter(flow, filter)) continue;
    const sink = sinkNodeLabel(flow);
    const sinkId = `sink\u0000${flow.sinkCategory}\u0000${sink}`;
    const siteId = `site\u0000${flow.file}\u0000${flow.line}\u0000${sink}`;
    addNode({ id: sinkId, kind: 'sink', label: sink, title: `${sink}\n${flow.package} (${flow.sinkCategory})`, sinkCategory: flow.sinkCategory, status: flow.status });
    addNode({ id: siteId, kind: 'site', label: `${flow.file}:${flow.line}`, title: `${flow.file}:${flow.line}${flow.expression ? `\n${flow.expression}` : ''}\n→ ${sink}`, flowId: flow.id, status: flow.status });
    addEdge(siteId, sinkId, flow.status);
    const categories = filter.categories.length ? flow.phiCategories.filter((category) => filter.categories.includes(category)) : flow.phiCategories;
    for (const category of categories) {
      const phiId = `phi\u0000${category}`;
      const { label } = phiCategory(category);
      addNode({ id: phiId, kind: 'phi', label, title: label, status: flow.status });
      addEdge(phiId, siteId, flow.status);
    }
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}
