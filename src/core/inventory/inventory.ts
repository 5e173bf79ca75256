import { MODEL_PROVIDERS, modelProviderOf } from '../catalog/modelProviders';
import { PHI_CATEGORY_IDS } from '../catalog/phiCategories';
import type { PhiCategoryId } from '../catalog/phiCategories';
import type { RuleId, SinkCategory, SinkDescriptor } from '../findings/finding';
import type { PolicyExceptions } from './policyExceptions';

/** A place in the workspace: path relative to the inventory's root, 1-based line and column. */
export interface SiteLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** What one file contributes, positions already resolved (the CLI and the extension each have their converter). */
export interface InventoryFileInput {
  readonly file: string;
  readonly sinkSites: readonly (SiteLocation & { readonly sink: SinkDescriptor })[];
  readonly findings: readonly InventoryFlowInput[];
  readonly suppressed: readonly (InventoryFlowInput & { readonly reason: string; readonly comment: SiteLocation })[];
  /** Imports of model providers (see MODEL_PROVIDERS): `module` is the specifier, the place is the specifier's. */
  readonly modelProviderImports?: readonly (SiteLocation & { readonly module: string })[];
}

/** A finding: where the value enters (`file/line/column`) and the sink call it enters (`site`). */
export interface InventoryFlowInput extends SiteLocation {
  readonly rule: RuleId;
  readonly sink: SinkDescriptor;
  readonly phiCategories: readonly PhiCategoryId[];
  readonly expression: string;
  readonly site: SiteLocation;
}

export interface InventorySite extends SiteLocation {
  readonly api: string;
  /** PHI categories that reach the call unsanitized (empty: none seen). */
  readonly phiCategories: readonly PhiCategoryId[];
  /** PHI reaches it only under a reviewed suppression. */
  readonly suppressed: boolean;
}

export interface InventoryVendor {
  readonly name: string;
  readonly package: string;
  readonly version: string | undefined;
  readonly sites: readonly InventorySite[];
  readonly phiCategories: readonly PhiCategoryId[];
  /**
   * For an AI framework (Genkit, the Vercel AI SDK, LangChain, Mastra): the model providers its calls reach, as the
   * analysed files import them (empty: none imported). Absent for a vendor's own SDK, which is its own provider.
   */
  readonly modelProviders?: readonly InventoryModelProvider[];
}

/** A model provider behind a framework: the party that receives what the framework's calls send. */
export interface InventoryModelProvider {
  readonly name: string;
  readonly package: string;
  readonly version: string | undefined;
  /** Where the analysed files import it. */
  readonly imports: readonly SiteLocation[];
}

export interface InventorySink {
  readonly category: SinkCategory;
  readonly vendor: string;
  readonly package: string;
  readonly api: string;
  readonly sites: readonly InventorySite[];
  readonly phiCategories: readonly PhiCategoryId[];
}

export interface InventorySuppression extends SiteLocation {
  readonly rule: RuleId;
  readonly vendor: string;
  readonly api: string;
  readonly phiCategories: readonly PhiCategoryId[];
  readonly reason: string;
  /** The `phi-guard-allow` comment: beside the flow, or at the sink of a helper it reviews for every caller. */
  readonly comment: SiteLocation;
}

/** The AI & ePHI inventory: evidence for a HIPAA risk analysis (164.308(a)(1)(ii)(A)), as data. */
export interface Inventory {
  readonly generatedAt: string;
  readonly commit: string | undefined;
  readonly root: string;
  readonly filesAnalysed: number;
  /** AI vendors used, whether or not PHI reaches them. */
  readonly vendors: readonly InventoryVendor[];
  /** Logging, storage and URL sinks that receive PHI. */
  readonly sinks: readonly InventorySink[];
  readonly suppressions: readonly InventorySuppression[];
  /** The policy files whose exceptions shaped what is reported (see PolicyExceptions), by file. */
  readonly policyExceptions: readonly PolicyExceptions[];
}

export interface InventoryOptions {
  readonly root: string;
  readonly generatedAt: string;
  readonly commit?: string;
  /** Installed versions by package name (package.json / lockfile). */
  readonly versions?: Readonly<Record<string, string>>;
  /** What the analysed files' policy files let through (policyExceptions; those that make none may be left out). */
  readonly policyExceptions?: readonly (PolicyExceptions | undefined)[];
}

/** Categories in the catalog's order (Safe Harbor's letters, then the clinical ones), each once. */
export function sortCategories(categories: Iterable<PhiCategoryId>): PhiCategoryId[] {
  const set = new Set(categories);
  return PHI_CATEGORY_IDS.filter((c) => set.has(c));
}

function packageOf(sink: SinkDescriptor): string {
  if (sink.module && sink.module !== '<global>') return sink.module;
  return sink.package;
}

function bySite(a: SiteLocation, b: SiteLocation): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;
}

