/** Synthetic FHIR R4 resources (invented people) carrying every identifier-bearing element the runtime handles. */

export const patient = {
  resourceType: 'Patient',
  id: 'pat-8812',
  meta: { versionId: '3', lastUpdated: '2025-06-01T10:00:00Z', source: 'https://ehr.example.org', profile: ['http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient'] },
  text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">Maria Elena Lopez, born 1980-05-06, MRN 0042317</div>' },
  extension: [
    { url: 'http://hl7.org/fhir/StructureDefinition/patient-mothersMaidenName', valueString: 'Garcia' },
    { url: 'http://hl7.org/fhir/StructureDefinition/patient-birthPlace', valueAddress: { city: 'El Paso', state: 'TX', country: 'US' } },
    { url: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex', valueCode: 'F' },
  ],
  identifier: [
    { use: 'usual', type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }] }, system: 'https://ehr.example.org/mrn', value: '0042317' },
    { type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'SS' }] }, system: 'http://hl7.org/fhir/sid/us-ssn', value: '123-45-6789' },
    { system: 'http://hl7.org/fhir/sid/us-mbi', value: '1EG4-TE5-MK73' },
  ],
  active: true,
  name: [{ use: 'official', family: 'Lopez', given: ['Maria', 'Elena'], prefix: ['Mrs.'] }],
  telecom: [
    { system: 'phone', value: '(413) 555-0142', use: 'home' },
    { system: 'email', value: 'maria.lopez@example.org' },
    { system: 'fax', value: '413-555-0199' },
  ],
  gender: 'female',
  birthDate: '1980-05-06',
  deceasedDateTime: '2025-02-03T04:05:06Z',
  address: [{ use: 'home', line: ['12 Elm Street', 'Apt 3'], city: 'Springfield', district: 'Hampden', state: 'MA', postalCode: '01103', country: 'US', period: { start: '2010-04-01' } }],
  photo: [{ contentType: 'image/jpeg', data: '/9j/4AAQSkZJRgABAQ', title: 'Maria Lopez' }],
  contact: [
    {
      relationship: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0131', code: 'N' }] }],
      name: { family: 'Lopez', given: ['Carlos'] },
      telecom: [{ system: 'phone', value: '413-555-0177' }],
      address: { line: ['99 Pine Road'], city: 'Chicopee', state: 'MA', postalCode: '01020' },
    },
  ],
  generalPractitioner: [{ reference: 'Practitioner/pr-77', display: 'Dr. Alan Grant' }],
  managingOrganization: { reference: 'Organization/org-1', display: 'Family Health Clinic' },
};

export const oldPatient = { resourceType: 'Patient', id: 'p-90', name: [{ text: 'Edna Mode' }], birthDate: '1931-03-02', gender: 'female' };

export const relatedPerson = {
  resourceType: 'RelatedPerson',
  id: 'rp-1',
  patient: { reference: 'Patient/pat-8812' },
  relationship: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'SPS' }] }],
  name: [{ family: 'Lopez', given: ['Carlos'] }],
  telecom: [{ system: 'phone', value: '413-555-0177' }],
  birthDate: '1978-01-09',
  address: [{ line: ['12 Elm Street'], city: 'Springfield', state: 'MA', postalCode: '01103' }],
};

export const practitioner = {
  resourceType: 'Practitioner',
  id: 'pr-77',
  identifier: [{ system: 'http://hl7.org/fhir/sid/us-npi', value: '1234567893' }],
  name: [{ family: 'Grant', given: ['Alan'], prefix: ['Dr.'] }],
  telecom: [{ system: 'email', value: 'agrant@clinic.example.org' }],
  qualification: [{ identifier: [{ value: 'MA-LIC-55812' }], code: { text: 'MD' } }],
};

export const observation = {
  resourceType: 'Observation',
  id: 'obs-1',
  status: 'final',
  category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] }],
  code: { coding: [{ system: 'http://loinc.org', code: '4548-4', display: 'Hemoglobin A1c' }] },
  subject: { reference: 'Patient/pat-8812', display: 'Maria Lopez' },
  effectiveDateTime: '2024-03-05T09:30:00-05:00',
  issued: '2024-03-05T12:00:00Z',
  valueQuantity: { value: 7.2, unit: '%', system: 'http://unitsofmeasure.org', code: '%' },
  note: [{ text: 'Called patient at 413-555-0142 on 03/06/2024.' }],
};

export const condition = {
  resourceType: 'Condition',
  id: 'cond-1',
  clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
  code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'E11.9', display: 'Type 2 diabetes mellitus without complications' }] },
  subject: { reference: 'urn:uuid:8c1a2f6e-1111-4a5b-9c3d-2e1f0a9b8c7d' },
  onsetDateTime: '2019-07-14',
  recordedDate: '2019-07-15',
};

export const encounter = {
  resourceType: 'Encounter',
  id: 'enc-1',
  identifier: [{ system: 'https://ehr.example.org/visit', value: 'V-2024-0001' }],
  status: 'finished',
  class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'IMP' },
  subject: { reference: 'Patient/pat-8812' },
  period: { start: '2024-03-01T08:00:00Z', end: '2024-03-04T16:00:00Z' },
  hospitalization: { dischargeDisposition: { text: 'Home' } },
  location: [{ location: { reference: 'Location/ward-3', display: 'Ward 3' } }],
};

export const medicationRequest = {
  resourceType: 'MedicationRequest',
  id: 'mr-1',
  status: 'active',
  intent: 'order',
  medicationCodeableConcept: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '860975', display: 'metformin 500 MG' }] },
  subject: { reference: 'Patient/pat-8812', display: 'Maria Lopez' },
  authoredOn: '2024-03-04',
  requester: { reference: 'Practitioner/pr-77', display: 'Dr. Alan Grant' },
  dosageInstruction: [{ text: 'Take 1 tablet by mouth twice daily' }],
};

export const bundle = {
  resourceType: 'Bundle',
  type: 'collection',
  entry: [
    { fullUrl: 'https://ehr.example.org/fhir/Patient/pat-8812', resource: patient },
    { fullUrl: 'urn:uuid:0f5e', resource: observation },
  ],
};

/** Every identifying string planted above: none may appear in de-identified output. */
export const PLANTED_IDENTIFIERS = [
  'Lopez', 'Maria', 'Elena', 'Garcia', 'El Paso', '0042317', '123-45-6789', '1EG4-TE5-MK73', '(413) 555-0142', '413-555-0142', 'maria.lopez@example.org',
  '413-555-0199', '1980-05-06', '2025-02-03', '12 Elm Street', 'Springfield', 'Hampden', '01103', '/9j/4AAQ', 'Carlos', '413-555-0177', '99 Pine Road',
  'Chicopee', '01020', 'Alan', 'Grant', 'pat-8812', 'pr-77', '1978-01-09', '1234567893', 'agrant@clinic.example.org', 'MA-LIC-55812', '2024-03-05',
  '03/06/2024', '8c1a2f6e', '2019-07-14', 'V-2024-0001', '2024-03-01', '2024-03-04', 'Edna', '1931', 'ehr.example.org/fhir',
];
