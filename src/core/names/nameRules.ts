import { READ_VERBS } from '../catalog/fhir';
import type { PhiCategoryId } from '../catalog/phiCategories';

/**
 * Identifier-name rules, as data. A pattern is a space-separated word sequence that must appear
 * contiguously among the identifier's words (after compound splitting, see COMPOUND_WORDS).
 * A pattern ending in ` @person` fires only when a person word (PERSON_WORDS) precedes it in the
 * identifier or names the object it is read from (`patient.name`, `contactName`); ` @patient` only
 * for patient words. Every rule carries examples that a unit test checks.
 */
export interface NameRule {
  readonly category: PhiCategoryId;
  readonly patterns: readonly string[];
  readonly examples: {
    /** Names (optionally `object.property`) that must classify as this category. */
    readonly match: readonly string[];
    /** Names that must not classify as this category. */
    readonly noMatch: readonly string[];
  };
}

export const NAME_RULES: readonly NameRule[] = [
  {
    category: 'name',
    patterns: ['first name', 'last name', 'middle name', 'given name', 'family name', 'full name', 'maiden name', 'legal name', 'sur name', 'nick name', 'preferred name', 'name @person'],
    examples: {
      match: ['firstName', 'last_name', 'PATIENT_FULL_NAME', 'surname', 'givenName', 'patient.name', 'contactName', 'emergencyContactName', 'user.fullName', 'guardian.name'],
      noMatch: ['patientInsuranceName', 'insurance.name', 'name', 'fileName', 'hostname', 'displayName', 'className', 'userName', 'username', 'modelName', 'columnName', 'component.name', 'file.name', 'firstNameLabel', 'lastNameField', 'nameFormat', 'stateFullName', 'location.stateFullName'],
    },
  },
  {
    category: 'geographic',
    patterns: ['address', 'street', 'city', 'county', 'zip', 'zip code', 'postal code', 'post code', 'precinct', 'latitude', 'longitude', 'geo location', 'address line', 'line 1 @person', 'line 2 @person'],
    examples: {
      match: ['address', 'homeAddress', 'streetAddress', 'patient.city', 'zipCode', 'zip', 'postal_code', 'ADDRESS_LINE_1', 'county', 'latitude'],
      noMatch: ['emailAddress', 'ipAddress', 'macAddress', 'serverAddress', 'zipFile', 'zipPath', 'addressFormat', 'walletAddress', 'bindAddress', 'state', 'country', 'insuranceAddress', 'elig.ins_city'],
    },
  },
  {
    category: 'date',
    patterns: ['birth date', 'date of birth', 'birth day', 'dob', 'b day', 'birth month', 'death date', 'date of death', 'deceased date', 'deceased date time', 'deceased at', 'died at', 'dod', 'admission date', 'admit date', 'admitted at', 'admitted on', 'admission time', 'discharge date', 'discharged at', 'discharged on', 'discharge time', 'service date', 'date of service', 'dos @patient', 'visit date', 'encounter date', 'appointment date', 'appointment time', 'procedure date', 'surgery date', 'age', 'age years', 'age in years'],
    examples: {
      match: ['dob', 'dateOfBirth', 'birthDate', 'birthday', 'patient.birthDate', 'admissionDate', 'dischargedAt', 'deceasedDateTime', 'DATE_OF_SERVICE', 'visitDate', 'age', 'patientAge', 'ageInYears'],
      noMatch: ['updatedAt', 'createdAt', 'dateFormat', 'birthYear', 'startDate', 'date', 'maxAge', 'cacheAge', 'page', 'ageGroupCount', 'usage', 'message', 'birthdayActions', 'birthdayTrigger', 'dischargeDateTask'],
    },
  },
  {
    category: 'phone',
    patterns: ['phone', 'telephone', 'phone number', 'mobile number', 'mobile phone', 'cell phone', 'cell number', 'contact number', 'tel @person'],
    examples: {
      match: ['phone', 'phoneNumber', 'patient.phone', 'mobile_number', 'cellPhone', 'homePhone', 'telephone', 'contact.tel', 'emergencyContactPhone', 'patient.contactPhone'],
      noMatch: ['phoneFormat', 'phoneRegex', 'isMobile', 'cellIndex', 'phoneNumberPattern', 'telemetry', 'employer.contactPhone', 'pharmacyContactPhone', 'insurance.phone'],
    },
  },
  {
    category: 'fax',
    patterns: ['fax @person', 'fax number @person', 'home fax', 'personal fax'],
    examples: { match: ['patientFax', 'patient.faxNumber', 'contact.fax'], noMatch: ['faxFormat', 'faxEnabled', 'faxNumbers', 'practice.fax', 'clinicFax', 'employer.contactFax'] },
  },
  {
    category: 'email',
    patterns: ['email', 'e mail', 'email address', 'mail address'],
    examples: {
      match: ['email', 'emailAddress', 'patient.email', 'user_email', 'E_MAIL', 'contactEmail'],
      noMatch: ['emailTemplate', 'emailPattern', 'isEmailVerified', 'emailRegex', 'emailEnabled', 'emailCount', 'mailer', 'createdWithoutEmail'],
    },
  },
  {
    category: 'ssn',
    patterns: ['ssn', 'social security', 'social security number', 'itin', 'tax id', 'taxpayer id', 'sin @person'],
    examples: {
      match: ['ssn', 'SSN', 'patientSsn', 'socialSecurityNumber', 'ssnLast4', 'social_security_no', 'taxId'],
      noMatch: ['ssnPattern', 'ssnRegex', 'maskedSsn', 'ssnMask', 'hasSsn', 'ssnFormat', 'lesson', 'session'],
    },
  },
  {
    category: 'mrn',
    patterns: ['mrn', 'medical record number', 'medical record no', 'medical record id', 'patient number', 'patient code', 'chart number', 'chart no', 'ehr id', 'emr id', 'identifier @patient'],
    examples: {
      match: ['mrn', 'MRN', 'medicalRecordNumber', 'chartNumber', 'ehrId', 'patient.identifier', 'patientNumber', 'patientCode'],
      noMatch: ['userId', 'id', 'orderId', 'mrnPattern', 'chartType', 'patientIdField', 'user.id'],
    },
  },
  {
    category: 'health-plan',
    patterns: ['member id', 'member number', 'member no', 'subscriber id', 'subscriber number', 'policy number', 'policy no', 'policy id', 'beneficiary id', 'beneficiary number', 'medicare id', 'medicare number', 'medicaid id', 'medicaid number', 'mbi', 'hicn', 'health plan id', 'health plan number', 'insurance id', 'insurance number', 'insurance member id', 'plan member id'],
    examples: {
      match: ['memberId', 'subscriberId', 'policyNumber', 'medicareNumber', 'mbi', 'insuranceId', 'healthPlanId', 'beneficiary_id'],
      noMatch: ['memberCount', 'policyType', 'groupId', 'planName', 'memberIdPattern', 'groupNumber'],
    },
  },
  {
    category: 'account',
    patterns: ['account number', 'account no', 'acct number', 'acct no', 'bank account', 'iban', 'routing number', 'card number', 'credit card', 'credit card number', 'ccn', 'debit card'],
    examples: {
      match: ['accountNumber', 'acctNo', 'bankAccount', 'iban', 'routingNumber', 'cardNumber', 'creditCard'],
      noMatch: ['accountType', 'accountId', 'cardNumberMask', 'cardNumberLength', 'account'],
    },
  },
  {
    category: 'license',
    // A clinician's NPI or DEA number names the provider, who is not the subject of the record (as FHIR Practitioner
    // is not PHI): Safe Harbor's (K) is the patient's own licence or certificate.
    patterns: ['license number', 'licence number', 'license no', 'drivers license', 'driver license', 'driving license', 'drivers licence', 'driver licence', 'passport', 'passport number', 'certificate number', 'license id'],
    examples: {
      match: ['licenseNumber', 'driversLicense', 'passportNumber', 'passport', 'certificateNumber'],
      noMatch: ['licenseType', 'licenseKey', 'license', 'passportStrategy', 'npi', 'attendingNpi', 'deaNumber'],
    },
  },
  {
    category: 'vehicle',
    patterns: ['vin', 'vehicle id', 'vehicle identification number', 'license plate', 'plate number', 'vehicle registration'],
    examples: { match: ['vin', 'licensePlate', 'plateNumber', 'vehicleId'], noMatch: ['vinPattern', 'plateType', 'vinyl'] },
  },
  {
    category: 'device',
    patterns: ['device id', 'device serial', 'serial number', 'serial no', 'udi', 'imei', 'udid', 'mac address', 'device identifier'],
    examples: { match: ['deviceId', 'serialNumber', 'imei', 'udid', 'macAddress', 'device_serial'], noMatch: ['deviceType', 'serialPort', 'deviceCount', 'serializer'] },
  },
  {
    category: 'url',
    patterns: ['website @person', 'home page @person', 'homepage @person', 'personal url', 'profile url @patient', 'personal website', 'url @person', 'social url', 'linkedin url'],
    examples: { match: ['patientWebsite', 'personalUrl', 'patient.profileUrl', 'patient.url', 'contact.homepage'], noMatch: ['url', 'baseUrl', 'apiUrl', 'websiteTheme', 'redirectUrl', 'profileUrl', 'Homepage', 'website'] },
  },
  {
    category: 'ip',
    patterns: ['ip', 'ip address', 'ip addr', 'client ip', 'remote address', 'remote addr', 'remote ip', 'x forwarded for', 'ipv 4', 'ipv 6'],
    examples: { match: ['ip', 'ipAddress', 'clientIp', 'remoteAddress', 'req.ip', 'X_FORWARDED_FOR'], noMatch: ['ipcRenderer', 'zipCodeRegex', 'skip', 'ipPattern', 'ipVersion', 'ipc'] },
  },
  {
    category: 'biometric',
    patterns: ['biometric', 'biometrics', 'biometric data', 'fingerprint @person', 'finger print @person', 'voice print', 'voiceprint', 'face id', 'face embedding', 'iris scan', 'retina scan', 'face template'],
    examples: { match: ['biometricData', 'voicePrint', 'faceEmbedding', 'patient.fingerprint', 'irisScan'], noMatch: ['fingerprint', 'assetFingerprint', 'biometricEnabled'] },
  },
  {
    category: 'photo',
    patterns: ['photo', 'photos', 'avatar @person', 'headshot', 'selfie', 'face image', 'face photo', 'portrait @person', 'profile picture', 'profile photo', 'profile image'],
    examples: { match: ['photo', 'patient.photo', 'profilePicture', 'headshot', 'selfie', 'faceImage', 'user.avatar'], noMatch: ['photoCount', 'avatarSize', 'photoEnabled', 'avatar', 'notAPhotoId'] },
  },
  {
    category: 'other-id',
    // Record keys (encounterId, claimId, visitId) identify a row, not a person outside the system: logging them is routine
    // and flagging them would bury the real leaks. Identifiers that travel with the person stay.
    // A patient's record key (`patientId`, `patient.id`) identifies the person across systems: other unique identifier.
    patterns: ['patient id', 'patient identifier', 'id @patient', 'accession number', 'patient uuid', 'beneficiary uuid', 'person id @patient', 'national id', 'national identifier', 'alien number', 'green card number', 'medical id'],
    examples: { match: ['patientId', 'patient_id', 'patient.id', 'accessionNumber', 'nationalId', 'patientUuid', 'patientIds', 'patientIDs'], noMatch: ['requestId', 'traceId', 'sessionId', 'claimType', 'encounterId', 'claimId', 'visitId', 'user.id', 'subjectAuthClient.id'] },
  },
  {
    category: 'diagnosis',
    patterns: ['diagnosis', 'diagnoses', 'dx @patient', 'dx code', 'icd', 'icd 10', 'icd code', 'icd 10 code', 'condition @patient', 'conditions @patient', 'medical condition', 'medical conditions', 'health condition', 'problem list', 'comorbidities', 'comorbidity', 'hiv status', 'mental health', 'substance use', 'psychiatric history', 'pregnancy status', 'prescribed for', 'indication @patient'],
    examples: { match: ['diagnosis', 'diagnoses', 'icd10Code', 'patient.conditions', 'medicalConditions', 'problemList', 'primaryDiagnosis', 'hivStatus'], noMatch: ['condition', 'conditions', 'diagnosisCount', 'raceCondition', 'diagnosisType'] },
  },
  {
    category: 'medication',
    patterns: ['medication', 'medications', 'meds', 'prescription', 'prescriptions', 'rx number', 'drug name', 'dosage', 'medication list', 'current medications'],
    examples: { match: ['medications', 'prescription', 'currentMeds', 'patient.medication', 'drugName', 'dosage'], noMatch: ['medicationCount', 'prescriptionStatus', 'rxjs', 'drugs'] },
  },
  {
    category: 'lab-result',
    patterns: ['lab result', 'lab results', 'lab value', 'lab values', 'result value', 'result values', 'test result value', 'labs @patient', 'vitals', 'vital signs', 'vital sign', 'blood pressure', 'blood type', 'blood glucose', 'glucose', 'heart rate', 'a 1 c', 'hba 1 c', 'cholesterol', 'test results @patient', 'observation value', 'bmi @patient', 'weight @patient', 'height @patient'],
    examples: { match: ['labResults', 'vitals', 'bloodPressure', 'glucose', 'heartRate', 'patient.weight', 'hba1c'], noMatch: ['labResultCount', 'weight', 'height', 'testResults', 'vitalsEnabled'] },
  },
  {
    category: 'clinical-note',
    patterns: ['clinical note', 'clinical notes', 'progress note', 'progress notes', 'soap note', 'visit note', 'visit notes', 'chief complaint', 'symptoms', 'symptom', 'medical history', 'health history', 'history of present illness', 'hpi', 'notes @patient', 'note @patient', 'transcript @patient', 'visit transcript', 'discharge summary', 'assessment and plan', 'treatment plan', 'clinical summary', 'medical notes', 'physician notes', 'nurse notes', 'discharge note', 'discharge notes', 'discharge instructions', 'reason for referral', 'referral reason', 'presenting problem', 'presenting problems', 'assessment', 'reason for visit', 'visit reason', 'appointment reason', 'reason for appointment', 'presenting complaint', 'encounter note', 'encounter notes', 'note text', 'note body', 'note content'],
    examples: { match: ['clinicalNotes', 'progressNote', 'chiefComplaint', 'symptoms', 'medicalHistory', 'patient.notes', 'dischargeSummary', 'treatmentPlan', 'visitTranscript', 'dischargeNote', 'reasonForVisit', 'visitReason'], noMatch: ['notes', 'releaseNotes', 'note', 'symptomCount', 'footnote', 'visitNoteTask'] },
  },
  {
    category: 'procedure',
    patterns: ['procedure code', 'procedure codes', 'cpt', 'cpt code', 'surgical procedure', 'procedures @patient', 'procedure @patient', 'surgery', 'surgeries', 'surgical history'],
    examples: { match: ['cptCode', 'procedureCode', 'patient.procedures', 'surgicalHistory', 'surgery'], noMatch: ['procedure', 'storedProcedure', 'procedureName', 'cptCount'] },
  },
  {
    category: 'allergy',
    patterns: ['allergy', 'allergies', 'allergen', 'allergens', 'intolerance', 'intolerances', 'drug allergies'],
    examples: { match: ['allergies', 'allergy', 'patient.allergies', 'drugAllergies', 'allergyList'], noMatch: ['allergyCount', 'allergyType'] },
  },
];

