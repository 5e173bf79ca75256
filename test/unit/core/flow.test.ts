import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG, analyzeSource, isSuppressedAt as isSuppressedIn, parseFile } from '../../../src/core';
import type { Finding } from '../../../src/core';
import { MAX_FLOW_STEPS } from '../../../src/core/analysis/flowPath';

function analyze(code: string, fileName = 'flow.ts') {
  return analyzeSource({ fileName, text: code, today: '2026-11-28' });
}

/** `[category, flagged text]` pairs, in source order. */
function flagged(code: string, fileName?: string): [string, string][] {
  return analyze(code, fileName).findings.map((f: Finding) => [f.category, code.slice(f.range.start, f.range.end)]);
}

const OPENAI = "import OpenAI from 'openai';\nconst openai = new OpenAI();\n";

describe('flow', () => {
  it('follows variables, template literals and reassignment into an AI call', () => {
    const code = `${OPENAI}async function f(patient: { ssn: string }) {
      let text = 'SSN: ' + patient.ssn;
      const prompt = \`Check \${text}\`;
      await openai.chat.completions.create({ model: 'x', messages: [{ role: 'user', content: prompt }] });
    }`;
    assert.deepEqual(flagged(code), [['ai', 'prompt']]);
  });

  it('follows a parameter into a helper\'s sink by its own path when the helper joins it with PHI of its own', () => {
    const code = `import { createAuditEvent } from 'audit-lib';
    interface RepositoryContext { remoteAddress: string }
    function logAudit(event: unknown) { console.log(JSON.stringify(event)); }
    export class Repository {
      constructor(private readonly context: RepositoryContext) {}
      logEvent(options: unknown) { logAudit(createAuditEvent(options, this.context.remoteAddress)); }
      read(patient: { ssn: string }) { this.logEvent(patient.ssn); }
    }`;
    const finding = analyze(code).findings.find((f) => f.expression === 'patient.ssn');
    // Before: after "passed to `Repository.logEvent`" the path jumped to where `remoteAddress` was read.
    assert.deepEqual(finding?.flow.map((step) => step.note), [
      '`patient.ssn`: field `ssn` of `an inline type`',
      'passed to `Repository.logEvent`',
      'parameter `options` of `Repository.logEvent`',
      'passed to `logAudit`',
      'parameter `event` of `logAudit`',
      'written to Console `console.log`',
    ]);
  });

  it('gives a path through a recursion each step once, and at most MAX_FLOW_STEPS steps through a long chain', () => {
    const levels = ['function level0(x: unknown) { console.log(x); }'];
    for (let i = 1; i <= 40; i++) levels.push(`function level${i}(x: unknown) { const y${i} = x; level${i - 1}(y${i}); }`);
    const code = `${levels.join('\n')}
    function again(record: unknown, depth: number) { const entry = record; if (depth) again(entry, depth - 1); level0(entry); }
    export function f(patient: { ssn: string }) { level40(patient.ssn); again(patient.ssn, 2); }`;
    const [long, recursive] = analyze(code).findings;
    assert.equal(long?.flow.length, MAX_FLOW_STEPS);
    assert.deepEqual(long.flow.slice(0, 2).map((step) => step.note), ['`patient.ssn`: field `ssn` of `an inline type`', 'passed to `level40`'], 'where the PHI comes from');
    assert.equal(long.flow.at(-1)?.note, 'written to Console `console.log`');
    assert.equal(long.flow.filter((step) => step.note.endsWith('… (further steps left out)')).length, 1, 'says where steps are left out');
    const places = recursive!.flow.map((step) => `${step.range.start}:${step.note}`);
    assert.equal(new Set(places).size, places.length, places.join(' | '));
  });

  it('names the parameter the PHI came in by in the path of a sink inside a helper, not another one joined with it', () => {
    const code = `function respond(statusCode: number, body: unknown) {
      const response = { statusCode, body: JSON.stringify(body) };
      console.log('Response:', response);
      return response;
    }
    export function handler(patient: { ssn: string }) {
      return respond(200, { ssn: patient.ssn });
    }`;
    const [finding, ...others] = analyze(code).findings;
    assert.equal(others.length, 0);
    const notes = finding!.flow.map((step) => step.note);
    assert.ok(notes.includes('parameter `body` of `respond`'), notes.join(' | '));
    assert.ok(!notes.some((note) => note.includes('statusCode')), notes.join(' | '));
  });

  it('follows PHI added to a Map or Set made with `new` (they are values like `[]`, not APIs)', () => {
    const code = `function f(patient: { id: string; ssn: string }) {
      const byId = new Map<string, string>();
      byId.set(patient.id, patient.ssn);
      console.log(byId);
      const seen = new Set<string>();
      seen.add(patient.ssn);
      console.log(seen);
      const empty = new Map<string, number>();
      console.log(empty);
    }`;
    assert.deepEqual(flagged(code).map(([, text]) => text), ['byId', 'seen']);
  });

  it('treats the project\'s own sanitizers (`sanitizers` in .phi-guard.json) like de-identification', () => {
    const code = 'function f(patient: { ssn: string }) {\n  console.log(cleanForVendor(patient.ssn));\n}\n';
    assert.deepEqual(flagged(code), [['log', 'cleanForVendor(patient.ssn)']]);
    const configured = analyzeSource({ fileName: 'flow.ts', text: code, config: { ...DEFAULT_CONFIG, sanitizers: ['cleanForVendor'] }, today: '2026-11-28' });
    assert.deepEqual(configured.findings, []);
  });

  it('does not take an operation or an endpoint named after PHI for the PHI (care_fe route tables, ottehr results)', () => {
    const code = `import { routes, DiagnosesRoutes } from './api';
    async function f(request: (route: unknown) => Promise<unknown>, submitLabResults: unknown[], patient: { name: string }) {
      await fetch(routes.addPatientNote);
      await fetch(DiagnosesRoutes.updateConsultationDiagnosis);
      await fetch(routes.patientList);
      console.log(submitLabResults);
      console.log(routes.getPatient);
      await fetch(\`/search?name=\${patient.name}\`);
      console.log(patientAddress, updatedAddress);
    }`;
    assert.deepEqual(flagged(code), [['url', '`/search?name=${patient.name}`'], ['log', 'patientAddress'], ['log', 'updatedAddress']]);
  });

  it('shows the path of the PHI a URL reports, not of a record key joined with it first', () => {
    const code = `function fileUrl(patientId: string, fileName: string): string { return \`/z3/\${patientId}/\${fileName}\`; }
    async function presign(url: string) { return fetch(url); }
    export async function f(visit: { patientId: string; visitDate: string }) {
      await presign(fileUrl(visit.patientId, \`label-\${visit.visitDate}.pdf\`));
    }`;
    const [finding, ...others] = analyze(code).findings;
    assert.equal(others.length, 0);
    assert.deepEqual([...(finding?.phiCategories ?? [])], ['date']);
    assert.match(finding?.flow[0]?.note ?? '', /visitDate/);
  });

  it('ends the flow at a sanitizer, but only for the sanitized field', () => {
    const code = `import { deidentify } from 'phi-guard/deid';
    function f(patient: { ssn: string; email: string }) {
      const safe = { ...patient, ssn: deidentify(patient.ssn) };
      console.log(safe.ssn);
      console.log(safe.email);
      let msg = \`\${patient.email}\`;
      msg = maskEmail(msg);
      console.log(msg);
    }`;
    assert.deepEqual(flagged(code), [['log', 'safe.email']]);
  });

  it('follows destructuring, spread, arrays and array methods', () => {
    const code = `function f(rows: { firstName: string }[], patient: any) {
      const { dob, ...rest } = patient;
      const names = rows.map((r) => r.firstName).join(', ');
      console.log(names);
      console.log([dob]);
      console.log(rest.length);
    }`;
    assert.deepEqual(flagged(code).map(([, t]) => t), ['names', 'dob']);
  });

  it('takes the rest of a destructured object without the fields taken out, when what those hold is known', () => {
    const categories = (code: string) => analyze(code).findings.map((f) => [code.slice(f.range.start, f.range.end), f.phiCategories]);
    const code = `type Patient = { firstName: string; ssn: string; status: string };
export function f(p: Patient, raw: string, form: { ssn: string }) {
  const { ssn, ...rest } = p;
  console.log(rest);
  const parsed: Patient = JSON.parse(raw);
  const { ssn: taken, firstName, ...none } = parsed;
  console.log(none);
  const { ssn: s, ...others } = { ssn: form.ssn, status: 'new' };
  console.log(others);
}
export function g(patient: any) {
  const { ssn, ...rest } = patient;
  console.log(rest);
}`;
    // A record known only by its name keeps all its PHI: nothing says what its other fields are.
    assert.deepEqual(categories(code).map(([t, c]) => [t, (c as string[]).length > 2 ? 'record' : c]), [['rest', ['name']], ['rest', 'record']]);
  });

  it('keeps the fields of an array\'s elements: written out, pushed, mapped, read by index, loop or callback', () => {
    const code = `function build(x: { code: string; photoIdFront: string }) { return { code: x.code, files: [x.photoIdFront] }; }
    function f(photoIdFront: string, code: string, patient: { firstName: string }) {
      const docs: { code: string; files: string[] }[] = [];
      docs.push(build({ code, photoIdFront }));
      for (const d of docs) console.log(d.code, d.files);
      const [firstDoc] = docs;
      console.log(firstDoc.code);
      const listed = [{ code, name: patient.firstName }];
      console.log(listed[0].code, listed[0].name);
      listed.forEach((e) => console.log(e.code));
      const found = listed.find((e) => e.code === 'x');
      console.log(found?.code, found?.name);
      const mapped = listed.map((e) => ({ label: e.code, who: e.name }));
      for (const m of mapped) console.log(m.label, m.who);
      const all = [...listed, { code: 'y', name: 'z' }];
      console.log(all.at(-1)?.code);
    }`;
    assert.deepEqual(flagged(code).map(([, t]) => t), ['d.files', 'listed[0].name', 'found?.name', 'm.who']);
  });

  it('takes an array\'s whole PHI for each element when something its known elements do not account for was added', () => {
    // `splice` is not followed element by element: each element may hold anything the array does.
    const code = `function f(code: string, patient: { ssn: string }, i: number) {
      const rows = [{ code, ssn: '' }];
      rows.splice(i, 0, { code, ssn: patient.ssn });
      for (const r of rows) console.log(r.code);
    }`;
    assert.deepEqual(flagged(code).map(([, t]) => t), ['r.code']);
  });

  it('sees in a loop body what an earlier pass of the loop wrote: to a variable, to a field of this, in a nested loop', () => {
    const code = `class Visits {
      last = '';
      run(patients: { ssn: string }[], notes: string[]) {
        let previous = '';
        for (const p of patients) {
          console.log(previous);
          previous = p.ssn;
        }
        for (let i = 0; i < notes.length; i++) {
          console.info(this.last);
          this.last = patients[i].ssn;
        }
        for (const n of notes) {
          let carried = '';
          for (const p of patients) {
            console.warn(carried);
            carried = p.ssn;
          }
          console.debug(n);
        }
      }
    }`;
    assert.deepEqual(flagged(code), [['log', 'previous'], ['log', 'this.last'], ['log', 'carried']]);
  });

  it('summarises local functions: parameter to sink is reported at the call site, parameter to return flows on', () => {
    const code = `function audit(value: unknown) { console.info('audit', value); }
    const label = (p: { lastName: string }) => 'Patient ' + p.lastName;
    export function f(patient: { mrn: string; lastName: string }) {
      audit(patient.mrn);
      audit('started');
      localStorage.setItem('label', label(patient));
    }`;
    const result = analyze(code);
    assert.deepEqual(result.findings.map((f) => [f.category, code.slice(f.range.start, f.range.end)]), [['log', 'patient.mrn'], ['storage', 'label(patient)']]);
    const steps = result.findings[0]!.flow.map((s) => s.kind);
    assert.deepEqual(steps, ['source', 'call', 'parameter', 'sink']);
  });

  it('treats an AI response produced from PHI as PHI', () => {
    const code = `${OPENAI}async function f(diagnosis: string) {
      const res = await openai.chat.completions.create({ model: 'x', messages: [{ role: 'user', content: diagnosis }] });
      console.log(res.choices[0].message.content);
      console.log(res.usage);
    }`;
    assert.deepEqual(flagged(code), [['ai', 'diagnosis'], ['log', 'res.choices[0].message.content']]);
  });

  it('follows class fields, this, closures, await and promise callbacks', () => {
    const code = `import { Logger } from '@nestjs/common';
    class Svc {
      private readonly logger = new Logger(Svc.name);
      private lastPhone = '';
      remember(phone: string) { this.lastPhone = phone; }
      flush() { this.logger.warn(this.lastPhone); }
      later(p: Promise<{ email: string }>) { p.then((x) => this.logger.log(x.email)); }
    }`;
    assert.deepEqual(flagged(code).map(([, t]) => t), ['this.lastPhone', 'x.email']);
  });

  it('gives a closure what the name of a parameter it captures says, not that parameter\'s position', () => {
    assert.deepEqual(flagged('export function f(ssn: string) { setTimeout(() => { console.log(ssn); }, 1); }'), [['log', 'ssn']]);
    // `count` is the enclosing function's first parameter, `s` the closure's: calling the closure with an SSN logs no SSN.
    assert.deepEqual(flagged('export function f(count: number, ssn: string) { const g = (s: string) => { console.log(count); }; g(ssn); }'), []);
  });

  it('hands a promise\'s rejection handler the error, not the value', () => {
    const code = 'declare function getUrl(): Promise<string>;\nexport function f(x: string) { const ssn = x; getUrl().then(() => ({ v: ssn })).catch((error) => { console.error(error); }); }';
    assert.deepEqual(flagged(code), []);
  });

  it('recognises clients by import and construction, not by variable name', () => {
    const code = `const openai = { chat: { completions: { create(_: unknown) {} } } };
    openai.chat.completions.create({ messages: [{ content: patientSsn }] });
    import pino from 'pino';
    const anyName = pino();
    anyName.child({ a: 1 }).info({ patientSsn });`;
    assert.deepEqual(flagged(code), [['log', 'patientSsn']]);
  });

  it('reads types: FHIR resources, local interfaces with PHI fields and @phi tags', () => {
    const code = `import type { Patient } from '@medplum/fhirtypes';
    interface Visit { id: string; /** @phi diagnosis */ reason: string; status: string }
    function f(p: Patient, v: Visit) {
      console.log(p.birthDate, p.active);
      console.log(v.reason, v.status, v.id);
    }`;
    assert.deepEqual(flagged(code).map(([, t]) => t), ['p.birthDate', 'v.reason']);
  });

  it('takes a parameter typed by a record type of the project for the PHI its fields declare, not all its name suggests', () => {
    const categories = (code: string) => analyze(code).findings.map((f) => f.phiCategories);
    const declared = "type Patient = { firstName: string; diagnosis: string; status: string };\nexport function f(patient: Patient) {\n  console.log(patient);\n}\n";
    assert.deepEqual(categories(declared), [['name', 'diagnosis']]);
    const variable = "type Patient = { firstName: string; diagnosis: string; status: string };\nexport function f(raw: string) {\n  const patient: Patient = JSON.parse(raw);\n  console.log(patient);\n}\n";
    assert.deepEqual(categories(variable), [['name', 'diagnosis']]);
    // Untyped, or typed by a type with no PHI field: the name says a patient record.
    const untyped = "export function f(patient: any) {\n  console.log(patient);\n}\n";
    assert.ok(categories(untyped)[0]!.length > 4, JSON.stringify(categories(untyped)));
    const plain = "type Patient = { status: string };\nexport function f(patient: Patient) {\n  console.log(patient);\n}\n";
    assert.deepEqual(categories(plain), categories(untyped));
  });

  it('gives the callbacks of an array a global function returns its elements: Promise.all, Object.values, Object.entries', () => {
    const code = `${OPENAI}import type { Patient } from 'fhir/r4b';
interface Lab { orderId: string; patientName: string; dob: string; page: number }
async function draft(prompt: string): Promise<string> {
  const completion = await openai.chat.completions.create({ model: 'x', messages: [{ role: 'user', content: prompt }] });
  return completion.choices[0]?.message?.content ?? '';
}
export async function f(labs: Lab[], filters: Lab, byId: Record<string, Patient>, params: URLSearchParams) {
  const drafts = await Promise.all(labs.map((lab) => draft(lab.patientName)));
  drafts.forEach((text, index) => console.debug(labs[index].orderId, text));
  Object.entries(filters).forEach(([key, value]) => { console.log(key); params.set(key, String(value)); });
  for (const [field, value] of Object.entries(filters)) console.log(field, value);
  Object.values(byId).forEach((patient) => console.log(patient.active, patient.birthDate));
}`;
    // Before, the callbacks were taken for an API's (\`$arg0\`): a model's replies and the filters' values were clean.
    assert.deepEqual(flagged(code), [['ai', 'lab.patientName'], ['log', 'text'], ['log', 'value'], ['log', 'patient.birthDate']]);
  });

  it('reads Promise.allSettled results: each value is an element, each reason an error', () => {
    const code = `export async function f(patient: { diagnosis: string }, ids: string[]) {
  const results = await Promise.allSettled(ids.map(async () => patient.diagnosis));
  results.forEach((result) => {
    if (result.status === 'fulfilled') console.log(result.value);
    else console.error('failed', result.status, result.reason);
  });
  const [first] = await Promise.allSettled([Promise.resolve(patient.diagnosis)]);
  if (first.status === 'rejected') console.error(first.reason);
  console.log(JSON.stringify(results));
}`;
    assert.deepEqual(flagged(code), [['log', 'result.value'], ['log', 'results']]);
  });

  it("pairs an array's entries() as an index, never PHI, and its element; a Map's keep their keys", () => {
    const code = `export function f(patients: { ssn: string }[], byMrn: Map<string, { ssn: string }>) {
  for (const [index, patient] of patients.entries()) console.log(index + 1, patient.ssn);
  const notes = patients.map((p) => p.ssn);
  for (const [i, note] of notes.entries()) { console.log(\`#\${i}\`); console.log(note); }
  for (const [mrn, patient] of byMrn.entries()) console.log(mrn);
}`;
    // Before, \`index + 1\` and the template with \`i\` carried the whole array's PHI.
    assert.deepEqual(flagged(code), [['log', 'patient.ssn'], ['log', 'note'], ['log', 'mrn']]);
  });

  it("gives a Map's keys its PHI as a record key only: not the names, dates and addresses of the records it holds", () => {
    const code = `export function report(appointments: { patientId: string; start: string }[]) {
  const patientAppointmentsMap = new Map<string, { start: string }[]>();
  for (const appointment of appointments) patientAppointmentsMap.set(appointment.patientId, [appointment]);
  for (const [key, visits] of patientAppointmentsMap.entries()) console.log(key);
  for (const [key2, visits2] of patientAppointmentsMap) console.warn(key2);
  for (const [key3, visits3] of patientAppointmentsMap) console.error(visits3);
}`;
    // Before, \`key\` and \`key2\` carried every category of a patient record (name, address, dates, phone, email, …),
    // which the map's name says its values are: a policy allowing record keys in logs could not allow them.
    assert.deepEqual(analyze(code).findings.map((f) => [f.expression, [...f.phiCategories].sort()]), [
      ['key', ['other-id']],
      ['key2', ['other-id']],
      ['visits3', ['date', 'email', 'geographic', 'mrn', 'name', 'other-id', 'phone']],
    ]);
  });

  it('takes a variable read from the environment for configuration, whatever its name', () => {
    const code = `export function seed(patient: { email: string }) {
  const email = process.env.SEED_EMAIL;
  const phone = import.meta.env.VITE_SUPPORT_PHONE ?? '555-0100';
  const ownerName = process.env['OWNER_NAME'] || process.env.FALLBACK_NAME;
  console.log(\`login as \${email}\`, phone, ownerName);
  const patientEmail = patient.email ?? process.env.DEFAULT_EMAIL;
  console.log(patientEmail);
}
export function shadowed(process: { env: { email: string } }) {
  const email = process.env.email;
  console.log(email);
}`;
    assert.deepEqual(flagged(code), [['log', 'patientEmail'], ['log', 'email']]);
  });

  it('takes a variable read from a configuration constant for configuration, whatever its name', () => {
    const code = `import { PROVIDER_CONFIG } from './config';
export function f(visit: { cptCodes: string[] }) {
  const visionAutoCptCodes = PROVIDER_CONFIG.assessment.visionAutoCptCodes ?? [];
  visionAutoCptCodes.forEach((code: string) => console.warn(\`configured CPT code \${code} not found\`));
  const cptCodes = visit.cptCodes;
  console.log(cptCodes);
}`;
    assert.deepEqual(flagged(code).map(([, t]) => t), ['cptCodes']);
  });

  it('takes a parameter declared a FHIR resource that is not PHI for one, unless the project has a type of that name', () => {
    const code = `import type { Location, Patient } from 'fhir/r4b';
import type Medication from '../model/Medication';
interface Practitioner { name: string; phone: string }
const makeItem = (location: Location) => ({ label: location.name, addr: location.address });
const describe = (patient: Patient) => ({ label: patient.name, addr: patient.address });
const prescribe = (medication: Medication) => ({ detail: medication.detail });
const contact = (practitioner: Practitioner) => ({ phone: practitioner.phone });
export function f(all: any[], p: any, patientMedication: any, c: any) {
  console.log(all.map((location) => makeItem(location)));
  console.log(describe(p));
  console.log(prescribe(patientMedication));
  console.log(contact(c));
}`;
    // A caller's argument was judged by the fields the helper reads (\`location.address\` said an address).
    assert.deepEqual(flagged(code).map(([, t]) => t), ['describe(p)', 'prescribe(patientMedication)', 'contact(c)']);
  });

  it('takes what JSON.parse returns for the type it is asserted to be, a client for itself', () => {
    const code = `${OPENAI}import { writeFile } from 'fs/promises';
import type { Communication } from 'fhir/r4b';
interface LabResultMessage { messageId: string; patient: { mrn: string } }
export async function f(body: string) {
  const message = JSON.parse(body) as LabResultMessage;
  await writeFile('inbox.json', JSON.stringify(message));
  console.log(message.messageId);
  const communication = <Communication>JSON.parse(body);
  console.log(communication.category, communication.payload);
  const client = openai as any;
  await client.chat.completions.create({ model: 'x', messages: [{ role: 'user', content: message.patient.mrn }] });
}`;
    // Before, the assertion was ignored for JSON.parse's result (an API's, as a client's is): nothing was reported.
    assert.deepEqual(flagged(code), [['storage', 'message'], ['log', 'communication.payload'], ['ai', 'message.patient.mrn']]);
  });

  it('takes a constant or an object written out for what it holds, not for a type PHI only by its field names', () => {
    const code = `interface PatientRecordFormFields { patientDetails: { title: string }; patientSummary: { title: string } }
    interface PatientRecordConfig { FormFields: PatientRecordFormFields; hiddenFormSections: string[] }
    declare function pick(config: unknown): { title: string };
    const PATIENT_RECORD_DEFAULTS: PatientRecordConfig = { FormFields: { patientDetails: { title: 'Details' }, patientSummary: { title: 'Summary' } }, hiddenFormSections: [] };
    export const PATIENT_RECORD_CONFIG: PatientRecordConfig = Object.freeze(PATIENT_RECORD_DEFAULTS);
    const SECTIONS = { details: { title: 'Details', triggers: [] } };
    const FormFields: PatientRecordFormFields = { patientDetails: SECTIONS.details, patientSummary: { title: \`Summary \${SECTIONS.details.title}\` } };
    const blank: PatientRecordFormFields = { patientDetails: { title: '' }, patientSummary: { title: '' } } as const;
    const spread: PatientRecordFormFields = { ...FormFields };
    export function f(config: PatientRecordConfig) {
      const built: PatientRecordFormFields = { patientDetails: pick(config), patientSummary: { title: '' } };
      // Inside a function an object written out is often a context filled in later: its type stands.
      const context: PatientRecordFormFields = { patientDetails: { title: '' }, patientSummary: { title: '' } };
      console.log(PATIENT_RECORD_CONFIG.FormFields, PATIENT_RECORD_DEFAULTS, FormFields, blank);
      console.log(config.FormFields, spread, built, context);
    }`;
    // Before: both constants were PHI as \`PatientRecordConfig\` (ottehr's questionnaire configuration).
    assert.deepEqual(flagged(code).map(([, t]) => t), ['config.FormFields', 'spread', 'built', 'context']);
  });

  it('takes a definition or configuration type\'s field names for what they describe, not for PHI', () => {
    const code = `interface LabItemDefinition { name: string; cptCode: string[]; note?: string; device?: string }
    interface MailerConfig { email: string; templates: string[] }
    interface TaggedTemplate { /** @phi */ owner: string }
    interface LabOrder { cptCode: string[]; patientName: string }
    interface ReminderTemplate { patientName: string }
    export function f(definition: LabItemDefinition, mailer: MailerConfig, tagged: TaggedTemplate, order: LabOrder, reminder: ReminderTemplate) {
      console.log(definition, mailer.email, tagged.owner, order.cptCode, reminder.patientName);
    }`;
    // Before: ottehr's admin pages logging in-house lab test definitions were reported as procedures. A template's
    // data is a patient's, as its fields say.
    assert.deepEqual(flagged(code).map(([, t]) => t), ['tagged.owner', 'order.cptCode', 'reminder.patientName']);
  });

  it('keeps the declared type of an empty container, which says what it is filled with later', () => {
    const code = `interface Invoice { invoiceId: string; customerEmail: string }
    export function f(rows: { id: string; email: string }[]) {
      const invoices: Invoice[] = [];
      for (const row of rows) {
        const invoice: Invoice = { invoiceId: row.id, customerEmail: row.email };
        invoices.push(invoice);
      }
      for (const invoice of invoices) console.log(\`Invoice \${invoice.invoiceId}\`, invoice.customerEmail);
    }`;
    assert.deepEqual(flagged(code).map(([, t]) => t), ['invoice.customerEmail']);
  });

  it('treats FHIR reads as sources', () => {
    const code = `async function f(medplum: any, id: string) {
      const patient = await medplum.readResource('Patient', id);
      const org = await medplum.readResource('Organization', id);
      console.log(patient.telecom, org.name);
    }`;
    assert.deepEqual(flagged(code).map(([, t]) => t), ['patient.telecom']);
  });

  it('takes a name for a whole patient record only when nothing in it says it is one attribute, a count, settings, staff or a credential', () => {
    const code = `export function f(patientSex: string, numDeletedPatients: number, patientBalanceCents: number, patientDomain: string, ehrPractitioner: object, ehrUsername: string, patientFolder: string, ehrTextPassword: string, patientApiToken: string, patientData: object, ids: { ehr: string }, ehrTests: object, ehrData: object) {
      console.log(patientSex, numDeletedPatients, patientBalanceCents, patientDomain, ehrPractitioner, ehrUsername, patientFolder, ehrTextPassword, patientApiToken);
      console.log(patientData);
      console.log(ids.ehr, ehrTests);
      console.log(ehrData);
    }`;
    // \`ehr\` alone names the system (ottehr's EHR app) as often as a record: a record with a word that says data.
    assert.deepEqual(flagged(code).map(([, t]) => t), ['patientData', 'ehrData']);
  });

  it('tells a patient\'s chart from a graph', () => {
    const code = `export function f(chart: object, chartNotes: string[], growthChart: object, barChart: object, lineChartData: number[], chartInstance: object, chartColors: string[]) {
      console.log(chart, chartNotes, growthChart);
      console.log(barChart, lineChartData, chartInstance, chartColors);
    }`;
    assert.deepEqual(flagged(code).map(([, t]) => t), ['chart', 'chartNotes', 'growthChart']);
  });

  it('does not take a constant (SCREAMING_CASE) or a field of a configuration constant for PHI by its name', () => {
    const code = `declare function argInt(flag: string): number;
    declare function loadSample(): any;
    declare const BRANDING_CONFIG: any;
    const BUCKET_NAMES = { VISIT_NOTES: 'visit-notes' };
    const PATIENTS = argInt('--patients');
    const SAMPLE_PATIENT = loadSample();
    export function f(SSN: string) {
      console.log(BUCKET_NAMES.VISIT_NOTES, PATIENTS, BRANDING_CONFIG.email.sender);
      console.log(SAMPLE_PATIENT.birthDate, SSN);
    }`;
    assert.deepEqual(flagged(code).map(([, t]) => t), ['SAMPLE_PATIENT.birthDate', 'SSN']);
  });

  it('gives each name destructured from a listed array its own element, also through `await Promise.all([…])`', () => {
    const code = `declare const medplum: any;
    export async function f(id: string, patient: { name: string }) {
      const [record, org] = await Promise.all([medplum.readResource('Patient', id), medplum.readResource('Organization', id)]);
      console.log(org.name);
      console.log(record.birthDate);
      const [label, who = 'n/a', ...rest] = ['visit', patient.name, 'x', patient.name];
      console.log(label);
      console.log(who);
      console.log(rest);
    }`;
    assert.deepEqual(flagged(code).map(([, t]) => t), ['record.birthDate', 'who', 'rest']);
  });

  it('reads a `reference` of a record as its key, like its `id`: a helper building `Patient/123` returns no PHI', () => {
    const code = `import type { Patient } from '@medplum/fhirtypes';
    function getReferenceString(input: any): string { return input.reference ?? input.resourceType + '/' + input.id; }
    function getLabel(input: any): string { return input.text ?? input.resourceType; }
    export function f(patient: Patient) {
      console.log(getReferenceString(patient));
      console.log(getLabel(patient));
    }`;
    assert.deepEqual(flagged(code).map(([, t]) => t), ['getLabel(patient)']);
  });

  it('reads which question an answer is for and which code system a code is from as structure, not PHI', () => {
    const code = `import type { QuestionnaireResponse, Condition } from '@medplum/fhirtypes';
    export function f(qr: QuestionnaireResponse, condition: Condition, index: number) {
      const pageLinkId = qr.item?.[index]?.linkId;
      console.log(\`page \${pageLinkId}\`, condition.code?.coding?.[0]?.system);
      console.log(qr.item?.[index]?.answer, condition.code?.coding?.[0]?.code);
    }`;
    assert.deepEqual(flagged(code).map(([, t]) => t), ['qr.item?.[index]?.answer', 'condition.code?.coding?.[0]?.code']);
  });

  it('takes a typed read of a resource that is not PHI for what it is, whatever the variable is called', () => {
    const code = `import type { Appointment, List, Location } from 'fhir/r4b';
declare const oystehr: any;
export async function f(ref: string) {
  const patientLocation = await oystehr.fhir.get<Location>({ resourceType: 'Location', id: ref });
  const mainPatientLists = (await oystehr.fhir.search<List>({ resourceType: 'List', params: [] })).unbundle();
  console.log(patientLocation, mainPatientLists);
  const appointments = (await oystehr.fhir.search<Appointment>({ resourceType: 'Appointment', params: [] })).unbundle();
  for (const appt of appointments) console.log(\`Appointment/\${appt.id}\`, appt.start);
}`;
    assert.deepEqual(flagged(code).map(([, t]) => t), ['appt.start']);
  });

  it('does not take staff records (FHIR Practitioner) for PHI: the workforce is not the subject of the health information', () => {
    const code = `import type { Patient, Practitioner } from '@medplum/fhirtypes';
    async function f(medplum: any, id: string, host: Practitioner, patient: Patient) {
      const clinician = await medplum.readResource('Practitioner', id);
      console.log(JSON.stringify(clinician), host.telecom, host.name);
      console.log(patient.name);
    }`;
    assert.deepEqual(flagged(code).map(([, t]) => t), ['patient.name']);
  });

  it('takes only the catalogs\' own entries for names Object.prototype also has (`constructor`, `toString`)', () => {
    const code = `async function f(medplum: any, id: string) {
      const patient = await medplum.readResource('Patient', id);
      const other = await medplum.readResource('toString', id);
      console.log(patient.constructor.name, patient.toString(), other);
      console.log(patient.birthDate);
    }
    function g(constructorName: string, valueOf: string) { console.log(constructorName, valueOf); }`;
    const result = analyze(code);
    assert.equal(result.skipped, undefined);
    // The record turned into text is still the record; its constructor's name is not PHI.
    assert.deepEqual(result.findings.map((f) => code.slice(f.range.start, f.range.end)), ['patient.toString()', 'patient.birthDate']);
  });

  it('does not take a configured PHI type named like an Object.prototype member for a FHIR resource', () => {
    const code = 'function f(note: valueOf) {\n  console.log(note);\n}\n';
    const result = analyzeSource({ fileName: 'flow.ts', text: code, today: '2026-11-28', config: { ...DEFAULT_CONFIG, phiTypes: { valueOf: ['diagnosis' as const] } } });
    assert.deepEqual(result.findings.map((f) => f.flow[0]!.note), ['`note` is typed `valueOf`']);
  });

  it('checks S3 uploads for server-side encryption and fetch hosts for AI vendors', () => {
    const code = `import { PutObjectCommand } from '@aws-sdk/client-s3';
    function f(patient: any) {
      new PutObjectCommand({ Bucket: 'b', Key: 'k', Body: patient.clinicalNotes });
      new PutObjectCommand({ Bucket: 'b', Key: 'k', Body: patient.clinicalNotes, ServerSideEncryption: 'aws:kms' });
      fetch('https://api.anthropic.com/v1/messages', { method: 'POST', body: JSON.stringify({ messages: [{ content: patient.allergies }] }) });
      fetch('https://example.org/hook', { method: 'POST', body: JSON.stringify({ allergies: patient.allergies }) });
    }`;
    const result = analyze(code);
    assert.deepEqual(result.findings.map((f) => [f.category, f.sink.vendor, code.slice(f.range.start, f.range.end)]), [
      ['storage', 'Amazon S3', 'patient.clinicalNotes'],
      ['ai', 'Anthropic', 'patient.allergies'],
    ]);
  });

  it('runs a promise executor in the function that makes the promise: its parameters reach the sinks inside', () => {
    const code = `import https from 'node:https';
function requestJson(options: { host: string; path: string }) {
  return new Promise((resolve, reject) => {
    const req = https.request(options, (res) => res.on('end', resolve));
    req.on('error', reject);
  });
}
export function find(patient: { birthDate: string }) {
  return requestJson({ host: 'x', path: \`/referrals?dob=\${patient.birthDate}\` });
}`;
    const lines = analyze(code).findings.map((f) => [code.slice(0, f.range.start).split('\n').length, f.category]);
    assert.deepEqual(lines, [[9, 'url']]);
  });

  it('names a function written in a call\'s arguments after the call in the flow path (`map callback`)', () => {
    const code = "export function f(diagnoses: string[]) {\n  diagnoses.map((d) => console.log(d));\n}\n";
    const [finding] = analyze(code).findings;
    assert.ok(finding?.flow.some((s) => s.note === 'parameter `d` of `map callback`'), JSON.stringify(finding?.flow.map((s) => s.note)));
  });

  it('names the Web Storage object written to in the sink', () => {
    const code = "export function f(patient: { ssn: string }) {\n  sessionStorage.setItem('s', patient.ssn);\n  window.localStorage.setItem('s', patient.ssn);\n}\n";
    assert.deepEqual(analyze(code).findings.map((f) => f.sink.api), ['sessionStorage.setItem', 'localStorage.setItem']);
  });

  it('reports PHI in URLs but not in request bodies', () => {
    const code = `import axios from 'axios';
    async function f(ssn: string, lastName: string) {
      await axios.get(\`/api/lookup?ssn=\${ssn}\`);
      await axios.post('/api/lookup', { ssn });
      const q = new URLSearchParams({ lastName });
      location.assign('/done');
    }`;
    assert.deepEqual(flagged(code).map(([c]) => c), ['url', 'url']);
  });
});

