import type { SanitizerEntry } from './sinkTypes';

/** Words in a callee's name that mean its result no longer carries PHI (`deidentify`, `maskSsn`, `hashEmail`). */
export const SANITIZER_WORDS: ReadonlySet<string> = new Set([
  'deidentify', 'deidentified', 'deid', 'redact', 'redacted', 'mask', 'masked', 'anonymize', 'anonymise', 'anonymized', 'pseudonymize',
  'pseudonymise', 'tokenize', 'hash', 'hashed', 'encrypt', 'encrypted', 'scrub', 'scrubbed', 'hmac', 'digest', 'cipher', 'obfuscate', 'strip',
  'generalize', 'generalise', 'truncate', 'omit', 'sha', 'sha256', 'sha512', 'blake', 'argon', 'bcrypt', 'scrypt', 'pbkdf',
]);

/**
 * `sanitize` alone is as often an HTML, file-name or input clean-up (`sanitizeHtml`, `sanitizeFilename`,
 * `sanitizeForId`) as a redaction: it sanitizes PHI only together with a word that says the clean-up is for a log or
 * for identifiers (`sanitizeForLogging`, `sanitizeLogData`, `sanitizePhi`, `sanitizeAuditDetails`).
 */
export const PURPOSE_SANITIZER_WORDS: ReadonlySet<string> = new Set(['sanitize', 'sanitise', 'sanitized', 'sanitised', 'sanitizer', 'sanitiser']);
export const REDACTION_PURPOSE_WORDS: ReadonlySet<string> = new Set(['log', 'logs', 'logging', 'logger', 'audit', 'telemetry', 'phi', 'ephi', 'pii', 'hipaa']);

/** Words that stop a name from being a sanitizer even though it contains one (`unmask`, `decrypt`, `reidentify`). */
export const NOT_SANITIZER_WORDS: ReadonlySet<string> = new Set(['unmask', 'decrypt', 'reidentify', 'un', 'de', 'show', 'reveal', 'unredact', 'detokenize']);

export const SANITIZERS: readonly SanitizerEntry[] = [
  {
    id: 'phi-guard-deid', description: "PHI Guard's de-identification runtime (`phi-guard/deid`).",
    modules: ['phi-guard/deid'], paths: ['{deidentify,mask,encryptField,pseudonymize,scrubText,redact}'],
    examples: { match: ["import { deidentify } from 'phi-guard/deid';\nconsole.log(deidentify(patient));"], noMatch: ["import { reidentify } from 'phi-guard/deid';\nconsole.log(reidentify(text, map), patient.ssn);"] },
  },
  {
    id: 'node-crypto-hash', description: 'A cryptographic hash or HMAC (`crypto.createHash(...).update(v).digest()`).',
    modules: ['crypto', 'node:crypto'], paths: ['{createHash,createHmac,default.createHash,default.createHmac}().update().digest', '{createCipheriv,default.createCipheriv}().{update,final}', 'publicEncrypt'],
    examples: { match: ["import crypto from 'node:crypto';\nconsole.log(crypto.createHash('sha256').update(patient.ssn).digest('hex'));"], noMatch: ["import crypto from 'node:crypto';\nconsole.log(crypto.randomUUID(), patient.ssn);"] },
  },
  {
    id: 'named-sanitizer',
    description: 'A function whose name says it de-identifies, masks, redacts, hashes or encrypts (`maskSsn`, `redactPhi`, `encrypt`), or sanitizes for a log or of PHI (`sanitizeForLogging`; not `sanitizeHtml`).',
    examples: {
      match: ['console.log(maskSsn(patient.ssn));', 'console.log(redactPhi(patient));', 'localStorage.setItem("p", await encrypt(JSON.stringify(patient)));', 'console.log(sanitizeForLogging(patient));'],
      noMatch: ['console.log(formatSsn(patient.ssn));', 'console.log(decrypt(blob), patient.ssn);', 'console.log(sanitizeHtml(patient.notes));'],
    },
  },
];
