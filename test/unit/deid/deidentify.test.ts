import * as assert from 'assert';
import { deidentify, scrubText } from '../../../src/deid';
import type { PhiCategoryId } from '../../../src/deid';

const now = new Date('2026-11-28T12:00:00Z');

/** One structured field per Safe Harbor identifier (A)–(R) that is removed outright, with a realistic value. */
const REMOVED_IDENTIFIERS: ReadonlyArray<readonly [string, PhiCategoryId, unknown]> = [
  ['firstName', 'name', 'Maria'],
  ['streetAddress', 'geographic', '12 Elm Street'],
  ['city', 'geographic', 'Springfield'],
  ['county', 'geographic', 'Hampden'],
  ['phoneNumber', 'phone', '(413) 555-0142'],
  ['faxNumber', 'fax', '413-555-0199'],
  ['email', 'email', 'maria.lopez@example.org'],
  ['ssn', 'ssn', '123-45-6789'],
  ['mrn', 'mrn', 'MRN-0042317'],
  ['memberId', 'health-plan', 'W123456789'],
  ['accountNumber', 'account', '000123456789'],
  ['driversLicense', 'license', 'S123-4567-8901'],
  ['vin', 'vehicle', '1HGCM82633A004352'],
  ['serialNumber', 'device', 'PM-88812-X'],
  ['website', 'url', 'https://maria.example.org'],
  ['ipAddress', 'ip', '203.0.113.7'],
  ['voicePrint', 'biometric', 'vp:7f3a99'],
  ['photo', 'photo', 'https://cdn.example.org/p/42.jpg'],
  ['accessionNumber', 'other-id', 'ACC-778812'],
];

