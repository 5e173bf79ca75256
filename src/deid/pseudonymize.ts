import type { PhiCategoryId } from '../core/catalog/phiCategories';
import { isCryptoKey, keyBytes, ownBytes, randomBytes, toHex, utf8, webCrypto } from './bytes';
import type { KeyInput } from './bytes';
import type { DeidentifyOptions } from './options';
import { resolveOptions } from './options';
import { setOwn, Walker } from './walker';

/** Token → original value. It holds PHI: keep it with the covered entity, like the key. */
export type TokenMap = Record<string, string>;

export interface PseudonymizeOptions extends Omit<DeidentifyOptions, 'mode'> {
  /** HMAC-SHA-256 key held by the caller (at least 16 random bytes; 32 recommended), or an HMAC CryptoKey. */
  readonly key: KeyInput;
  /** A map from earlier calls to extend, so one conversation or batch shares one map. Not mutated. */
  readonly tokens?: TokenMap;
  /** Hex digits of HMAC in each token (8–64, default 8); a collision in the map lengthens that token. */
  readonly tokenLength?: number;
}

export interface PseudonymizeResult<T> {
  readonly value: T;
  readonly tokens: TokenMap;
}

/** A fresh random 256-bit key for pseudonymize. It must stay with the covered entity (see docs/deid.md). */
export function generatePseudonymKey(): Uint8Array {
  return randomBytes(32);
}

const TOKEN = /\[[A-Z]+(?:-[A-Z]+)*-[0-9a-f]{8,64}\]/g;
// Private-use code points mark replacements during the synchronous walk; tokens are computed afterwards.
const MARKER = /\uE000(\d+)\uE001/g;
const COMPACT_CATEGORIES: ReadonlySet<PhiCategoryId> = /* @__PURE__ */ new Set(['phone', 'fax', 'ssn', 'mrn', 'health-plan', 'account', 'license', 'vehicle', 'device', 'other-id']);

/** The form of a value that is hashed: the same person's `(617) 555-1234` and `617.555.1234` get one token. */
function canonical(category: PhiCategoryId, original: string): string {
  const text = original.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
  return COMPACT_CATEGORIES.has(category) ? text.replace(/[^\p{L}\p{N}]/gu, '') : text;
}

