/**
 * Reads `.phi-guard.json` (JSON only, never executed) into the engine's `PhiGuardConfig`, on top of the defaults.
 * A key with the wrong shape is reported and ignored, so one typo does not switch the policy off.
 */
import { DEFAULT_CONFIG, isPhiCategoryId, RULE_IDS, type PhiGuardConfig } from '../core';

export interface ProjectConfigResult {
  readonly config: PhiGuardConfig;
  /** User-facing problems, each naming the file and what to do. */
  readonly problems: readonly string[];
}

export function parseProjectConfig(text: string, fileLabel: string): ProjectConfigResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { config: DEFAULT_CONFIG, problems: [`${fileLabel}: not valid JSON (${(error as Error).message}); using the default policy until it is fixed.`] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { config: DEFAULT_CONFIG, problems: [`${fileLabel}: expected a JSON object; using the default policy.`] };
  }
  const input = raw as Record<string, unknown>;
  const problems: string[] = [];
  const invalid = (key: string, expected: string) => problems.push(`${fileLabel}: "${key}" must be ${expected}; ignoring it.`);
  const pick = <K extends keyof PhiGuardConfig>(key: K, valid: (value: unknown) => boolean, expected: string): PhiGuardConfig[K] => {
    if (!(key in input)) return DEFAULT_CONFIG[key];
    if (valid(input[key])) return input[key] as PhiGuardConfig[K];
    invalid(key, expected);
    return DEFAULT_CONFIG[key];
  };
  const config: PhiGuardConfig = {
    phiNames: pick('phiNames', (v) => isRecordOf(v, isPhiCategoryId), 'an object of name → PHI category id'),
    notPhiNames: pick('notPhiNames', isStringArray, 'an array of strings'),
    phiTypes: pick('phiTypes', (v) => isRecordOf(v, (c) => Array.isArray(c) && c.every(isPhiCategoryId)), 'an object of type name → array of PHI category ids'),
    sanitizers: pick('sanitizers', isStringArray, 'an array of strings'),
    deidentify: pick('deidentify', (v) => isRecordOf(v, (s) => typeof s === 'string') && 'module' in (v as object) && 'function' in (v as object), 'an object { "module": string, "function": string }'),
    include: pick('include', isStringArray, 'an array of glob strings'),
    exclude: pick('exclude', isStringArray, 'an array of glob strings'),
    severity: pick('severity', (v) => isRecordOf(v, (s) => s === 'error' || s === 'warning' || s === 'off') && Object.keys(v as object).every((rule) => (RULE_IDS as readonly string[]).includes(rule)), `an object of rule id (${RULE_IDS.join(', ')}) → "error" | "warning" | "off"`),
    maxFileSizeKb: pick('maxFileSizeKb', (v) => typeof v === 'number' && v > 0, 'a positive number'),
  };
  return { config, problems };
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((entry) => typeof entry === 'string');
}

function isRecordOf(value: unknown, validEntry: (entry: unknown) => boolean): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every(validEntry);
}