/** Words that denote a person whose name, contact details or notes are PHI. Plurals are folded. */
export const PERSON_WORDS: ReadonlySet<string> = new Set([
  'patient', 'pt', 'member', 'user', 'person', 'contact', 'customer', 'subscriber', 'beneficiary', 'guarantor', 'guardian',
  'caregiver', 'practitioner', 'physician', 'doctor', 'nurse', 'employee', 'parent', 'spouse', 'relative', 'kin', 'emergency',
  'insured', 'policyholder', 'holder', 'individual', 'resident', 'applicant', 'child', 'mother', 'father', 'dependent',
  'recipient', 'enrollee', 'related', 'signer', 'requester', 'participant', 'subject', 'demographics',
]);

/** Words naming an organisation or place: its name, address, phone, fax, email or website is not a person's PHI
 * (`location.address`, `pharmacyPhone`, `organization.name`, `practice.fax`). */
export const ORGANIZATION_WORDS: ReadonlySet<string> = new Set([
  'organization', 'organisation', 'org', 'location', 'facility', 'clinic', 'practice', 'office', 'hospital', 'pharmacy', 'lab',
  'laboratory', 'site', 'store', 'vendor', 'company', 'business', 'payer', 'payor', 'insurer', 'insurance', 'ins', 'carrier', 'employer', 'department',
  'agency', 'partner', 'tenant', 'center', 'centre', 'branch', 'warehouse', 'server', 'service', 'sender', 'from', 'support',
  'admin', 'system', 'noreply', 'no', 'reply', 'team', 'sales', 'provider', 'referring', 'ordering', 'attending', 'performer',
]);

