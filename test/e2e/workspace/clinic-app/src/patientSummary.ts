import OpenAI from 'openai';

interface Patient {
  id: string;
  firstName: string;
  ssn: string;
  diagnosis: string;
}

const openai = new OpenAI();

export async function summarizePatient(patient: Patient): Promise<string> {
  console.log('Summarizing patient', patient.ssn);
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: `Summarize the history of ${patient.firstName}: ${patient.diagnosis}` }],
  });
  return completion.choices[0]?.message?.content ?? '';
}
