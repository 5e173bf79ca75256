/** Command ids contributed in package.json; arguments are JSON-serialisable so hover links can carry them. */
export const COMMANDS = {
  /** (uri: string, version: number, findingIndex: number, reason?: string) */
  suppress: 'phiGuard.suppressWithReason',
  /** (uri: string, version: number, findingIndex: number, reason?: string): the comment goes above the sink the flow
   * ends in (a helper in this file or another), covering every caller. */
  suppressAtSink: 'phiGuard.suppressAtSink',
  /** (uri: string, name: string) */
  markNotPhi: 'phiGuard.markNotPhi',
  /** (uri: string, rule: RuleId, category: PhiCategoryId): adds the category to what the rule lets through. */
  allowCategory: 'phiGuard.allowCategory',
  /** (uri: string, version: number, findingIndex: number) */
  showDataFlow: 'phiGuard.showDataFlow',
  showLog: 'phiGuard.showLog',
  /** () → scans again (cached files are reused). */
  scanWorkspace: 'phiGuard.scanWorkspace',
  groupBySink: 'phiGuard.dataFlows.groupBySink',
  groupByFile: 'phiGuard.dataFlows.groupByFile',
  groupByCategory: 'phiGuard.dataFlows.groupByCategory',
  /** (site: tree node | flow id) */
  openFlowSite: 'phiGuard.openFlowSite',
  /** (site: tree node | flow id) */
  showFlowPath: 'phiGuard.showFlowPath',
  /** (site: tree node | flow id) → the copied `file:line:column` */
  copyFlowLocation: 'phiGuard.copyFlowLocation',
  /** (site: tree node | flow id, reason?: string) */
  suppressFlow: 'phiGuard.suppressFlow',
  /** (site: tree node | flow id, reason?: string): at the sink the flow ends in, for every caller */
  suppressFlowAtSink: 'phiGuard.suppressFlowAtSink',
  openDataFlowMap: 'phiGuard.openDataFlowMap',
  /** (format?: 'markdown' | 'json', target?: Uri) → the written file's Uri */
  exportInventory: 'phiGuard.exportInventory',
} as const;

/** A `command:` link for trusted markdown (hover). */
export function commandLink(command: string, args: readonly unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}