describe('deep copies', () => {
  it('keep the fields of what they copy: JSON.parse(JSON.stringify(x)), structuredClone(x)', () => {
    const code = `declare function secret(n: number): string;
interface LoginRequest { remoteAddress: string }
export function f(request: LoginRequest, patient: { ssn: string; active: boolean }) {
  const login = JSON.parse(JSON.stringify({ code: secret(16), remoteAddress: request.remoteAddress }));
  const url = new URL('https://example.com/signin');
  url.searchParams.set('code', login.code);
  url.searchParams.set('from', login.remoteAddress);
  const copy = structuredClone(patient);
  console.log(copy.active, copy.ssn);
}`;
    // Before: the copy was data of unknown shape carrying all of it, so \`login.code\` was an IP address too.
    assert.deepEqual(flagged(code).map(([, t]) => t), ['login.remoteAddress', 'copy.ssn']);
  });
});

describe('a function that returns what it was given', () => {
  it('gives the caller\'s argument back field by field, with the fields it adds', () => {
    const code = `declare function secret(n: number): string;
interface LoginRequest { remoteAddress: string }
function same<T>(x: T): T { return x; }
function withMeta<T>(x: T): T & { meta: { version: number } } { return { ...x, meta: { version: 1 } }; }
async function saved<T>(x: T) { const copy = withMeta(x); return copy; }
export async function f(request: LoginRequest) {
  const made = { code: secret(16), remoteAddress: request.remoteAddress };
  const url = new URL('https://example.com/signin');
  url.searchParams.set('a', same(made).code);
  url.searchParams.set('b', withMeta(made).code);
  const c = await saved(made);
  url.searchParams.set('c', c.code);
  console.log(c.meta, c.remoteAddress);
}`;
    // Before: each came back as one value carrying all of \`made\`, so every \`code\` was an IP address.
    const findings = analyze(code).findings;
    assert.deepEqual(findings.map((f) => f.expression), ['c.remoteAddress']);
    assert.deepEqual(findings[0]!.flow.map((step) => step.note), [
      '`request.remoteAddress`: field `remoteAddress` of `LoginRequest`',
      'returned from `saved`',
      'written to Console `console.log`',
    ]);
  });
});

