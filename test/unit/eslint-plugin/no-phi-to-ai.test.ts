import rule from '../../../src/eslint-plugin/rules/no-phi-to-ai';
import { jsRuleTester, suggestion, tsRuleTester } from './ruleTester';

const client = "import OpenAI from 'openai';\nconst openai = new OpenAI();\n";
const AI1 = `${client}export async function f(patient: { diagnosis: string }) {\n  await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: patient.diagnosis }] });\n}`;
const AI2 = "import { generateText } from 'ai';\nawait generateText({ model, system: 'You are a scribe', prompt: `Patient ${patient.firstName} ${patient.lastName}` });";
const AI3 = `${client}// phi-guard-allow no-phi-to-ai\nawait openai.embeddings.create({ model: 'e', input: patient.clinicalNotes });`;
const AI4 = "const Anthropic = require('@anthropic-ai/sdk');\nconst anthropic = new Anthropic();\nasync function f(mrn) {\n  return anthropic.messages.create({ model: 'claude', max_tokens: 10, messages: [{ role: 'user', content: `MRN ${mrn}` }] });\n}";

tsRuleTester.run('no-phi-to-ai', rule, {
  valid: [
    `${client}await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'What is HIPAA?' }] });`,
    `${client}import { deidentify } from 'phi-guard/deid';\nawait openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: deidentify(patient.diagnosis) }] });`,
    `const openai = { chat: { completions: { create: (x: unknown) => x } } };\nopenai.chat.completions.create({ messages: [{ content: patient.ssn }] });`,
    `${client}// phi-guard-allow no-phi-to-ai -- Azure OpenAI under BAA #14\nawait openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: patient.diagnosis }] });`,
  ],
  invalid: [
    {
      code: AI1,
      errors: [{ messageId: 'phi', line: 4, column: 95, endColumn: 112, suggestions: suggestion(AI1, 'patient.diagnosis', 100, 'diagnosis') }],
    },
    {
      code: AI2,
      errors: [{ messageId: 'phi', line: 2, suggestions: suggestion(AI2, '`Patient ${patient.firstName} ${patient.lastName}`') }],
    },
    {
      code: AI3,
      errors: [{ messageId: 'suppression', line: 3 }, { messageId: 'phi', line: 4, suggestions: suggestion(AI3, 'patient.clinicalNotes', 0, 'clinical-note') }],
    },
  ],
});

jsRuleTester.run('no-phi-to-ai (JavaScript, default parser)', rule, {
  valid: ["const fetch = require('node-fetch');\nfetch('https://api.openai.com/v1/models');"],
  invalid: [
    {
      code: AI4,
      errors: [{ messageId: 'phi', line: 4, suggestions: suggestion(AI4, '`MRN ${mrn}`') }],
    },
  ],
});
