import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';

const anthropic = new Anthropic();
const openai = new OpenAI();

interface Patient {
  email: string;
  mrn: string;
  diagnosis: string;
  medications: string[];
  dateOfBirth: string;
}

export async function intake(patient: Patient): Promise<void> {
  localStorage.setItem('contact', patient.email);
  await fetch(`/api/records?mrn=${patient.mrn}`);
  await anthropic.messages.create({
    model: 'claude-sonnet-4-5',
    max_tokens: 512,
    messages: [{ role: 'user', content: `Reconcile ${patient.medications.join(', ')} for ${patient.diagnosis}, born ${patient.dateOfBirth}` }],
  });
  // phi-guard-allow no-phi-in-logs -- audit log is on-prem and covered by the BAA (SEC-42)
  console.info('intake done for', patient.mrn);
  await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'When does the clinic open?' }] });
}
