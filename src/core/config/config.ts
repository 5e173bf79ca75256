import type { PhiCategoryId } from '../catalog/phiCategories';
import type { RuleId } from '../findings/finding';

export type Severity = 'error' | 'warning' | 'off';

/** Project policy, read from `.phi-guard.json` (JSON only, never executed) and shared by
 * the ESLint plugin, the CLI and the extension so that editor and CI agree. */
export interface PhiGuardConfig {
  /** Extra identifier names (or single words) that are PHI, with their category. */
  readonly phiNames: Readonly<Record<string, PhiCategoryId>>;
  /** Identifier names that are never PHI (exact names, case-insensitive). */
  readonly notPhiNames: readonly string[];
  /** Type or interface names whose values are PHI records, with the categories they carry. */
  readonly phiTypes: Readonly<Record<string, readonly PhiCategoryId[]>>;
  /** Extra function names whose result is de-identified (ends the flow). */
  readonly sanitizers: readonly string[];
  /** The call that quick fixes wrap values in, and where to import it from. */
  readonly deidentify: { readonly module: string; readonly function: string };
  /** Globs (minimatch, relative to the config file) of files to analyse. */
  readonly include: readonly string[];
  /** Globs of files to skip. */
  readonly exclude: readonly string[];
  /** Severity per rule for the CLI and the editor (ESLint uses its own rule config). */
  readonly severity: Readonly<Partial<Record<RuleId, Severity>>>;
  /**
   * PHI categories the project's policy lets through a rule's sinks (`{ "no-phi-in-logs": ["other-id"] }`: internal
   * patient ids are its opaque references in logs). A flow carrying only those is not reported by that rule; one
   * carrying others too is reported with the others. Every consumer applies it, ESLint too: it is data policy.
   */
  readonly allowedCategories: Readonly<Partial<Record<RuleId, readonly PhiCategoryId[]>>>;
  /** Files larger than this are skipped with a notice. */
  readonly maxFileSizeKb: number;
  /** Follow PHI into the project's own imported modules (their summaries). */
  readonly crossFile: boolean;
}

/** Generated, bundled or declaration-only code: nothing a person fixes there. */
export const BUILD_OUTPUT_GLOBS: readonly string[] = ['**/node_modules/**', '**/dist/**', '**/build/**', '**/out/**', '**/coverage/**', '**/*.min.js', '**/*.d.ts'];

/** Test code runs on synthetic data, never on a patient's: its flows are noise (medplum: 905 of 1,329 findings). */
export const TEST_CODE_GLOBS: readonly string[] = ['**/{test,tests,__tests__,__mocks__,e2e}/**', '**/*.{test,spec}.*'];

export const DEFAULT_CONFIG: PhiGuardConfig = {
  phiNames: {},
  notPhiNames: [],
  phiTypes: {},
  sanitizers: [],
  deidentify: { module: 'phi-guard/deid', function: 'deidentify' },
  include: ['**/*.{js,jsx,ts,tsx,mjs,cjs,mts,cts}'],
  exclude: [...BUILD_OUTPUT_GLOBS, ...TEST_CODE_GLOBS],
  severity: {},
  allowedCategories: {},
  maxFileSizeKb: 1024,
  crossFile: true,
};

export const CONFIG_FILE_NAME = '.phi-guard.json';