/** Areas at least as large as a state, which Safe Harbor lets stay: their names are not a person's
 * (`stateFullName`, `countryName`). Only words of the name itself count (`state.firstName` is a person's). */
export const REGION_WORDS: ReadonlySet<string> = new Set(['state', 'country', 'province', 'region', 'territory', 'nation']);

/** Words that make a rule scoped `@patient` fire. */
export const PATIENT_WORDS: ReadonlySet<string> = new Set(['patient', 'pt', 'beneficiary', 'enrollee', 'member', 'subject', 'participant', 'resident']);

/** A name containing one of these words describes, configures or protects data rather than being it. */
export const NOT_PHI_WORDS: ReadonlySet<string> = new Set([
  'file', 'files', 'path', 'dir', 'template', 'templates', 'pattern', 'patterns', 'regex', 'regexp', 'format', 'formats', 'formatter', 'placeholder',
  'label', 'labels', 'schema', 'validator', 'validators', 'validation', 'valid', 'invalid', 'validate', 'type', 'types', 'kind', 'count', 'counts', 'length', 'len',
  'max', 'min', 'enabled', 'disabled', 'visible', 'required', 'column', 'columns', 'col', 'key', 'keys', 'config', 'options', 'opts', 'settings',
  'masked', 'mask', 'redacted', 'redact', 'hashed', 'hash', 'encrypted', 'encrypt', 'anonymized', 'anonymised', 'deidentified', 'deid', 'tokenized',
  'sanitized', 'scrubbed', 'safe', 'host', 'class', 'component', 'table', 'error', 'errors', 'selector', 'prefix', 'suffix',
  'index', 'idx', 'offset', 'limit', 'skip', 'page', 'sort', 'tooltip', 'icon', 'color', 'style', 'width', 'size', 'mode',
  'status', 'is', 'has', 'not', 'should', 'can', 'show', 'verified', 'handler', 'callback', 'listener', 'ref', 'element', 'el',
  'input', 'button', 'field', 'fields', 'example', 'hint', 'year', 'years', 'group', 'groups', 'range', 'bucket', 'flag', 'toggle',
  'api', 'endpoint', 'port', 'socket', 'server', 'wallet', 'bind', 'listen', 'memory', 'base', 'cache', 'ttl', 'timeout', 'version',
  'url', 'uri', 'arn', 'bucket', 'archive', 'blob', 'strategy', 'theme', 'change', 'changed', 'missing', 'without', 'exists', 'empty', 'lookup', 'parser', 'parse', 'builder', 'factory',
  // What to do on an event (`birthdayActions`, `birthdayTrigger`: outreach configuration), not the event's data.
  'action', 'actions', 'trigger', 'triggers',
  // A work item about the data (`visitNoteTask`: a FHIR Task to write the note), not the data.
  'task', 'tasks',
]);

