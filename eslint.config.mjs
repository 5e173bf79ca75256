// Lints PHI Guard itself. The core's layering (no vscode / eslint at runtime) is enforced here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** One engine, thin adapters: the core must run in plain Node, the CLI, ESLint and the editor alike. */
const CORE_LAYERING = {
  paths: [
    { name: 'vscode', message: 'src/core is pure analysis: only src/extension may import vscode.' },
    { name: 'eslint', message: 'src/core is pure analysis: only src/eslint-plugin may import eslint.' },
  ],
  patterns: [
    { group: ['@typescript-eslint/*', 'typescript-eslint', '@eslint/*'], message: 'src/core must not depend on ESLint packages.' },
    { group: ['**/extension/**', '**/eslint-plugin/**', '**/cli/**'], message: 'src/core must not import an adapter.' },
  ],
};

/** The interpreter's per-node code reads TypeScript's guards and syntax kinds once, from src/core/analysis/syntax.ts. */
const READ_THROUGH_SYNTAX = 'Read TypeScript values through ./syntax: its exports are getters, slow per node.';

/** TypeScript's module is imported in one file, src/core/typescriptCompiler.ts (see why there); types from anywhere. */
const TYPESCRIPT_ONCE = { name: 'typescript', allowTypeImports: true, message: 'Import the compiler from src/core/typescriptCompiler.ts: each file importing the package gets its own copy of its exports in a bundle.' };

export default tseslint.config(
  { ignores: ['dist/**', 'media/dist/**', 'out/**', 'node_modules/**', 'test/fixtures/**', 'samples/**', '.e2e-tools/**', 'corpora/**', 'test-results/**', '**/*.vsix'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [TYPESCRIPT_ONCE] }],
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/deid/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [...CORE_LAYERING.paths, TYPESCRIPT_ONCE], patterns: CORE_LAYERING.patterns }],
    },
  },
  {
    files: ['src/core/typescriptCompiler.ts'],
    rules: {
      'no-restricted-imports': ['error', CORE_LAYERING],
    },
  },
  {
    // The per-node code reads TypeScript's guards and syntax kinds once, from src/core/analysis/syntax.ts (see why there).
    files: ['src/core/analysis/interpreter.ts', 'src/core/analysis/localTypes.ts', 'src/core/analysis/phiTags.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [...CORE_LAYERING.paths, { name: 'typescript', allowTypeImports: true, message: READ_THROUGH_SYNTAX }],
        patterns: [...CORE_LAYERING.patterns, { group: ['**/typescriptCompiler'], allowTypeImports: true, message: READ_THROUGH_SYNTAX }],
      }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly', window: 'readonly', document: 'readonly', acquireVsCodeApi: 'readonly', setTimeout: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
