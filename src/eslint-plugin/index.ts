import type { ESLint, Linter, Rule } from 'eslint';
import noPhiInLogs from './rules/no-phi-in-logs';
import noPhiInUrl from './rules/no-phi-in-url';
import noPhiToAi from './rules/no-phi-to-ai';
import noUnencryptedPhiStorage from './rules/no-unencrypted-phi-storage';

declare const PHI_GUARD_VERSION: string | undefined;

const rules: Record<string, Rule.RuleModule> = {
  'no-phi-to-ai': noPhiToAi,
  'no-phi-in-logs': noPhiInLogs,
  'no-unencrypted-phi-storage': noUnencryptedPhiStorage,
  'no-phi-in-url': noPhiInUrl,
};

const FILES = ['**/*.{js,jsx,ts,tsx,mjs,cjs,mts,cts}'];

const plugin: ESLint.Plugin & { configs: Record<'recommended' | 'strict', Linter.Config> } = {
  meta: { name: 'phi-guard', version: typeof PHI_GUARD_VERSION === 'string' ? PHI_GUARD_VERSION : '0.0.0' },
  rules,
  configs: {} as Record<'recommended' | 'strict', Linter.Config>,
};

/** Flat configs. `recommended`: AI, storage and URL leaks are errors, logs warn. `strict`: all errors. */
plugin.configs.recommended = {
  name: 'phi-guard/recommended',
  files: FILES,
  plugins: { 'phi-guard': plugin },
  rules: {
    'phi-guard/no-phi-to-ai': 'error',
    'phi-guard/no-phi-in-logs': 'warn',
    'phi-guard/no-unencrypted-phi-storage': 'error',
    'phi-guard/no-phi-in-url': 'error',
  },
};
plugin.configs.strict = {
  name: 'phi-guard/strict',
  files: FILES,
  plugins: { 'phi-guard': plugin },
  rules: {
    'phi-guard/no-phi-to-ai': 'error',
    'phi-guard/no-phi-in-logs': 'error',
    'phi-guard/no-unencrypted-phi-storage': 'error',
    'phi-guard/no-phi-in-url': 'error',
  },
};

export = plugin;
