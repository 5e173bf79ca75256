import type { WorkspaceFlow } from './fileFlows';
import type { MapFlow } from './flowGraph';

/** Only what the map draws crosses into the webview. */
export function toMapFlows(flows: readonly WorkspaceFlow[]): MapFlow[] {
  return flows.map((flow) => ({
    id: flow.id,
    file: flow.file,
    line: flow.line,
    sinkCategory: flow.sink.category,
    vendor: flow.sink.vendor,
    api: flow.sink.api,
    package: flow.sink.module && flow.sink.module !== '<global>' ? flow.sink.module : flow.sink.package,
    phiCategories: flow.phiCategories,
    expression: flow.expression,
    status: flow.status,
  }));
}

/** Messages the map's script may send; anything else is ignored. */
export type MapMessage = { readonly type: 'ready' } | { readonly type: 'open'; readonly flowId: string };

export function parseMapMessage(message: unknown): MapMessage | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { type, flowId } = message as { type?: unknown; flowId?: unknown };
  if (type === 'ready') return { type };
  if (type === 'open' && typeof flowId === 'string' && flowId.length < 4096) return { type, flowId };
  return undefined;
}
