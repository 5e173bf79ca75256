import { analyzeSource } from '../../../../src/core';
import { fileFlows, type FileFlows } from '../../../../src/extension/dataFlow/fileFlows';

/** Real engine results for small files (the workspace map is plumbing over the engine's output). */
export const SUMMARY_TS = [
  "import OpenAI from 'openai';",
  'interface Patient { firstName: string; ssn: string; diagnosis: string }',
  'const openai = new OpenAI();',
  'export async function summarize(patient: Patient) {',
  "  console.log('Summarizing', patient.ssn);",
  "  await openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: patient.diagnosis }] });",
  "  await openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'hello' }] });",
  '  // phi-guard-allow no-phi-in-logs -- BAA signed with the log vendor (SEC-42)',
  "  console.info('name', patient.firstName);",
  '}',
  '',
].join('\n');

export function analysed(file: string, text: string, uri = `file:///ws/${file}`): FileFlows {
  return fileFlows(uri, file, text, analyzeSource({ fileName: file, text }));
}
