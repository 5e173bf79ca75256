import type { PhiCategoryId } from '../catalog/phiCategories';
import type { PhiGuardConfig } from '../config/config';
import type { RuleId } from '../findings/finding';

/**
 * What a `.phi-guard.json` lets through that PHI Guard would otherwise report: categories its rules allow, names it
 * declares never PHI, functions it trusts to de-identify. The inventory lists them beside the suppressions, so that a
 * reader knows which flows the project's own policy took out of the picture.
 */
export interface PolicyExceptions {
  /** The policy file, as the inventory shows places. */
  readonly file: string;
  readonly allowedCategories: Readonly<Partial<Record<RuleId, readonly PhiCategoryId[]>>>;
  readonly notPhiNames: readonly string[];
  readonly sanitizers: readonly string[];
}

/** The exceptions `config` (read from `file`) makes, or undefined when it makes none. */
export function policyExceptions(file: string, config: PhiGuardConfig): PolicyExceptions | undefined {
  const allowedCategories = Object.fromEntries(Object.entries(config.allowedCategories).filter(([, categories]) => categories && categories.length > 0));
  if (Object.keys(allowedCategories).length === 0 && config.notPhiNames.length === 0 && config.sanitizers.length === 0) return undefined;
  return { file, allowedCategories, notPhiNames: config.notPhiNames, sanitizers: config.sanitizers };
}
