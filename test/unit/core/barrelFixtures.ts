/** Modules for the tests of look-ups through barrels (`export * from`): an AI wrapper, a quiet namesake, an importer. */

export const AI_WRAPPER = `import OpenAI from 'openai';
const openai = new OpenAI();
export async function ask(prompt: string) {
  return openai.chat.completions.create({ model: 'x', messages: [{ role: 'user', content: prompt }] });
}
`;
export const QUIET = 'export async function ask(prompt: string) {\n  return prompt.length;\n}\n';
export const ROUTE = "import { ask } from './lib';\nexport async function h(patient: { diagnosis: string }) {\n  await ask(patient.diagnosis);\n}\n";

/** A barrel: lib/other.ts (no `ask`) comes before lib/ai.ts. */
export const FLAT = { 'lib/ai.ts': AI_WRAPPER, 'lib/other.ts': 'export const unit = 1;\n', 'lib/index.ts': "export * from './other';\nexport * from './ai';\n", 'route.ts': ROUTE };

/** A barrel of barrels: `unit` comes through lib/first, `ask` through lib/second; warm.ts imports `unit`. */
export const NESTED = {
  'lib/index.ts': "export * from './first';\nexport * from './second';\n",
  'lib/first/index.ts': "export * from './unit';\n",
  'lib/first/unit.ts': 'export const unit = 1;\n',
  'lib/second/index.ts': "export * from './ai';\n",
  'lib/second/ai.ts': AI_WRAPPER,
  'warm.ts': "import { unit } from './lib';\nexport const twice = unit * 2;\n",
  'route.ts': ROUTE,
};
