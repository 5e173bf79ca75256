import { describeCategory, phiCategory } from '../catalog/phiCategories';
import type { PhiCategoryId } from '../catalog/phiCategories';
import { CONNECTED_CLIENT_VENDORS } from '../catalog/modelProviders';
import { sortCategories } from './inventory';
import type { Inventory, InventorySite, InventoryVendor } from './inventory';

const SINK_TITLES = { ai: 'AI', log: 'Logging and telemetry', storage: 'Unencrypted storage', url: 'URLs' } as const;

/** What the catalogs call the package of a browser/Node global (`fetch` to an AI vendor's host). */
const GLOBAL_PACKAGE = '<global>';
const NO_SDK = 'HTTP request, no SDK';

function categories(list: readonly PhiCategoryId[]): string {
  return list.length ? list.map((c) => phiCategory(c).label).join(', ') : 'none seen';
}

/**
 * The PHI a vendor's or a sink's sites receive, what reaches it only through flows under a reviewed exception said
 * apart: an accepted, documented flow is evidence of a decision, not an open leak.
 */
function receivedPhi(sites: readonly InventorySite[]): string {
  const open = sortCategories(sites.filter((site) => !site.suppressed).flatMap((site) => site.phiCategories));
  const reviewedOnly = sortCategories(sites.filter((site) => site.suppressed).flatMap((site) => site.phiCategories)).filter((c) => !open.includes(c));
  if (!reviewedOnly.length) return categories(open);
  const reviewed = `under a reviewed exception: ${categories(reviewedOnly)}`;
  return open.length ? `${categories(open)}; ${reviewed}` : reviewed;
}

/** Mermaid node ids must be plain words; labels are quoted and stripped of characters Mermaid reads as syntax. */
function nodeId(prefix: string, text: string): string {
  return `${prefix}_${text.replace(/[^A-Za-z0-9]/g, '_')}`;
}