/**
 * A name that starts with one of these verbs names an operation on the data (`addPatientNote`, `updateAddress`,
 * `routes.getPatientNotes`: a function or an API endpoint), not the data: the read verbs of record gateways and the
 * verbs that change or show data. What a read operation returns is still judged by what it reads when it is called
 * (`getPatientEmail()`, see stripReadVerb). `search` and `query` are left out: `searchPatient` is as often the text
 * typed to find one.
 */
export const OPERATION_VERBS: ReadonlySet<string> = new Set([
  ...READ_VERBS.filter((verb) => verb !== 'search' && verb !== 'query'),
  'add', 'create', 'update', 'upsert', 'delete', 'remove', 'edit', 'save', 'submit', 'send', 'upload', 'generate', 'discontinue',
  'administer', 'link', 'unlink', 'assign', 'unassign', 'set', 'reset', 'preview', 'mark', 'handle', 'on', 'use', 'validate',
  'render', 'format', 'build', 'parse', 'serialize', 'normalize', 'sync', 'refresh', 'open', 'close', 'change', 'toggle', 'show',
  'hide',
]);

/** Compound words written as one (`firstname`, `zipcode`) split into the words the rules use. Look-alikes that are
 * single words (`hostname`, `filename`, `username`) are absent on purpose: they match no rule. */
