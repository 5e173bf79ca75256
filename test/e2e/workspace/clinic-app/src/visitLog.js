// A plain-JavaScript file. Only the project's .phi-guard.json makes `wristbandCode` PHI (a medical record number).
export function recordVisit(visit) {
  console.info('visit recorded', visit.wristbandCode);
  return visit.id;
}