describe('a generic helper calling its callback', () => {
  it('gives what the caller\'s callback returns, not what the variable it is kept in is called', () => {
    const code = `export function flatMapFilter<T, U>(arr: T[], fn: (x: T, i: number) => U | undefined): U[] {
  const result: U[] = [];
  for (let i = 0; i < arr.length; i++) {
    const resultValue = fn(arr[i], i);
    if (resultValue !== undefined) result.push(resultValue);
  }
  return result;
}
export function f(rows: { title: string }[], patient: { ssn: string }, labs: { value: string }[]) {
  console.log(flatMapFilter(rows, (r) => r.title));
  console.log(flatMapFilter([patient], (p) => p.ssn));
  const resultValue = labs[0]?.value;
  console.log(resultValue);
}`;
    // Before: \`resultValue\` said a lab result, so every list the helper made was one (\`rows\`' titles too).
    assert.deepEqual(analyze(code).findings.map((f) => [f.expression, [...f.phiCategories]]), [
      ['flatMapFilter([patient], (p) => p.ssn)', ['ssn']],
      ['resultValue', ['lab-result']],
    ]);
  });
});

describe('destructured parameters', () => {
  it('are summarised field by field: only the field that reaches a sink is reported at the call site', () => {
    const code = `const parseOrder = ({ searchBy, serviceRequest, tasks }: { searchBy?: string; serviceRequest: { id: string }; tasks: string[] }) => {
  console.log(searchBy);
  return serviceRequest;
};
function caller(patient: { ssn: string; email: string }, request: { searchBy: string; serviceRequest: { id: string } }) {
  parseOrder({ searchBy: 'x', serviceRequest: { id: patient.ssn }, tasks: [] });
  parseOrder({ searchBy: patient.email, serviceRequest: { id: 'y' }, tasks: [] });
  const out = parseOrder({ searchBy: 'z', serviceRequest: { id: patient.ssn }, tasks: [] });
  console.log(out);
  parseOrder(patient as never);
  parseOrder(JSON.parse(patient.ssn));
}
`;
    // \`patient\`'s type has no \`searchBy\`: reading it there is clean. The last call passes an object of unknown shape
    // made from PHI: any field of it may carry it, so it reaches the log.
    assert.deepEqual(flagged(code), [['log', 'patient.email'], ['log', 'out'], ['log', 'JSON.parse(patient.ssn)']]);
  });
});

