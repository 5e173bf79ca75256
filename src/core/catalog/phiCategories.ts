/**
 * The PHI categories PHI Guard reports: the 18 HIPAA Safe Harbor identifiers
 * (45 CFR 164.514(b)(2)(i)(A)–(R)) plus clinical content. One source of truth for the
 * analyzer, the messages, the hover, the inventory and the de-identification runtime.
 * This module is pure data: it must stay importable from browsers (the deid runtime).
 */

export type SafeHarborCategoryId =
  | 'name'
  | 'geographic'
  | 'date'
  | 'phone'
  | 'fax'
  | 'email'
  | 'ssn'
  | 'mrn'
  | 'health-plan'
  | 'account'
  | 'license'
  | 'vehicle'
  | 'device'
  | 'url'
  | 'ip'
  | 'biometric'
  | 'photo'
  | 'other-id';

export type ClinicalCategoryId =
  | 'diagnosis'
  | 'medication'
  | 'lab-result'
  | 'clinical-note'
  | 'procedure'
  | 'allergy';

export type PhiCategoryId = SafeHarborCategoryId | ClinicalCategoryId;

export interface PhiCategory {
  readonly id: PhiCategoryId;
  /** Safe Harbor paragraph letter, (A)–(R); absent for clinical content. */
  readonly safeHarbor?: string;
  readonly label: string;
  readonly description: string;
}

export const PHI_CATEGORIES: readonly PhiCategory[] = [
  { id: 'name', safeHarbor: 'A', label: 'Name', description: 'Names of the individual, relatives, employers or household members.' },
  { id: 'geographic', safeHarbor: 'B', label: 'Geographic subdivision', description: 'Street address, city, county, precinct, ZIP code and their geocodes (smaller than a state).' },
  { id: 'date', safeHarbor: 'C', label: 'Date', description: 'All elements of dates (except year) tied to the individual: birth, admission, discharge, death; ages over 89.' },
  { id: 'phone', safeHarbor: 'D', label: 'Telephone number', description: 'Telephone numbers.' },
  { id: 'fax', safeHarbor: 'E', label: 'Fax number', description: 'Fax numbers.' },
  { id: 'email', safeHarbor: 'F', label: 'Email address', description: 'Electronic mail addresses.' },
  { id: 'ssn', safeHarbor: 'G', label: 'Social Security number', description: 'Social Security numbers.' },
  { id: 'mrn', safeHarbor: 'H', label: 'Medical record number', description: 'Medical record numbers.' },
  { id: 'health-plan', safeHarbor: 'I', label: 'Health plan beneficiary number', description: 'Health plan beneficiary, member and subscriber numbers.' },
  { id: 'account', safeHarbor: 'J', label: 'Account number', description: 'Account numbers (bank, card, billing).' },
  { id: 'license', safeHarbor: 'K', label: 'Certificate/license number', description: 'Certificate and license numbers (driver licence, passport, professional licences).' },
  { id: 'vehicle', safeHarbor: 'L', label: 'Vehicle identifier', description: 'Vehicle identifiers and serial numbers, including license plate numbers.' },
  { id: 'device', safeHarbor: 'M', label: 'Device identifier', description: 'Device identifiers and serial numbers.' },
  { id: 'url', safeHarbor: 'N', label: 'Web URL', description: "Web Universal Resource Locators of the individual (personal website, profile URL)." },
  { id: 'ip', safeHarbor: 'O', label: 'IP address', description: 'Internet Protocol (IP) address numbers.' },
  { id: 'biometric', safeHarbor: 'P', label: 'Biometric identifier', description: 'Biometric identifiers, including finger and voice prints.' },
  { id: 'photo', safeHarbor: 'Q', label: 'Full-face photograph', description: 'Full-face photographic images and any comparable images.' },
  { id: 'other-id', safeHarbor: 'R', label: 'Other unique identifier', description: 'Any other unique identifying number, characteristic or code.' },
  { id: 'diagnosis', label: 'Diagnosis / condition', description: 'Diagnoses, conditions, problems and diagnosis codes (ICD).' },
  { id: 'medication', label: 'Medication', description: 'Medications and prescriptions.' },
  { id: 'lab-result', label: 'Lab result / vital sign', description: 'Laboratory results, observations and vital signs.' },
  { id: 'clinical-note', label: 'Clinical note', description: 'Clinical notes, chief complaints, histories and other free clinical text.' },
  { id: 'procedure', label: 'Procedure', description: 'Procedures and procedure codes (CPT).' },
  { id: 'allergy', label: 'Allergy', description: 'Allergies and intolerances.' },
];

const BY_ID = new Map<PhiCategoryId, PhiCategory>(PHI_CATEGORIES.map((c) => [c.id, c]));

export const PHI_CATEGORY_IDS: readonly PhiCategoryId[] = PHI_CATEGORIES.map((c) => c.id);

export function isPhiCategoryId(value: unknown): value is PhiCategoryId {
  return typeof value === 'string' && BY_ID.has(value as PhiCategoryId);
}

export function phiCategory(id: PhiCategoryId): PhiCategory {
  const category = BY_ID.get(id);
  if (!category) throw new Error(`Unknown PHI category '${id}'`);
  return category;
}

/** "Safe Harbor (G) Social Security number" or "Clinical: Medication". */
export function describeCategory(id: PhiCategoryId): string {
  const c = phiCategory(id);
  return c.safeHarbor ? `Safe Harbor (${c.safeHarbor}) ${c.label}` : `Clinical: ${c.label}`;
}
