import rule from '../../../src/eslint-plugin/rules/no-unencrypted-phi-storage';
import { suggestion, tsRuleTester } from './ruleTester';

const S1 = "localStorage.setItem('patient', JSON.stringify(patient));";
const S2 = 'document.cookie = `dob=${patient.birthDate}`;';
const S3 = "import { writeFile } from 'node:fs/promises';\nawait writeFile('/tmp/x.txt', patient.clinicalNotes);";

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
