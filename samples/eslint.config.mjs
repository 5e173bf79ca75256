// ESLint flat config for the bundled sample workspace: typescript-eslint's parser plus PHI Guard's recommended preset.
import tseslint from 'typescript-eslint';
import phiGuard from '../dist/eslint-plugin.js';

export default [
  { files: ['**/*.{ts,tsx}'], languageOptions: { parser: tseslint.parser } },
  phiGuard.configs.recommended,
];
