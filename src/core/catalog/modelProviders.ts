/**
 * A package that serves models to an AI framework: Genkit's `googleAI()` plugin, the AI SDK's `openai('gpt-4o')`,
 * LangChain's `ChatAnthropic`. The framework's calls (the inventory's call sites) carry the prompt to this provider,
 * which is the party a Business Associate Agreement has to cover; the framework's own package names none.
 */
export interface ModelProviderEntry {
  readonly id: string;
  /** Who receives the prompts, as the inventory names AI vendors (`AI_HOSTS`, the sink catalog's `vendor`). */
  readonly provider: string;
  /** The sink catalog's `vendor` names of the frameworks that load it (`Genkit`, `Vercel AI SDK`, `LangChain`, `Mastra`). */
  readonly frameworks: readonly string[];
  /** Module specifiers that provide it (exact: a provider's subpaths are listed). */
  readonly modules: readonly string[];
  /** Source that imports (match) and does not import (noMatch) this provider; checked by a test. */
  readonly examples: { readonly match: readonly string[]; readonly noMatch: readonly string[] };
}

const GENKIT = ['Genkit'];
/** Mastra runs its agents on the AI SDK's model providers. */
const AI_SDK = ['Vercel AI SDK', 'Mastra'];
const LANGCHAIN = ['LangChain'];

