import { createPhiRule } from '../createRule';

export default createPhiRule({ id: 'no-phi-in-url', description: 'Disallow PHI in URLs and query strings.' });