async function hmacKey(key: KeyInput): Promise<CryptoKey> {
  if (isCryptoKey(key)) {
    // Tokens are documented as HMAC-SHA-256; another hash would silently give tokens that match no earlier batch.
    const algorithm = key.algorithm as Partial<HmacKeyAlgorithm>;
    if (algorithm.name !== 'HMAC' || algorithm.hash?.name !== 'SHA-256') {
      throw new TypeError(`phi-guard/deid: the pseudonymization CryptoKey must be an HMAC key with SHA-256; got ${String(algorithm.name)}${algorithm.hash ? ` with ${algorithm.hash.name}` : ''}.`);
    }
    if ((algorithm.length ?? 0) < 128) throw new Error(`phi-guard/deid: the pseudonymization CryptoKey has ${algorithm.length ?? 0} bits; use at least 128.`);
    return key;
  }
  const raw = keyBytes(key, 'pseudonymization key');
  if (raw.length < 16) {
    throw new Error(`phi-guard/deid: the pseudonymization key is ${raw.length} bytes; use at least 16 random bytes (generatePseudonymKey() makes 32). Never derive it from PHI.`);
  }
  return webCrypto().subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

/**
 * Like deidentify, but identifiers become keyed tokens (`[NAME-3fa9c2d1]`: HMAC-SHA-256 of the category and the
 * normalised value under the caller's key) instead of placeholders. The same value gets the same token in every
 * record and call that uses the same key, so an AI model can still tell people apart, and `reidentify` puts the
 * originals back into its answer. Dates, ZIP codes and ages are generalised exactly as deidentify does.
 *
 * Not Safe Harbor: the tokens are derived from PHI, which 45 CFR 164.514(c) forbids for a re-identification code,
 * so the output stays PHI for whoever holds the key or the token map. See docs/deid.md.
 */
export async function pseudonymize<T>(value: T, options: PseudonymizeOptions): Promise<PseudonymizeResult<T>> {
  const tokenLength = options.tokenLength ?? 8;
  if (!Number.isInteger(tokenLength) || tokenLength < 8 || tokenLength > 64) throw new Error('phi-guard/deid: tokenLength must be an integer from 8 to 64.');
  const key = await hmacKey(options.key);
  const found: Array<{ category: PhiCategoryId; original: string }> = [];
  const replace = (category: PhiCategoryId, original: string) => `\uE000${found.push({ category, original }) - 1}\uE001`;
  const walked = new Walker(resolveOptions({ ...options, mode: 'placeholder' }, replace)).root(value);

  const tokens: TokenMap = { ...options.tokens };
  const canonicalByToken = new Map<string, string>();
  const tokenByCanonical = new Map<string, string>();
  const subtle = webCrypto().subtle;
  const tokenFor = async (category: PhiCategoryId, original: string): Promise<string> => {
    const canon = `${category}\u0000${canonical(category, original)}`;
    const known = tokenByCanonical.get(canon);
    if (known) return known;
    const hex = toHex(new Uint8Array(await subtle.sign('HMAC', key, ownBytes(utf8(canon)))));
    for (let length = tokenLength; length <= 64; length += 8) {
      const token = `[${category.toUpperCase()}-${hex.slice(0, length)}]`;
      const taken = canonicalByToken.get(token) ?? (tokens[token] !== undefined ? `${category}\u0000${canonical(category, tokens[token]!)}` : undefined);
      if (taken === undefined || taken === canon) {
        canonicalByToken.set(token, canon);
        tokenByCanonical.set(canon, token);
        if (tokens[token] === undefined) tokens[token] = original;
        return token;
      }
    }
    throw new Error('phi-guard/deid: HMAC token collision that 64 hex digits could not resolve.');
  };
  const resolved: string[] = [];
  for (const { category, original } of found) resolved.push(await tokenFor(category, original));
  return { value: replaceDeep(walked, (text) => text.replace(MARKER, (marker, index: string) => resolved[Number(index)] ?? marker)) as T, tokens };
}

/**
 * Puts the original values back in place of tokens, in a string (an AI model's answer) or in every string of an
 * object, array or Map copy. Tokens missing from the map are left as they are.
 */
export function reidentify<T>(value: T, tokens: TokenMap): T {
  return replaceDeep(value, (text) => text.replace(TOKEN, (token) => (Object.prototype.hasOwnProperty.call(tokens, token) ? tokens[token]! : token))) as T;
}

/** A copy of `value` with `transform` applied to every string (containers copied, others kept). */
function replaceDeep(value: unknown, transform: (text: string) => string, seen = new Map<object, unknown>()): unknown {
  if (typeof value === 'string') return transform(value);
  if (value === null || typeof value !== 'object' || value instanceof Date || ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return value;
  if (seen.has(value)) return seen.get(value);
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    seen.set(value, out);
    for (const item of value) out.push(replaceDeep(item, transform, seen));
    return out;
  }
  if (value instanceof Map) {
    const out = new Map<unknown, unknown>();
    seen.set(value, out);
    for (const [k, v] of value) out.set(typeof k === 'string' ? transform(k) : k, replaceDeep(v, transform, seen));
    return out;
  }
  if (value instanceof Set) {
    const out = new Set<unknown>();
    seen.set(value, out);
    for (const v of value) out.add(replaceDeep(v, transform, seen));
    return out;
  }
  const out: Record<string, unknown> = {};
  seen.set(value, out);
  // Keys too: an identifier used as a key (data keyed by e-mail) is tokenised like any other.
  for (const [k, v] of Object.entries(value)) setOwn(out, transform(k), replaceDeep(v, transform, seen));
  return out;
}
