import type { PhiCategoryId } from './phiCategories';

/** Demographic categories a person resource (or a name-identified patient record) carries. */
export const PERSON_RECORD_CATEGORIES: readonly PhiCategoryId[] = ['name', 'date', 'geographic', 'phone', 'email', 'mrn'];

/**
 * FHIR resource types (R4/R5, as typed by `@medplum/fhirtypes` and `@types/fhir`) whose instances are PHI,
 * with the categories they carry. Used for type annotations (`p: Patient`, `fhir4.Observation[]`) and for
 * FHIR reads (`medplum.readResource('Patient', id)`).
 */
export const FHIR_PHI_RESOURCES: Readonly<Record<string, readonly PhiCategoryId[]>> = {
  Patient: PERSON_RECORD_CATEGORIES,
  RelatedPerson: PERSON_RECORD_CATEGORIES,
  Person: PERSON_RECORD_CATEGORIES,
  Observation: ['lab-result', 'date'],
  Condition: ['diagnosis', 'date'],
  Encounter: ['date', 'other-id'],
  EpisodeOfCare: ['date', 'other-id'],
  MedicationRequest: ['medication', 'date'],
  MedicationStatement: ['medication', 'date'],
  MedicationAdministration: ['medication', 'date'],
  MedicationDispense: ['medication', 'date'],
  DiagnosticReport: ['lab-result', 'clinical-note', 'date'],
  AllergyIntolerance: ['allergy'],
  Procedure: ['procedure', 'date'],
  Immunization: ['medication', 'date'],
  CarePlan: ['clinical-note'],
  ClinicalImpression: ['clinical-note', 'diagnosis'],
  DocumentReference: ['clinical-note'],
  Composition: ['clinical-note'],
  QuestionnaireResponse: ['clinical-note'],
  Coverage: ['health-plan', 'name'],
  Claim: ['other-id', 'diagnosis', 'procedure'],
  ExplanationOfBenefit: ['other-id', 'health-plan'],
  Appointment: ['date'],
  ServiceRequest: ['procedure', 'diagnosis'],
  Communication: ['clinical-note'],
  Media: ['photo'],
  ImagingStudy: ['photo', 'other-id'],
  FamilyMemberHistory: ['diagnosis', 'name'],
  Specimen: ['other-id', 'lab-result'],
  Bundle: PERSON_RECORD_CATEGORIES,
};

/**
 * FHIR resource types that describe the workforce, the organisation, definitions or infrastructure, not a patient:
 * a value a type guard says is one (`(r): r is List => …`) carries no PHI of its own.
 */
export const FHIR_NON_PHI_RESOURCES: ReadonlySet<string> = new Set([
  'Practitioner', 'PractitionerRole', 'Organization', 'OrganizationAffiliation', 'Location', 'HealthcareService', 'Endpoint',
  'Schedule', 'Slot', 'List', 'ValueSet', 'CodeSystem', 'ConceptMap', 'NamingSystem', 'StructureDefinition', 'SearchParameter',
  'CapabilityStatement', 'OperationDefinition', 'OperationOutcome', 'Questionnaire', 'ActivityDefinition', 'PlanDefinition',
  'ObservationDefinition', 'SpecimenDefinition', 'ChargeItemDefinition', 'Medication', 'MedicationKnowledge', 'Substance',
  'Library', 'Measure', 'Subscription', 'InsurancePlan',
  // Medplum's own resource types for the platform (bots, projects, clients, access policies).
  'Bot', 'Project', 'ClientApplication', 'AccessPolicy', 'UserConfiguration',
]);

/** FHIR elements that carry identifiers, by element name (any resource). Unlisted elements of a typed
 * resource are not PHI (`patient.active`, `observation.status`), except clinical resources' coded content below. */
export const FHIR_ELEMENT_CATEGORIES: Readonly<Record<string, readonly PhiCategoryId[]>> = {
  name: ['name'],
  telecom: ['phone', 'email', 'fax'],
  address: ['geographic'],
  birthDate: ['date'],
  deceasedDateTime: ['date'],
  identifier: ['mrn'],
  photo: ['photo'],
  contact: ['name', 'phone', 'geographic'],
  text: ['clinical-note'],
  note: ['clinical-note'],
  valueQuantity: ['lab-result'],
  valueString: ['lab-result'],
  valueCodeableConcept: ['lab-result'],
  component: ['lab-result'],
  code: ['diagnosis'],
  medicationCodeableConcept: ['medication'],
  medication: ['medication'],
  reaction: ['allergy'],
  conclusion: ['clinical-note'],
  presentedForm: ['clinical-note'],
  period: ['date'],
  effectiveDateTime: ['date'],
  onsetDateTime: ['date'],
  recordedDate: ['date'],
  authoredOn: ['date'],
  // When a visit, a procedure or a result happened to the person (Appointment and Period `start`/`end`, `issued`).
  start: ['date'],
  end: ['date'],
  issued: ['date'],
  occurrenceDateTime: ['date'],
  performedDateTime: ['date'],
  abatementDateTime: ['date'],
  subject: ['other-id'],
  patient: PERSON_RECORD_CATEGORIES,
  entry: PERSON_RECORD_CATEGORIES,
  resource: PERSON_RECORD_CATEGORIES,
  item: ['clinical-note'],
  answer: ['clinical-note'],
  content: ['clinical-note'],
  payload: ['clinical-note'],
};

