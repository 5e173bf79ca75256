import * as assert from 'assert';
import { deidentify } from '../../../src/deid';
import * as samples from './samples/fhirSamples';

const now = new Date('2026-11-28T12:00:00Z');
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function assertNoPlantedIdentifier(output: unknown): void {
  const text = JSON.stringify(output);
  for (const planted of samples.PLANTED_IDENTIFIERS) assert.ok(!text.includes(planted), `"${planted}" survived: ${text}`);
}

describe('deidentify: FHIR resources', () => {
  it('Patient: names, telecom, identifiers, photo, contact, narrative and identifying extensions go; state, ZIP3, years and codes stay', () => {
    const out = deidentify(samples.patient, { now }) as Json;
    assertNoPlantedIdentifier(out);
    assert.strictEqual(out.resourceType, 'Patient');
    assert.strictEqual(out.id, '[REDACTED:other-id]');
    assert.deepStrictEqual(out.meta, { profile: samples.patient.meta.profile });
    assert.match(out.text.div, /^<div xmlns="http:\/\/www.w3.org\/1999\/xhtml">/);
    assert.deepStrictEqual(out.name, [{ use: 'official', text: '[REDACTED:name]' }]);
    assert.deepStrictEqual(out.telecom, [
      { system: 'phone', use: 'home', value: '[REDACTED:phone]' },
      { system: 'email', value: '[REDACTED:email]' },
      { system: 'fax', value: '[REDACTED:fax]' },
    ]);
    assert.deepStrictEqual(out.identifier.map((i: Json) => i.value), ['[REDACTED:mrn]', '[REDACTED:ssn]', '[REDACTED:health-plan]']);
    assert.strictEqual(out.identifier[0].system, 'https://ehr.example.org/mrn', 'the assigning system says what the identifier was');
    assert.strictEqual(out.birthDate, '1980');
    assert.strictEqual(out.deceasedDateTime, '2025');
    assert.strictEqual(out.gender, 'female');
    assert.deepStrictEqual(out.address, [
      { use: 'home', line: ['[REDACTED:geographic]', '[REDACTED:geographic]'], city: '[REDACTED:geographic]', district: '[REDACTED:geographic]', state: 'MA', postalCode: '011', country: 'US', period: { start: '2010' } },
    ]);
    assert.deepStrictEqual(out.photo, [{ title: '[REDACTED:photo]' }]);
    assert.deepStrictEqual(out.contact[0].name, { text: '[REDACTED:name]' });
    assert.strictEqual(out.contact[0].address.postalCode, '010');
    assert.deepStrictEqual(out.contact[0].relationship, samples.patient.contact[0]!.relationship);
    assert.deepStrictEqual(out.extension[0], { url: samples.patient.extension[0]!.url, valueString: '[REDACTED:name]' });
    assert.deepStrictEqual(out.extension[1].valueAddress, { city: '[REDACTED:geographic]', state: 'TX', country: 'US' });
    assert.deepStrictEqual(out.extension[2], samples.patient.extension[2]);
    assert.deepStrictEqual(out.generalPractitioner, [{ reference: 'Practitioner/[REDACTED:other-id]', display: '[REDACTED:name]' }]);
    assert.deepStrictEqual(out.managingOrganization, { reference: 'Organization/[REDACTED:other-id]', display: 'Family Health Clinic' });
  });

  it('Patient 90 or older: the birth date goes entirely, with a data-absent-reason (FHIR has no "90+" date)', () => {
    const out = deidentify(samples.oldPatient, { now }) as Json;
    assertNoPlantedIdentifier(out);
    assert.ok(!('birthDate' in out));
    assert.deepStrictEqual(out._birthDate, { extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason', valueCode: 'masked' }] });
  });

  it('RelatedPerson and Practitioner: person names, contact details and licence identifiers go', () => {
    const related = deidentify(samples.relatedPerson, { now }) as Json;
    const practitioner = deidentify(samples.practitioner, { now }) as Json;
    assertNoPlantedIdentifier([related, practitioner]);
    assert.strictEqual(related.birthDate, '1978');
    assert.strictEqual(related.patient.reference, 'Patient/[REDACTED:other-id]');
    assert.deepStrictEqual(related.relationship, samples.relatedPerson.relationship);
    assert.strictEqual(practitioner.identifier[0].value, '[REDACTED:license]');
    assert.strictEqual(practitioner.qualification[0].identifier[0].value, '[REDACTED:other-id]');
  });

  it('Observation, Condition, Encounter, MedicationRequest: clinical codes and values stay; dates keep the year; subjects and notes are scrubbed', () => {
    const [obs, cond, enc, med] = [samples.observation, samples.condition, samples.encounter, samples.medicationRequest].map((r) => deidentify(r, { now }) as Json);
    assertNoPlantedIdentifier([obs, cond, enc, med]);
    assert.deepStrictEqual(obs!.code, samples.observation.code);
    assert.deepStrictEqual(obs!.valueQuantity, samples.observation.valueQuantity);
    assert.strictEqual(obs!.effectiveDateTime, '2024');
    assert.strictEqual(obs!.issued, '2024');
    assert.deepStrictEqual(obs!.subject, { reference: 'Patient/[REDACTED:other-id]', display: '[REDACTED:name]' });
    assert.strictEqual(obs!.note[0].text, 'Called patient at [REDACTED:phone] on 2024.');
    assert.deepStrictEqual(cond!.code, samples.condition.code);
    assert.strictEqual(cond!.subject.reference, '[REDACTED:other-id]');
    assert.deepStrictEqual([cond!.onsetDateTime, cond!.recordedDate], ['2019', '2019']);
    assert.deepStrictEqual(enc!.period, { start: '2024', end: '2024' });
    assert.strictEqual(enc!.identifier[0].value, '[REDACTED:other-id]');
    assert.deepStrictEqual(enc!.class, samples.encounter.class);
    assert.strictEqual(enc!.location[0].location.display, 'Ward 3');
    assert.deepStrictEqual(med!.medicationCodeableConcept, samples.medicationRequest.medicationCodeableConcept);
    assert.strictEqual(med!.authoredOn, '2024');
    assert.strictEqual(med!.requester.display, '[REDACTED:name]');
    assert.strictEqual(med!.dosageInstruction[0].text, 'Take 1 tablet by mouth twice daily');
  });

  it('Bundle: every entry is de-identified and full URLs go', () => {
    const out = deidentify(samples.bundle, { now }) as Json;
    assertNoPlantedIdentifier(out);
    assert.strictEqual(out.entry.length, 2);
    assert.strictEqual(out.entry[0].fullUrl, '[REDACTED:url]');
    assert.strictEqual(out.entry[0].resource.name[0].text, '[REDACTED:name]');
    assert.strictEqual(out.entry[1].resource.valueQuantity.value, 7.2);
    const transaction = deidentify({ resourceType: 'Bundle', type: 'transaction', entry: [{ request: { method: 'PUT', url: 'Patient/pat-8812' } }, { request: { method: 'GET', url: 'Patient?identifier=0042317' } }] }, { now }) as Json;
    assertNoPlantedIdentifier(transaction);
    assert.deepStrictEqual(transaction.entry.map((e: Json) => e.request.url), ['Patient/[REDACTED:other-id]', '[REDACTED:other-id]']);
  });

  it('Bundle: absolute search and record URLs in links and requests are handled like references', () => {
    const search = 'https://fhir.example/Patient?family=Lopez&birthdate=1931-03-02&phone=6175550123';
    const bundle = {
      resourceType: 'Bundle',
      type: 'searchset',
      link: [{ relation: 'self', url: search }, { relation: 'next', url: 'https://fhir.example/Patient/pat-8812' }, { relation: 'base', url: 'https://fhir.example/' }],
      entry: [{ request: { method: 'GET', url: 'https://fhir.example/Patient?identifier=urn:mrn|123456' } }],
    };
    const out = deidentify(bundle, { now }) as Json;
    assert.deepStrictEqual(out.link.map((l: Json) => l.url), ['[REDACTED:other-id]', 'Patient/[REDACTED:other-id]', 'https://fhir.example/']);
    assert.strictEqual(out.entry[0].request.url, '[REDACTED:other-id]');
    assert.deepStrictEqual((deidentify(bundle, { now, mode: 'remove' }) as Json).link, [{ relation: 'self' }, { relation: 'next' }, { relation: 'base', url: 'https://fhir.example/' }]);
  });

  it('removes an attachment URL even without contentType, and keeps extension and canonical URLs', () => {
    const document = {
      resourceType: 'DocumentReference',
      url: 'http://example.org/not-a-real-element',
      content: [{ attachment: { url: 'https://ehr.example/docs/maria-lopez-1931-03-02.pdf' } }, { attachment: { title: 'Discharge summary', url: 'https://ehr.example/d/77' } }],
      extension: [{ url: 'http://example.org/StructureDefinition/source', valueString: 'scanned' }],
    };
    const out = deidentify(document, { now }) as Json;
    assert.deepStrictEqual(out.content.map((c: Json) => c.attachment.url), ['[REDACTED:url]', '[REDACTED:url]']);
    assert.strictEqual(out.extension[0].url, 'http://example.org/StructureDefinition/source');
    assert.strictEqual(out.url, document.url);
  });

  it('remove mode drops identifier elements and keeps the resource valid-shaped', () => {
    const out = deidentify(samples.patient, { now, mode: 'remove' }) as Json;
    assertNoPlantedIdentifier(out);
    for (const key of ['id', 'name', 'telecom', 'identifier', 'photo', 'generalPractitioner']) assert.ok(!(key in out), `${key} is absent, not empty`);
    assert.deepStrictEqual(out.address, [{ use: 'home', state: 'MA', postalCode: '011', country: 'US', period: { start: '2010' } }]);
    assert.deepStrictEqual(out.contact[0].address, { state: 'MA', postalCode: '010' });
    assert.ok(!('telecom' in out.contact[0]));
  });

  it('Ages of 90 or more in Age elements and year Quantities become ">= 90 years"; younger ages and other quantities stay', () => {
    const condition = {
      resourceType: 'Condition',
      onsetAge: { value: 95, unit: 'yr', system: 'http://unitsofmeasure.org', code: 'a' },
      abatementAge: { value: 42, unit: 'yr', system: 'http://unitsofmeasure.org', code: 'a' },
      extension: [
        { url: 'http://example.org/age-at-diagnosis', valueAge: { value: 1100, unit: 'mo', system: 'http://unitsofmeasure.org', code: 'mo' } },
        { url: 'http://example.org/age-bound', valueAge: { value: 95, comparator: '<', unit: 'a' } },
      ],
    };
    const out = deidentify(condition, { now }) as Json;
    assert.deepStrictEqual(out.onsetAge, { comparator: '>=', value: 90, unit: 'yr', system: 'http://unitsofmeasure.org', code: 'a' });
    assert.deepStrictEqual(out.abatementAge, condition.abatementAge);
    assert.deepStrictEqual(out.extension[0].valueAge, { comparator: '>=', value: 90, unit: 'years', system: 'http://unitsofmeasure.org', code: 'a' });
    assert.deepStrictEqual(out.extension[1].valueAge, { unit: 'a' }, 'an upper bound loses its number, not its meaning');
    const observation = { resourceType: 'Observation', valueQuantity: { value: 97, unit: 'a' }, component: [{ valueQuantity: { value: 95, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' } }] };
    const obs = deidentify(observation, { now }) as Json;
    assert.deepStrictEqual(obs.valueQuantity, { comparator: '>=', value: 90, unit: 'a' });
    assert.deepStrictEqual(obs.component[0].valueQuantity, observation.component[0]!.valueQuantity);
    assert.deepStrictEqual(deidentify(out, { now }), out, 'a second pass changes nothing');
  });

  it('FamilyMemberHistory: the relative\'s name goes, birth dates get the 90+ rule, ages of 90 or more are aggregated', () => {
    const history = {
      resourceType: 'FamilyMemberHistory',
      status: 'completed',
      name: 'Rosa Garcia',
      relationship: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'MTH' }] },
      bornDate: '1920-05-01',
      ageAge: { value: 99, unit: 'a', system: 'http://unitsofmeasure.org', code: 'a' },
      deceasedAge: { value: 101, unit: 'a', system: 'http://unitsofmeasure.org', code: 'a' },
      condition: [{ code: { text: 'Stroke' }, onsetAge: { value: 91, unit: 'a' } }],
    };
    const out = deidentify(history, { now }) as Json;
    assert.strictEqual(out.name, '[REDACTED:name]');
    assert.ok(!('bornDate' in out));
    assert.deepStrictEqual(out._bornDate, { extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason', valueCode: 'masked' }] });
    assert.deepStrictEqual([out.ageAge.value, out.deceasedAge.value, out.condition[0].onsetAge.value], [90, 90, 90]);
    assert.deepStrictEqual(out.relationship, history.relationship);
    assert.strictEqual((deidentify({ ...history, bornDate: '1960-05-01' }, { now }) as Json).bornDate, '1960');
    assert.ok(!('bornPeriod' in (deidentify({ resourceType: 'FamilyMemberHistory', bornPeriod: { start: '1920', end: '1922' } }, { now }) as Json)));
    assert.ok(!('name' in (deidentify(history, { now, mode: 'remove' }) as Json)));
  });

  it('removes the geolocation extension of an address (a geocode) and keeps the rest of the address', () => {
    const geolocation = {
      url: 'http://hl7.org/fhir/StructureDefinition/geolocation',
      extension: [{ url: 'latitude', valueDecimal: 42.3601 }, { url: 'longitude', valueDecimal: -71.0589 }],
    };
    const patient = { resourceType: 'Patient', address: [{ extension: [geolocation], city: 'Boston', state: 'MA', postalCode: '02139' }] };
    for (const mode of ['placeholder', 'remove'] as const) {
      const out = deidentify(patient, { now, mode }) as Json;
      assert.ok(!JSON.stringify(out).includes('42.36') && !JSON.stringify(out).includes('71.05'), JSON.stringify(out));
      assert.ok(!('extension' in out.address[0]), 'an emptied extension list goes too');
      assert.strictEqual(out.address[0].postalCode, '021');
    }
  });

  it('handles an Address under any element name, and removes device identifiers and serial numbers', () => {
    const claim = {
      resourceType: 'Claim',
      item: [{ sequence: 1, locationAddress: { line: ['12 Rural Route 5'], city: 'Tiny', state: 'VT', postalCode: '05001', text: '12 Rural Route 5, Tiny VT 05001' } }],
      extension: [{ url: 'http://example.org/home', valueString: 'x', homeLocation: { line: ['4 Elm St'], city: 'Springfield', state: 'IL' } }],
    };
    const out = deidentify(claim, { now }) as Json;
    assert.deepStrictEqual(out.item[0].locationAddress, { line: ['[REDACTED:geographic]'], city: '[REDACTED:geographic]', state: 'VT', postalCode: '050', text: '[REDACTED:geographic]' });
    assert.deepStrictEqual(out.extension[0].homeLocation, { line: ['[REDACTED:geographic]'], city: '[REDACTED:geographic]', state: 'IL' }, 'detected by its shape');
    const device = {
      resourceType: 'Device',
      udiCarrier: [{ deviceIdentifier: '00844588003288', issuer: 'http://hl7.org/fhir/NamingSystem/gs1-di', carrierHRF: '{01}00844588003288{17}141120{10}7654321D{21}10987654d321', carrierAIDC: 'XWQyMDExMDg1NzY3NDAwMjAxNzE3MTQxMTIwMTBOWUZVTDAx', entryType: 'barcode' }],
      distinctIdentifier: '(21)BLC200461H',
      serialNumber: 'BLC200461H',
      lotNumber: 'RZ12345678',
      type: { text: 'Coronary artery stent' },
    };
    const dev = deidentify(device, { now }) as Json;
    assert.deepStrictEqual(dev.udiCarrier[0], { deviceIdentifier: '[REDACTED:device]', issuer: dev.udiCarrier[0].issuer, carrierHRF: '[REDACTED:device]', entryType: 'barcode' });
    assert.deepStrictEqual([dev.distinctIdentifier, dev.serialNumber, dev.lotNumber], ['[REDACTED:device]', '[REDACTED:device]', '[REDACTED:device]']);
    assert.deepStrictEqual(dev.type, device.type);
    const immunization = deidentify({ resourceType: 'Immunization', lotNumber: 'AAJN11K' }, { now }) as Json;
    assert.strictEqual(immunization.lotNumber, 'AAJN11K', 'a vaccine lot is shared by thousands of patients');
  });

  it('finds FHIR resources nested in ordinary objects', () => {
    const out = deidentify({ request: { patient: samples.oldPatient }, medications: [samples.medicationRequest] }, { now }) as Json;
    assertNoPlantedIdentifier(out);
    assert.strictEqual(out.medications[0].subject.display, '[REDACTED:name]', 'FHIR rules apply inside a clinical field too');
  });

  it('does not mutate the sample resources', () => {
    const before = JSON.stringify(samples.bundle);
    deidentify(samples.bundle, { now });
    assert.strictEqual(JSON.stringify(samples.bundle), before);
  });
});
