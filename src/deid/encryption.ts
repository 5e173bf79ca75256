import { fromBase64Url, fromUtf8, isCryptoKey, keyBytes, ownBytes, randomBytes, toBase64Url, utf8, webCrypto } from './bytes';
import type { KeyInput } from './bytes';

/** Version tag of the ciphertext format: `enc:v1:<iv base64url>:<ciphertext+tag base64url>`. */
const PREFIX = 'enc:v1:';

export interface FieldEncryptionOptions {
  /** Authenticated but not encrypted context, e.g. the record id and field name: a ciphertext moved to another
   * record or field then fails to decrypt. Must be the same when decrypting. */
  readonly associatedData?: string;
}

/** A fresh random 256-bit AES key. Store it in a key manager, never next to the data it protects. */
export function generateFieldKey(): Uint8Array {
  return randomBytes(32);
}

async function aesKey(key: KeyInput, usage: 'encrypt' | 'decrypt'): Promise<CryptoKey> {
  if (isCryptoKey(key)) {
    // The format promises AES-256-GCM; an AES-128 key or a key for another algorithm must not pass as one.
    const algorithm = key.algorithm as Partial<AesKeyAlgorithm>;
    if (algorithm.name !== 'AES-GCM' || algorithm.length !== 256) {
      throw new TypeError(`phi-guard/deid: the field encryption CryptoKey must be a 256-bit AES-GCM key; got ${String(algorithm.name)}${algorithm.length === undefined ? '' : ` with ${algorithm.length} bits`}.`);
    }
    return key;
  }
  const raw = keyBytes(key, 'field encryption key');
  if (raw.length !== 32) throw new Error(`phi-guard/deid: an AES-256 key is 32 bytes; got ${raw.length}. Create one with generateFieldKey().`);
  return webCrypto().subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, [usage]);
}

function params(iv: Uint8Array<ArrayBuffer>, options?: FieldEncryptionOptions): AesGcmParams {
  return options?.associatedData === undefined
    ? { name: 'AES-GCM', iv, tagLength: 128 }
    : { name: 'AES-GCM', iv, tagLength: 128, additionalData: ownBytes(utf8(options.associatedData)) };
}

/**
 * Encrypts a field value (any JSON value) with AES-256-GCM through WebCrypto (`globalThis.crypto.subtle`: the
 * browser's, or Node's built-in implementation). Each call uses a fresh random 96-bit IV. Returns
 * `enc:v1:<iv>:<ciphertext>`, safe to store as text.
 */
export async function encryptField(value: unknown, key: KeyInput, options?: FieldEncryptionOptions): Promise<string> {
  const json = JSON.stringify(value);
  if (json === undefined) throw new Error('phi-guard/deid: encryptField needs a JSON value (got undefined, a function or a symbol).');
  const iv = ownBytes(randomBytes(12));
  const ciphertext = await webCrypto().subtle.encrypt(params(iv, options), await aesKey(key, 'encrypt'), ownBytes(utf8(json)));
  return `${PREFIX}${toBase64Url(iv)}:${toBase64Url(new Uint8Array(ciphertext))}`;
}

/** Whether a stored value looks like encryptField output (so a migration can skip values already encrypted). */
export function isEncryptedField(value: unknown): value is string {
  return typeof value === 'string' && /^enc:v1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]{22,}$/.test(value);
}

/** Decrypts encryptField output; throws if the key, the associated data or the ciphertext is wrong (GCM tag). */
export async function decryptField<T = unknown>(payload: string, key: KeyInput, options?: FieldEncryptionOptions): Promise<T> {
  if (!isEncryptedField(payload)) throw new Error('phi-guard/deid: decryptField expects a value produced by encryptField (enc:v1:…).');
  const [ivText, dataText] = payload.slice(PREFIX.length).split(':') as [string, string];
  const cryptoKey = await aesKey(key, 'decrypt');
  let plaintext: ArrayBuffer;
  try {
    plaintext = await webCrypto().subtle.decrypt(params(ownBytes(fromBase64Url(ivText)), options), cryptoKey, ownBytes(fromBase64Url(dataText)));
  } catch {
    throw new Error('phi-guard/deid: decryptField failed: wrong key, wrong associatedData, or the ciphertext was altered.');
  }
  return JSON.parse(fromUtf8(new Uint8Array(plaintext))) as T;
}