describe('deidentify: structured fields (Safe Harbor 164.514(b)(2))', () => {
  for (const [field, category, value] of REMOVED_IDENTIFIERS) {
    it(`replaces ${field} (${category}) with a typed placeholder, or drops it in remove mode`, () => {
      assert.deepStrictEqual(deidentify({ [field]: value }, { now }), { [field]: `[REDACTED:${category}]` });
      assert.deepStrictEqual(deidentify({ [field]: value }, { now, mode: 'remove' }), {});
    });
  }

  it('reduces ZIP codes to three digits, and to 000 for the restricted areas', () => {
    assert.deepStrictEqual(deidentify({ zipCode: '02139', zip: '03601-1234', postalCode: 90210 }, { now }), { zipCode: '021', zip: '000', postalCode: '902' });
    // A ZIP stored as a number loses its leading zero; 2139 is 02139.
    assert.deepStrictEqual(deidentify({ zipCode: 2139 }, { now }), { zipCode: '021' });
    assert.deepStrictEqual(deidentify({ zipCode: 'SW1A 1AA' }, { now }), { zipCode: '[REDACTED:geographic]' });
    assert.deepStrictEqual(deidentify({ zipCode: '02139' }, { now, restrictedZip3: ['021'] }), { zipCode: '000' });
  });

  it('keeps state and country (Safe Harbor allows the state) while removing the rest of an address object', () => {
    const out = deidentify({ address: { line: ['12 Elm Street', 'Apt 3'], city: 'Springfield', state: 'MA', postalCode: '01103', country: 'US' } }, { now });
    assert.deepStrictEqual(out, {
      address: { line: ['[REDACTED:geographic]', '[REDACTED:geographic]'], city: '[REDACTED:geographic]', state: 'MA', postalCode: '011', country: 'US' },
    });
  });

  it('keeps only the year of birth, admission, discharge, death and service dates', () => {
    const out = deidentify(
      { birthDate: '1980-05-06', admissionDate: '03/14/2024', dischargedAt: new Date('2024-03-20T10:00:00Z'), deathDate: 'March 5, 2025', dateOfService: '5 Jan 2024', visitDate: 1709251200000 },
      { now },
    );
    assert.deepStrictEqual(out, { birthDate: '1980', admissionDate: '2024', dischargedAt: '2024', deathDate: '2025', dateOfService: '2024', visitDate: 2024 });
  });

  it('removes a date it cannot read rather than passing it through', () => {
    assert.deepStrictEqual(deidentify({ admissionDate: 'the fifth of never' }, { now }), { admissionDate: '[REDACTED:date]' });
  });

  it('aggregates ages over 89 and birth dates that reveal them into "90+"', () => {
    const out = deidentify({ age: 93, patientAge: '90', ageYears: 89, dob: '1936-11-27', birthDate: '1936-11-29', dateOfBirth: 1930 }, { now });
    // 1936-11-27 is 90 on 2026-11-28; 1936-11-29 is still 89.
    assert.deepStrictEqual(out, { age: '90+', patientAge: '90+', ageYears: 89, dob: '90+', birthDate: '1936', dateOfBirth: '90+' });
    assert.deepStrictEqual(deidentify({ birthYear: 1931, year_of_birth: '1980', fiscalYear: 1931 }, { now }), { birthYear: '90+', year_of_birth: '1980', fiscalYear: 1931 });
  });

  it('aggregates birth years of people 90 or older under every common field name', () => {
    const out = deidentify({ yob: 1931, YOB: '1930', birthYr: 1931, birth_yr: '1931', yearOfBirth: 1920, birthYear: 1980, yobCount: 3 }, { now });
    assert.deepStrictEqual(out, { yob: '90+', YOB: '90+', birthYr: '90+', birth_yr: '90+', yearOfBirth: '90+', birthYear: 1980, yobCount: 3 });
  });

  it('keeps the year of an object of date parts, removes month and day, and applies the 90+ rule to a birth date', () => {
    // now is 2026-11-28: born 1936-11-27 is 90, born 1936-11-29 is 89.
    assert.deepStrictEqual(deidentify({ dob: { year: 1931, month: 3, day: 2 } }, { now }), { dob: { year: '90+', month: '[REDACTED:date]', day: '[REDACTED:date]' } });
    assert.deepStrictEqual(deidentify({ dob: { year: 1936, month: 11, day: 29 } }, { now }), { dob: { year: 1936, month: '[REDACTED:date]', day: '[REDACTED:date]' } });
    assert.deepStrictEqual(deidentify({ birthDate: { yyyy: '1936', mm: '11', dd: '27' } }, { now }), { birthDate: { yyyy: '90+', mm: '[REDACTED:date]', dd: '[REDACTED:date]' } });
    assert.deepStrictEqual(deidentify({ admissionDate: { year: 2024, month: 3, day: 5 } }, { now, mode: 'remove' }), { admissionDate: { year: 2024 } });
    // Inside a birth date, the date itself is still a birth date.
    assert.deepStrictEqual(deidentify({ dob: { value: '1931-03-02' } }, { now }), { dob: { value: '90+' } });
    assert.deepStrictEqual(deidentify({ dob: [{ year: 1931 }] }, { now }), { dob: [{ year: '90+' }] });
  });

  it('keeps an age object whole, with the 90+ rule applied to its number', () => {
    assert.deepStrictEqual(deidentify({ age: { value: 95, unit: 'years' } }, { now }), { age: { value: '90+', unit: 'years' } });
    const young = { value: 45, unit: 'a', system: 'http://unitsofmeasure.org', code: 'a' };
    assert.deepStrictEqual(deidentify({ patientAge: young }, { now }), { patientAge: young });
  });

  it('never reads a small number in a date field as epoch milliseconds (1970)', () => {
    assert.deepStrictEqual(deidentify({ visitDate: 3, dischargeDate: 95.5 }, { now }), { visitDate: '[REDACTED:date]', dischargeDate: '[REDACTED:date]' });
    // A timestamp is read as one when its size or its name says so.
    assert.deepStrictEqual(deidentify({ visitDate: -1225497600000 }, { now }), { visitDate: 1931 });
    assert.deepStrictEqual(deidentify({ visitDate: { timestamp: 86400000, unixTime: 1718409600 } }, { now }), { visitDate: { timestamp: 1970, unixTime: 2024 } });
  });

  it('keeps clinical categories by default (their text scrubbed) and removes them on request', () => {
    const record = {
      diagnosis: 'Type 2 diabetes (E11.9); patient email jo@example.com',
      medications: [{ name: 'metformin', dose: '500 mg' }],
      labResults: { hba1c: 7.2 },
      chiefComplaint: 'fatigue',
      procedureCode: '99213',
      allergies: ['penicillin'],
    };
    assert.deepStrictEqual(deidentify(record, { now }), { ...record, diagnosis: 'Type 2 diabetes (E11.9); patient email [REDACTED:email]' });
    assert.deepStrictEqual(deidentify(record, { now, clinical: 'remove', mode: 'remove' }), {});
    assert.deepStrictEqual(deidentify({ allergies: 'penicillin' }, { now, clinical: 'remove' }), { allergies: '[REDACTED:allergy]' });
    assert.deepStrictEqual(deidentify({ labResults: { collected: new Date('2024-05-06T00:00:00Z'), glucose: 5.4 } }, { now }), { labResults: { collected: '2024', glucose: 5.4 } });
  });

  it('classifies with the analyzer catalog: look-alikes stay, context decides', () => {
    const out = deidentify({ fileName: 'scan.pdf', hostname: 'db1', zipFile: 'a.zip', updatedAt: 'v2', patient: { name: 'Ana Ruiz' }, file: { name: 'x.pdf' } }, { now, context: [] });
    assert.deepStrictEqual(out, { fileName: 'scan.pdf', hostname: 'db1', zipFile: 'a.zip', updatedAt: 'v2', patient: { name: '[REDACTED:name]' }, file: { name: 'x.pdf' } });
  });

  it('presumes the value is about a patient unless told otherwise, so a bare `name` is removed', () => {
    assert.deepStrictEqual(deidentify({ name: 'Ana Ruiz' }, { now }), { name: '[REDACTED:name]' });
    assert.deepStrictEqual(deidentify({ name: 'Ana Ruiz' }, { now, context: ['report'] }), { name: 'Ana Ruiz' });
  });

  it('keeps the patient context under wrapper keys such as data, results and record', () => {
    const removed = { name: '[REDACTED:name]' };
    assert.deepStrictEqual(deidentify({ data: { name: 'Maria Lopez' } }, { now }), { data: removed });
    assert.deepStrictEqual(deidentify({ results: [{ name: 'Maria Lopez' }] }, { now }), { results: [removed] });
    assert.deepStrictEqual(deidentify({ record: { name: 'Maria Lopez' } }, { now }), { record: removed });
    assert.deepStrictEqual(deidentify({ responseBody: { data: { items: [{ name: 'Maria Lopez' }] } } }, { now }), { responseBody: { data: { items: [removed] } } });
    // A relative's name is PHI of the patient too.
    assert.deepStrictEqual(deidentify({ familyHistory: [{ name: 'Rosa Garcia', condition: 'asthma' }] }, { now }), { familyHistory: [{ ...removed, condition: 'asthma' }] });
    // The context a wrapper holds still decides: an organisation's or a medication's name stays.
    const notPeople = { data: { organization: { name: 'Acme Clinic' }, medication: { name: 'metformin' } }, results: [{ medications: [{ name: 'insulin' }] }] };
    assert.deepStrictEqual(deidentify(notPeople, { now }), notPeople);
    assert.deepStrictEqual(deidentify({ data: { name: 'Q3 report' } }, { now, context: ['report'] }), { data: { name: 'Q3 report' } });
  });

  it('scrubs unclassified strings as free text', () => {
    assert.deepStrictEqual(deidentify({ comment: 'Call 617-555-0123 or write to ana@example.com' }, { now }), { comment: 'Call [REDACTED:phone] or write to [REDACTED:email]' });
  });

  it("removes the numbers of a patient's encounters, claims, visits and cases as other-id, unless told to keep them", () => {
    const input = { encounterId: 'E-77', claimNumber: 'CLM-123', claimId: 'C1', visitId: 'V9', case_no: 'K1', encounter: { id: 'E-78' }, claim: { number: 'C-2' } };
    const other = '[REDACTED:other-id]';
    assert.deepStrictEqual(deidentify(input, { now }), { encounterId: other, claimNumber: other, claimId: other, visitId: other, case_no: other, encounter: { id: other }, claim: { number: other } });
    assert.deepStrictEqual(deidentify({ encounterId: 'E-77', claimId: 'C1' }, { now, mode: 'remove', fields: { claimId: 'keep' } }), { claimId: 'C1' });
    // Fields about a record that are not its number stay.
    const notNumbers = { claimIdType: 'internal', visitCount: 3, encounterType: 'inpatient', claimStatus: 'paid' };
    assert.deepStrictEqual(deidentify(notNumbers, { now }), notNumbers);
  });

  it('rejects a now that is not a valid Date instead of silently switching the 90+ rule off', () => {
    for (const bad of [new Date('not a date'), '2026-01-01', 1780000000000, null]) {
      assert.throws(() => deidentify({ dob: '1931-01-01' }, { now: bad as Date }), (error: Error) => error instanceof TypeError && /now option/.test(error.message), String(bad));
    }
    assert.throws(() => deidentify({}, { now: '2026-01-01' as unknown as Date }), /must be a Date; got a string/);
    assert.throws(() => scrubText('DOB 01/01/1931', { now: new Date(Number.NaN) }), /invalid Date/);
  });

  it('honours per-field overrides', () => {
    const out = deidentify({ nickname: 'Bud', ref: 'R-1', favouriteColour: 'blue' }, { now, fields: { ref: 'other-id', NICKNAME: 'keep' } });
    assert.deepStrictEqual(out, { nickname: 'Bud', ref: '[REDACTED:other-id]', favouriteColour: 'blue' });
  });

  it('treats a value passed alone by category or field name (what quick fixes generate)', () => {
    assert.strictEqual(deidentify('Maria Lopez', { category: 'name' }), '[REDACTED:name]');
    assert.strictEqual(deidentify('1931-01-01', { fieldName: 'patient.birthDate', now }), '90+');
    assert.strictEqual(deidentify('02139', { fieldName: 'zipCode' }), '021');
    assert.strictEqual(deidentify('SSN 123-45-6789'), 'SSN [REDACTED:ssn]');
    assert.strictEqual(deidentify('123-45-6789', { category: 'ssn', mode: 'remove' }), undefined);
  });

  it('copies deeply and never mutates its input, including Maps, Sets, Dates and cycles', () => {
    const when = new Date('2024-02-03T00:00:00Z');
    const input: Record<string, unknown> = { ssn: '123-45-6789', visits: [{ visitDate: when }], extra: new Map([['email', 'a@b.co']]), tags: new Set(['x']) };
    input['self'] = input;
    const snapshot = { ssn: input['ssn'], visits: input['visits'], when: when.getTime() };
    const out = deidentify(input, { now }) as Record<string, unknown>;
    assert.strictEqual(input['ssn'], snapshot.ssn);
    assert.strictEqual(input['visits'], snapshot.visits);
    assert.strictEqual(when.getTime(), snapshot.when);
    assert.strictEqual((input['extra'] as Map<string, string>).get('email'), 'a@b.co');
    assert.notStrictEqual(out, input);
    assert.strictEqual(out['self'], out, 'a cycle in the input is a cycle in the copy');
    assert.deepStrictEqual((out['visits'] as unknown[])[0], { visitDate: '2024' });
    assert.strictEqual((out['extra'] as Map<string, string>).get('email'), '[REDACTED:email]');
    assert.ok(out['tags'] instanceof Set && out['tags'] !== input['tags']);
  });

  it('removes everything inside an identifier object (a name with given and family parts)', () => {
    const out = deidentify({ legalName: { given: ['Maria', 'Elena'], family: 'Lopez' } }, { now });
    assert.deepStrictEqual(out, { legalName: { given: ['[REDACTED:name]', '[REDACTED:name]'], family: '[REDACTED:name]' } });
  });

  it('removes bytes held in identifier fields and copies other binary data', () => {
    const photo = new Uint8Array([1, 2, 3]);
    const waveform = new Float32Array([0.5, 1.5]);
    const out = deidentify({ photo, voicePrint: photo.buffer, ecg: waveform }, { now }) as Record<string, unknown>;
    assert.deepStrictEqual(out['photo'], '[REDACTED:photo]');
    assert.deepStrictEqual(out['voicePrint'], '[REDACTED:biometric]');
    assert.ok(out['ecg'] instanceof Float32Array && out['ecg'] !== waveform);
    assert.deepStrictEqual([...(out['ecg'] as Float32Array)], [0.5, 1.5]);
  });

  it('walks class instances in their JSON form (toJSON), as a serialised payload would show them', () => {
    const out = deidentify({ website: new URL('https://maria.example.org/'), link: new URL('https://example.org/?email=ana@example.com') }, { now });
    assert.deepStrictEqual(out, { website: '[REDACTED:url]', link: '[REDACTED:url]' });
  });

  it('replaces object and Map keys that are identifiers, numbering keys that would collide, and judges their values by their own names', () => {
    const out = deidentify({ byEmail: { 'maria@example.com': { visits: 3 }, 'jo@example.com': { visits: 1 } }, byMrn: { 'MRN 00123456': 2 }, visitCount: 4 }, { now });
    assert.deepStrictEqual(out, { byEmail: { '[REDACTED:email#1]': { visits: 3 }, '[REDACTED:email#2]': { visits: 1 } }, byMrn: { 'MRN [REDACTED:mrn]': 2 }, visitCount: 4 });
    assert.deepStrictEqual(deidentify(out, { now }), out, 'a second pass changes nothing');
    const map = deidentify(new Map<string, unknown>([['123-45-6789', 1], ['(617) 555-0123', { note: 'call Tue' }], ['status', 'ok']]), { now }) as Map<string, unknown>;
    assert.deepStrictEqual([...map], [['[REDACTED:ssn]', 1], ['[REDACTED:phone]', { note: 'call Tue' }], ['status', 'ok']]);
    const byName = deidentify({ patientsByName: { 'Maria Lopez': { visits: 2 }, 'Lopez, Ana': { age: 95 } }, labsByName: { 'Blood Pressure': '120/80' } }, { now });
    assert.deepStrictEqual(byName, { patientsByName: { '[REDACTED:name#1]': { visits: 2 }, '[REDACTED:name#2]': { age: '90+' } }, labsByName: { 'Blood Pressure': '120/80' } });
    assert.deepStrictEqual(deidentify({ visitsByDate: { '2024-03-05': 1, '2024-04-01': 2, 2024: 5 } }, { now }), { visitsByDate: { 2024: 5, '2024#1': 1, '2024#2': 2 } });
    assert.deepStrictEqual(deidentify({ results: { 'Hemoglobin A1c': 7.2, first_name: 'Maria' } }, { now }), { results: { 'Hemoglobin A1c': 7.2, first_name: '[REDACTED:name]' } });
  });

  it('leaves numbers, booleans and null in unclassified fields', () => {
    assert.deepStrictEqual(deidentify({ count: 3, active: true, note: null }, { now }), { count: 3, active: true, note: null });
  });
});