export const MODEL_PROVIDERS: readonly ModelProviderEntry[] = [
  {
    id: 'genkit.google-ai', provider: 'Google Gemini', frameworks: GENKIT, modules: ['@genkit-ai/googleai', '@genkit-ai/google-genai'],
    examples: { match: ["import { googleAI } from '@genkit-ai/googleai';"], noMatch: ["import { genkit } from 'genkit';"] },
  },
  {
    id: 'genkit.vertex-ai', provider: 'Google Vertex AI', frameworks: GENKIT, modules: ['@genkit-ai/vertexai'],
    examples: { match: ["import { vertexAI } from '@genkit-ai/vertexai';"], noMatch: ["import { googleAI } from '@genkit-ai/googleai';"] },
  },
  {
    id: 'genkit.openai', provider: 'OpenAI', frameworks: GENKIT, modules: ['@genkit-ai/compat-oai', '@genkit-ai/compat-oai/openai', 'genkitx-openai'],
    examples: { match: ["import { openAI } from '@genkit-ai/compat-oai/openai';", "const { openAI } = require('genkitx-openai');"], noMatch: ["import { openAI } from './openai';"] },
  },
  {
    id: 'genkit.anthropic', provider: 'Anthropic', frameworks: GENKIT, modules: ['genkitx-anthropic'],
    examples: { match: ["import { anthropic } from 'genkitx-anthropic';"], noMatch: ["import Anthropic from '@anthropic-ai/sdk';"] },
  },
  {
    id: 'genkit.ollama', provider: 'Ollama', frameworks: GENKIT, modules: ['genkitx-ollama', '@genkit-ai/ollama'],
    examples: { match: ["import { ollama } from 'genkitx-ollama';"], noMatch: ["import ollama from 'ollama';"] },
  },
  {
    id: 'ai-sdk.openai', provider: 'OpenAI', frameworks: AI_SDK, modules: ['@ai-sdk/openai'],
    examples: { match: ["import { openai } from '@ai-sdk/openai';"], noMatch: ["import { generateText } from 'ai';"] },
  },
  {
    id: 'ai-sdk.azure', provider: 'Azure OpenAI', frameworks: AI_SDK, modules: ['@ai-sdk/azure'],
    examples: { match: ["import { azure } from '@ai-sdk/azure';"], noMatch: ["import { openai } from '@ai-sdk/openai';"] },
  },
  {
    id: 'ai-sdk.anthropic', provider: 'Anthropic', frameworks: AI_SDK, modules: ['@ai-sdk/anthropic'],
    examples: { match: ["import { anthropic } from '@ai-sdk/anthropic';"], noMatch: ["import Anthropic from '@anthropic-ai/sdk';"] },
  },
  {
    id: 'ai-sdk.google', provider: 'Google Gemini', frameworks: AI_SDK, modules: ['@ai-sdk/google'],
    examples: { match: ["import { google } from '@ai-sdk/google';"], noMatch: ["import { vertex } from '@ai-sdk/google-vertex';"] },
  },
  {
    id: 'ai-sdk.google-vertex', provider: 'Google Vertex AI', frameworks: AI_SDK, modules: ['@ai-sdk/google-vertex', '@ai-sdk/google-vertex/anthropic'],
    examples: { match: ["import { vertex } from '@ai-sdk/google-vertex';"], noMatch: ["import { google } from '@ai-sdk/google';"] },
  },
  {
    id: 'ai-sdk.bedrock', provider: 'Amazon Bedrock', frameworks: AI_SDK, modules: ['@ai-sdk/amazon-bedrock'],
    examples: { match: ["import { bedrock } from '@ai-sdk/amazon-bedrock';"], noMatch: ["import { S3Client } from '@aws-sdk/client-s3';"] },
  },
  {
    id: 'ai-sdk.mistral', provider: 'Mistral', frameworks: AI_SDK, modules: ['@ai-sdk/mistral'],
    examples: { match: ["import { mistral } from '@ai-sdk/mistral';"], noMatch: ["import { Mistral } from '@mistralai/mistralai';"] },
  },
  {
    id: 'ai-sdk.groq', provider: 'Groq', frameworks: AI_SDK, modules: ['@ai-sdk/groq'],
    examples: { match: ["import { groq } from '@ai-sdk/groq';"], noMatch: ["import Groq from 'groq-sdk';"] },
  },
  {
    id: 'ai-sdk.cohere', provider: 'Cohere', frameworks: AI_SDK, modules: ['@ai-sdk/cohere'],
    examples: { match: ["import { cohere } from '@ai-sdk/cohere';"], noMatch: ["import { CohereClient } from 'cohere-ai';"] },
  },
  {
    id: 'ai-sdk.xai', provider: 'xAI', frameworks: AI_SDK, modules: ['@ai-sdk/xai'],
    examples: { match: ["import { xai } from '@ai-sdk/xai';"], noMatch: ["import { z } from 'zod';"] },
  },
  {
    id: 'ai-sdk.deepseek', provider: 'DeepSeek', frameworks: AI_SDK, modules: ['@ai-sdk/deepseek'],
    examples: { match: ["import { deepseek } from '@ai-sdk/deepseek';"], noMatch: ["import { z } from 'zod';"] },
  },
  {
    id: 'ai-sdk.togetherai', provider: 'Together AI', frameworks: AI_SDK, modules: ['@ai-sdk/togetherai'],
    examples: { match: ["import { togetherai } from '@ai-sdk/togetherai';"], noMatch: ["import { z } from 'zod';"] },
  },
  {
    id: 'ai-sdk.perplexity', provider: 'Perplexity', frameworks: AI_SDK, modules: ['@ai-sdk/perplexity'],
    examples: { match: ["import { perplexity } from '@ai-sdk/perplexity';"], noMatch: ["import { z } from 'zod';"] },
  },
  {
    id: 'ai-sdk.openrouter', provider: 'OpenRouter', frameworks: AI_SDK, modules: ['@openrouter/ai-sdk-provider'],
    examples: { match: ["import { createOpenRouter } from '@openrouter/ai-sdk-provider';"], noMatch: ["import { z } from 'zod';"] },
  },
  {
    id: 'ai-sdk.ollama', provider: 'Ollama', frameworks: AI_SDK, modules: ['ollama-ai-provider', 'ollama-ai-provider-v2'],
    examples: { match: ["import { ollama } from 'ollama-ai-provider';"], noMatch: ["import ollama from 'ollama';"] },
  },
  {
    id: 'langchain.openai', provider: 'OpenAI', frameworks: LANGCHAIN, modules: ['@langchain/openai'],
    examples: { match: ["import { ChatOpenAI } from '@langchain/openai';"], noMatch: ["import { ChatPromptTemplate } from '@langchain/core/prompts';"] },
  },
  {
    id: 'langchain.anthropic', provider: 'Anthropic', frameworks: LANGCHAIN, modules: ['@langchain/anthropic'],
    examples: { match: ["import { ChatAnthropic } from '@langchain/anthropic';"], noMatch: ["import { ChatOpenAI } from '@langchain/openai';"] },
  },
  {
    id: 'langchain.google-genai', provider: 'Google Gemini', frameworks: LANGCHAIN, modules: ['@langchain/google-genai'],
    examples: { match: ["import { ChatGoogleGenerativeAI } from '@langchain/google-genai';"], noMatch: ["import { ChatVertexAI } from '@langchain/google-vertexai';"] },
  },
  {
    id: 'langchain.google-vertexai', provider: 'Google Vertex AI', frameworks: LANGCHAIN, modules: ['@langchain/google-vertexai', '@langchain/google-vertexai-web'],
    examples: { match: ["import { ChatVertexAI } from '@langchain/google-vertexai';"], noMatch: ["import { ChatGoogleGenerativeAI } from '@langchain/google-genai';"] },
  },
  {
    id: 'langchain.aws', provider: 'Amazon Bedrock', frameworks: LANGCHAIN, modules: ['@langchain/aws'],
    examples: { match: ["import { ChatBedrockConverse } from '@langchain/aws';"], noMatch: ["import { z } from 'zod';"] },
  },
  {
    id: 'langchain.mistralai', provider: 'Mistral', frameworks: LANGCHAIN, modules: ['@langchain/mistralai'],
    examples: { match: ["import { ChatMistralAI } from '@langchain/mistralai';"], noMatch: ["import { z } from 'zod';"] },
  },
  {
    id: 'langchain.groq', provider: 'Groq', frameworks: LANGCHAIN, modules: ['@langchain/groq'],
    examples: { match: ["import { ChatGroq } from '@langchain/groq';"], noMatch: ["import { z } from 'zod';"] },
  },
  {
    id: 'langchain.cohere', provider: 'Cohere', frameworks: LANGCHAIN, modules: ['@langchain/cohere'],
    examples: { match: ["import { ChatCohere } from '@langchain/cohere';"], noMatch: ["import { z } from 'zod';"] },
  },
  {
    id: 'langchain.ollama', provider: 'Ollama', frameworks: LANGCHAIN, modules: ['@langchain/ollama'],
    examples: { match: ["import { ChatOllama } from '@langchain/ollama';"], noMatch: ["import ollama from 'ollama';"] },
  },
];

/**
 * Vendors whose calls reach whichever AI application connects to the code, not a provider it names: an MCP server's
 * tool results go to the client (and its model) that called the tool.
 */
export const CONNECTED_CLIENT_VENDORS: ReadonlySet<string> = new Set(['MCP client']);

const BY_MODULE: ReadonlyMap<string, ModelProviderEntry> = new Map(MODEL_PROVIDERS.flatMap((entry) => entry.modules.map((module) => [module, entry] as const)));

/** The provider a module specifier imports, if it is one. */
export function modelProviderOf(module: string): ModelProviderEntry | undefined {
  return BY_MODULE.get(module);
}
