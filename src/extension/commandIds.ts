/** Command ids contributed in package.json; arguments are JSON-serialisable so hover links can carry them. */
export const COMMANDS = {
  /** (uri: string, version: number, findingIndex: number, reason?: string) */
  suppress: 'phiGuard.suppressWithReason',
  /** (uri: string, name: string) */
  markNotPhi: 'phiGuard.markNotPhi',
  /** (uri: string, version: number, findingIndex: number) */
  showDataFlow: 'phiGuard.showDataFlow',
  showLog: 'phiGuard.showLog',
} as const;

/** A `command:` link for trusted markdown (hover). */
export function commandLink(command: string, args: readonly unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}
