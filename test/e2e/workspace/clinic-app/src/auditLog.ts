// `patientSsn` is flagged by its name; the e2e suite marks it "not PHI" through the quick fix.
export function auditLookup(patientSsn: string): void {
  console.log('lookup', patientSsn);
}
