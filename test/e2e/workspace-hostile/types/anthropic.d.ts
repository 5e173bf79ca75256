// Just enough of `@anthropic-ai/sdk` for this fixture to type-check without node_modules (`openai` is declared in
// ../../workspace/clinic-app/types). The scan skips *.d.ts files.
declare module '@anthropic-ai/sdk' {
  export default class Anthropic {
    messages: { create(request: { model: string; max_tokens: number; messages: { role: 'user' | 'assistant'; content: string }[] }): Promise<unknown> };
  }
}