export function buildInventory(files: readonly InventoryFileInput[], options: InventoryOptions): Inventory {
  const vendors = new Map<string, { name: string; package: string; sites: Map<string, InventorySite> }>();
  const sinks = new Map<string, { category: SinkCategory; vendor: string; package: string; api: string; sites: InventorySite[] }>();
  const suppressions: InventorySuppression[] = [];

  const vendorFor = (sink: SinkDescriptor) => {
    const pkg = packageOf(sink);
    const key = `${sink.vendor}|${pkg}`;
    let vendor = vendors.get(key);
    if (!vendor) vendors.set(key, (vendor = { name: sink.vendor, package: pkg, sites: new Map() }));
    return vendor;
  };

  for (const file of files) {
    for (const site of file.sinkSites) {
      if (site.sink.category !== 'ai') continue;
      const vendor = vendorFor(site.sink);
      const key = `${site.file}:${site.line}`;
      if (!vendor.sites.has(key)) vendor.sites.set(key, { file: site.file, line: site.line, column: site.column, api: site.sink.api, phiCategories: [], suppressed: false });
    }
    const flows = [...file.findings.map((f) => ({ ...f, suppressed: false })), ...file.suppressed.map((f) => ({ ...f, suppressed: true }))];
    for (const flow of flows) {
      if (flow.sink.category === 'ai') {
        // Grouped by the call site, so a prompt built over several lines is one site of the vendor.
        const vendor = vendorFor(flow.sink);
        const key = `${flow.site.file}:${flow.site.line}`;
        const prior = vendor.sites.get(key);
        vendor.sites.set(key, {
          ...flow.site, api: flow.sink.api,
          phiCategories: sortCategories([...(prior?.phiCategories ?? []), ...flow.phiCategories]),
          suppressed: flow.suppressed && (!prior || prior.phiCategories.length === 0 || prior.suppressed),
        });
      } else {
        const key = `${flow.sink.category}|${flow.sink.vendor}|${packageOf(flow.sink)}|${flow.sink.api}`;
        let sink = sinks.get(key);
        if (!sink) sinks.set(key, (sink = { category: flow.sink.category, vendor: flow.sink.vendor, package: packageOf(flow.sink), api: flow.sink.api, sites: [] }));
        sink.sites.push({ file: flow.file, line: flow.line, column: flow.column, api: flow.sink.api, phiCategories: sortCategories(flow.phiCategories), suppressed: flow.suppressed });
      }
    }
    for (const s of file.suppressed) {
      suppressions.push({ file: s.file, line: s.line, column: s.column, rule: s.rule, vendor: s.sink.vendor, api: s.sink.api, phiCategories: sortCategories(s.phiCategories), reason: s.reason, comment: s.comment });
    }
  }

  const versionOf = (pkg: string) => options.versions?.[pkg];
  const providers = modelProvidersByFramework(files, versionOf);
  return {
    generatedAt: options.generatedAt,
    commit: options.commit,
    root: options.root,
    filesAnalysed: files.length,
    vendors: [...vendors.values()]
      .map((v) => {
        const sites = [...v.sites.values()].sort(bySite);
        const modelProviders = providersOfVendor(v.name, v.package, providers, versionOf);
        return { name: v.name, package: v.package, version: versionOf(v.package), sites, phiCategories: sortCategories(sites.flatMap((s) => s.phiCategories)), ...(modelProviders ? { modelProviders } : {}) };
      })
      .sort((a, b) => b.phiCategories.length - a.phiCategories.length || a.name.localeCompare(b.name)),
    sinks: [...sinks.values()]
      .map((s) => ({ ...s, sites: s.sites.sort(bySite), phiCategories: sortCategories(s.sites.flatMap((x) => x.phiCategories)) }))
      .sort((a, b) => a.category.localeCompare(b.category) || b.sites.length - a.sites.length),
    suppressions: suppressions.sort(bySite),
    policyExceptions: (options.policyExceptions ?? []).filter((p): p is PolicyExceptions => p !== undefined).sort((a, b) => a.file.localeCompare(b.file)),
  };
}

/** Frameworks that reach their models through provider packages (the sink catalog's vendor names). */
const FRAMEWORKS: ReadonlySet<string> = new Set(MODEL_PROVIDERS.flatMap((entry) => entry.frameworks));

/** Every imported model provider (one per package), under each framework that loads it, in the order of packages. */
function modelProvidersByFramework(files: readonly InventoryFileInput[], versionOf: (pkg: string) => string | undefined): Map<string, InventoryModelProvider[]> {
  const byPackage = new Map<string, { name: string; frameworks: readonly string[]; imports: SiteLocation[] }>();
  for (const file of files) {
    for (const imported of file.modelProviderImports ?? []) {
      const entry = modelProviderOf(imported.module);
      if (!entry) continue;
      let provider = byPackage.get(imported.module);
      if (!provider) byPackage.set(imported.module, (provider = { name: entry.provider, frameworks: entry.frameworks, imports: [] }));
      provider.imports.push({ file: imported.file, line: imported.line, column: imported.column });
    }
  }
  const byFramework = new Map<string, InventoryModelProvider[]>();
  for (const [pkg, provider] of [...byPackage].sort(([a], [b]) => a.localeCompare(b))) {
    const listed: InventoryModelProvider = { name: provider.name, package: pkg, version: versionOf(pkg), imports: provider.imports.sort(bySite) };
    for (const framework of provider.frameworks) byFramework.set(framework, [...(byFramework.get(framework) ?? []), listed]);
  }
  return byFramework;
}

/**
 * A framework's model providers: the one its package is when it is one (LangChain's `@langchain/anthropic`), else all
 * those imported for it. Undefined for a vendor's own SDK.
 */
function providersOfVendor(vendor: string, pkg: string, byFramework: ReadonlyMap<string, readonly InventoryModelProvider[]>, versionOf: (pkg: string) => string | undefined): readonly InventoryModelProvider[] | undefined {
  if (!FRAMEWORKS.has(vendor)) return undefined;
  const own = modelProviderOf(pkg);
  const imported = byFramework.get(vendor) ?? [];
  if (own?.frameworks.includes(vendor)) return [imported.find((p) => p.package === pkg) ?? { name: own.provider, package: pkg, version: versionOf(pkg), imports: [] }];
  return imported;
}