/** Elements that are structures of the same elements (a patient's `contact` has a `name`, `telecom`, `address`): read
 * from, they narrow again (`contact.telecom` is a phone number or an email address, not a name). */
export const FHIR_NESTED_ELEMENTS: ReadonlySet<string> = new Set(['contact']);

/** FHIR client methods whose first argument is a resource type and whose result is that resource (medplum, fhir-kit-client, fhirclient). */
export const FHIR_READ_METHODS: ReadonlySet<string> = new Set([
  'readResource', 'searchResources', 'searchOne', 'search', 'readHistory', 'readVersion', 'readPatientEverything',
  'readReference', 'searchResourcePages', 'read', 'vread', 'createResource', 'updateResource', 'patchResource', 'upsertResource',
]);

/** Record names: an identifier whose words include one of these denotes a whole patient record. */
export const RECORD_WORDS: ReadonlySet<string> = new Set(['patient', 'patients', 'ehr', 'emr', 'demographics', 'beneficiary', 'beneficiaries', 'enrollee', 'enrollees']);

/** Record words that name the system as often as a record in it (`urls.ehr`, `ehrTests`, `emrClient`): a record only
 * beside a word that says data (`ehrData`, `emrExport`) or another record word (`ehrPatient`). */
export const RECORD_SYSTEM_WORDS: ReadonlySet<string> = new Set(['ehr', 'emr']);

/** Words that make a record system's name its data (see RECORD_SYSTEM_WORDS). */
export const RECORD_DATA_WORDS: ReadonlySet<string> = new Set(['data', 'record', 'records', 'export', 'extract', 'dump', 'snapshot', 'entry', 'entries', 'chart', 'history', 'json', 'payload']);

/** Multi-word record names (`medicalRecord`, `healthRecord`). */
export const RECORD_PHRASES: readonly (readonly string[])[] = [['medical', 'record'], ['health', 'record'], ['patient', 'record'], ['clinical', 'record'], ['chart']];

/** Words beside `chart` that make it a graph, not a patient's chart (`barChart`, `chartInstance`, `chartColors`). A
 * patient's growth chart is kept: it plots the patient's own measurements. */
export const GRAPH_CHART_WORDS: ReadonlySet<string> = new Set([
  'bar', 'line', 'pie', 'area', 'scatter', 'donut', 'doughnut', 'bubble', 'radar', 'polar', 'gantt', 'flow', 'org', 'candlestick',
  'heatmap', 'sparkline', 'histogram', 'stacked', 'instance', 'canvas', 'ctx', 'legend', 'axis', 'axes', 'series', 'tooltip',
  'color', 'colors', 'theme', 'dataset', 'datasets', 'plugin', 'plugins', 'width', 'height', 'container',
]);

/** Trailing words that make a record name a gateway to records rather than a record (`patientService`,
 * `patientRepository`): read calls on them (`find*`, `get*`) return records. */
export const GATEWAY_WORDS: ReadonlySet<string> = new Set([
  'service', 'services', 'repository', 'repo', 'dao', 'store', 'client', 'api', 'controller', 'module', 'router', 'model', 'models',
  'collection', 'table', 'db', 'database', 'resource', 'resources', 'gateway', 'manager', 'provider', 'adapter', 'delegate', 'query', 'queries', 'loader',
]);

/** Words that, after a record word, describe something else (`patientCount`, `patientListPage`, `patientForm`). */
export const NOT_RECORD_WORDS: ReadonlySet<string> = new Set([
  'count', 'counts', 'total', 'length', 'size', 'index', 'idx', 'page', 'pages', 'form', 'component', 'view', 'screen', 'modal', 'dialog',
  'button', 'link', 'route', 'routes', 'path', 'url', 'type', 'types', 'schema', 'status', 'state', 'context', 'hook', 'props', 'factory', 'handler',
  'mapper', 'validator', 'config', 'options', 'event', 'events', 'selector', 'portal', 'app', 'header', 'card', 'row', 'table', 'tab', 'icon',
  'label', 'id', 'ids', 'key', 'keys', 'limit', 'offset', 'mode', 'error', 'errors', 'loading', 'loaded', 'fetching', 'is', 'has', 'can', 'should',
  'template', 'policy', 'consent', 'filter', 'filters', 'sort', 'search', 'query', 'cache', 'lock', 'queue', 'job', 'task', 'topic', 'channel',
  'name', 'identifier', 'uuid', 'number', 'no', 'ref', 'reference', 'masked', 'redacted', 'deidentified', 'safe', 'stats', 'metrics',
  // One attribute or a count (`patientSex`, `numDeletedPatients`, `patientBalanceCents`), configuration
  // (`patientDomain`, `patientRole`), an operation (`patientPatchOps`), or staff (`ehrPractitioner`, `ehrUsername`).
  'num', 'sex', 'gender', 'balance', 'cents', 'amount', 'domain', 'role', 'roles', 'ops', 'patch', 'folder', 'folders',
  'practitioner', 'practitioners', 'username',
  // Credentials and settings of the system (`ehrTextPassword`, `emrApiToken`, `ehrEnv`).
  'password', 'passwords', 'secret', 'secrets', 'token', 'tokens', 'credential', 'credentials', 'env', 'environment',
]);

/** Method-name prefixes that read data (`findMany`, `getPatient`). */
export const READ_VERBS: readonly string[] = ['find', 'get', 'fetch', 'load', 'read', 'query', 'select', 'search', 'list', 'lookup', 'retrieve', 'aggregate'];