describe('fields read from a parameter', () => {
  it('carry what the caller\'s argument has in that field, not everything it has', () => {
    const code = `interface RepositoryContext { author: string; remoteAddress?: string; projectId?: string }
function getProject(c: any): string | undefined { return c.projectId; }
function getAddress(c: any): string | undefined { return c.remoteAddress; }
function getLabel(c: any): string | undefined { return c.label; }
function describeContext(c: any): void { console.log('project', c.projectId); }
function logAddress(c: any): void { console.log('from', c.remoteAddress); }
export function f(context: RepositoryContext, body: { summary: string }) {
  console.log(getProject(context));
  console.log(context.projectId);
  describeContext(context);
  console.log(getAddress(context));
  logAddress(context);
  console.log(getLabel(JSON.parse(context.remoteAddress ?? '')));
}`;
    // \`remoteAddress\` (an IP address) reaches the logs by the helpers that read it, and a field of an object of
    // unknown shape made from it may carry it; \`projectId\` does not, read here or in a helper.
    assert.deepEqual(flagged(code).map(([, t]) => t), ['c.remoteAddress', 'getAddress(context)', 'getLabel(JSON.parse(context.remoteAddress ?? \'\'))']);
  });

  it('stay with the argument through a chain of helpers and when the field is returned', () => {
    const code = `interface Visit { room: string; patientEmail: string }
const pick = (v: any) => v.room;
const outer = (v: any) => pick(v);
const email = (v: any) => v.patientEmail;
const viaEmail = (v: any) => email(v);
export function f(visit: Visit) {
  console.log(outer(visit));
  console.log(viaEmail(visit));
}`;
    assert.deepEqual(flagged(code).map(([, t]) => t), ['viaEmail(visit)']);
  });

  it('of a FHIR-typed parameter carry that element\'s PHI, inside and in what callers get back', () => {
    const code = `import type { Patient } from 'fhir/r4b';
function contactEmail(patient: Patient): string | undefined {
  return patient.telecom?.find((t) => t.system === 'email')?.value;
}
function logPhones(patient: Patient): void { console.log(patient.telecom); }
export function f(p: Patient) {
  console.log('sending to', contactEmail(p));
  logPhones(p);
}`;
    const findings = analyze(code).findings;
    assert.deepEqual(findings.map((f) => [f.expression, [...f.phiCategories].sort()]), [
      ['patient.telecom', ['email', 'fax', 'phone']],
      ['contactEmail(p)', ['email', 'fax', 'phone']],
    ]);
  });

  it('of an element that is a structure of elements narrow again (a FHIR contact\'s telecom)', () => {
    const code = `import type { Patient } from 'fhir/r4b';
declare const raw: unknown;
export function f() {
  const patient = raw as Patient;
  const guardian = patient.contact?.find((c) => c.gender === 'female');
  console.log(guardian?.telecom, guardian?.gender);
}`;
    assert.deepEqual(analyze(code).findings.map((f) => [f.expression, [...f.phiCategories].sort()]), [['guardian?.telecom', ['email', 'fax', 'phone']]]);
  });

  it('of a typed record keep the type of a field that is a record type itself (each element\'s own fields)', () => {
    const code = `interface ClaimItem { claimId: string; patientName: string; encounterId: string | null }
interface BalanceResponse { claims: ClaimItem[]; total: number }
declare function chooseJson<T>(x: unknown): T;
export function f(raw: unknown) {
  const { claims } = chooseJson<BalanceResponse>(raw);
  for (const claim of claims) console.warn(\`skipping \${claim.claimId} of encounter \${claim.encounterId}\`, claim.patientName);
  const response = chooseJson<BalanceResponse>(raw);
  console.warn(response.claims[0].encounterId, response.claims);
}`;
    assert.deepEqual(flagged(code).map(([, t]) => t), ['claim.patientName', 'response.claims']);
  });
});

