import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError, type ParseErrorCode } from 'jsonc-parser/lib/esm/main.js';
import { PHI_CATEGORY_IDS, isPhiCategoryId } from '../catalog/phiCategories';
import { RULE_IDS } from '../findings/finding';
import { withoutByteOrderMark } from '../text/byteOrderMark';
import { LineIndex } from '../text/lineIndex';
import { DEFAULT_CONFIG } from './config';
import type { PhiGuardConfig } from './config';

export interface ConfigProblem {
  readonly file: string;
  /** 1-based; 0 when unknown. */
  readonly line: number;
  readonly column: number;
  /** What is wrong and where, and what is used instead: as the editor and ESLint, which go on without it, say it. */
  readonly message: string;
  /** What is wrong and where, without what is used instead: for the CLI, which stops instead of going on. */
  readonly fault: string;
}

/** A problem said as `fault; consequence.` (`consequence`: what a caller that goes on uses instead). */
export function configProblem(file: string, line: number, column: number, fault: string, consequence?: string): ConfigProblem {
  return { file, line, column, fault, message: consequence ? `${fault}; ${consequence}.` : `${fault}.` };
}

type Check = (value: unknown) => string | undefined;

const isString = (v: unknown): v is string => typeof v === 'string';
const stringArray: Check = (v) => (Array.isArray(v) && v.every(isString) ? undefined : 'an array of strings');
const categoryRecord: Check = (v) => {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return 'an object mapping names to PHI categories';
  const bad = Object.entries(v).find(([, c]) => !isPhiCategoryId(c));
  return bad ? `an object mapping names to PHI categories; '${String(bad[1])}' (for '${bad[0]}') is not one of ${PHI_CATEGORY_IDS.join(', ')}` : undefined;
};
const categoryListRecord: Check = (v) => {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return 'an object mapping type names to arrays of PHI categories';
  const bad = Object.entries(v).find(([, c]) => !Array.isArray(c) || !c.every(isPhiCategoryId));
  return bad ? `an object mapping type names to arrays of PHI categories; '${bad[0]}' has ${JSON.stringify(bad[1])} (categories: ${PHI_CATEGORY_IDS.join(', ')})` : undefined;
};
const deidentifyShape: Check = (v) => {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return 'an object { "module": string, "function": string }';
  const o = v as Record<string, unknown>;
  if (!isString(o.module) || !o.module) return 'an object whose "module" is a non-empty string';
  if (!isString(o.function) || !/^[A-Za-z_$][\w$]*$/.test(o.function)) return 'an object whose "function" is a JavaScript identifier';
  const extra = Object.keys(o).find((k) => k !== 'module' && k !== 'function');
  return extra ? `an object with only "module" and "function" (unknown key '${extra}')` : undefined;
};
const severityRecord: Check = (v) => {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return `an object mapping rule names (${RULE_IDS.join(', ')}) to "error", "warning" or "off"`;
  for (const [rule, sev] of Object.entries(v)) {
    if (!(RULE_IDS as readonly string[]).includes(rule.replace(/^phi-guard\//, ''))) return `an object keyed by rule names; '${rule}' is not one of ${RULE_IDS.join(', ')}`;
    if (sev !== 'error' && sev !== 'warning' && sev !== 'off') return `"error", "warning" or "off" for '${rule}' (got ${JSON.stringify(sev)})`;
  }
  return undefined;
};
const allowedCategoriesRecord: Check = (v) => {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return `an object mapping rule names (${RULE_IDS.join(', ')}) to arrays of PHI categories`;
  for (const [rule, categories] of Object.entries(v)) {
    if (!(RULE_IDS as readonly string[]).includes(rule.replace(/^phi-guard\//, ''))) return `an object keyed by rule names; '${rule}' is not one of ${RULE_IDS.join(', ')}`;
    if (!Array.isArray(categories) || !categories.every(isPhiCategoryId)) return `an array of PHI categories for '${rule}' (got ${JSON.stringify(categories)}; categories: ${PHI_CATEGORY_IDS.join(', ')})`;
  }
  return undefined;
};
const positiveNumber: Check = (v) => (typeof v === 'number' && v > 0 && Number.isFinite(v) ? undefined : 'a positive number');

/** Every key of `.phi-guard.json`, with its check and its description (the JSON Schema is generated from this). */
export const CONFIG_KEYS: Readonly<Record<keyof PhiGuardConfig | '$schema', { check: Check; description: string }>> = {
  $schema: { check: (v) => (isString(v) ? undefined : 'a string'), description: 'The JSON Schema of this file (for editors).' },
  phiNames: { check: categoryRecord, description: 'Extra identifier names (or single words) that are PHI, mapped to their category, e.g. { "mbrNo": "health-plan" }.' },
  notPhiNames: { check: stringArray, description: 'Identifier names that are never PHI in this project (case-insensitive), e.g. ["cold", "dicomUid"].' },
  phiTypes: { check: categoryListRecord, description: 'Type or interface names whose values are PHI records, with the categories they carry, e.g. { "Member": ["name", "health-plan"] }.' },
  sanitizers: { check: stringArray, description: 'Names of the project\'s own functions whose result is de-identified (ends a PHI flow).' },
  deidentify: { check: deidentifyShape, description: 'The call quick fixes wrap values in and where it is imported from. Default: { "module": "phi-guard/deid", "function": "deidentify" }.' },
  include: { check: stringArray, description: 'Globs (minimatch, relative to this file) of files to analyse.' },
  exclude: { check: stringArray, description: 'Globs (minimatch, relative to this file) of files to skip.' },
  severity: { check: severityRecord, description: 'Severity per rule for the CLI and the editor ("error", "warning", "off"). ESLint uses its own rule configuration.' },
  allowedCategories: {
    check: allowedCategoriesRecord,
    description: 'PHI categories your policy lets through a rule\'s sinks, e.g. { "no-phi-in-logs": ["other-id"] } when internal patient ids are your opaque references in logs. A flow carrying only those is not reported by that rule; one carrying others too is reported with the others. Applies to ESLint too.',
  },
  maxFileSizeKb: { check: positiveNumber, description: 'Files larger than this (in KB) are skipped with a notice. Default 1024.' },
  crossFile: { check: (v) => (typeof v === 'boolean' ? undefined : 'true or false'), description: 'Follow PHI into the project\'s own imported modules (relative imports, tsconfig paths, workspace packages). Default true.' },
};

/**
 * Validates `.phi-guard.json` text. Every problem names the file, the line and what is expected;
 * a wrong key keeps its default, the valid keys still apply. Read like `tsconfig.json`: comments, trailing commas
 * and a byte order mark are allowed (editors write all three), so values come from jsonc-parser's tree (the reader
 * VS Code uses for its own settings, and the one the extension's policy edits use), not JSON.parse.
 */
export function parseConfigText(file: string, text: string): { config: PhiGuardConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const json = withoutByteOrderMark(text);
  const lines = new LineIndex(json);
  const errors: ParseError[] = [];
  const root = parseTree(json, errors, { allowTrailingComma: true, disallowComments: false });
  const firstError = errors[0];
  if (firstError) {
    const { line, column } = lines.positionAt(firstError.offset);
    problems.push(configProblem(file, line, column, `${file}:${line}:${column}: invalid JSON (${readableParseError(firstError.error)})`, 'using the default configuration'));
    return { config: DEFAULT_CONFIG, problems };
  }
  if (root?.type !== 'object') {
    problems.push(configProblem(file, 1, 1, `${file}:1:1: the configuration must be a JSON object`, 'using the default configuration'));
    return { config: DEFAULT_CONFIG, problems };
  }
  const config: Record<string, unknown> = { ...DEFAULT_CONFIG };
  for (const property of root.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode || !valueNode) continue;
    const key = String(keyNode.value);
    const { line, column } = lines.positionAt(keyNode.offset);
    const where = `${file}:${line}:${column}`;
    const spec = (CONFIG_KEYS as Record<string, { check: Check } | undefined>)[key];
    if (!spec) {
      problems.push(configProblem(file, line, column, `${where}: unknown key '${key}' (known keys: ${Object.keys(CONFIG_KEYS).filter((k) => k !== '$schema').join(', ')})`, 'it is ignored'));
      continue;
    }
    const value = plainValueOf(valueNode);
    const expected = spec.check(value);
    if (expected) {
      problems.push(configProblem(file, line, column, `${where}: '${key}' must be ${expected}`, `using the default for '${key}'`));
      continue;
    }
    if (key !== '$schema') config[key] = value;
  }
  return { config: normalizeRuleNames(config as unknown as PhiGuardConfig), problems };
}

/**
 * A JSON value as JSON.parse makes it: objects with Object's prototype (jsonc-parser's getNodeValue makes them without
 * one), and a key such as `__proto__` an own property of its object, never its prototype.
 */
function plainValueOf(node: JsonNode): unknown {
  if (node.type === 'array') return (node.children ?? []).map(plainValueOf);
  if (node.type !== 'object') return node.value;
  const object: Record<string, unknown> = {};
  for (const property of node.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (keyNode && valueNode) Object.defineProperty(object, String(keyNode.value), { value: plainValueOf(valueNode), enumerable: true, writable: true, configurable: true });
  }
  return object;
}

/** jsonc-parser's error code in words: `CommaExpected` → "comma expected". */
function readableParseError(code: ParseErrorCode): string {
  return printParseErrorCode(code).replace(/(?<=[a-z])(?=[A-Z])/g, ' ').toLowerCase();
}

/** Validates an in-memory override (ESLint `settings["phi-guard"]`) the same way. */
export function mergeConfigObject(base: PhiGuardConfig, override: unknown, origin: string): { config: PhiGuardConfig; problems: ConfigProblem[] } {
  if (override === undefined) return { config: base, problems: [] };
  if (!override || typeof override !== 'object' || Array.isArray(override)) {
    return { config: base, problems: [configProblem(origin, 0, 0, `${origin} must be an object with the keys of .phi-guard.json`, 'it is ignored')] };
  }
  const problems: ConfigProblem[] = [];
  const config: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const spec = (CONFIG_KEYS as Record<string, { check: Check } | undefined>)[key];
    const expected = spec ? spec.check(value) : `a known key (${Object.keys(CONFIG_KEYS).join(', ')})`;
    if (expected) problems.push(configProblem(origin, 0, 0, `${origin}.${key} must be ${expected}`, 'it is ignored'));
    else if (key !== '$schema') config[key] = value;
  }
  return { config: normalizeRuleNames(config as unknown as PhiGuardConfig), problems };
}

/** Rule names as the engine knows them: `phi-guard/no-phi-in-logs` and `no-phi-in-logs` are one rule. */
function normalizeRuleNames(config: PhiGuardConfig): PhiGuardConfig {
  const unprefixed = <T>(record: Readonly<Record<string, T>>): Record<string, T> => Object.fromEntries(Object.entries(record).map(([k, v]) => [k.replace(/^phi-guard\//, ''), v]));
  return { ...config, severity: unprefixed(config.severity), allowedCategories: unprefixed(config.allowedCategories) };
}

/** The JSON Schema shipped as `schemas/phi-guard.schema.json` (generated by `npm run build`). */
export function configJsonSchema(): object {
  const category = { enum: PHI_CATEGORY_IDS };
  const properties: Record<string, object> = {
    $schema: { type: 'string' },
    phiNames: { type: 'object', additionalProperties: category },
    notPhiNames: { type: 'array', items: { type: 'string' } },
    phiTypes: { type: 'object', additionalProperties: { type: 'array', items: category } },
    sanitizers: { type: 'array', items: { type: 'string' } },
    deidentify: { type: 'object', additionalProperties: false, required: ['module', 'function'], properties: { module: { type: 'string', minLength: 1 }, function: { type: 'string', pattern: '^[A-Za-z_$][\\w$]*$' } } },
    include: { type: 'array', items: { type: 'string' } },
    exclude: { type: 'array', items: { type: 'string' } },
    // Rule names with or without the ESLint prefix, as the loader accepts them.
    severity: { type: 'object', additionalProperties: false, properties: Object.fromEntries(RULE_IDS.flatMap((r) => [r, `phi-guard/${r}`]).map((r) => [r, { enum: ['error', 'warning', 'off'] }])) },
    allowedCategories: { type: 'object', additionalProperties: false, properties: Object.fromEntries(RULE_IDS.flatMap((r) => [r, `phi-guard/${r}`]).map((r) => [r, { type: 'array', items: category }])) },
    maxFileSizeKb: { type: 'number', exclusiveMinimum: 0 },
    crossFile: { type: 'boolean' },
  };
  for (const [key, spec] of Object.entries(CONFIG_KEYS)) (properties[key] as Record<string, unknown>).description = spec.description;
  return { $schema: 'http://json-schema.org/draft-07/schema#', title: 'PHI Guard project configuration (.phi-guard.json)', type: 'object', additionalProperties: false, properties };
}
