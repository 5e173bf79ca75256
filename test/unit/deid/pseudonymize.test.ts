import * as assert from 'assert';
import { generatePseudonymKey, pseudonymize, reidentify } from '../../../src/deid';
import { observation, patient } from './samples/fhirSamples';

const now = new Date('2026-11-28T12:00:00Z');
const key = new Uint8Array(32).map((_, i) => i + 1);
const TOKEN = /\[[A-Z-]+-[0-9a-f]{8}\]/;

describe('pseudonymize / reidentify', () => {
  it('replaces identifiers with keyed tokens and reidentify restores them in an AI answer', async () => {
    const record = { name: 'Maria Lopez', ssn: '123-45-6789', note: 'Reach Maria at maria@example.org', birthDate: '1980-05-06' };
    const { value, tokens } = await pseudonymize(record, { key, now });
    assert.match(value.name, /^\[NAME-[0-9a-f]{8}\]$/);
    assert.match(value.ssn, /^\[SSN-[0-9a-f]{8}\]$/);
    assert.match(value.note, /^Reach Maria at \[EMAIL-[0-9a-f]{8}\]$/, 'a name with no cue in free text is not caught (documented)');
    assert.strictEqual(value.birthDate, '1980', 'dates are generalised, not tokenized');
    assert.strictEqual(tokens[value.ssn], '123-45-6789');
    const answer = `Summary for ${value.name} (SSN ${value.ssn}).`;
    assert.strictEqual(reidentify(answer, tokens), 'Summary for Maria Lopez (SSN 123-45-6789).');
    assert.deepStrictEqual(reidentify(value, tokens), { ...record, birthDate: '1980' });
  });

  it('gives the same value the same token across records and calls with the same key, and different tokens with another key', async () => {
    const a = await pseudonymize({ phone: '(617) 555-0123' }, { key, now });
    const b = await pseudonymize({ phone: '617.555.0123' }, { key, now });
    const c = await pseudonymize({ phone: '(617) 555-0123' }, { key: generatePseudonymKey(), now });
    assert.strictEqual(a.value.phone, b.value.phone, 'formatting does not change the token');
    assert.notStrictEqual(a.value.phone, c.value.phone);
  });

  it('separates categories: the same digits as an SSN and as an account get different tokens', async () => {
    const { value } = await pseudonymize({ ssn: '123456789', accountNumber: '123456789' }, { key, now });
    assert.notStrictEqual(value.ssn.replace(/^\[SSN/, ''), value.accountNumber.replace(/^\[ACCOUNT/, ''));
  });

  it('extends a token map from an earlier call without mutating it', async () => {
    const first = await pseudonymize('SSN 123-45-6789', { key, now });
    const frozen = Object.freeze({ ...first.tokens });
    const second = await pseudonymize('mail a.b@example.com', { key, now, tokens: frozen });
    assert.strictEqual(Object.keys(frozen).length, 1);
    assert.strictEqual(Object.keys(second.tokens).length, 2);
    assert.strictEqual(reidentify(`${first.value} / ${second.value}`, second.tokens), 'SSN 123-45-6789 / mail a.b@example.com');
  });

  it('lengthens a token when its short form is already taken by another value', async () => {
    const { value: probe } = await pseudonymize({ ssn: '123-45-6789' }, { key, now });
    const taken = { [probe.ssn]: '999-99-9999' };
    const { value, tokens } = await pseudonymize({ ssn: '123-45-6789' }, { key, now, tokens: taken });
    assert.match(value.ssn, /^\[SSN-[0-9a-f]{16}\]$/);
    assert.strictEqual(tokens[value.ssn], '123-45-6789');
    assert.strictEqual(tokens[probe.ssn], '999-99-9999');
  });

  it('keeps FHIR references linkable: the same id gets the same token in every reference', async () => {
    const { value, tokens } = await pseudonymize([patient, observation], { key, now });
    const json = JSON.stringify(value);
    assert.ok(!json.includes('pat-8812') && !json.includes('Lopez'));
    const [pseudoPatient, pseudoObservation] = value as unknown as [{ id: string }, { subject: { reference: string } }];
    assert.match(pseudoPatient.id, /^\[OTHER-ID-[0-9a-f]{8}\]$/);
    assert.strictEqual(pseudoObservation.subject.reference, `Patient/${pseudoPatient.id}`);
    assert.strictEqual(reidentify(pseudoObservation.subject.reference, tokens), 'Patient/pat-8812');
  });

  it('replaces bytes in an identifier field with a placeholder, not a token that could link unrelated photos', async () => {
    const { value, tokens } = await pseudonymize({ photo: new Uint8Array([1, 2, 3]) }, { key, now });
    assert.deepStrictEqual(value, { photo: '[REDACTED:photo]' });
    assert.deepStrictEqual(tokens, {});
  });

  it('rejects short keys with a message that says what to do', async () => {
    await assert.rejects(pseudonymize('x', { key: new Uint8Array(8) }), /at least 16 random bytes.*generatePseudonymKey/);
  });

  it('rejects a key that is not bytes instead of hashing under an all-zero key', async () => {
    const loose = (key: unknown) => pseudonymize('SSN 123-45-6789', { key: key as Uint8Array, now });
    await assert.rejects(loose(32), (error: Error) => error instanceof TypeError && /pseudonymization key must be a Uint8Array.*got a number/.test(error.message));
    await assert.rejects(loose([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]), /got an array/);
    await assert.rejects(loose({ length: 32 }), /got a plain object/);
    await assert.rejects(loose(undefined), /got undefined/);
    const secret = 'correct horse battery staple 1234';
    await assert.rejects(loose(secret), (error: Error) => error instanceof TypeError && /got a string.*decode a base64 key with Uint8Array\.from\(atob/.test(error.message) && !error.message.includes(secret));
  });

  it('accepts any ArrayBuffer view of the key bytes, and only an HMAC-SHA-256 CryptoKey', async () => {
    const expected = (await pseudonymize({ ssn: '123-45-6789' }, { key, now })).value;
    assert.deepStrictEqual((await pseudonymize({ ssn: '123-45-6789' }, { key: new DataView(key.slice().buffer), now })).value, expected);
    assert.deepStrictEqual((await pseudonymize({ ssn: '123-45-6789' }, { key: key.slice().buffer, now })).value, expected);
    const hmacKey = await globalThis.crypto.subtle.importKey('raw', key.slice(), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    assert.deepStrictEqual((await pseudonymize({ ssn: '123-45-6789' }, { key: hmacKey, now })).value, expected);
    const sha512Key = await globalThis.crypto.subtle.importKey('raw', key.slice(), { name: 'HMAC', hash: 'SHA-512' }, false, ['sign']);
    await assert.rejects(pseudonymize('x', { key: sha512Key }), /HMAC key with SHA-256; got HMAC with SHA-512/);
    const aesKey = await globalThis.crypto.subtle.importKey('raw', key.slice(), 'AES-GCM', false, ['encrypt']);
    await assert.rejects(pseudonymize('x', { key: aesKey }), /got AES-GCM/);
  });

  it('leaves unknown tokens alone when reidentifying', () => {
    assert.strictEqual(reidentify('see [NAME-0000aaaa]', {}), 'see [NAME-0000aaaa]');
    assert.ok(TOKEN.test('[OTHER-ID-1234abcd]'));
  });

  it('tokenises identifiers used as keys, and reidentify restores them', async () => {
    const record = { byEmail: { 'maria@example.org': { visits: 3 } } };
    const { value, tokens } = await pseudonymize(record, { key, now });
    const [token] = Object.keys(value.byEmail);
    assert.match(token!, /^\[EMAIL-[0-9a-f]{8}\]$/);
    assert.deepStrictEqual(reidentify(value, tokens), record);
  });
});
