import type { SinkEntry } from '../sinkTypes';

const INVOKE = '{invoke,stream,batch,streamEvents,call,predict,generate,predictMessages}';

/** AI / LLM SDKs: any PHI in a request leaves the covered entity for the vendor. */
export const AI_SINKS: readonly SinkEntry[] = [
  {
    id: 'openai.chat', category: 'ai', vendor: 'OpenAI', package: 'openai', api: 'chat.completions.create',
    modules: ['openai'],
    paths: ['new {default,OpenAI,AzureOpenAI}().{chat,beta.chat}.completions.{create,parse,stream}', 'new {default,OpenAI,AzureOpenAI}().completions.create'],
    examples: {
      match: ["import OpenAI from 'openai';\nconst client = new OpenAI();\nawait client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: patient.diagnosis }] });"],
      noMatch: ["import OpenAI from 'openai';\nconst client = new OpenAI();\nawait client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Summarize the guideline' }] });"],
    },
  },
  {
    id: 'openai.responses', category: 'ai', vendor: 'OpenAI', package: 'openai', api: 'responses.create',
    modules: ['openai'], paths: ['new {default,OpenAI,AzureOpenAI}().responses.{create,stream,parse}'],
    examples: { match: ["import { OpenAI } from 'openai';\nconst ai = new OpenAI();\nai.responses.create({ model: 'gpt-5', input: `Patient ${patient.firstName}` });"], noMatch: ["import { OpenAI } from 'openai';\nconst ai = new OpenAI();\nai.responses.create({ model: 'gpt-5', input: 'hello' });"] },
  },
  {
    id: 'openai.embeddings', category: 'ai', vendor: 'OpenAI', package: 'openai', api: 'embeddings.create',
    modules: ['openai'], paths: ['new {default,OpenAI,AzureOpenAI}().{embeddings,moderations}.create'],
    examples: { match: ["const OpenAI = require('openai');\nconst openai = new OpenAI();\nopenai.embeddings.create({ model: 'text-embedding-3-small', input: clinicalNotes });"], noMatch: ["const openai = { embeddings: { create() {} } };\nopenai.embeddings.create({ input: clinicalNotes });"] },
  },
  {
    id: 'openai.files', category: 'ai', vendor: 'OpenAI', package: 'openai', api: 'files/batches/audio',
    modules: ['openai'], paths: ['new {default,OpenAI,AzureOpenAI}().{files,batches,uploads}.create', 'new {default,OpenAI,AzureOpenAI}().audio.{transcriptions,translations,speech}.create', 'new {default,OpenAI,AzureOpenAI}().beta.threads.messages.create'],
    examples: { match: ["import OpenAI from 'openai';\nconst o = new OpenAI();\no.files.create({ file: patientRecord, purpose: 'batch' });"], noMatch: ["import OpenAI from 'openai';\nconst o = new OpenAI();\no.files.create({ file: guidelinePdf, purpose: 'assistants' });"] },
  },
  {
    id: 'anthropic.messages', category: 'ai', vendor: 'Anthropic', package: '@anthropic-ai/sdk', api: 'messages.create/stream',
    modules: ['@anthropic-ai/sdk', '@anthropic-ai/bedrock-sdk', '@anthropic-ai/vertex-sdk'],
    paths: ['new {default,Anthropic,AnthropicBedrock,AnthropicVertex}().{messages,beta.messages}.{create,stream,countTokens}', 'new {default,Anthropic,AnthropicBedrock,AnthropicVertex}().{messages,beta.messages}.batches.create', 'new {default,Anthropic}().completions.create'],
    examples: { match: ["import Anthropic from '@anthropic-ai/sdk';\nconst anthropic = new Anthropic();\nawait anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 512, system: `MRN ${mrn}`, messages: [] });"], noMatch: ["import Anthropic from '@anthropic-ai/sdk';\nconst anthropic = new Anthropic();\nawait anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 512, messages: [{ role: 'user', content: 'hi' }] });"] },
  },
  {
    id: 'vercel-ai', category: 'ai', vendor: 'Vercel AI SDK', package: 'ai', api: 'generateText/streamText',
    modules: ['ai'], paths: ['{generateText,streamText,generateObject,streamObject,embed,embedMany,experimental_generateImage,generateSpeech,experimental_transcribe}'],
    examples: { match: ["import { generateText } from 'ai';\nawait generateText({ model, prompt: `Summarize ${patient.clinicalNotes}` });"], noMatch: ["import { generateText } from 'ai';\nawait generateText({ model, prompt: 'Summarize the policy' });"] },
  },
  {
    id: 'vercel-ai.agent', category: 'ai', vendor: 'Vercel AI SDK', package: 'ai', api: 'Agent.generate/stream',
    modules: ['ai'], paths: ['new {ToolLoopAgent,Experimental_Agent,Agent}().{generate,stream}'],
    examples: { match: ["import { ToolLoopAgent } from 'ai';\nconst agent = new ToolLoopAgent({ model });\nawait agent.generate({ prompt: patient.diagnosis });"], noMatch: ["import { ToolLoopAgent } from 'ai';\nconst agent = new ToolLoopAgent({ model });\nawait agent.generate({ prompt: 'ping' });"] },
  },
  {
    id: 'vercel-ai.chat', category: 'ai', vendor: 'Vercel AI SDK', package: '@ai-sdk/react', api: 'useChat().sendMessage',
    modules: ['@ai-sdk/react', 'ai/react'], paths: ['useChat().{sendMessage,append}'],
    examples: { match: ["import { useChat } from '@ai-sdk/react';\nconst { sendMessage } = useChat();\nsendMessage({ text: patient.ssn });"], noMatch: ["import { useChat } from '@ai-sdk/react';\nconst chat = useChat();\nchat.sendMessage({ text: input });"] },
  },
  {
    id: 'langchain.model', category: 'ai', vendor: 'LangChain', package: '@langchain/*', api: 'invoke/stream/batch',
    modules: ['@langchain/*', 'langchain', 'langchain/*'],
    paths: [`**.${INVOKE}`, '**.{embedQuery,embedDocuments,addDocuments,addTexts,similaritySearch,similaritySearchWithScore,fromTexts,fromDocuments}'],
    examples: { match: ["import { ChatAnthropic } from '@langchain/anthropic';\nconst model = new ChatAnthropic({ model: 'claude-sonnet-4-5' });\nawait model.invoke(`Patient ${patient.name} has ${patient.diagnosis}`);"], noMatch: ["import { ChatAnthropic } from '@langchain/anthropic';\nconst model = new ChatAnthropic({});\nawait model.invoke('What is HIPAA?');"] },
  },
  {
    id: 'google-genai', category: 'ai', vendor: 'Google Gemini', package: '@google/genai', api: 'models.generateContent',
    modules: ['@google/genai'],
    paths: ['new GoogleGenAI().models.{generateContent,generateContentStream,embedContent,countTokens}', 'new GoogleGenAI().chats.create().{sendMessage,sendMessageStream}', 'new GoogleGenAI().interactions.create'],
    examples: { match: ["import { GoogleGenAI } from '@google/genai';\nconst ai = new GoogleGenAI({});\nawait ai.models.generateContent({ model: 'gemini-2.5-flash', contents: patient.labResults });"], noMatch: ["import { GoogleGenAI } from '@google/genai';\nconst ai = new GoogleGenAI({});\nawait ai.models.generateContent({ model: 'gemini-2.5-flash', contents: 'hello' });"] },
  },
  {
    id: 'google-generative-ai', category: 'ai', vendor: 'Google Gemini', package: '@google/generative-ai', api: 'generateContent',
    modules: ['@google/generative-ai'],
    paths: ['new GoogleGenerativeAI().getGenerativeModel().{generateContent,generateContentStream,embedContent,countTokens}', 'new GoogleGenerativeAI().getGenerativeModel().startChat().{sendMessage,sendMessageStream}'],
    examples: { match: ["import { GoogleGenerativeAI } from '@google/generative-ai';\nconst m = new GoogleGenerativeAI(key).getGenerativeModel({ model: 'gemini-pro' });\nawait m.generateContent(patient.medications);"], noMatch: ["import { GoogleGenerativeAI } from '@google/generative-ai';\nconst m = new GoogleGenerativeAI(key).getGenerativeModel({ model: 'gemini-pro' });\nawait m.generateContent('hi');"] },
  },
  {
    // Google Cloud's Vertex AI SDK: the same model API as @google/generative-ai, reached through a project's VertexAI.
    id: 'google-cloud-vertexai', category: 'ai', vendor: 'Google Vertex AI', package: '@google-cloud/vertexai', api: 'generateContent',
    modules: ['@google-cloud/vertexai'],
    paths: [
      'new VertexAI().{getGenerativeModel,preview.getGenerativeModel}().{generateContent,generateContentStream,countTokens}',
      'new VertexAI().{getGenerativeModel,preview.getGenerativeModel}().startChat().{sendMessage,sendMessageStream}',
    ],
    examples: {
      match: ["import { VertexAI } from '@google-cloud/vertexai';\nconst model = new VertexAI({ project: 'p', location: 'us-central1' }).getGenerativeModel({ model: 'gemini-2.0-flash' });\nawait model.generateContent(`Summarise: ${visit.clinicalNotes}`);"],
      noMatch: ["import { VertexAI } from '@google-cloud/vertexai';\nconst model = new VertexAI({ project: 'p', location: 'us-central1' }).getGenerativeModel({ model: 'gemini-2.0-flash' });\nawait model.generateContent('Summarise the policy');"],
    },
  },
  {
    // Azure's OpenAI client (`@azure/openai` 1.0 betas): deployment first, then the messages or prompts.
    id: 'azure-openai', category: 'ai', vendor: 'Azure OpenAI', package: '@azure/openai', api: 'getChatCompletions',
    modules: ['@azure/openai'],
    paths: ['new OpenAIClient().{getChatCompletions,streamChatCompletions,getCompletions,streamCompletions,getEmbeddings}'], args: [{ index: 1 }, { index: 2 }],
    examples: {
      match: ["import { OpenAIClient, AzureKeyCredential } from '@azure/openai';\nconst client = new OpenAIClient(endpoint, new AzureKeyCredential(key));\nawait client.getChatCompletions('gpt-4o', [{ role: 'user', content: `Patient ${patient.firstName} ${patient.lastName}` }]);"],
      noMatch: ["import { OpenAIClient, AzureKeyCredential } from '@azure/openai';\nconst client = new OpenAIClient(endpoint, new AzureKeyCredential(key));\nawait client.getChatCompletions('gpt-4o', [{ role: 'user', content: 'Hello' }]);"],
    },
  },
  {
    id: 'bedrock-runtime', category: 'ai', vendor: 'Amazon Bedrock', package: '@aws-sdk/client-bedrock-runtime', api: 'Converse/InvokeModel command',
    modules: ['@aws-sdk/client-bedrock-runtime', '@aws-sdk/client-bedrock-agent-runtime'], kind: 'new',
    paths: ['{ConverseCommand,ConverseStreamCommand,InvokeModelCommand,InvokeModelWithResponseStreamCommand,InvokeAgentCommand,RetrieveAndGenerateCommand,RetrieveAndGenerateStreamCommand}'],
    examples: { match: ["import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';\nawait client.send(new ConverseCommand({ modelId, messages: [{ role: 'user', content: [{ text: patient.chiefComplaint }] }] }));"], noMatch: ["import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';\nnew ConverseCommand({ modelId, messages: [] });"] },
  },
  {
    // Clinical NLP services: built to read PHI, and so a vendor the inventory must list (under a BAA, a reviewed
    // suppression says so).
    id: 'aws-comprehend-medical', category: 'ai', vendor: 'Amazon Comprehend Medical', package: '@aws-sdk/client-comprehendmedical', api: 'Detect/Infer command',
    modules: ['@aws-sdk/client-comprehendmedical'], kind: 'new',
    paths: ['{DetectEntitiesV2Command,DetectEntitiesCommand,DetectPHICommand,InferICD10CMCommand,InferRxNormCommand,InferSNOMEDCTCommand,StartEntitiesDetectionV2JobCommand}'],
    examples: {
      match: ["import { ComprehendMedicalClient, DetectEntitiesV2Command } from '@aws-sdk/client-comprehendmedical';\nconst client = new ComprehendMedicalClient({});\nawait client.send(new DetectEntitiesV2Command({ Text: visit.clinicalNotes }));"],
      noMatch: ["import { DetectEntitiesV2Command } from '@aws-sdk/client-comprehendmedical';\nnew DetectEntitiesV2Command({ Text: 'aspirin 81 mg daily' });"],
    },
  },
  {
    id: 'azure-text-analytics-health', category: 'ai', vendor: 'Azure AI Language', package: '@azure/ai-language-text', api: 'analyze/beginAnalyzeBatch',
    modules: ['@azure/ai-language-text', '@azure/ai-text-analytics'],
    paths: ['new {TextAnalysisClient,TextAnalyticsClient}().{analyze,beginAnalyzeBatch,beginAnalyzeHealthcareEntities,recognizePiiEntities,recognizeEntities}'],
    examples: {
      match: ["import { TextAnalysisClient, AzureKeyCredential } from '@azure/ai-language-text';\nconst client = new TextAnalysisClient(endpoint, new AzureKeyCredential(key));\nawait client.beginAnalyzeBatch([{ kind: 'Healthcare' }], [note.clinicalNotes]);"],
      noMatch: ["import { TextAnalysisClient, AzureKeyCredential } from '@azure/ai-language-text';\nconst client = new TextAnalysisClient(endpoint, new AzureKeyCredential(key));\nawait client.analyze('LanguageDetection', ['Bonjour']);"],
    },
  },
  {
    id: 'cohere', category: 'ai', vendor: 'Cohere', package: 'cohere-ai', api: 'chat/embed/rerank',
    modules: ['cohere-ai'], paths: ['new {CohereClient,CohereClientV2}().{chat,chatStream,embed,rerank,generate,classify}'],
    examples: { match: ["import { CohereClientV2 } from 'cohere-ai';\nconst co = new CohereClientV2({});\nawait co.chat({ model: 'command-a', messages: [{ role: 'user', content: patient.email }] });"], noMatch: ["import { CohereClientV2 } from 'cohere-ai';\nconst co = new CohereClientV2({});\nawait co.chat({ model: 'command-a', messages: [] });"] },
  },
  {
    id: 'mistral', category: 'ai', vendor: 'Mistral', package: '@mistralai/mistralai', api: 'chat.complete',
    modules: ['@mistralai/mistralai'], paths: ['new Mistral().{chat,fim,agents}.{complete,stream}', 'new Mistral().embeddings.create'],
    examples: { match: ["import { Mistral } from '@mistralai/mistralai';\nconst m = new Mistral({ apiKey });\nawait m.chat.complete({ model: 'mistral-large-latest', messages: [{ role: 'user', content: diagnosis }] });"], noMatch: ["import { Mistral } from '@mistralai/mistralai';\nconst m = new Mistral({ apiKey });\nawait m.chat.complete({ model: 'mistral-large-latest', messages: [] });"] },
  },
  {
    id: 'ollama', category: 'ai', vendor: 'Ollama', package: 'ollama', api: 'chat/generate/embed',
    modules: ['ollama', 'ollama/browser'], paths: ['{default,ollama}.{chat,generate,embed,embeddings}', 'new Ollama().{chat,generate,embed,embeddings}'],
    examples: { match: ["import ollama from 'ollama';\nawait ollama.chat({ model: 'llama3', messages: [{ role: 'user', content: patient.allergies }] });"], noMatch: ["import ollama from 'ollama';\nawait ollama.list();"] },
  },
  {
    id: 'groq', category: 'ai', vendor: 'Groq', package: 'groq-sdk', api: 'chat.completions.create',
    modules: ['groq-sdk'], paths: ['new {default,Groq}().chat.completions.create', 'new {default,Groq}().audio.transcriptions.create'],
    examples: { match: ["import Groq from 'groq-sdk';\nconst groq = new Groq();\nawait groq.chat.completions.create({ model: 'llama-3.3-70b', messages: [{ role: 'user', content: ssn }] });"], noMatch: ["import Groq from 'groq-sdk';\nconst groq = new Groq();\nawait groq.models.list();"] },
  },
  {
    id: 'huggingface', category: 'ai', vendor: 'Hugging Face', package: '@huggingface/inference', api: 'chatCompletion/textGeneration',
    modules: ['@huggingface/inference'], paths: ['new {HfInference,InferenceClient}().{chatCompletion,chatCompletionStream,textGeneration,textGenerationStream,featureExtraction,summarization,questionAnswering,tokenClassification,textClassification}', '{chatCompletion,textGeneration,featureExtraction,summarization}'],
    examples: { match: ["import { InferenceClient } from '@huggingface/inference';\nconst hf = new InferenceClient(token);\nawait hf.chatCompletion({ model, messages: [{ role: 'user', content: patient.name }] });"], noMatch: ["import { InferenceClient } from '@huggingface/inference';\nconst hf = new InferenceClient(token);\nawait hf.chatCompletion({ model, messages: [] });"] },
  },
  {
    // `genkit()` gives the instance (`ai`) apps export from `src/ai/genkit.ts`; a prompt it defines is a function that
    // sends its input to the model when called. 0.x exported `generate` and `definePrompt` from `@genkit-ai/ai`.
    id: 'genkit', category: 'ai', vendor: 'Genkit', package: 'genkit', api: 'generate/prompt',
    modules: ['genkit', 'genkit/beta', '@genkit-ai/ai', '@genkit-ai/dotprompt'],
    paths: [
      'genkit().{generate,generateStream,embed,embedMany,index}', 'genkit().{definePrompt,prompt}()', 'genkit().{definePrompt,prompt}().{stream,generate}',
      'genkit().chat().{send,sendStream}', 'genkit().createSession().chat().{send,sendStream}',
      '{generate,generateStream,embed,embedMany}', '{definePrompt,defineDotprompt}().{generate,stream}',
    ],
    examples: {
      match: [
        "import { genkit } from 'genkit';\nconst ai = genkit({ plugins: [] });\nawait ai.generate({ prompt: `Explain ${patient.diagnosis}` });",
        "import { genkit, z } from 'genkit';\nconst ai = genkit({});\nconst summary = ai.definePrompt({ name: 'summary', input: { schema: z.object({ notes: z.string() }) }, prompt: '{{notes}}' });\nawait summary({ notes: patient.clinicalNotes });",
      ],
      noMatch: [
        "import { genkit } from 'genkit';\nconst ai = genkit({ plugins: [] });\nawait ai.generate({ prompt: 'Explain HIPAA' });",
        "import { genkit } from 'genkit';\nconst ai = genkit({});\nconst summary = ai.definePrompt({ name: 'summary', prompt: '{{topic}}' });\nawait summary({ topic: 'hand hygiene' });",
      ],
    },
  },
  {
    id: 'openai-agents', category: 'ai', vendor: 'OpenAI', package: '@openai/agents', api: 'run',
    modules: ['@openai/agents', '@openai/agents-core'], paths: ['run', 'new Runner().run'], args: [{ index: 1 }],
    examples: {
      match: ["import { Agent, run } from '@openai/agents';\nconst triage = new Agent({ name: 'triage', instructions: 'Route the request' });\nawait run(triage, `Symptoms: ${patient.symptoms}`);"],
      noMatch: ["import { Agent, run } from '@openai/agents';\nconst triage = new Agent({ name: 'triage', instructions: 'Route the request' });\nawait run(triage, 'What are your opening hours?');"],
    },
  },
  {
    id: 'claude-agent-sdk', category: 'ai', vendor: 'Anthropic', package: '@anthropic-ai/claude-agent-sdk', api: 'query',
    modules: ['@anthropic-ai/claude-agent-sdk'], paths: ['query'],
    examples: {
      match: ["import { query } from '@anthropic-ai/claude-agent-sdk';\nfor await (const message of query({ prompt: `Draft a letter to ${patient.firstName} ${patient.lastName}` })) console.info(message.type);"],
      noMatch: ["import { query } from '@anthropic-ai/claude-agent-sdk';\nfor await (const message of query({ prompt: 'Summarise the release notes' })) console.info(message.type);"],
    },
  },
  {
    id: 'mastra', category: 'ai', vendor: 'Mastra', package: '@mastra/core', api: 'Agent.generate/stream',
    modules: ['@mastra/core', '@mastra/core/*'], paths: ['new Agent().{generate,stream,generateVNext,streamVNext}', 'new Mastra().getAgent().{generate,stream,generateVNext,streamVNext}'],
    examples: {
      match: ["import { Agent } from '@mastra/core/agent';\nconst scribe = new Agent({ name: 'scribe', instructions: 'Summarise visits', model });\nawait scribe.generate(`Visit notes: ${visit.clinicalNotes}`);"],
      noMatch: ["import { Agent } from '@mastra/core/agent';\nconst scribe = new Agent({ name: 'scribe', instructions: 'Summarise visits', model });\nawait scribe.generate('Say hello');"],
    },
  },
  // Tools: what a tool's function returns is handed back to the model as the tool call's result.
  {
    id: 'vercel-ai.tool', category: 'ai', vendor: 'Vercel AI SDK', package: 'ai', api: 'tool().execute result',
    modules: ['ai'], paths: ['tool'], kind: 'return', callback: { index: 0, property: 'execute' },
    examples: {
      match: ["import { tool } from 'ai';\nexport const lookUpPatient = tool({ description: 'Find a patient', execute: async ({ id }: { id: string }) => db.patient.findUnique({ where: { id } }) });"],
      noMatch: ["import { tool } from 'ai';\nexport const weather = tool({ description: 'Weather', execute: async ({ city }: { city: string }) => fetchForecast(city) });"],
    },
  },
  {
    id: 'vercel-ai.inline-tool', category: 'ai', vendor: 'Vercel AI SDK', package: 'ai', api: 'tools.execute result',
    modules: ['ai'], paths: ['{generateText,streamText,generateObject,streamObject}'], kind: 'return', callback: { index: 0, property: 'tools.*.execute' },
    examples: {
      match: ["import { generateText } from 'ai';\nawait generateText({ model, prompt: 'Which visits are due?', tools: { visits: { description: 'Visits', execute: async () => { const patients = await db.patient.findMany(); return patients; } } } });"],
      noMatch: ["import { generateText } from 'ai';\nawait generateText({ model, prompt: 'What time is it?', tools: { clock: { description: 'Time', execute: async () => new Date().toISOString() } } });"],
    },
  },
  {
    id: 'openai-agents.tool', category: 'ai', vendor: 'OpenAI', package: '@openai/agents', api: 'tool().execute result',
    modules: ['@openai/agents', '@openai/agents-core'], paths: ['tool'], kind: 'return', callback: { index: 0, property: 'execute' },
    examples: {
      match: ["import { tool } from '@openai/agents';\nexport const chart = tool({ name: 'chart', description: 'Read the chart', parameters, execute: async () => { const patient = await loadPatient(); return patient.diagnosis; } });"],
      noMatch: ["import { tool } from '@openai/agents';\nexport const clock = tool({ name: 'clock', description: 'Time', parameters, execute: async () => new Date().toISOString() });"],
    },
  },
  {
    id: 'genkit.tool', category: 'ai', vendor: 'Genkit', package: 'genkit', api: 'defineTool() result',
    modules: ['genkit', 'genkit/beta'], paths: ['genkit().defineTool'], kind: 'return', callback: { index: 1 },
    examples: {
      match: ["import { genkit } from 'genkit';\nconst ai = genkit({});\nai.defineTool({ name: 'history', description: 'Medical history' }, async (input: { mrn: string }) => (await fetchChart(input.mrn)).medicalHistory);"],
      noMatch: ["import { genkit } from 'genkit';\nconst ai = genkit({});\nai.defineTool({ name: 'units', description: 'Convert units' }, async (input: { mg: number }) => input.mg / 1000);"],
    },
  },
  {
    id: 'langchain.tool', category: 'ai', vendor: 'LangChain', package: '@langchain/core', api: 'tool() result',
    modules: ['@langchain/core/tools', 'langchain/tools'], paths: ['tool'], kind: 'return', callback: { index: 0 },
    examples: {
      match: ["import { tool } from '@langchain/core/tools';\nexport const allergies = tool(async ({ patientId }: { patientId: string }) => { const patient = await getPatient(patientId); return JSON.stringify(patient.allergies); }, { name: 'allergies' });"],
      noMatch: ["import { tool } from '@langchain/core/tools';\nexport const add = tool(async ({ a, b }: { a: number; b: number }) => String(a + b), { name: 'add' });"],
    },
  },
  {
    id: 'langchain.dynamic-tool', category: 'ai', vendor: 'LangChain', package: '@langchain/core', api: 'DynamicStructuredTool func result',
    modules: ['@langchain/core/tools', 'langchain/tools'], paths: ['{DynamicStructuredTool,DynamicTool}'], kind: 'return', callback: { index: 0, property: 'func' },
    examples: {
      match: ["import { DynamicStructuredTool } from '@langchain/core/tools';\nexport const meds = new DynamicStructuredTool({ name: 'meds', description: 'Medications', schema, func: async ({ patientId }) => { const patient = await getPatient(patientId); return patient.medications.join(', '); } });"],
      noMatch: ["import { DynamicTool } from '@langchain/core/tools';\nexport const clock = new DynamicTool({ name: 'clock', description: 'Time', func: async () => new Date().toISOString() });"],
    },
  },
  {
    id: 'mastra.tool', category: 'ai', vendor: 'Mastra', package: '@mastra/core', api: 'createTool().execute result',
    modules: ['@mastra/core', '@mastra/core/*'], paths: ['createTool'], kind: 'return', callback: { index: 0, property: 'execute' },
    examples: {
      match: ["import { createTool } from '@mastra/core/tools';\nexport const labs = createTool({ id: 'labs', description: 'Lab results', execute: async ({ context }) => { const labResults = await readLabs(context.id); return { labResults }; } });"],
      noMatch: ["import { createTool } from '@mastra/core/tools';\nexport const ping = createTool({ id: 'ping', description: 'Ping', execute: async () => ({ ok: true }) });"],
    },
  },
  {
    // The tool's result goes to whichever AI client connects to the server.
    id: 'mcp.tool', category: 'ai', vendor: 'MCP client', package: '@modelcontextprotocol/sdk', api: 'McpServer tool result',
    modules: ['@modelcontextprotocol/sdk/server/mcp.js', '@modelcontextprotocol/sdk/server/mcp'], paths: ['new McpServer().{tool,registerTool}'],
    kind: 'return', callback: { index: 'last' },
    examples: {
      match: ["import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';\nconst server = new McpServer({ name: 'ehr', version: '1.0.0' });\nserver.tool('patient', { id: z.string() }, async ({ id }) => { const patient = await ehr.getPatient(id); return { content: [{ type: 'text', text: `${patient.firstName} ${patient.lastName}` }] }; });"],
      noMatch: ["import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';\nconst server = new McpServer({ name: 'ehr', version: '1.0.0' });\nserver.tool('version', {}, async () => ({ content: [{ type: 'text', text: '1.0.0' }] }));"],
    },
  },
  {
    id: 'replicate', category: 'ai', vendor: 'Replicate', package: 'replicate', api: 'run',
    modules: ['replicate'], paths: ['new {default,Replicate}().{run,stream}', 'new {default,Replicate}().predictions.create'],
    examples: { match: ["import Replicate from 'replicate';\nconst r = new Replicate();\nawait r.run(modelId, { input: { prompt: patient.clinicalNotes } });"], noMatch: ["import Replicate from 'replicate';\nconst r = new Replicate();\nawait r.run(modelId, { input: { prompt: 'a cat' } });"] },
  },
];

