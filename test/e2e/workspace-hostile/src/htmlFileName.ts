// dataFlowMapUi.js copies this to `<img src=x onerror=alert(1)>.ts` (Windows cannot check that name out); it must show as text.
import OpenAI from 'openai';

const openai = new OpenAI();

export async function triage(patient: { firstName: string; chiefComplaint: string; ssn: string }) {
  console.log('<script>alert("expr")</script>', patient.ssn);
  return openai.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: `Triage ${patient.firstName}: ${patient.chiefComplaint}` }],
  });
}