export const COMPOUND_WORDS: Readonly<Record<string, readonly string[]>> = {
  firstname: ['first', 'name'], lastname: ['last', 'name'], middlename: ['middle', 'name'], fullname: ['full', 'name'],
  givenname: ['given', 'name'], familyname: ['family', 'name'], surname: ['sur', 'name'], maidenname: ['maiden', 'name'],
  nickname: ['nick', 'name'], birthdate: ['birth', 'date'], birthday: ['birth', 'day'], dateofbirth: ['date', 'of', 'birth'],
  zipcode: ['zip', 'code'], postalcode: ['postal', 'code'], postcode: ['post', 'code'], phonenumber: ['phone', 'number'],
  emailaddress: ['email', 'address'], ipaddress: ['ip', 'address'], ipaddr: ['ip', 'addr'], streetaddress: ['street', 'address'],
  cellphone: ['cell', 'phone'], homephone: ['home', 'phone'], workphone: ['work', 'phone'], mobilephone: ['mobile', 'phone'],
  telephone: ['telephone'], homepage: ['homepage'], deviceid: ['device', 'id'], serialnumber: ['serial', 'number'],
  macaddress: ['mac', 'address'], licenseplate: ['license', 'plate'], medicalrecordnumber: ['medical', 'record', 'number'],
  socialsecuritynumber: ['social', 'security', 'number'], patientid: ['patient', 'id'], memberid: ['member', 'id'],
  bloodpressure: ['blood', 'pressure'], heartrate: ['heart', 'rate'], labresults: ['lab', 'results'], labresult: ['lab', 'result'],
  faceid: ['face', 'id'], voiceprint: ['voice', 'print'], fingerprint: ['fingerprint'], deceaseddatetime: ['deceased', 'date', 'time'],
  ids: ['id'], uuids: ['uuid'], email: ['email'], emails: ['email'], phones: ['phone'], addresses: ['address'], ssns: ['ssn'], dobs: ['dob'], mrns: ['mrn'],
  diagnosiscode: ['diagnosis', 'code'], diagnosiscodes: ['diagnosis', 'code'],
};

/** Words that make a pair of adjacent words a single look-alike (`user name` → `username`, `host name` → `hostname`). */
export const LOOKALIKE_PAIRS: ReadonlySet<string> = new Set(['user name', 'host name', 'file name', 'display name', 'class name', 'screen name', 'app name', 'model name', 'tag name', 'event name', 'field name', 'table name', 'column name', 'package name', 'property name', 'type name', 'node name', 'method name', 'function name', 'test name', 'bucket name', 'key name', 'job name', 'queue name', 'topic name', 'route name', 'page name', 'org name', 'organization name', 'company name', 'product name', 'service name', 'device name', 'brand name', 'resource name', 'plan name', 'group name', 'role name', 'team name', 'db name', 'database name', 'domain name', 'project name', 'site name', 'attr name', 'attribute name', 'var name', 'variable name', 'param name', 'module name', 'channel name', 'provider name', 'facility name', 'clinic name', 'hospital name', 'practice name', 'location name', 'zip file', 'zip path', 'zip archive', 'zip stream', 'zip buffer']);
