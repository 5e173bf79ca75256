import { createPhiRule } from '../createRule';

export default createPhiRule({ id: 'no-phi-to-ai', description: 'Disallow PHI flowing into AI/LLM SDK calls and AI API requests.' });
