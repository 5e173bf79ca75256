import { editPolicyFile, isStringArray } from './policyFileEdit';
import type { ConfigEditResult } from './policyFileEdit';

/** The "mark as not PHI" quick fix: `name` added to `notPhiNames` (names are case-insensitive). */
export function addNotPhiName(existingText: string | undefined, name: string, fileLabel: string): ConfigEditResult {
  return editPolicyFile(existingText, fileLabel, { notPhiNames: [name] }, (policy) => {
    const current = policy.notPhiNames;
    if (current === undefined) return { path: ['notPhiNames'], value: [name] };
    if (!isStringArray(current)) return { problem: '"notPhiNames" must be an array of strings' };
    if (current.some((entry) => entry.toLowerCase() === name.toLowerCase())) return { unchanged: true };
    return { path: ['notPhiNames', current.length], value: name, insertIntoArray: true };
  });
}
