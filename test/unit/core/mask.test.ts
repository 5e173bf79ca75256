import * as assert from 'node:assert/strict';
import { maskLiterals } from '../../../src/core';

describe('masking literals in quoted code', () => {
  it('masks digits and e-mail local parts in string and template literals and comments, not in names', () => {
    assert.equal(maskLiterals("send({ to: 'maria@example.com', addressLine1, ssn: '123-45-6789' })"), "send({ to: '***@example.com', addressLine1, ssn: '•••-••-••••' })");
    assert.equal(maskLiterals('`${patient.name} born 1931-03-02, call ${"555-0123"}` /* MRN 12345 */'), '`${patient.name} born ••••-••-••, call ${"•••-••••"}` /* MRN ••••• */');
    assert.equal(maskLiterals('items[0].slice(0, 4) + new Date(1931, 2, 3)'), 'items[0].slice(0, 4) + new Date(••••, 2, 3)');
  });

  it('reads quotes as the compiler does: one inside a regular expression or a comment does not unmask a literal', () => {
    assert.equal(maskLiterals("patient.ssn.replace(/'/g, '') + ' SSN 123-45-6789'"), "patient.ssn.replace(/'/g, '') + ' SSN •••-••-••••'");
    assert.equal(maskLiterals("note /* it's */ + ' 123-45-6789'"), "note /* it's */ + ' •••-••-••••'");
    assert.equal(maskLiterals("total / 2 + ' 555-0123' + x / y"), "total / 2 + ' •••-••••' + x / y");
    assert.equal(maskLiterals('`a ${ {k: 1}["k"] } 6789`'), '`a ${ {k: 1}["k"] } ••••`');
  });
});