describe('an organisation\'s or a place\'s contact details', () => {
  it('stay theirs when read through a chain, kept in a variable or destructured', () => {
    const code = `export function f(location: any, practice: any, patient: any) {
  console.log(location.address.city);
  const addr = practice.address;
  console.log(addr.city);
  const { address } = location;
  console.log(address.postalCode);
  console.log(patient.address.city);
  const home = patient.address;
  console.log(home.city);
}`;
    assert.deepEqual(flagged(code).map(([, t]) => t), ['patient.address.city', 'home.city']);
  });

  it('stay theirs when a method of theirs gives them (a server\'s or a clinic\'s address), a person\'s leaves them PHI', () => {
    const code = `import http from 'node:http';
const server = http.createServer();
server.listen(3000, () => {
  const address = server.address();
  console.log(\`listening on \${address.port}\`);
});
export async function f(clinic: any, patient: any, api: any) {
  const address = await clinic.getAddress();
  console.log(address.city);
  const home = patient.getAddress();
  const address2 = patient.getAddress();
  console.log(address2.city, home);
  const address3 = api.fetchAddress();
  console.log(address3.city);
}`;
    assert.deepEqual(flagged(code).map(([, t]) => t), ['address2.city', 'home', 'address3.city']);
  });

  it('of a value typed or asserted a FHIR resource that is not PHI are not read by name, whatever it is called', () => {
    const code = `import type { Location, Practitioner } from 'fhir/r4b';
export function f(loc: Location, doc: Practitioner, raw: unknown, p: any) {
  console.log(loc.address?.city, doc.name);
  const found = raw as Location;
  console.log(found.address);
  const site = loc.address;
  console.log(site?.line);
  console.log(p.address);
}`;
    assert.deepEqual(flagged(code).map(([, t]) => t), ['p.address']);
  });

  it('read by a helper are judged with the words of the caller\'s argument', () => {
    const code = `import type { Location } from 'fhir/r4b';
function logCity(location: any) {
  const { address } = location;
  console.log(address.city);
}
export function f(facility: any, loc: Location, patient: any) {
  logCity(facility);
  logCity(loc);
  logCity(patient);
}`;
    assert.deepEqual(flagged(code).map(([, t]) => t), ['patient']);
  });
});

describe('tool results', () => {
  it('report PHI a tool reads and returns to the model, not what the model sent it, however it is named', () => {
    const code = `import { tool } from 'ai';
declare const db: any;
declare function fetchChart(mrn: string): Promise<{ medicalHistory: string }>;
export const echo = tool({ description: 'Echo', execute: async (input: { mrn: string; note: string }) => ({ mrn: input.mrn, received: input.note }) });
export const nested = tool({ description: 'Nested', execute: async ({ patient }: { patient: { ssn: string } }) => \`ok \${patient.ssn}\` });
export const chart = tool({ description: 'Chart', execute: async (input: { mrn: string }) => (await fetchChart(input.mrn)).medicalHistory });
export const lookUp = tool({ description: 'Find', execute: async (input: { id: string }) => db.patient.findUnique({ where: { id: input.id } }) });`;
    assert.deepEqual(flagged(code), [['ai', '(await fetchChart(input.mrn)).medicalHistory'], ['ai', 'db.patient.findUnique({ where: { id: input.id } })']]);
  });
});

describe('Genkit flows', () => {
  it('take the input schema a flow declares for what its input carries, with no caller in the code', () => {
    const code = `import { genkit, z } from 'genkit';
const ai = genkit({});
const ChartSchema = z.object({ diagnosis: z.string(), visitId: z.string() });
const TopicSchema = z.object({ topic: z.string() });
export const summarise = ai.defineFlow({ name: 'summarise', inputSchema: ChartSchema }, async (input) => (await ai.generate({ prompt: \`Explain \${input.diagnosis} for \${input.visitId}\` })).text);
export const explainTopic = ai.defineFlow({ name: 'topic', inputSchema: TopicSchema }, async (input) => (await ai.generate({ prompt: \`Explain \${input.topic}\` })).text);`;
    const findings = analyze(code).findings;
    assert.deepEqual(findings.map((f) => [f.expression, [...f.phiCategories]]), [['`Explain ${input.diagnosis} for ${input.visitId}`', ['diagnosis']]]);
    assert.equal(findings[0]?.flow[0]?.note, '`input.diagnosis`: field `diagnosis` of `ChartSchema`');
  });
});

