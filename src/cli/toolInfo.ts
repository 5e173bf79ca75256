import packageJson from '../../package.json';

/** Identity of the tool as SARIF and `--version` report it. */
export const TOOL_NAME = 'PHI Guard';
export const TOOL_VERSION: string = packageJson.version;
export const TOOL_INFORMATION_URI = 'https://github.com/phi-guard/phi-guard';

export function ruleHelpUri(rule: string): string {
  return `${TOOL_INFORMATION_URI}/blob/main/docs/rules/${rule}.md`;
}
