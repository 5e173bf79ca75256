import type { ModuleSummary } from './moduleSummary';

/** What a barrel's index took a module to be able to export: these names, or any (`reexports`: it re-exports in turn). */
export type IndexedNames = ReadonlySet<string> | 'reexports';

/**
 * When a barrel's look-ups may have started to give other answers, for a long-lived analyser (the editor's, a
 * long-running ESLint). A look-up of a name through `export * from` depends on the modules it visited, and also on the
 * ones it passed over because they could not export the name (see ProjectAnalyzer.starCandidates and mayExport): one
 * of those that comes to export it changes the answer, though no summary the importer used changed. So a module that
 * may export more than a barrel's index took it to moves that barrel, and every barrel re-exporting it in turn, to a new
 * tick of a clock; an analysis that looked a name up through a barrel before its tick is stale, and so is its index.
 */
export class BarrelMoves {
  private clock = 0;
  private readonly moved = new Map<string, number>();
  /** Module → each barrel that re-exports it with `export * from`, with what the barrel's index took it to export. */
  private readonly reexporters = new Map<string, Map<string, IndexedNames>>();

  /** The tick to record on an analysis made now (see movedAt). */
  now(): number {
    return this.clock;
  }

  /** `barrel` re-exports `module` with `export * from`; its index (made now) takes the module to export `names`. */
  reexports(barrel: string, module: string, names: IndexedNames): void {
    const barrels = this.reexporters.get(module);
    if (barrels) barrels.set(barrel, names);
    else this.reexporters.set(module, new Map([[barrel, names]]));
  }

  /** Whether a barrel re-exports `module` (so its look-ups may have passed over it). */
  isReexported(module: string): boolean {
    return this.reexporters.has(module);
  }

  /**
   * `module` was analysed anew and can export `names` now: each barrel whose index took it to export less moves, with
   * the barrels that re-export those. `summaryChanged` tells, for a barrel whose index took the module to re-export in
   * turn, whether what importers see of it changed (look-ups visit such a module unless its own summary rules the name
   * out: see ProjectAnalyzer.mayExport).
   */
  analysed(module: string, names: IndexedNames, summaryChanged: () => boolean): void {
    const outgrown: string[] = [];
    for (const [barrel, indexed] of this.reexporters.get(module) ?? []) {
      const more = indexed === 'reexports' ? summaryChanged() : names === 'reexports' || [...names].some((name) => !indexed.has(name));
      if (more) outgrown.push(barrel);
    }
    if (outgrown.length === 0) return;
    const tick = ++this.clock;
    for (const barrel of withReexportingBarrels(outgrown, (module) => this.reexporters.get(module)?.keys() ?? [])) this.moved.set(barrel, tick);
  }

  /** The tick `barrel` last moved at (0: never). */
  movedAt(barrel: string): number {
    return this.moved.get(barrel) ?? 0;
  }
}

/** What a module can export, by its summary: `reexports` when it re-exports with `export * from` (any name). */
export function namesOfSummary(summary: ModuleSummary): IndexedNames {
  const names = new Set(Object.keys(summary.exports));
  for (const reexport of summary.reexports) {
    if (reexport.names === '*') return 'reexports';
    for (const name of Object.keys(reexport.names)) names.add(name);
  }
  return names;
}

/** `barrels` and every barrel that re-exports one of them, directly or through others (`reexporters`: a module's). */
export function withReexportingBarrels(barrels: Iterable<string>, reexporters: (module: string) => Iterable<string>): Set<string> {
  const all = new Set(barrels);
  const waiting = [...all];
  while (waiting.length > 0) {
    for (const outer of reexporters(waiting.pop()!)) {
      if (all.has(outer)) continue;
      all.add(outer);
      waiting.push(outer);
    }
  }
  return all;
}

/**
 * Whether two analyses of a module differ in what a barrel's look-ups see of it: the names it exports and what it
 * re-exports, in order (see BarrelMoves). An analysis without a summary (a sink-free request's) may differ in anything.
 */
export function exportedNamesDiffer(before: ModuleSummary | undefined, after: ModuleSummary | undefined): boolean {
  return !before || !after || exportedNamesKey(before) !== exportedNamesKey(after);
}

function exportedNamesKey(summary: ModuleSummary): string {
  const reexports = summary.reexports.map((reexport) => `${reexport.specifier}\0${reexport.names === '*' ? '*' : Object.entries(reexport.names).sort().join('\0')}`);
  return `${Object.keys(summary.exports).sort().join('\0')}\n${reexports.join('\n')}`;
}