describe('type guards', () => {
  it('take what a type-guard callback of find or filter says the found elements are, when the type is known', () => {
    const code = `import type { List, Patient } from '@medplum/fhirtypes';
declare const fhir: any;
interface Folder { title: string }
export async function f() {
  const resources = (await fhir.search<List | Patient>({ resourceType: 'List' })).unbundle();
  const list = resources.find((r: List | Patient): r is List => r.resourceType === 'List');
  const patient = resources.find((r: List | Patient): r is Patient => r.resourceType === 'Patient');
  const folders = resources.filter((r: any): r is Folder => !!r.title);
  const other = resources.find((r: any) => r.resourceType === 'List');
  const unknown = resources.find((r: any): r is Unknown => !!r);
  console.log(list?.title, patient?.name, folders, other, unknown);
}`;
    // \`other\`: a comparison of the resource type says as much (see the next test).
    assert.deepEqual(flagged(code).map(([, t]) => t), ['patient?.name', 'unknown']);
  });

  it('take a parameter compared to a resource type for that resource in the branch: its callers\' arguments decide', () => {
    const code = `import type { MedicationRequest, Patient } from '@medplum/fhirtypes';
declare const medplum: any;
function formatCodeableConcept(c: any): string { return c.text ?? c.coding?.[0]?.display; }
function getDisplayString(resource: any): string {
  if (resource.resourceType === 'MedicationRequest' && resource.medicationCodeableConcept) {
    return formatCodeableConcept(resource.medicationCodeableConcept);
  }
  if (resource.resourceType === 'Location') return resource.name;
  return resource.id;
}
function createReference(resource: any) {
  return { reference: \`\${resource.resourceType}/\${resource.id}\`, display: getDisplayString(resource) };
}
function logIfPatient(resource: any) {
  if (resource.resourceType === 'Patient') console.log(resource.birthDate);
}
export async function f(user: any, medRequest: MedicationRequest, patient: Patient) {
  console.log(createReference(user));
  console.log(createReference({ resourceType: 'Bot', id: 'x' }));
  console.log(createReference(medRequest));
  const loaded = await medplum.readResource('MedicationRequest', 'id');
  console.log(createReference(loaded).display);
  logIfPatient(user);
  logIfPatient(patient);
}`;
    // Before: \`resource.medicationCodeableConcept\` was a medication by its name for every caller (medplum's users,
    // bots and projects: 170 findings), and the Location's name a name.
    assert.deepEqual(analyze(code).findings.map((f) => [f.expression, [...f.phiCategories]]), [
      ['createReference(medRequest)', ['medication']],
      ['createReference(loaded).display', ['medication']],
      ['patient', ['date']],
    ]);
  });

  it('take a variable declared as a resource that is not PHI for one, whatever it was built from, its shape kept', () => {
    const code = `import type { ActivityDefinition, Practitioner } from '@medplum/fhirtypes';
declare function buildDefinitions(codes: unknown[]): ActivityDefinition[];
export function f(cptCode: string, familyName: string, procedureCodes: string[]) {
  const definition: ActivityDefinition = { resourceType: 'ActivityDefinition', status: 'active', code: { text: cptCode } };
  const definitions: ActivityDefinition[] = buildDefinitions(procedureCodes);
  console.log(definition, definitions);
  const practitioner: Practitioner = { resourceType: 'Practitioner', identifier: [], name: [] };
  practitioner.name?.push({ family: familyName });
  console.log(practitioner.identifier, familyName);
}`;
    // Before, \`definition\` carried the procedure code, and \`definitions\` what it was built from.
    assert.deepEqual(flagged(code).map(([, t]) => t), ['familyName']);
  });

  it('take a callback comparing the resource type, or an assertion, to a resource that is not PHI as a type guard', () => {
    const code = `import type { Appointment, Location, Patient, Schedule } from '@medplum/fhirtypes';
declare const fhir: any;
export async function f() {
  const resources = (await fhir.search<Appointment | Location | Patient | Schedule>({ resourceType: 'Appointment' })).unbundle();
  const location = resources.find((r) => r.resourceType === 'Location');
  const schedules = resources.filter((r) => { return 'Schedule' === r.resourceType; });
  const owner = resources.find((r) => r.resourceType === 'Location' || r.resourceType === 'Patient');
  const asserted = resources.find((r) => r.id === 'x') as Location;
  const patient = resources.find((r) => r.resourceType === 'Patient');
  console.log(location, schedules, asserted);
  console.log(owner, patient);
}`;
    assert.deepEqual(flagged(code).map(([, t]) => t), ['owner', 'patient']);
  });

  it('take a variable compared to a resource that is not PHI for that resource in the branch, and only there', () => {
    const code = `import type { Bundle, BundleEntry, Resource } from '@medplum/fhirtypes';
export function f(definitions: Bundle) {
  for (const entry of definitions.entry as BundleEntry[]) {
    const resource = entry.resource as Resource;
    if (resource.resourceType === 'StructureDefinition' && resource.name) console.log('definition', resource.name);
    if (resource.resourceType === 'Patient') console.log('patient', resource.name);
    console.log(resource);
  }
}`;
    // The Patient branch's read and the whole resource after the branches: not the StructureDefinition's name.
    const lines = analyze(code).findings.map((f) => [code.slice(0, f.range.start).split('\n').length, code.slice(f.range.start, f.range.end)]);
    assert.deepEqual(lines, [[6, 'resource.name'], [7, 'resource']]);
  });

  it('take a switch on a variable\'s resource type as a guard in each case only that case reaches', () => {
    const code = `import type { Bundle, Resource } from '@medplum/fhirtypes';
export function f(bundle: Bundle) {
  for (const e of bundle.entry ?? []) {
    const resource = e.resource as Resource;
    switch (resource.resourceType) {
      case 'Organization':
        console.log(resource.name);
        break;
      case 'Patient':
        console.log(resource.name);
        break;
      case 'Device':
      case 'Location':
        console.log(resource.name);
    }
  }
}`;
    // Line 14 is reached from 'Device' too, a case with no statements of its own: not narrowed.
    const lines = analyze(code).findings.map((f) => code.slice(0, f.range.start).split('\n').length);
    assert.deepEqual(lines, [10, 14]);
  });
});

describe('enums', () => {
  it('take an enum member for the constant it is, whatever its name', () => {
    const code = `enum Tab { Vitals = 'vitals', Diagnosis = 'diagnosis' }
const enum ROUTER_PATH { VITALS = 'vitals' }
export function f(patient: { diagnosis: string }) {
  console.log(Tab.Vitals, Tab.Diagnosis, ROUTER_PATH.VITALS);
  console.log({ [Tab.Vitals]: patient.diagnosis });
}`;
    assert.deepEqual(flagged(code).map(([, t]) => t), ['patient.diagnosis']);
  });

  it('take a variable holding an enum member for a constant, not PHI by its name, unless PHI joins it', () => {
    const code = `enum Channel { Email = 'email', Phone = 'phone' }
export function f(patient: { email?: string }) {
  const email = Channel.Email;
  const { Phone: phone } = Channel;
  console.log(email, phone, Channel.Email.toUpperCase());
  const contactEmail = patient.email ?? Channel.Email;
  console.log(contactEmail);
}`;
    assert.deepEqual(flagged(code).map(([, t]) => t), ['contactEmail']);
  });

  it('take a field of a global constant for configuration, as a field of a constant of the file', () => {
    const code = `export function f() {
  console.log(DEFAULTS.patientEmail);
  console.log(defaults.patientEmail);
}`;
    assert.deepEqual(flagged(code).map(([, t]) => t), ['defaults.patientEmail']);
  });
});

describe('typed form data', () => {
  it('sends the whole form to an AI model as the records its type describes, whatever the callback calls it', () => {
    const code = `import OpenAI from 'openai';
import { useForm } from 'react-hook-form';
interface SymptomForm { fullName: string; symptoms: string }
interface SearchForm { query: string; pageSize: number }
const openai = new OpenAI();
export function Triage() {
  const { handleSubmit } = useForm<SymptomForm>();
  const search = useForm<SearchForm>();
  handleSubmit(async (form) => {
    await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: JSON.stringify(form) }] });
  });
  search.handleSubmit(async (form) => {
    await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: JSON.stringify(form) }] });
  });
}`;
    assert.deepEqual(flagged(code, 'triage.tsx'), [['ai', 'form']]);
  });
});

describe('array copies', () => {
  it('keep the elements field by field through slice, sort, reverse and concat', () => {
    const code = `import type { Appointment } from 'fhir/r4b';
export function f(appointments: Appointment[]) {
  const requests: { method: string; url: string; resource: Appointment }[] = [];
  for (const a of appointments) requests.push({ method: 'PUT', url: \`/Appointment/\${a.id}\`, resource: a });
  const chunk = requests.slice(0, 35);
  console.error(chunk.map((r) => \`\${r.method} \${r.url}\`));
  console.error([...requests].reverse().concat(requests.slice(1)).sort().map((r) => r.url));
  console.error(chunk.map((r) => r.resource));
}`;
    assert.deepEqual(flagged(code).map(([, t]) => t), ['chunk.map((r) => r.resource)']);
  });
});

describe('Object.entries pairs', () => {
  it('judge the value as the field a test of the key says it is', () => {
    const code = `function parseId(url: string): { id: string } { return { id: url.split('/')[1] }; }
class Rewriter {
  rewriteValue(input: any): any {
    return Object.fromEntries(Object.entries(input).map((pair) => this.rewriteProperty(pair)));
  }
  rewriteProperty([key, value]: [string, any]): [string, any] {
    return [key, this.rewriteUrl([key, value]) ?? value];
  }
  rewriteUrl([key, value]: [string, any]): string | undefined {
    if ((key !== 'url' && key !== 'path') || typeof value !== 'string') return undefined;
    const { id } = parseId(value);
    console.log('rewriting attachment', id);
    return id;
  }
}
export function save(patient: { email: string }, args: string[]) {
  new Rewriter().rewriteValue({ email: patient.email });
  for (const [key, value] of Object.entries(patient)) {
    if (key === 'path') console.log('path', value);
    if (key === 'email') console.log('email', value.trim());
  }
  for (const [k, v] of Object.entries(patient)) {
    if (k !== 'url') continue;
    console.log(v);
  }
  const [command, name] = [args[0], patient.email];
  if (command !== 'url') return;
  console.log(name);
}`;
    assert.deepEqual(flagged(code).map(([, t]) => t), ['value.trim()', 'name']);
  });
});

describe('variables and fields typed by literals', () => {
  it('hold no identifier whatever their names, but may hold a clinical fact', () => {
    const code = `interface SendResult { emailOutcome: 'sent' | 'failed'; email: string; seenPatientRecently: boolean }
export function f(patient: { email: string }, result: SendResult, emailSent: boolean, hivStatus: 'positive' | 'negative') {
  let emailOutcome: 'success' | 'failed' | 'skipped' = 'skipped';
  if (patient.email) emailOutcome = 'success';
  console.log(\`email: \${emailOutcome}\`, emailSent, result.emailOutcome, result.seenPatientRecently);
  console.log(hivStatus, result.email);
}`;
    assert.deepEqual(flagged(code), [['log', 'hivStatus'], ['log', 'result.email']]);
  });
});

