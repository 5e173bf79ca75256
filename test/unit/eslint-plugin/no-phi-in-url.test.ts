import rule from '../../../src/eslint-plugin/rules/no-phi-in-url';
import { suggestion, tsRuleTester } from './ruleTester';

const U1 = 'await fetch(`/api/patients/search?ssn=${form.ssn}`);';
const U2 = "import axios from 'axios';\naxios.get('/api/search', { params: { dob: patient.birthDate } });";
const U3 = 'const q = new URLSearchParams({ email: patient.email });';

tsRuleTester.run('no-phi-in-url', rule, {
  valid: [
    "await fetch('/api/search', { method: 'POST', body: JSON.stringify({ ssn: form.ssn }) });",
    'await fetch(`/api/patients?page=${page}`);',
  ],
  invalid: [
    { code: U1, errors: [{ messageId: 'phi', line: 1, column: 13, suggestions: suggestion(U1, '`/api/patients/search?ssn=${form.ssn}`') }] },
    { code: U2, errors: [{ messageId: 'phi', line: 2, column: 43, suggestions: suggestion(U2, 'patient.birthDate', 0, 'date') }] },
    { code: U3, errors: [{ messageId: 'phi', line: 1, column: 40, suggestions: suggestion(U3, 'patient.email', 0, 'email') }] },
  ],
});
