/**
 * phi-guard/deid: HIPAA Safe Harbor de-identification, pseudonymization, masking and field encryption for Node
 * and browsers, with no runtime dependencies. Public API only; each export lives in its own module.
 */
export { deidentify } from './deidentify';
export type { DeidentifyOptions, RemovalMode } from './options';
export { scrubText } from './freeText';
export { pseudonymize, reidentify, generatePseudonymKey } from './pseudonymize';
export type { PseudonymizeOptions, PseudonymizeResult, TokenMap } from './pseudonymize';
export { mask, maskString } from './mask';
export { encryptField, decryptField, generateFieldKey, isEncryptedField } from './encryption';
export type { FieldEncryptionOptions } from './encryption';
export { RESTRICTED_ZIP3 } from './zip3';
export { DEFAULT_RECOGNIZERS } from './recognizers/defaults';
export type { Recognizer, RecognizerContext, TextMatch } from './recognizers/recognizer';
export type { PhiCategoryId } from '../core/catalog/phiCategories';