describe('FHIR bundles', () => {
  it('take a bundle of resources that are not PHI for what it is, and keep any other bundle as PHI', () => {
    const code = `import type { Bot, Bundle, Patient, Practitioner } from '@medplum/fhirtypes';
export function f(bots: Bundle<Bot>, staff: Bundle<Practitioner | Bot>, patients: Bundle<Patient>, any: Bundle, some: Bundle<Patient | Bot>) {
  console.log(bots, staff);
  console.log(patients);
  console.log(any);
  console.log(some);
}`;
    assert.deepEqual(flagged(code).map(([, t]) => t), ['patients', 'any', 'some']);
  });
});

describe('objects in strings', () => {
  it('take a typed object interpolated or concatenated into a string as `[object Object]`, not as its fields', () => {
    const code = `import type { DiagnosticReport, Patient } from '@medplum/fhirtypes';
interface Visit { reason: string; patientName: string }
export function f(result: DiagnosticReport, patient: Patient, visit: Visit, results: DiagnosticReport[], patientName: string) {
  console.log(\`Error: result \${result} has no id\`);
  console.log('patient ' + patient);
  console.log(\`visit \${visit} and \${results}\`);
  console.log(\`name \${patientName}\`);
  console.log(\`json \${JSON.stringify(patient)}\`);
  console.log(\`field \${patient.name}\`);
  console.log(result);
}`;
    assert.deepEqual(flagged(code).map(([, t]) => t), ['`name ${patientName}`', '`json ${JSON.stringify(patient)}`', '`field ${patient.name}`', 'result']);
  });
});

describe('instances of a class of the file', () => {
  it('call the class\'s own method: a sink inside is reported at the call, an unrelated result stays clean', () => {
    const code = `${OPENAI}interface RequestContext { author: string; remoteAddress?: string }
class Summariser {
  private readonly context: RequestContext;
  private conn?: object;
  constructor(context: RequestContext) { this.context = context; }
  async summarise(text: string) {
    return openai.chat.completions.create({ model: 'x', messages: [{ role: 'user', content: text }] });
  }
  connection(): object | undefined { return this.conn; }
  requester(): string | undefined { return this.context.remoteAddress; }
}
export async function f(patient: { ssn: string; notes: string }, context: RequestContext) {
  const s = new Summariser(context);
  await s.summarise(patient.notes);
  console.log(s.connection());
  console.log(s.requester());
}`;
    // Before, a method of a \`new\` instance was never looked up: the first call was missed and every result was
    // taken to carry all of the instance's fields (the context's IP address).
    assert.deepEqual(flagged(code).map(([c, t]) => [c, t]), [['ai', 'patient.notes'], ['log', 's.requester()']]);
  });

  it('hold a client handed to the constructor untyped (plain JavaScript): its calls in the methods are sinks', () => {
    const code = `const PouchDB = require('pouchdb');
class PatientRepo {
  constructor(db) { this.db = db; }
  save(record) { return this.db.put({ _id: record.id, ssn: record.ssn }); }
  count() { return this.db.info(); }
}
const repo = new PatientRepo(new PouchDB('patients'));
function register(patient) { repo.count(); return repo.save(patient); }
module.exports = { register };`;
    const findings = analyze(code, 'repo.js').findings;
    assert.deepEqual(findings.map((f) => [f.category, f.sink.api, f.expression]), [['storage', 'db.put/post/bulkDocs', 'record.ssn']]);
    assert.deepEqual(findings[0]!.flow.map((step) => step.note), ['`record.ssn`: the name says Safe Harbor (G) Social Security number', 'stored in PouchDB `db.put/post/bulkDocs`']);
  });
});

describe('clients handed to a function of the file', () => {
  it('keeps the methods of a module-level instance in the second pass a client handed to a helper calls for', () => {
    const code = `const express = require('express');
const PouchDB = require('pouchdb');
const router = express.Router();
function rememberChoice(res, name, value) { res.cookie(name, value); }
class DraftRepository {
  constructor(db) { this.db = db; }
  save(draft) { return this.db.put({ _id: draft.id, answers: draft.answers }); }
}
const repository = new DraftRepository(new PouchDB('drafts'));
router.post('/intake', async (req, res) => {
  rememberChoice(res, 'dob', req.body.dateOfBirth);
  await repository.save({ id: req.body.draftId, answers: req.body.diagnosis });
});`;
    // \`rememberChoice\` is analysed before the handler hands it \`res\`: the file is analysed again, and the first
    // pass's instance of \`DraftRepository\` had hidden its class (and \`save\`) from the second.
    assert.deepEqual(flagged(code, 'routes.js'), [['storage', 'req.body.dateOfBirth'], ['storage', 'req.body.diagnosis']]);
  });

  it('make the calls on its parameter sinks, also when the function was analysed before the call that hands it over', () => {
    const code = `const express = require('express');
const router = express.Router();
function setPortalCookie(res, name, value) { res.cookie(name, value, { maxAge: 1000 }); }
router.post('/preferences', (req, res) => {
  setPortalCookie(res, 'theme', req.body.theme === 'dark' ? 'dark' : 'light');
  setPortalCookie(res, 'pharmacy-email', req.body.email);
});`;
    assert.deepEqual(flagged(code, 'routes.js'), [['storage', 'req.body.email']]);
  });

  it('does not take data read from a library object, or a response carrying PHI, for a client', () => {
    const code = `${OPENAI}import express from 'express';
const app = express();
function remember(res: unknown, value: unknown) { console.log(value); }
function show(reply: { choices: unknown[] }) { console.log(reply.choices.length); }
app.post('/p', async (req, res) => {
  remember(req.body.theme, 'x');
  remember(res, req.body.email);
  const reply = await openai.chat.completions.create({ model: 'x', messages: [{ role: 'user', content: req.body.ssn }] });
  show(reply);
});`;
    // \`req.body.theme\` first: had it been taken for a client, \`value\` would still be a parameter; the reply's
    // PHI would be lost in \`show\` had its parameter become the API object alone.
    assert.deepEqual(flagged(code), [['log', 'req.body.email'], ['ai', 'req.body.ssn']]);
  });
});

