import { describeType } from './describeType';

/** WebCrypto (browsers, Node ≥ 20 as globalThis.crypto); no `node:` import, so the runtime bundles for browsers. */
export function webCrypto(): Crypto {
  const crypto = globalThis.crypto;
  if (!crypto?.subtle) {
    throw new Error('phi-guard/deid: WebCrypto (globalThis.crypto.subtle) is not available. Use Node 20 or later, or a browser page served over HTTPS.');
  }
  return crypto;
}

export function randomBytes(length: number): Uint8Array {
  return webCrypto().getRandomValues(new Uint8Array(length));
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export function fromUtf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

export function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Copies bytes into a fresh ArrayBuffer-backed array (WebCrypto rejects SharedArrayBuffer views). */
export function ownBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return copy;
}

/** Secret key material as callers hold it: raw bytes, or a WebCrypto key where the function documents one. */
export type KeyInput = CryptoKey | ArrayBuffer | ArrayBufferView;

export function isCryptoKey(value: unknown): value is CryptoKey {
  return typeof CryptoKey !== 'undefined' && value instanceof CryptoKey;
}

/**
 * The raw bytes of a key, copied. Anything else is a TypeError: `new Uint8Array(32)` of a number is 32 zero bytes,
 * so a loose conversion would quietly encrypt or hash under a key that everyone knows. The message names the type
 * only, never the value, since a key passed the wrong way is still a secret.
 */
export function keyBytes(key: unknown, purpose: string): Uint8Array<ArrayBuffer> {
  if (ArrayBuffer.isView(key)) return ownBytes(new Uint8Array(key.buffer, key.byteOffset, key.byteLength));
  if (key instanceof ArrayBuffer || Object.prototype.toString.call(key) === '[object ArrayBuffer]') return ownBytes(new Uint8Array(key as ArrayBuffer));
  const hint = typeof key === 'string'
    ? ' A text key must be decoded to its bytes first: pass the bytes your key manager returns, or decode a base64 key with Uint8Array.from(atob(text), (c) => c.charCodeAt(0)).'
    : '';
  throw new TypeError(`phi-guard/deid: the ${purpose} must be a Uint8Array, an ArrayBuffer or another ArrayBuffer view; got ${describeType(key)}.${hint}`);
}
