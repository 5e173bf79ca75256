// Just enough of the `openai` package's types for the sample workspace to type-check without node_modules.
declare module 'openai' {
  interface ChatMessage {
    role: 'system' | 'user' | 'assistant';
    content: string;
  }
  interface ChatCompletion {
    choices: { message?: { content?: string | null } }[];
  }
  export default class OpenAI {
    chat: { completions: { create(request: { model: string; messages: ChatMessage[] }): Promise<ChatCompletion> } };
  }
}
