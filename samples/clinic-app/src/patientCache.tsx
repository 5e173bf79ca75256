import { deidentify } from 'phi-guard/deid';

interface PatientCard {
  displayName: string;
  email: string;
  allergies: string[];
}

export function cachePatient(card: PatientCard) {
  localStorage.setItem('patient-card', JSON.stringify(card));
  localStorage.setItem('patient-card-safe', JSON.stringify(deidentify(card)));
  sessionStorage.setItem('theme', 'dark');
}
