import OpenAI from 'openai';
import pino from 'pino';
import type { Patient } from '@medplum/fhirtypes';

const openai = new OpenAI();
const log = pino();

export async function summarizeVisit(patient: Patient, chiefComplaint: string) {
  const prompt = `Summarize the visit of ${patient.name?.[0]?.family}, born ${patient.birthDate}: ${chiefComplaint}`;
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o',
    messages: [{ role: 'user', content: prompt }],
  });
  const summary = completion.choices[0]?.message.content ?? '';
  log.info({ summary }, 'visit summarized');
  return summary;
}

export function auditLookup(mrn: string, clinicName: string) {
  log.info({ clinicName }, 'lookup');
  // phi-guard-allow no-phi-in-logs -- MRN goes to the HIPAA audit log (retention policy AU-7), not app logs
  log.info({ mrn }, 'audit');
}
