// A plain-JavaScript file: the project's .phi-guard.json declares chartNumber as a medical record number.
export function recordVisit(visit) {
  console.info('visit recorded', visit.chartNumber);
  return visit.id;
}