function label(text: string): string {
  return text.replace(/["<>`]/g, "'").replace(/[\r\n]+/g, ' ');
}

/** A left-to-right flowchart: PHI categories → sinks (vendor · API), solid for open flows, dashed for suppressed ones. */
export function inventoryMermaid(inventory: Inventory): string {
  const lines = ['flowchart LR'];
  const declared = new Set<string>();
  const node = (id: string, text: string, shape: 'round' | 'box') => {
    if (declared.has(id)) return;
    declared.add(id);
    lines.push(shape === 'round' ? `  ${id}(["${label(text)}"])` : `  ${id}["${label(text)}"]`);
  };
  const edges = new Map<string, { from: string; to: string; count: number; suppressed: boolean }>();
  const providerEdges = new Set<string>();
  const add = (category: PhiCategoryId, sinkId: string, suppressed: boolean) => {
    const from = nodeId('phi', category);
    node(from, phiCategory(category).label, 'round');
    const key = `${from}->${sinkId}:${suppressed}`;
    const edge = edges.get(key) ?? { from, to: sinkId, count: 0, suppressed };
    edge.count++;
    edges.set(key, edge);
  };
  for (const vendor of inventory.vendors) {
    const id = nodeId('ai', `${vendor.name}_${vendor.package}`);
    node(id, `AI: ${vendor.name} (${vendor.package === GLOBAL_PACKAGE ? NO_SDK : vendor.package})`, 'box');
    for (const site of vendor.sites) for (const c of site.phiCategories) add(c, id, site.suppressed);
    // A framework passes on what it is given: to the provider that serves its models.
    for (const provider of vendor.modelProviders ?? []) {
      const providerId = nodeId('model', provider.name);
      node(providerId, `Model provider: ${provider.name}`, 'box');
      providerEdges.add(`  ${id} --> ${providerId}`);
    }
  }
  for (const sink of inventory.sinks) {
    const id = nodeId(sink.category, `${sink.vendor}_${sink.api}`);
    node(id, `${SINK_TITLES[sink.category]}: ${sink.vendor} ${sink.api}`, 'box');
    for (const site of sink.sites) for (const c of site.phiCategories) add(c, id, site.suppressed);
  }
  for (const edge of edges.values()) lines.push(`  ${edge.from} ${edge.suppressed ? '-.->' : '-->'}|${edge.count}| ${edge.to}`);
  lines.push(...providerEdges);
  return lines.join('\n');
}

/** The vendor table's cell: a framework's providers, or the vendor itself for its own SDK. */
function servedBy(vendor: InventoryVendor): string {
  if (CONNECTED_CLIENT_VENDORS.has(vendor.name)) return 'the AI client that connects';
  if (!vendor.modelProviders) return 'the vendor';
  return vendor.modelProviders.length ? [...new Set(vendor.modelProviders.map((p) => p.name))].join(', ') : 'not found in the code';
}

/** Under a framework's call sites: who serves its models (the party a Business Associate Agreement must cover). */
function modelProvidersNote(vendor: InventoryVendor): string | undefined {
  if (CONNECTED_CLIENT_VENDORS.has(vendor.name)) return 'Models served by: whichever AI application connects to this server and calls its tools, and that application\'s model provider: list the clients allowed to connect.';
  if (!vendor.modelProviders) return undefined;
  if (!vendor.modelProviders.length) {
    return `Models served by: no model provider package is imported in the analysed files. The model may be named by a string (a gateway's \`provider/model\`) or set up outside this code. Find out which provider serves it: what the call sites above send goes on to that provider.`;
  }
  const listed = vendor.modelProviders.map((p) => {
    const where = p.imports.length ? `, imported at ${p.imports.slice(0, 3).map((i) => `\`${escapeCell(i.file)}:${i.line}\``).join(', ')}${p.imports.length > 3 ? ` and ${p.imports.length - 3} more` : ''}` : '';
    return `**${p.name}** (\`${escapeCell(p.package)}\`${p.version ? ` ${p.version}` : ''}${where})`;
  });
  const one = listed.length === 1;
  return `Models served by: ${listed.join('; ')}. What the call sites above send goes on to ${one ? 'this provider' : 'these providers'}: ${one ? 'it is the party' : 'they are the parties'} a Business Associate Agreement must cover.`;
}

function packageCell(pkg: string): string {
  return pkg === GLOBAL_PACKAGE ? NO_SDK : `\`${escapeCell(pkg)}\``;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}

/** The inventory as a Markdown document for a compliance team. */
export function inventoryMarkdown(inventory: Inventory): string {
  const out: string[] = [];
  out.push('# AI & ePHI inventory', '');
  out.push(`Generated ${inventory.generatedAt}${inventory.commit ? ` at commit \`${inventory.commit}\`` : ''} by PHI Guard from ${inventory.filesAnalysed} files under \`${inventory.root}\`.`);
  out.push('Static analysis of the source code: it shows where PHI flows in code, not what a deployment is configured to do. Review it as evidence for the HIPAA risk analysis (45 CFR 164.308(a)(1)(ii)(A)), not as a conclusion.', '');
  out.push('## AI vendors', '');
  if (!inventory.vendors.length) out.push('No AI SDK or AI API call was found.', '');
  else {
    out.push('| Vendor | Package | Version | Call sites | PHI that reaches it | Models served by |', '| --- | --- | --- | --- | --- | --- |');
    for (const v of inventory.vendors) out.push(`| ${escapeCell(v.name)} | ${packageCell(v.package)} | ${v.package === GLOBAL_PACKAGE ? '—' : v.version ?? 'unknown'} | ${v.sites.length} | ${escapeCell(receivedPhi(v.sites))} | ${escapeCell(servedBy(v))} |`);
    out.push('');
    for (const v of inventory.vendors) {
      out.push(`### ${v.name} (${packageCell(v.package)})`, '');
      for (const s of v.sites) {
        const phi = s.phiCategories.length ? `${s.suppressed ? 'PHI under a reviewed exception' : '**PHI**'}: ${categories(s.phiCategories)}` : 'no PHI seen';
        out.push(`- \`${escapeCell(s.file)}:${s.line}\` \`${escapeCell(s.api)}\`: ${phi}`);
      }
      out.push('');
      const providers = modelProvidersNote(v);
      if (providers) out.push(providers, '');
    }
  }
  for (const category of ['log', 'storage', 'url'] as const) {
    const sinks = inventory.sinks.filter((s) => s.category === category);
    out.push(`## ${SINK_TITLES[category]} receiving PHI`, '');
    if (!sinks.length) {
      out.push('None found.', '');
      continue;
    }
    out.push('| Sink | Sites | PHI |', '| --- | --- | --- |');
    for (const s of sinks) {
      // One entry per line of code (two flows into one call are one place to review), marked when every flow there is
      // under a reviewed exception (listed below); the package tells apart the rows of one vendor's API from different
      // packages (`@sentry/node`, `@sentry/react`).
      const reviewed = new Map<string, boolean>();
      for (const x of s.sites) {
        const place = `\`${escapeCell(x.file)}:${x.line}\``;
        reviewed.set(place, (reviewed.get(place) ?? true) && x.suppressed);
      }
      const places = [...reviewed].map(([place, allReviewed]) => (allReviewed ? `${place} (reviewed exception)` : place));
      const pkg = s.package === '<global>' ? '' : ` (${escapeCell(s.package)})`;
      out.push(`| ${escapeCell(s.vendor)} \`${escapeCell(s.api)}\`${pkg} | ${places.slice(0, 10).join(', ')}${places.length > 10 ? `, and ${places.length - 10} more` : ''} | ${escapeCell(receivedPhi(s.sites))} |`);
    }
    out.push('');
  }
  out.push('## Reviewed exceptions (suppressions)', '');
  if (!inventory.suppressions.length) out.push('None.', '');
  else {
    out.push('| Where | Rule | Sink | PHI | Justification | Comment |', '| --- | --- | --- | --- | --- | --- |');
    for (const s of inventory.suppressions) {
      // The comment is beside the flow, or at the sink of a helper it reviews for every caller.
      const comment = s.comment.file === s.file && Math.abs(s.comment.line - s.line) <= 1 ? 'beside it' : `\`${escapeCell(s.comment.file)}:${s.comment.line}\``;
      out.push(`| \`${escapeCell(s.file)}:${s.line}\` | ${s.rule} | ${escapeCell(s.vendor)} \`${escapeCell(s.api)}\` | ${escapeCell(s.phiCategories.map(describeCategory).join(', '))} | ${escapeCell(s.reason)} | ${comment} |`);
    }
    out.push('');
  }
  out.push('## Policy exceptions (.phi-guard.json)', '');
  if (!inventory.policyExceptions.length) out.push('None: no policy file lets PHI through a rule, declares names never PHI or names its own sanitizers.', '');
  else {
    out.push('Flows these let through are not reported and not counted above.', '');
    out.push('| Policy file | PHI categories let through | Names never PHI | Trusted sanitizers |', '| --- | --- | --- | --- |');
    for (const p of inventory.policyExceptions) {
      const allowed = Object.entries(p.allowedCategories).map(([rule, ids]) => `${rule}: ${(ids ?? []).map(describeCategory).join(', ')}`);
      const list = (items: readonly string[]) => (items.length ? items.map((item) => `\`${escapeCell(item)}\``).join(', ') : '—');
      out.push(`| \`${escapeCell(p.file)}\` | ${allowed.length ? escapeCell(allowed.join('; ')) : '—'} | ${list(p.notPhiNames)} | ${list(p.sanitizers)} |`);
    }
    out.push('');
  }
  out.push('## Map of ePHI movement', '', '```mermaid', inventoryMermaid(inventory), '```', '');
  return out.join('\n');
}
