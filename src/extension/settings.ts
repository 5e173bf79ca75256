/**
 * The extension's editor settings (`phiGuard.*`), typed once. Pure: reads values through a getter so that
 * unit tests need no `vscode`; `package.json` `contributes.configuration` mirrors `SETTING_DEFAULTS`
 * (a unit test keeps the two in step).
 */
import { RULE_IDS, type RuleId } from '../core/findings/finding';

export const SETTINGS_SECTION = 'phiGuard';

export type EditorSeverity = 'error' | 'warning' | 'information' | 'hint' | 'off';
export const EDITOR_SEVERITIES: readonly EditorSeverity[] = ['error', 'warning', 'information', 'hint', 'off'];

/** `*` applies to every rule; a rule id overrides `*` for that rule. */
export type SeverityKey = RuleId | '*';
export const ALL_RULES_KEY = '*';

export type RunMode = 'onType' | 'onSave';

export interface PhiGuardSettings {
  readonly enable: boolean;
  readonly run: RunMode;
  readonly severity: Readonly<Partial<Record<SeverityKey, EditorSeverity>>>;
  readonly maxFileSizeKb: number;
  readonly debounceMs: number;
}

export const SETTING_DEFAULTS: PhiGuardSettings = {
  enable: true,
  run: 'onType',
  severity: {},
  maxFileSizeKb: 1024,
  debounceMs: 300,
};

export type SettingName = keyof PhiGuardSettings;
export const SETTING_NAMES = Object.keys(SETTING_DEFAULTS) as SettingName[];

/** Reads and validates the settings; a value of the wrong type falls back to its default. */
export function readSettings(get: (name: SettingName) => unknown): PhiGuardSettings {
  const enable = get('enable');
  const run = get('run');
  const maxFileSizeKb = get('maxFileSizeKb');
  const debounceMs = get('debounceMs');
  return {
    enable: typeof enable === 'boolean' ? enable : SETTING_DEFAULTS.enable,
    run: run === 'onType' || run === 'onSave' ? run : SETTING_DEFAULTS.run,
    severity: readSeverityMap(get('severity')),
    maxFileSizeKb: isNonNegativeNumber(maxFileSizeKb) ? maxFileSizeKb : SETTING_DEFAULTS.maxFileSizeKb,
    debounceMs: isNonNegativeNumber(debounceMs) ? debounceMs : SETTING_DEFAULTS.debounceMs,
  };
}

function readSeverityMap(value: unknown): Partial<Record<SeverityKey, EditorSeverity>> {
  if (typeof value !== 'object' || value === null) return {};
  const result: Partial<Record<SeverityKey, EditorSeverity>> = {};
  for (const key of [ALL_RULES_KEY, ...RULE_IDS] as SeverityKey[]) {
    const severity = (value as Record<string, unknown>)[key];
    if (isEditorSeverity(severity)) result[key] = severity;
  }
  return result;
}

export function isEditorSeverity(value: unknown): value is EditorSeverity {
  return typeof value === 'string' && (EDITOR_SEVERITIES as readonly string[]).includes(value);
}

function isNonNegativeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}
