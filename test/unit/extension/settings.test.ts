import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_CONFIG, RULE_IDS, type PhiGuardConfig } from '../../../src/core';
import { EDITOR_SEVERITIES, readSettings, SETTING_DEFAULTS, SETTING_NAMES, SETTINGS_SECTION, type SettingName } from '../../../src/extension/settings';
import { DEFAULT_EDITOR_SEVERITY, editorSeverityFor } from '../../../src/extension/severity';

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));

describe('extension settings', () => {
  it('reads valid values and falls back to the default for a value of the wrong type', () => {
    const values: Partial<Record<SettingName, unknown>> = { enable: false, run: 'onSave', severity: { '*': 'error', 'no-phi-in-logs': 'off', 'no-such-rule': 'error', 'no-phi-to-ai': 'loud' }, maxFileSizeKb: 'big', debounceMs: -5 };
    const settings = readSettings((name) => values[name]);
    assert.deepStrictEqual(settings, { enable: false, run: 'onSave', severity: { '*': 'error', 'no-phi-in-logs': 'off' }, maxFileSizeKb: SETTING_DEFAULTS.maxFileSizeKb, debounceMs: SETTING_DEFAULTS.debounceMs });
  });

  it('uses the defaults when nothing is set', () => {
    assert.deepStrictEqual(readSettings(() => undefined), SETTING_DEFAULTS);
  });

  it('package.json contributes exactly these settings, with the same defaults and a markdownDescription each', () => {
    const properties = manifest.contributes.configuration.properties as Record<string, { default: unknown; markdownDescription?: string }>;
    assert.deepStrictEqual(Object.keys(properties).sort(), SETTING_NAMES.map((name) => `${SETTINGS_SECTION}.${name}`).sort());
    for (const name of SETTING_NAMES) {
      const property = properties[`${SETTINGS_SECTION}.${name}`]!;
      assert.deepStrictEqual(property.default, SETTING_DEFAULTS[name], `default of ${name}`);
      assert.ok(property.markdownDescription && property.markdownDescription.length > 20, `markdownDescription of ${name}`);
    }
  });

  it('package.json lets phiGuard.severity name every rule and "*" with the editor severities', () => {
    const severity = manifest.contributes.configuration.properties['phiGuard.severity'];
    assert.deepStrictEqual(Object.keys(severity.properties).sort(), ['*', ...RULE_IDS].sort());
    for (const property of Object.values(severity.properties) as { enum: string[] }[]) assert.deepStrictEqual(property.enum, [...EDITOR_SEVERITIES]);
  });
});

describe('editor severity', () => {
  const config = (severity: PhiGuardConfig['severity']): PhiGuardConfig => ({ ...DEFAULT_CONFIG, severity });
  const settings = (severity: Record<string, string>) => readSettings((name) => (name === 'severity' ? severity : undefined));

  it('defaults to warning', () => {
    assert.strictEqual(DEFAULT_EDITOR_SEVERITY, 'warning');
    assert.strictEqual(editorSeverityFor('no-phi-to-ai', settings({}), config({})), 'warning');
  });

  it('takes the project policy when the editor settings say nothing', () => {
    assert.strictEqual(editorSeverityFor('no-phi-to-ai', settings({}), config({ 'no-phi-to-ai': 'error' })), 'error');
  });

  it('lets "*" override the project policy and a rule entry override "*"', () => {
    assert.strictEqual(editorSeverityFor('no-phi-to-ai', settings({ '*': 'hint' }), config({ 'no-phi-to-ai': 'error' })), 'hint');
    assert.strictEqual(editorSeverityFor('no-phi-to-ai', settings({ '*': 'hint', 'no-phi-to-ai': 'off' }), config({})), 'off');
    assert.strictEqual(editorSeverityFor('no-phi-in-url', settings({ 'no-phi-to-ai': 'off' }), config({})), 'warning');
  });
});