describe('findings', () => {
  it('names the categories, the sink, the HIPAA reference and what to do, with literal values masked', () => {
    const code = "console.log(patient.ssn + ' 123-45-6789');";
    const [finding] = analyze(code).findings;
    assert.ok(finding);
    assert.equal(finding.rule, 'no-phi-in-logs');
    assert.deepEqual(finding.phiCategories, ['ssn']);
    assert.match(finding.message, /Social Security number/);
    assert.match(finding.message, /164\.312/);
    assert.doesNotMatch(finding.message, /6789/);
    assert.match(finding.expression, /•••-••-••••/);
  });

  it('keeps a helper\'s look-up result opaque at its callers: the argument chose the value, its fields are judged by name', () => {
    const code = `const approvedByCode = new Map<string, { pdfUrl: string }>();
    const approvedFor = (code: string) => approvedByCode.get(code);
    export async function f(diagnosis: { code: string }) {
      const approved = approvedFor(diagnosis.code);
      await fetch(approved.pdfUrl);
      console.log(approvedFor(diagnosis.code));
    }`;
    // Reading \`pdfUrl\` from \`approvedByCode.get(diagnosis.code)\` written out would not be reported either.
    assert.deepEqual(flagged(code), [['log', 'approvedFor(diagnosis.code)']]);
  });

  it('does not advise logging an opaque reference when a record key is all the value carries', () => {
    const [key, ssn] = analyze('console.log(patientId);\nconsole.log(patient.ssn);').findings;
    assert.deepEqual([key?.phiCategories, ssn?.phiCategories], [['other-id'], ['ssn']]);
    assert.match(key!.message, /A record key ties it to one patient's record.*`"allowedCategories": \{ "no-phi-in-logs": \["other-id"\] \}`\.$/);
    assert.doesNotMatch(key!.message, /opaque reference, instead/);
    assert.match(ssn!.message, /Log a de-identified or masked value, or an opaque reference, instead\.$/);
  });

  it("lets through a rule's sinks the categories the policy allows there, and reports the rest", () => {
    const config = { ...DEFAULT_CONFIG, allowedCategories: { 'no-phi-in-logs': ['other-id'] as const } };
    const code = `${OPENAI}export async function f(patientId: string, patient: { id: string; ssn: string }) {
  console.log(\`Patient/\${patientId}\`);
  console.log(\`Patient/\${patient.id}: \${patient.ssn}\`);
  await openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: patientId }] });
}`;
    const findings = analyzeSource({ fileName: 'policy.ts', text: code, config }).findings;
    assert.deepEqual(findings.map((f) => [f.category, f.phiCategories]), [['log', ['ssn']], ['ai', ['other-id']]]);
    assert.match(findings[0]!.message, /^PHI \(Safe Harbor \(G\) Social Security number\) in/);
    const without = analyzeSource({ fileName: 'policy.ts', text: code }).findings;
    assert.deepEqual(without.map((f) => [f.category, f.phiCategories]), [['log', ['other-id']], ['log', ['ssn', 'other-id']], ['ai', ['other-id']]]);
  });

  it('quotes code in flow notes and reasons with its literals masked and its names intact, and names arrow functions after their variable', () => {
    const code = `const send = ({ note, line1 }: { note: string; line1: string }) => { console.log(note); };
function g(patient: { ssn: string }) {
  const addressLine2 = patient.ssn;
  send({ note: addressLine2, line1: 'x' });
}
// @phi
const { memberCode = '123-45-6789' } = input;
console.log(memberCode);
`;
    const [viaHelper, tagged] = analyze(code).findings;
    assert.ok(viaHelper && tagged);
    const notes = viaHelper.flow.map((step) => step.note);
    assert.ok(notes.includes('passed to `send`'), notes.join(' | '));
    assert.ok(notes.includes('parameter `{ note, line1 }` of `send`'), notes.join(' | '));
    assert.ok(notes.some((note) => note.startsWith('`addressLine2`: the name says')), notes.join(' | '));
    assert.deepEqual(tagged.reasons, [{ kind: 'phi-tag', name: "{ memberCode = '•••-••-••••' }" }]);
  });

  it('offers a de-identify fix whose result parses and has no finding', () => {
    const code = "import { readFileSync } from 'fs';\nexport function f(patient: { email: string }) {\n  console.log(patient.email);\n}\n";
    const [finding] = analyze(code).findings;
    assert.ok(finding);
    const fix = finding.fixes[0]!;
    const edits = [...fix.edits].sort((a, b) => b.range.start - a.range.start);
    let fixed = code;
    for (const edit of edits) fixed = fixed.slice(0, edit.range.start) + edit.newText + fixed.slice(edit.range.end);
    assert.match(fixed, /import \{ deidentify \} from 'phi-guard\/deid';/);
    assert.match(fixed, /console\.log\(deidentify\(patient\.email, \{ category: 'email' \}\)\)/);
    const after = analyze(fixed);
    assert.deepEqual(after.parseProblems, []);
    assert.deepEqual(after.findings, []);
  });

  it('adds the import with require() in CommonJS files and after a directive prologue', () => {
    const cjs = "'use strict';\nconst fs = require('fs');\nfunction f(ssn) { console.log(ssn); }\n";
    const [finding] = analyze(cjs, 'a.js').findings;
    assert.ok(finding?.fixes[0]!.edits.some((e) => e.newText.includes("const { deidentify } = require('phi-guard/deid');")));
  });
});

describe('suppressions', () => {
  it('suppresses with a reason, on the line above or the same line, and keeps the reason', () => {
    const code = `// phi-guard-allow no-phi-in-logs -- audit trail, retention policy 7y
    console.log(patient.mrn);
    console.log(patient.ssn); // phi-guard-allow no-phi-in-logs -- SOC ticket 42
    console.log(patient.email);`;
    const result = analyze(code);
    assert.deepEqual(result.findings.map((f) => f.expression), ['patient.email']);
    assert.deepEqual(result.suppressed.map((s) => s.reason), ['audit trail, retention policy 7y', 'SOC ticket 42']);
  });

  it('counts lines as TypeScript does: a U+2028 or a lone CR above the comment does not move it off its line', () => {
    for (const breakChar of ['\u2028', '\r']) {
      const code = `const note = "a${breakChar}b";\n// phi-guard-allow no-phi-in-logs -- audit trail\nconsole.log(patient.ssn);`;
      const result = analyze(code);
      assert.deepEqual([result.findings.length, result.suppressed.length], [0, 1], JSON.stringify(breakChar));
    }
  });

  it('tells without analysing whether a comment covers a finding at a position (the editor checks its insertion so)', () => {
    const isSuppressedAt = (fileName: string, text: string, position: number, rule: 'no-phi-in-logs' | 'no-phi-to-ai', today?: string) => isSuppressedIn(parseFile(fileName, text).sourceFile, position, rule, today);
    const code = `export function record(patient: Patient) {\n  // phi-guard-allow no-phi-in-logs -- audit trail\n  note(\n    patient.ssn,\n  );\n}\n`;
    const at = code.indexOf('patient.ssn');
    assert.equal(isSuppressedAt('a.ts', code, at, 'no-phi-in-logs'), true);
    assert.equal(isSuppressedAt('a.ts', code, at, 'no-phi-to-ai'), false);
    assert.equal(isSuppressedAt('a.ts', code, code.indexOf('export'), 'no-phi-in-logs'), false);
    assert.equal(isSuppressedAt('a.ts', code.replace(' -- audit trail', ''), at, 'no-phi-in-logs'), false);
    assert.equal(isSuppressedAt('a.ts', code.replace('phi-guard-allow', 'phi-guard-allow until 2020-01-01'), at, 'no-phi-in-logs', '2026-11-30'), false);
  });

  it('covers a multi-line call from the line above the statement', () => {
    const code = `import OpenAI from 'openai';
    const ai = new OpenAI();
    // phi-guard-allow no-phi-to-ai -- BAA with OpenAI signed 2026-03-01
    ai.chat.completions.create({
      messages: [{ role: 'user', content: patient.diagnosis }],
    });`;
    assert.deepEqual(analyze(code).findings, []);
  });

  it('covers at a sink the PHI callers hand to it: a helper\'s reviewed sink is reviewed for every call of it', () => {
    const code = `import Redis from 'ioredis';
const redis = new Redis();
function cache(key: string, value: string) {
  // phi-guard-allow no-unencrypted-phi-storage -- Redis with TLS and encryption at rest, BAA #12
  return redis.set(key, value);
}
function trace(message: string) {
  console.log(message); // phi-guard-allow no-phi-to-ai -- a different rule covers nothing here
}
export function f(patient: { ssn: string; email: string }) {
  cache('ssn', patient.ssn);
  cache('email', patient.email);
  trace(patient.email);
}`;
    const result = analyze(code);
    assert.deepEqual(result.findings.map((f) => [f.category, f.expression]), [['log', 'patient.email']]);
    assert.deepEqual(result.suppressed.map((s) => [s.finding.expression, s.reason]), [
      ['patient.ssn', 'Redis with TLS and encryption at rest, BAA #12'],
      ['patient.email', 'Redis with TLS and encryption at rest, BAA #12'],
    ]);
    const expired = analyze(code.replace('phi-guard-allow no-unencrypted-phi-storage', 'phi-guard-allow no-unencrypted-phi-storage until 2020-01-01'));
    assert.equal(expired.findings.filter((f) => f.category === 'storage').length, 2);
  });

  it('does not suppress without a reason, with an unknown rule, or after its expiry, and says why', () => {
    const code = `// phi-guard-allow no-phi-in-logs
    console.log(patient.mrn);
    // phi-guard-allow no-phi-in-log -- typo
    console.log(patient.ssn);
    // phi-guard-allow no-phi-in-logs until 2025-01-01 -- temporary
    console.log(patient.dob);`;
    const result = analyze(code);
    assert.equal(result.findings.length, 3);
    assert.deepEqual(result.suppressionProblems.map((p) => /no reason|unknown rule|expired/.exec(p.message)?.[0]), ['no reason', 'unknown rule', 'expired']);
  });
});

describe('robustness', () => {
  it('analyses a file with syntax errors and reports them', () => {
    const result = analyze('function f(ssn) { console.log(ssn) \n const = ;');
    assert.ok(result.parseProblems.length > 0);
    assert.equal(result.findings.length, 1);
  });

  it('skips a 5 MB minified file with a notice', () => {
    const line = 'var a=function(b){return b+1};'.repeat(170_000);
    const result = analyzeSource({ fileName: 'bundle.min.js', text: line, config: { ...DEFAULT_CONFIG, maxFileSizeKb: 10_000 } });
    assert.equal(result.skipped?.reason, 'minified');
    assert.match(result.skipped!.message, /bundle\.min\.js/);
  });

  it('skips files over the size limit', () => {
    const result = analyze(`// ${'x'.repeat(1100 * 1024)}`);
    assert.equal(result.skipped?.reason, 'too-large');
  });

  it('survives 10,000 nested expressions without throwing', () => {
    const nested = `${'(\n'.repeat(10_000)}patient.ssn${'\n)'.repeat(10_000)}`;
    const deep = analyze(`console.log(${nested});\nconsole.log(patient.email);`);
    assert.notEqual(deep.skipped?.reason, 'minified');
    // Either analysed (past the depth limit values are unknown) or skipped with a notice: never a throw.
    assert.ok(deep.findings.some((f) => f.expression === 'patient.email') || deep.skipped?.reason === 'internal-error');
    const chain = `const x = ${Array.from({ length: 10_000 }, (_, i) => `a${i}`).join(' +\n')};\nconsole.log(x, patient.email);`;
    const long = analyze(chain);
    assert.ok(long.findings.some((f) => f.expression === 'patient.email') || long.skipped?.reason === 'internal-error');
  });

  it('reads every term of a concatenation hundreds of terms long, the first (the deepest in the tree) included', () => {
    const terms = Array.from({ length: 600 }, (_, i) => `'<td>${i}</td>'`).join(' +\n    ');
    const code = `export function row(patient: { ssn: string }) {\n  const html = patient.ssn +\n    ${terms};\n  console.log(html);\n}\n`;
    assert.deepEqual(flagged(code), [['log', 'html']]);
  });

  it('says where it stopped following code nested deeper than it goes (a chain of 450 calls), and goes on after it', () => {
    const links = Array.from({ length: 450 }, (_, i) => `\n    .andWhere('c${i}', ${i})`).join('');
    const code = `export function q(patient: { ssn: string; email: string }, b: any) {\n  const built = b.where('ssn', patient.ssn)${links};\n  console.log(built);\n  console.log(patient.email);\n}\n`;
    const result = analyze(code);
    assert.deepEqual(result.findings.map((f) => f.expression), ['patient.email'], 'the code after the chain is analysed');
    const gap = result.incomplete;
    assert.ok(gap, 'the gap is reported');
    assert.match(gap.message, /nested more than 400 levels deep/);
    assert.equal(code.slice(0, gap.range.start).split('\n').length, 2, 'at the chain');
    assert.equal(analyze('export function f(patient: { ssn: string }) {\n  console.log(patient.ssn);\n}\n').incomplete, undefined);
  });

  it('analyses every branch of an `else if` chain hundreds of branches long, and what follows it', () => {
    const branches = Array.from({ length: 450 }, (_, i) => ` else if (code === ${i + 1}) {\n    console.log(patient.ssn);\n  }`).join('');
    const code = `export function byCode(patient: { ssn: string; email: string }, code: number) {\n  let shown = '';\n  if (code === 0) {\n    shown = 'none';\n  }${branches} else {\n    shown = patient.email;\n  }\n  console.log(shown);\n}\n`;
    const found = analyze(code).findings;
    assert.equal(found.filter((f) => f.expression === 'patient.ssn').length, 450);
    // The last `else` wrote the email: joined back through every branch, it reaches the log after the chain.
    assert.deepEqual(found.filter((f) => f.expression === 'shown').map((f) => f.category), ['log']);
  });
});