/** API hosts of AI vendors: a raw HTTP request to one of them is an `ai` sink for its body. */
export const AI_HOSTS: readonly { readonly pattern: RegExp; readonly vendor: string }[] = [
  { pattern: /^https?:\/\/api\.openai\.com\b/i, vendor: 'OpenAI' },
  { pattern: /^https?:\/\/[^/]*\.openai\.azure\.com\b/i, vendor: 'Azure OpenAI' },
  { pattern: /^https?:\/\/[^/]*\.services\.ai\.azure\.com\b/i, vendor: 'Azure AI Foundry' },
  { pattern: /^https?:\/\/api\.anthropic\.com\b/i, vendor: 'Anthropic' },
  { pattern: /^https?:\/\/generativelanguage\.googleapis\.com\b/i, vendor: 'Google Gemini' },
  { pattern: /^https?:\/\/[^/]*aiplatform\.googleapis\.com\b/i, vendor: 'Google Vertex AI' },
  { pattern: /^https?:\/\/bedrock-runtime\.[^/]*amazonaws\.com\b/i, vendor: 'Amazon Bedrock' },
  { pattern: /^https?:\/\/api\.cohere\.(ai|com)\b/i, vendor: 'Cohere' },
  { pattern: /^https?:\/\/api\.mistral\.ai\b/i, vendor: 'Mistral' },
  { pattern: /^https?:\/\/api\.groq\.com\b/i, vendor: 'Groq' },
  { pattern: /^https?:\/\/(api-inference|router)\.huggingface\.co\b/i, vendor: 'Hugging Face' },
  { pattern: /^https?:\/\/api\.replicate\.com\b/i, vendor: 'Replicate' },
  { pattern: /^https?:\/\/openrouter\.ai\b/i, vendor: 'OpenRouter' },
  { pattern: /^https?:\/\/api\.together\.(xyz|ai)\b/i, vendor: 'Together AI' },
  { pattern: /^https?:\/\/api\.perplexity\.ai\b/i, vendor: 'Perplexity' },
  { pattern: /^https?:\/\/api\.deepseek\.com\b/i, vendor: 'DeepSeek' },
  { pattern: /^https?:\/\/api\.x\.ai\b/i, vendor: 'xAI' },
  { pattern: /^https?:\/\/(localhost|127\.0\.0\.1):11434\b/i, vendor: 'Ollama' },
];
