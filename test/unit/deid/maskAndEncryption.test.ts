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
});
