import rule from '../../../src/eslint-plugin/rules/no-phi-in-logs';
import { jsRuleTester, suggestion, tsRuleTester } from './ruleTester';

const LOG1 = 'console.log("patient", patient.ssn);';
const LOG2 = "import winston from 'winston';\nconst logger = winston.createLogger({});\nfunction audit(x: unknown) { logger.warn('audit', x); }\naudit(patient.email);";
const LOG3 = "import * as Sentry from '@sentry/node';\nSentry.setUser({ id: user.id, email: patient.email });";
const LOG4 = "const debug = require('debug')('app');\nfunction f(dob) { debug('dob %s', dob); }";

tsRuleTester.run('no-phi-in-logs', rule, {
  valid: [
    "console.log('server started on', port);",
    'console.log(fileName, hostname, displayName, updatedAt, zipFile);',
    "import pino from 'pino';\nconst log = pino();\nlog.info({ count: patients.length }, 'loaded');",
    "console.log(patient.ssn); // phi-guard-allow no-phi-in-logs -- fixture data only",
  ],
  invalid: [
    { code: LOG1, errors: [{ messageId: 'phi', line: 1, column: 24, endColumn: 35, suggestions: suggestion(LOG1, 'patient.ssn', 0, 'ssn') }] },
    { code: LOG2, errors: [{ messageId: 'phi', line: 4, column: 7, suggestions: suggestion(LOG2, 'patient.email', 0, 'email') }] },
    { code: LOG3, errors: [{ messageId: 'phi', line: 2, column: 38, suggestions: suggestion(LOG3, 'patient.email', 0, 'email') }] },
  ],
});

jsRuleTester.run('no-phi-in-logs (JavaScript, default parser)', rule, {
  valid: ["const debug = require('debug')('app');\ndebug('tick %d', n);"],
  invalid: [{ code: LOG4, errors: [{ messageId: 'phi', line: 2, suggestions: suggestion(LOG4, 'dob', LOG4.indexOf("'dob %s', ") + 10, 'date') }] }],
});
