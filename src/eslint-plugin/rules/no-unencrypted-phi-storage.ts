import { createPhiRule } from '../createRule';

export default createPhiRule({ id: 'no-unencrypted-phi-storage', description: 'Disallow PHI stored unencrypted (Web Storage, cookies, IndexedDB, files, Redis, S3 without SSE).' });
