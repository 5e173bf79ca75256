import { createPhiRule } from '../createRule';

export default createPhiRule({ id: 'no-phi-in-logs', description: 'Disallow PHI flowing into logs, error trackers, tracing and analytics.' });
