import * as assert from 'assert';
import { decryptField, encryptField, generateFieldKey, isEncryptedField, mask, maskString } from '../../../src/deid';

describe('mask', () => {
  it('keeps the last four digits of long numbers and the separators', () => {
    assert.strictEqual(mask('123-45-6789'), '***-**-6789');
    assert.strictEqual(mask('(617) 555-1234'), '(***) ***-1234');
    assert.strictEqual(mask('4111 1111 1111 1111'), '**** **** **** 1111');
    assert.strictEqual(mask(123456789), '*****6789');
  });
  it('masks short values, names and emails completely', () => {
    assert.strictEqual(maskString('Maria Lopez'), '***** *****');
    assert.strictEqual(maskString('jo@example.com'), '**@*******.***');
    assert.strictEqual(maskString('MRN 1234'), '*** ****');
  });
  it('masks identifier fields of an object in place of placeholders, generalising dates', () => {
    const input = { ssn: '123-45-6789', name: 'Ana', dob: '1980-01-02', note: 'call 617-555-0123' };
    assert.deepStrictEqual(mask(input, { now: new Date('2026-01-01') }), { ssn: '***-**-6789', name: '***', dob: '1980', note: 'call ***-***-0123' });
    assert.strictEqual(input.ssn, '123-45-6789');
  });
});

describe('encryptField / decryptField (AES-256-GCM, WebCrypto)', () => {
  const key = generateFieldKey();

  it('round-trips JSON values and uses a fresh IV each time', async () => {
    for (const value of ['123-45-6789', { mrn: 'A1', visits: [1, 2] }, 42, null]) {
      const sealed = await encryptField(value, key);
      assert.ok(isEncryptedField(sealed), sealed);
      assert.deepStrictEqual(await decryptField(sealed, key), value);
    }
    assert.notStrictEqual(await encryptField('x', key), await encryptField('x', key));
  });

  it('does not reveal the plaintext', async () => {
    const sealed = await encryptField('123-45-6789', key);
    const ciphertext = Buffer.from(sealed.split(':')[3]!, 'base64url');
    assert.strictEqual(ciphertext.length, '"123-45-6789"'.length + 16, 'JSON plaintext plus a 128-bit tag');
    assert.ok(!sealed.includes('6789') && !ciphertext.toString('latin1').includes('6789'));
  });

  it('fails on a wrong key, wrong associated data or a tampered ciphertext', async () => {
    const sealed = await encryptField('secret', key, { associatedData: 'patient/1#ssn' });
    assert.strictEqual(await decryptField(sealed, key, { associatedData: 'patient/1#ssn' }), 'secret');
    await assert.rejects(decryptField(sealed, generateFieldKey(), { associatedData: 'patient/1#ssn' }), /wrong key/);
    await assert.rejects(decryptField(sealed, key, { associatedData: 'patient/2#ssn' }), /wrong key, wrong associatedData/);
    const middle = sealed.length - 10;
    const tampered = sealed.slice(0, middle) + (sealed[middle] === 'A' ? 'B' : 'A') + sealed.slice(middle + 1);
    await assert.rejects(decryptField(tampered, key, { associatedData: 'patient/1#ssn' }), /altered/);
  });

  it('accepts a CryptoKey and rejects keys that are not 256-bit', async () => {
    const cryptoKey = await globalThis.crypto.subtle.importKey('raw', key.slice(), 'AES-GCM', false, ['encrypt', 'decrypt']);
    assert.strictEqual(await decryptField(await encryptField('v', cryptoKey), key), 'v');
    await assert.rejects(encryptField('v', new Uint8Array(16)), /32 bytes; got 16/);
    await assert.rejects(decryptField('plain text', key), /expects a value produced by encryptField/);
    await assert.rejects(encryptField(undefined, key), /needs a JSON value/);
  });

  it('rejects a key that is not bytes instead of encrypting under an all-zero key', async () => {
    const loose = (value: unknown) => value as Uint8Array;
    await assert.rejects(encryptField('123-45-6789', loose(32)), (error: Error) => error instanceof TypeError && /field encryption key must be a Uint8Array.*got a number/.test(error.message));
    const sealed = await encryptField('x', key);
    await assert.rejects(decryptField(sealed, loose(32)), /got a number/);
    await assert.rejects(encryptField('x', loose(null)), /got null/);
    await assert.rejects(encryptField('x', loose(Array.from(key))), /got an array/);
    const secret = 'k'.repeat(32);
    await assert.rejects(encryptField('x', loose(secret)), (error: Error) => /got a string.*decoded to its bytes/.test(error.message) && !error.message.includes(secret));
  });

  it('accepts the key bytes in any ArrayBuffer view, but only a 256-bit AES-GCM CryptoKey', async () => {
    const sealed = await encryptField('v', new DataView(key.slice().buffer));
    assert.strictEqual(await decryptField(sealed, key.slice().buffer), 'v');
    const aes128 = await globalThis.crypto.subtle.importKey('raw', new Uint8Array(16).fill(7), 'AES-GCM', false, ['encrypt']);
    await assert.rejects(encryptField('v', aes128), (error: Error) => error instanceof TypeError && /256-bit AES-GCM key; got AES-GCM with 128 bits/.test(error.message));
    const aesCbc = await globalThis.crypto.subtle.importKey('raw', key.slice(), 'AES-CBC', false, ['encrypt']);
    await assert.rejects(encryptField('v', aesCbc), /got AES-CBC with 256 bits/);
  });
});
