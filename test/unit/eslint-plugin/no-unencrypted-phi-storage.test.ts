import rule from '../../../src/eslint-plugin/rules/no-unencrypted-phi-storage';
import { jsRuleTester, suggestion, tsRuleTester } from './ruleTester';

const S1 = "localStorage.setItem('patient', JSON.stringify(patient));";
const S2 = 'document.cookie = `dob=${patient.birthDate}`;';
const S3 = "import { writeFile } from 'node:fs/promises';\nawait writeFile('/tmp/x.txt', patient.clinicalNotes);";
/** A cookie helper given Express's response by the handler that calls it (the client is the caller's). */
const COOKIE_HELPER = `const express = require('express');
const router = express.Router();
function rememberChoice(res, name, value) { res.cookie(name, value, { httpOnly: true }); }
router.post('/intake', (req, res) => {
  rememberChoice(res, 'language', req.body.language);
  rememberChoice(res, 'dob', req.body.dateOfBirth);
});`;

tsRuleTester.run('no-unencrypted-phi-storage', rule, {
  valid: [
    "localStorage.setItem('theme', 'dark');",
    "import * as SecureStore from 'expo-secure-store';\nawait SecureStore.setItemAsync('ssn', ssn);",
    "import { PutObjectCommand } from '@aws-sdk/client-s3';\nnew PutObjectCommand({ Bucket: 'b', Key: 'k', Body: patientCsv, ServerSideEncryption: 'aws:kms' });",
  ],
  invalid: [
    { code: S1, errors: [{ messageId: 'phi', line: 1, column: 48, suggestions: suggestion(S1, 'patient', 40) }] },
    { code: S2, errors: [{ messageId: 'phi', line: 1, column: 19, suggestions: suggestion(S2, '`dob=${patient.birthDate}`') }] },
    { code: S3, errors: [{ messageId: 'phi', line: 2, suggestions: suggestion(S3, 'patient.clinicalNotes', 0, 'clinical-note') }] },
  ],
});

jsRuleTester.run('no-unencrypted-phi-storage (JavaScript, a client handed to a helper)', rule, {
  valid: ["const express = require('express');\nconst router = express.Router();\nfunction remember(res, value) { res.cookie('language', value); }\nrouter.post('/p', (req, res) => remember(res, req.body.language));"],
  invalid: [{ code: COOKIE_HELPER, errors: [{ messageId: 'phi', line: 6, suggestions: suggestion(COOKIE_HELPER, 'req.body.dateOfBirth', 0, 'date') }] }],
});
