import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeSource, DEFAULT_CONFIG, ProjectAnalyzer, nodeProjectHost } from '../../../src/core';
import { projectOnDisk } from '../projectOnDisk';

function workspace(files: Record<string, string>): string {
  return projectOnDisk(files).root;
}

function findings(root: string, file: string) {
  const project = new ProjectAnalyzer(nodeProjectHost(), root, () => DEFAULT_CONFIG);
  const result = project.analyze(path.join(root, file))!;
  return { project, result, flagged: result.findings.map((f) => [f.category, f.expression]) };
}

/** Each file analysed in this order by one analyser: its flagged expressions, and the files analysed to get them, in
 * order (the configuration is asked for once per analysis). */
function analysedInOrder(root: string, order: readonly string[]) {
  const analysed: string[] = [];
  const project = new ProjectAnalyzer(nodeProjectHost(), root, (file) => (analysed.push(path.relative(root, file)), DEFAULT_CONFIG));
  const flagged: Record<string, string[]> = {};
  for (const file of order) flagged[file] = project.analyze(path.join(root, file))!.findings.map((f) => f.expression);
  return { project, analysed, analyses: analysed.length, flagged };
}

function findingsInOrder(root: string, order: readonly string[]): Record<string, string[]> {
  return analysedInOrder(root, order).flagged;
}

const AI_WRAPPER = `import OpenAI from 'openai';
export const openai = new OpenAI();
export async function ask(prompt: string) {
  return openai.chat.completions.create({ model: 'x', messages: [{ role: 'user', content: prompt }] });
}
`;

describe('cross-file analysis', () => {
  it('tells which field of a destructured parameter reaches a sink in an imported helper', () => {
    const root = workspace({
      'src/orders.ts': `export const parseOrder = ({ searchBy, serviceRequest }: { searchBy?: string; serviceRequest: { id: string } }) => {
  console.log('searching by', searchBy);
  return serviceRequest;
};
`,
      'src/route.ts': `import { parseOrder } from './orders';
export function h(patient: { ssn: string; email: string }) {
  parseOrder({ searchBy: 'id', serviceRequest: { id: patient.ssn } });
  parseOrder({ searchBy: patient.email, serviceRequest: { id: 'x' } });
  console.log(parseOrder({ serviceRequest: { id: patient.ssn } }));
}
`,
    });
    const { result, flagged } = findings(root, 'src/route.ts');
    assert.deepEqual(flagged, [['log', 'patient.email'], ['log', 'parseOrder({ serviceRequest: { id: patient.ssn } })']]);
    assert.ok(result.findings[0]!.flow.some((step) => step.note === 'parameter `{ searchBy, serviceRequest }` of `parseOrder`'));
  });

  it('applies an imported helper\'s calls on an untyped parameter to the client a caller hands it, CommonJS or ESM', () => {
    const root = workspace({
      'src/cookies.js': `module.exports = function setPortalCookie(res, name, value) {
  res.cookie(name, value, { maxAge: 1000 });
};
`,
      'src/logging.ts': `export function logWith(logger: any, label: string, value: unknown) { logger.info({ label, value }); }
`,
      'src/route.js': `const express = require('express');
const pino = require('pino');
const setPortalCookie = require('./cookies');
const { logWith } = require('./logging');
const log = pino();
const router = express.Router();
router.post('/preferences', (req, res) => {
  setPortalCookie(res, 'theme', req.body.theme);
  setPortalCookie(res, 'email', req.body.email);
  setPortalCookie({ cookie() {} }, 'email', req.body.email);
  logWith(log, 'dob', req.body.dateOfBirth);
  logWith(req.body.theme, 'dob', req.body.dateOfBirth);
});
`,
    });
    const { result, flagged } = findings(root, 'src/route.js');
    assert.deepEqual(flagged, [['storage', 'req.body.email'], ['log', 'req.body.dateOfBirth']]);
    assert.deepEqual(result.findings.map((f) => f.sink.api), ['res.cookie', 'logger.info']);
    assert.deepEqual(result.findings[0]!.flow.map((step) => [step.file && path.basename(step.file), step.note]), [
      [undefined, '`req.body.email`: the name says Safe Harbor (F) Email address'],
      [undefined, 'passed to `setPortalCookie`'],
      ['cookies.js', 'parameter `value` of `setPortalCookie`'],
      ['cookies.js', 'passed to `res.cookie`'],
      [undefined, 'stored in Cookies `res.cookie`'],
    ]);
  });

  it('keeps a record asserted from parsed JSON a record across modules: its non-PHI elements stay clean', () => {
    const root = workspace({
      'src/validate.ts': `import type { Communication } from 'fhir/r4b';
export function validate(input: { body: string }) {
  const parsed = JSON.parse(input.body);
  return { communication: parsed as Communication, secrets: 1 };
}
`,
      'src/handler.ts': `import { validate } from './validate';
export function h(input: { body: string }) {
  const { communication } = validate(input);
  console.log('codes', JSON.stringify(communication.category));
  console.log('payload', communication.payload);
}
`,
    });
    assert.deepEqual(findings(root, 'src/handler.ts').flagged, [['log', 'communication.payload']]);
  });

  it('follows a client through helpers that hand it on, across modules and within one', () => {
    const root = workspace({
      'src/write.js': `exports.write = function write(db, doc) { return db.put(doc); };
`,
      'src/save.js': `const { write } = require('./write');
function stamp(db, doc) { return write(db, { ...doc, savedAt: Date.now() }); }
exports.save = function save(db, doc) { return stamp(db, doc); };
`,
      'src/route.js': `const PouchDB = require('pouchdb');
const { save } = require('./save');
const db = new PouchDB('intake');
exports.h = function h(req) { return save(db, { notes: req.body.diagnosis, count: req.body.count }); };
`,
    });
    const { result, flagged } = findings(root, 'src/route.js');
    assert.deepEqual(flagged, [['storage', '{ notes: req.body.diagnosis, count: req.body.count }']]);
    assert.deepEqual(result.findings[0]!.flow.map((step) => [step.file && path.basename(step.file), step.note]), [
      [undefined, '`req.body.diagnosis`: the name says Clinical: Diagnosis / condition'],
      [undefined, 'passed to `save`'],
      ['save.js', 'parameter `doc` of `save`'],
      ['save.js', 'passed to `stamp`'],
      ['save.js', 'parameter `doc` of `stamp`'],
      ['save.js', 'passed to `write`'],
      ['write.js', 'parameter `doc` of `write`'],
      ['write.js', 'passed to `db.put`'],
      [undefined, 'stored in PouchDB `db.put/post/bulkDocs`'],
    ]);
  });

  it('gives an imported class the client its constructor is handed: its methods\' calls on that field are the client\'s', () => {
    const root = workspace({
      'src/store.ts': `export class DraftStore {
  private db: any;
  constructor(db: any, private readonly audit: any) { this.db = db; }
  save(draft: { id: string; notes: string }) { this.audit.info({ id: draft.id }); return this.db.put({ _id: draft.id, ...draft }); }
}
`,
      'src/drafts.js': `class NoteStore {
  constructor(db) { this.db = db; }
  save(note) { return this.db.put(note); }
}
module.exports = { NoteStore };
`,
      'src/route.ts': `import PouchDB from 'pouchdb';
import pino from 'pino';
import { DraftStore } from './store';
const { NoteStore } = require('./drafts');
const drafts = new DraftStore(new PouchDB('drafts'), pino());
const unsaved = new DraftStore({ put() {} }, pino());
const notes = new NoteStore(new PouchDB('notes'));
export async function h(req: { body: { diagnosis: string; draftId: string; noteText: string } }) {
  await drafts.save({ id: req.body.draftId, notes: req.body.diagnosis });
  await unsaved.save({ id: 'x', notes: req.body.diagnosis });
  await notes.save(req.body.noteText);
}
`,
    });
    const { result, flagged } = findings(root, 'src/route.ts');
    assert.deepEqual(flagged, [['storage', '{ id: req.body.draftId, notes: req.body.diagnosis }'], ['storage', 'req.body.noteText']]);
    assert.deepEqual(result.findings[0]!.flow.map((step) => step.note), [
      '`req.body.diagnosis`: the name says Clinical: Diagnosis / condition',
      'passed to `DraftStore.save`',
      'parameter `draft` of `DraftStore.save`',
      'passed to `this.db.put`',
      'stored in PouchDB `db.put/post/bulkDocs`',
    ]);
  });

  it('tells which field an imported helper reads from its parameter: the caller\'s argument decides what it carries', () => {
    const root = workspace({
      'src/context.ts': `export function projectOf(c: any): string { return c.projectId; }
export function addressOf(c: any): string { return c.remoteAddress; }
export function audit(c: any): void { console.log('audit', c.projectId); }
`,
      'src/route.ts': `import { projectOf, addressOf, audit } from './context';
interface RequestContext { projectId: string; remoteAddress: string }
export function h(context: RequestContext) {
  console.log(projectOf(context));
  console.log(addressOf(context));
  audit(context);
}
`,
    });
    assert.deepEqual(findings(root, 'src/route.ts').flagged, [['log', 'addressOf(context)']]);
  });

  it('keeps what an imported helper returns from a call it cannot see into opaque: the value as a whole, fields by name', () => {
    const root = workspace({
      'src/json.ts': `export const chooseJson = <T = any>(json: any): T => json.output;
`,
      'src/api.ts': `import { chooseJson } from './json';
export const createOrder = async (client: any, parameters: { primaryDiagnosis: string }): Promise<{ serviceRequestId: string }> => {
  const response = await client.zambda.execute({ id: 'create-order', ...parameters });
  return chooseJson(response);
};
export const createOrderRaw = async (client: any, parameters: { primaryDiagnosis: string }) => client.zambda.execute({ id: 'create-order', ...parameters });
`,
      'src/page.ts': `import { createOrder, createOrderRaw } from './api';
export async function submit(client: any, primaryDiagnosis: string) {
  const order = await createOrder(client, { primaryDiagnosis });
  await fetch(\`/orders/\${order.serviceRequestId}/pdf\`);
  const raw = await createOrderRaw(client, { primaryDiagnosis });
  await fetch(\`/orders/\${raw.serviceRequestId}/pdf\`);
  console.log('created', raw);
}
`,
    });
    // Before, the opaque mark was lost between files (and a call on a parameter dropped it), so the order's id carried
    // the diagnosis. The response as a whole may carry it; its fields (\`output\`, \`serviceRequestId\`) are judged by name.
    assert.deepEqual(findings(root, 'src/page.ts').flagged, [['log', 'raw']]);
  });

  it('knows the record types of an imported type\'s fields: each field of those keeps its own PHI', () => {
    const root = workspace({
      'src/types.ts': `export interface LabelContent { patientName: string; orderNumber: string }
export interface LabelInput { content: LabelContent; copies: number }
export interface ClaimItem { claimId: string; patientName: string; encounterId: string }
export interface Balance { claims: ClaimItem[] }
`,
      'src/label.ts': `import type { Balance, LabelInput } from './types';
export function print(input: LabelInput, balance: Balance) {
  const { orderNumber, patientName } = input.content;
  console.log(\`label-\${input.content.orderNumber}.pdf\`, orderNumber);
  for (const claim of balance.claims) console.log(claim.encounterId, claim.claimId);
  console.log(patientName);
}
`,
    });
    // Before, \`content\` and each claim carried every PHI field of their type, whichever field was read.
    assert.deepEqual(findings(root, 'src/label.ts').flagged, [['log', 'patientName']]);
  });

  it('knows an imported definition or configuration type: its fields are not PHI by their names', () => {
    const root = workspace({
      'src/types.ts': `export interface MailerConfig { email: string; templates: string[] }
export interface Visit { patientEmail: string }
`,
      'src/send.ts': `import type { MailerConfig, Visit } from './types';
export function send(mailer: MailerConfig, visit: Visit) {
  console.log(mailer.email, visit.patientEmail);
}
`,
    });
    assert.deepEqual(findings(root, 'src/send.ts').flagged, [['log', 'visit.patientEmail']]);
  });

  it('knows an instance an imported function returns by its class: its methods apply, not a guess from its fields', () => {
    const root = workspace({
      'src/repo.ts': `import OpenAI from 'openai';
const openai = new OpenAI();
interface RequestContext { author: string; remoteAddress?: string }
export class Repository {
  private readonly context: RequestContext;
  constructor(context: RequestContext) { this.context = context; }
  read(id: string): string { return 'row ' + id; }
  summarise(text: string) { return openai.chat.completions.create({ model: 'x', messages: [{ role: 'user', content: text }] }); }
  fork(): Repository { return new Repository(this.context); }
}
export function getSystemRepo(): Repository { return new Repository({ author: 'system' }); }
export const systemRepo = new Repository({ author: 'system' });
`,
      'src/route.ts': `import { getSystemRepo, systemRepo } from './repo';
export async function h(patient: { notes: string }) {
  console.log(getSystemRepo().read('42'));
  console.log(getSystemRepo().fork().read('43'));
  await getSystemRepo().fork().summarise(patient.notes);
  await systemRepo.summarise(patient.notes);
  console.log(systemRepo.read('44'));
}
`,
    });
    // Before, the methods of a returned instance were unknown: each result carried every field of the instance (the
    // context's IP address) and the PHI handed to \`summarise\` was missed.
    assert.deepEqual(findings(root, 'src/route.ts').flagged, [['ai', 'patient.notes'], ['ai', 'patient.notes']]);
  });

  it('knows the class of a returned instance through a barrel that re-exports the function alone', () => {
    const root = workspace({
      'src/repo.ts': `import OpenAI from 'openai';
const openai = new OpenAI();
export class Repository {
  summarise(text: string) { return openai.chat.completions.create({ model: 'x', messages: [{ role: 'user', content: text }] }); }
}
export function getSystemRepo(): Repository { return new Repository(); }
`,
      'src/index.ts': `export { getSystemRepo as systemRepo } from './repo';
`,
      'src/route.ts': `import { systemRepo } from './index';
export async function h(patient: { notes: string }) {
  await systemRepo().summarise(patient.notes);
}
`,
    });
    assert.deepEqual(findings(root, 'src/route.ts').flagged, [['ai', 'patient.notes']]);
  });

  it('reports PHI handed to a sink reviewed in the imported module as suppressed, for its reason, directly or through a wrapper', () => {
    const root = workspace({
      'src/cache.ts': `import Redis from 'ioredis';
const redis = new Redis();
export function cache(key: string, value: string) {
  // phi-guard-allow no-unencrypted-phi-storage -- Redis with TLS and encryption at rest, BAA #12
  return redis.set(key, value);
}
export function remember(key: string, value: string) {
  return redis.set(key, value);
}
export class Store {
  put(value: string) {
    redis.set('k', value); // phi-guard-allow no-unencrypted-phi-storage -- same Redis, BAA #12
  }
}
`,
      'src/wrap.ts': `import { cache } from './cache';
export const keep = (value: string) => cache('k', value);
`,
      'src/route.ts': `import { cache, remember, Store } from './cache';
import { keep } from './wrap';
export function h(patient: { ssn: string }, store: Store) {
  cache('a', patient.ssn);
  keep(patient.ssn);
  store.put(patient.ssn);
  remember('b', patient.ssn);
}
`,
    });
    const { flagged, result } = findings(root, 'src/route.ts');
    assert.deepEqual(flagged, [['storage', 'patient.ssn']]);
    const route = fs.readFileSync(path.join(root, 'src/route.ts'), 'utf8');
    assert.equal(result.findings[0]!.range.start, route.indexOf("remember('b', patient.ssn)") + "remember('b', ".length);
    // The three reviewed flows stay on record (the inventory and SARIF list them), with the comment they rest on.
    const cache = fs.readFileSync(path.join(root, 'src/cache.ts'), 'utf8');
    const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length;
    assert.deepEqual(result.suppressed.map((s) => [lineOf(route, s.finding.range.start), s.reason, path.relative(root, s.commentFile!), lineOf(cache, s.commentRange.start)]), [
      [4, 'Redis with TLS and encryption at rest, BAA #12', 'src/cache.ts', 4],
      [5, 'Redis with TLS and encryption at rest, BAA #12', 'src/cache.ts', 4],
      [6, 'same Redis, BAA #12', 'src/cache.ts', 12],
    ]);
  });

  it('knows an imported enum for constants, whatever its members are called', () => {
    const root = workspace({
      'src/routes.ts': `export enum VisitTab { Vitals = 'vitals', Medications = 'medications' }
`,
      'src/nav.ts': `import { VisitTab } from './routes';
export function go(navigate: (path: string) => void) {
  console.log('opening', VisitTab.Vitals, VisitTab.Medications);
}
`,
    });
    assert.deepEqual(findings(root, 'src/nav.ts').flagged, []);
  });

  it('reads constants from an imported constant table, at any depth, as from a local one; a table the module fills with PHI stays PHI', () => {
    const root = workspace({
      'src/codes.ts': `export const observationCodeMapping = {
  pregnancyStatus: { coding: [{ code: '82810-3', display: 'Pregnancy status' }] },
};
export const intakeDefaults = { patient: { firstName: '', dateOfBirth: '2000-01-01' } };
export const lastSeen = { patientName: '' };
export function remember(p: { name: string }) {
  lastSeen.patientName = p.name;
}
`,
      'src/intake.ts': `import { intakeDefaults, lastSeen, observationCodeMapping } from './codes';
const local = { pregnancyStatus: { coding: [{ code: '82810-3' }] } };
export function submit() {
  fetch('/Observation?' + new URLSearchParams({ code: observationCodeMapping.pregnancyStatus.coding[0].code }));
  console.log(observationCodeMapping.pregnancyStatus, local.pregnancyStatus);
  const { patient } = intakeDefaults;
  console.log(patient.firstName, intakeDefaults.patient.dateOfBirth);
  console.log(lastSeen.patientName);
}
`,
    });
    assert.deepEqual(findings(root, 'src/intake.ts').flagged, [['log', 'lastSeen.patientName']]);
  });

  it('follows a field whose name says structure (`opts.system`) through wrappers in other modules, as its callers write it', () => {
    const root = workspace({
      'src/llm/anthropic.ts': `import Anthropic from '@anthropic-ai/sdk';
const client = new Anthropic();
export function streamAnthropic(opts: { system: string; messages: { role: 'user'; content: string }[] }) {
  return client.messages.stream({ model: 'claude', max_tokens: 1024, system: opts.system, messages: opts.messages });
}
`,
      'src/llm/index.ts': `import { streamAnthropic } from './anthropic';
export function streamMessages(opts: { system: string; messages: { role: 'user'; content: string }[] }) {
  return streamAnthropic(opts);
}
`,
      'src/chat.ts': `import { streamMessages } from './llm';
export function review(patientName: string, coding: { system: string; code: string }, record: { id: string; system: string }) {
  streamMessages({ system: \`Reviewing \${patientName}\`, messages: [] });
  streamMessages({ system: coding.system, messages: [] });
  streamMessages(record as unknown as { system: string; messages: [] });
}
`,
    });
    // Before, `opts.system` was taken for structure (a coding's system) and nothing the caller wrote reached the model.
    assert.deepEqual(findings(root, 'src/chat.ts').flagged, [['ai', '`Reviewing ${patientName}`']]);
  });

  it('reports PHI passed to an imported wrapper at the call site, with the path into the other file', () => {
    const root = workspace({
      'src/lib/ai.ts': AI_WRAPPER,
      'src/lib/prompts.ts': 'export const buildPrompt = (p: { diagnosis: string }) => `Diagnosis: ${p.diagnosis}`;\n',
      'src/lib/index.ts': "export * from './ai';\nexport { buildPrompt as prompt } from './prompts';\n",
      'src/route.ts': "import { ask, prompt } from './lib';\nexport async function h(patient: { diagnosis: string }) {\n  await ask(prompt(patient));\n  await ask('hello');\n}\n",
    });
    const { result, flagged } = findings(root, 'src/route.ts');
    assert.deepEqual(flagged, [['ai', 'prompt(patient)']]);
    const flow = result.findings[0]!.flow;
    assert.deepEqual(flow.map((s) => [s.file ? path.relative(root, s.file) : '.', s.kind]), [
      ['src/lib/prompts.ts', 'source'], ['src/lib/prompts.ts', 'return'], ['.', 'call'], ['src/lib/ai.ts', 'parameter'], ['src/lib/ai.ts', 'sink'],
    ]);
    assert.equal(flow[4]!.position?.line, 4);
  });

  it('imports only what a module exports, whatever Object.prototype has (`toString`, `constructor`)', () => {
    const root = workspace({
      'src/util.ts': 'export const format = (value: string) => `[${value}]`;\n',
      'src/lib/index.ts': "export { toString, format as show } from '../util';\nexport * from '../util';\n",
      'src/route.ts': `import { toString, constructor, format } from './util';
import { show, valueOf } from './lib';
export function h(patient: { ssn: string }) {
  console.log(toString(patient.ssn), constructor, valueOf);
  console.log(format(patient.ssn));
  console.log(show(patient.ssn));
}
`,
    });
    const { result, flagged } = findings(root, 'src/route.ts');
    assert.equal(result.skipped, undefined);
    assert.deepEqual(flagged, [['log', 'toString(patient.ssn)'], ['log', 'format(patient.ssn)'], ['log', 'show(patient.ssn)']]);
  });

  it('follows exported clients, classes injected by type, CommonJS and .js specifiers', () => {
    const root = workspace({
      'src/logger.ts': "import pino from 'pino';\nexport const logger = pino();\nexport class Audit { record(e: unknown) { logger.warn(e); } }\n",
      'src/legacy.js': "const fs = require('fs');\nmodule.exports = { save(data) { fs.writeFileSync('/tmp/x', data); } };\n",
      'src/use.ts': "import { logger, Audit } from './logger.js';\nconst legacy = require('./legacy');\nexport class Ctl {\n  constructor(private audit: Audit) {}\n  run(p: { mrn: string; ssn: string; dob: string }) {\n    logger.info(p.ssn);\n    this.audit.record(p.mrn);\n    legacy.save(p.dob);\n  }\n}\n",
    });
    assert.deepEqual(findings(root, 'src/use.ts').flagged, [['log', 'p.ssn'], ['log', 'p.mrn'], ['storage', 'p.dob']]);
  });

  it('resolves tsconfig paths and workspace packages, and survives import cycles', () => {
    const root = workspace({
      'package.json': JSON.stringify({ name: 'mono', workspaces: ['packages/*'] }),
      'packages/shared/package.json': JSON.stringify({ name: '@acme/shared', main: 'dist/index.js' }),
      'packages/shared/src/index.ts': AI_WRAPPER,
      'apps/api/tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['src/*'] } } }),
      'apps/api/src/log.ts': "import { a } from './cycle';\nexport function logIt(x: unknown) { console.log(x, a); }\n",
      'apps/api/src/cycle.ts': "import { logIt } from './log';\nexport const a = 1;\nexport function again(v: unknown) { logIt(v); }\n",
      'apps/api/src/main.ts': "import { ask } from '@acme/shared';\nimport { logIt } from '@/log';\nimport { again } from '@/cycle';\nexport async function m(email: string, ssn: string) {\n  await ask(email);\n  logIt(ssn);\n  again(email);\n}\n",
    });
    assert.deepEqual(findings(root, 'apps/api/src/main.ts').flagged, [['ai', 'email'], ['log', 'ssn'], ['log', 'email']]);
  });

  it('resolves workspace packages that `**` globs name, and leaves out what a negated glob excludes', () => {
    const root = workspace({
      // ottehr's root package.json: before, `packages/**/*` named no folder, and its `utils` package never resolved.
      'package.json': JSON.stringify({ name: 'mono', workspaces: ['packages/**/*', 'apps/*', '!packages/legacy/*'] }),
      'packages/utils/package.json': JSON.stringify({ name: 'utils', main: 'lib/main.ts' }),
      'packages/utils/lib/main.ts': "export * from './ai';\n",
      'packages/utils/lib/ai.ts': AI_WRAPPER,
      'packages/group/logging/package.json': JSON.stringify({ name: '@acme/logging', main: 'src/index.ts' }),
      'packages/group/logging/src/index.ts': 'export function logIt(x: unknown) { console.log(x); }\n',
      'packages/legacy/old/package.json': JSON.stringify({ name: '@acme/old', main: 'index.ts' }),
      'packages/legacy/old/index.ts': 'export function keep(x: unknown) { console.log(x); }\n',
      'apps/api/main.ts': "import { ask } from 'utils';\nimport { logIt } from '@acme/logging';\nimport { keep } from '@acme/old';\nexport async function m(email: string, ssn: string, mrn: string) {\n  await ask(email);\n  logIt(ssn);\n  keep(mrn);\n}\n",
    });
    const { flagged, project } = findings(root, 'apps/api/main.ts');
    assert.deepEqual(flagged, [['ai', 'email'], ['log', 'ssn']]);
    assert.deepEqual(project.unresolvedOf(path.join(root, 'apps/api/main.ts')), ['@acme/old']);
  });

  it('analyses, for a name imported from a barrel, only the modules that can export it', () => {
    const modules: Record<string, string> = {};
    for (let i = 0; i < 30; i++) modules[`lib/part${i}.ts`] = `export function helper${i}(x: unknown) { return x; }\n`;
    const root = workspace({
      ...modules,
      'lib/nested.ts': "export * from './ai';\n",
      'lib/ai.ts': AI_WRAPPER,
      'lib/index.ts': `${Object.keys(modules).map((file) => `export * from './${path.basename(file, '.ts')}';`).join('\n')}\nexport * from './nested';\n`,
      'route.ts': "import { ask, helper3 } from './lib';\nexport async function h(patient: { diagnosis: string }) {\n  await ask(helper3(patient.diagnosis));\n}\n",
      'all.ts': "import * as lib from './lib';\nexport async function g(ssn: string) {\n  await lib.ask(ssn);\n}\n",
    });
    const { analysed, flagged } = analysedInOrder(root, ['route.ts']);
    assert.deepEqual(flagged['route.ts'], ['helper3(patient.diagnosis)']);
    // Before: every module the barrel re-exports (33 analyses); `helper3` and `ask` need 5.
    assert.deepEqual(analysed.sort(), ['lib/ai.ts', 'lib/index.ts', 'lib/nested.ts', 'lib/part3.ts', 'route.ts']);
    const namespace = analysedInOrder(root, ['all.ts']);
    assert.deepEqual(namespace.flagged['all.ts'], ['ssn']);
    assert.equal(namespace.analyses, 34, 'a namespace import takes every export');

    // An editor's keystroke in the importer (a new generation for buffer contents) reads none of the barrel's modules
    // again: the index of which module can export which name lasts until files change on disk.
    const reads: string[] = [];
    const files = nodeProjectHost();
    const editor = new ProjectAnalyzer({ ...files, readFile: (file) => (reads.push(path.relative(root, file)), files.readFile(file)) }, root, () => DEFAULT_CONFIG);
    const route = path.join(root, 'route.ts');
    const text = fs.readFileSync(route, 'utf8');
    editor.analyze(route, text);
    reads.length = 0;
    editor.changed('contents');
    assert.deepEqual(editor.analyze(route, `${text}// typing\n`)!.findings.map((f) => f.expression), ['helper3(patient.diagnosis)']);
    assert.deepEqual(reads.filter((file) => file.startsWith('lib/part')), []);
  });

  it('analyses, for a name imported from a barrel, no module that only uses the name', () => {
    // Each of these modules uses `helper3` and comes before its module in the barrel: read as every word of its text,
    // each could export it, and was analysed for the look-up (inside the importer's analysis, reading the barrel back).
    const users: Record<string, string> = {};
    for (let i = 0; i < 5; i++) users[`lib/user${i}.ts`] = `import { helper3 } from './index';\nexport const use${i} = (x: unknown) => helper3(x);\n`;
    const root = workspace({
      ...users,
      'lib/part3.ts': 'export const other = 1, helper3 = (x: unknown) => x;\n',
      'lib/ai.ts': AI_WRAPPER,
      'lib/index.ts': `${Object.keys(users).map((file) => `export * from './${path.basename(file, '.ts')}';`).join('\n')}\nexport * from './part3';\nexport * from './ai';\n`,
      'route.ts': "import { ask, helper3 } from './lib';\nexport async function h(patient: { diagnosis: string }) {\n  await ask(helper3(patient.diagnosis));\n}\n",
    });
    const { analysed, flagged } = analysedInOrder(root, ['route.ts']);
    assert.deepEqual(flagged['route.ts'], ['helper3(patient.diagnosis)']);
    assert.deepEqual(analysed.sort(), ['lib/ai.ts', 'lib/index.ts', 'lib/part3.ts', 'route.ts']);
  });

  it('takes a typed object written out of module constants for what it holds, on the parse without parent pointers', () => {
    // The check for constants once read a declaration's parent, which the engine's parse does not set: three of
    // ottehr's files failed to analyse.
    const root = workspace({
      'config.ts': `interface PatientRecordFormFields { patientDetails: { title: string }; patientSummary: { title: string }; hidden: string[] }
const details = { title: 'Details' };
const VALUE_SETS = { summary: { title: 'Summary', triggers: [] } };
export const FormFields: PatientRecordFormFields = { patientDetails: details, patientSummary: VALUE_SETS.summary, hidden: [] };
export function show() { console.log(FormFields); }
`,
    });
    const { result } = findings(root, 'config.ts');
    assert.equal(result.skipped, undefined);
    assert.deepEqual(result.findings, []);
  });

  it('resolves past package.json and tsconfig values of unexpected types instead of failing the importing file', () => {
    const root = workspace({
      'package.json': JSON.stringify({ name: 'mono', workspaces: ['packages/*', 42] }),
      // openmrs packages say `"source": true`; the rest are other shapes seen in the wild or typos.
      'packages/shared/package.json': JSON.stringify({ name: '@acme/shared', source: true, types: ['index.d.ts'], main: 'src/index.ts' }),
      'packages/shared/src/index.ts': AI_WRAPPER,
      'packages/odd/package.json': JSON.stringify({ name: { full: 'odd' } }),
      'apps/api/tsconfig.json': JSON.stringify({ extends: 7, compilerOptions: { baseUrl: false, paths: { '@/*': ['src/*', 3], '#x': 'src/x' } } }),
      'apps/api/src/log.ts': 'export function logIt(x: unknown) { console.log(x); }\n',
      'apps/api/src/main.ts': "import { ask } from '@acme/shared';\nimport { logIt } from '@/log';\nexport async function m(email: string, ssn: string) {\n  await ask(email);\n  logIt(ssn);\n}\n",
    });
    const { result, flagged } = findings(root, 'apps/api/src/main.ts');
    assert.equal(result.skipped, undefined);
    assert.deepEqual(flagged, [['ai', 'email'], ['log', 'ssn']]);
  });

  it('keeps one path per parameter, sink and carrier in a summary, however many paths a chain of helpers has', () => {
    // Each level calls the one below twice: 2^12 paths from `level12`'s parameter to the logs, but only two carriers.
    const levels = ['export function level0(x: unknown) { console.log(x); console.info(x); }'];
    for (let i = 1; i <= 12; i++) levels.push(`export function level${i}(x: unknown) { level${i - 1}(x); level${i - 1}(x); }`);
    const root = workspace({ 'chain.ts': `${levels.join('\n')}\n`, 'main.ts': "import { level12 } from './chain';\nexport function f(ssn: string) { level12(ssn); }\n" });
    const { project, flagged, result } = findings(root, 'main.ts');
    assert.deepEqual(flagged, [['log', 'ssn']]);
    assert.deepEqual(result.findings[0]!.flow.filter((step) => step.kind === 'call').length, 13, 'the first path, through every level');
    const summary = project.analyze(path.join(root, 'chain.ts'))!.summary!;
    const top = summary.exports.level12;
    assert.equal(top?.kind, 'function');
    assert.equal(top.kind === 'function' && top.sinks.length, 2, 'one per call site of level11');
  });

  it('gives a path through an import cycle each step once, and settles the cycle instead of adding a round each pass', () => {
    const root = workspace({
      'repo.ts': `import OpenAI from 'openai';
import { logEvent } from './audit';
const openai = new OpenAI();
export function save(record: unknown, depth: number) {
  const entry = record;
  logEvent(entry, depth);
  openai.chat.completions.create({ model: 'x', messages: [{ role: 'user', content: String(entry) }] });
}
`,
      'audit.ts': "import { save } from './repo';\nexport function logEvent(event: unknown, depth: number) {\n  const copy = event;\n  if (depth > 0) save(copy, depth - 1);\n}\n",
      'main.ts': "import { save } from './repo';\nexport function handle(patient: { ssn: string }) { save(patient.ssn, 3); }\n",
    });
    const { analyses, flagged, project } = analysedInOrder(root, ['audit.ts', 'repo.ts', 'main.ts']);
    assert.deepEqual(flagged['main.ts'], ['patient.ssn']);
    const flow = project.analyze(path.join(root, 'main.ts'))!.findings[0]!.flow;
    assert.deepEqual(flow.map((step) => `${path.basename(step.file ?? 'main.ts')}: ${step.note}`), [
      'main.ts: `patient.ssn`: field `ssn` of `an inline type`',
      'main.ts: passed to `save`',
      'repo.ts: parameter `record` of `save`',
      'repo.ts: assigned to `entry`',
      'repo.ts: sent to OpenAI `chat.completions.create`',
    ]);
    // Before: each pass over the cycle added a round to `save`'s path (65 steps after ten passes), so it never settled.
    assert.ok(analyses <= 6, `${analyses} analyses`);
  });

  it('re-analyses an importer when a helper it uses changes, and knows its dependents', () => {
    const root = workspace({ 'lib.ts': 'export function show(x: unknown) { return x; }\n', 'main.ts': "import { show } from './lib';\nexport function f(ssn: string) { show(ssn); }\n" });
    const { project, result } = findings(root, 'main.ts');
    assert.equal(result.findings.length, 0);
    fs.writeFileSync(path.join(root, 'lib.ts'), 'export function show(x: unknown) { console.log(x); }\n');
    project.changed();
    assert.deepEqual(project.analyze(path.join(root, 'main.ts'))!.findings.map((f) => f.expression), ['ssn']);
    assert.deepEqual(project.dependentsOf(path.join(root, 'lib.ts')), [path.join(root, 'main.ts')]);
  });

  it('keeps an importer\'s analysis when a helper it uses is analysed again with the same summary', () => {
    const root = workspace({ 'lib.ts': 'export function show(x: unknown) { console.log(x); }\n', 'main.ts': "import { show } from './lib';\nexport function f(ssn: string) { show(ssn); }\n" });
    const { project, result } = findings(root, 'main.ts');
    // A comment at the end changes the text (a new analysis of lib.ts), not what it exports or where.
    fs.writeFileSync(path.join(root, 'lib.ts'), 'export function show(x: unknown) { console.log(x); }\n// logs\n');
    project.changed();
    assert.equal(project.analyze(path.join(root, 'main.ts')), result, 'the same summary: the cached result stands');
    fs.writeFileSync(path.join(root, 'lib.ts'), 'export function show(x: unknown) { return x; }\n// logs\n');
    project.changed();
    const third = project.analyze(path.join(root, 'main.ts'))!;
    assert.notEqual(third, result);
    assert.deepEqual(third.findings, []);
  });

  it('resolves an import again after the module it names is created', () => {
    const root = workspace({ 'main.ts': "import { show } from './later';\nexport function f(ssn: string) { show(ssn); }\n" });
    const { project, result } = findings(root, 'main.ts');
    assert.equal(result.findings.length, 0, 'nothing to follow yet');
    fs.writeFileSync(path.join(root, 'later.ts'), 'export function show(x: unknown) { console.log(x); }\n');
    project.changed();
    assert.deepEqual(project.analyze(path.join(root, 'main.ts'))!.findings.map((f) => f.expression), ['ssn']);
  });

  it('gives every importer of a barrel the same re-exported helpers', () => {
    const root = workspace({
      'lib/log.ts': 'export function show(x: unknown) { console.log(x); }\n',
      'lib/index.ts': "export * from './log';\n",
      'a.ts': "import { show } from './lib';\nexport function f(ssn: string) { show(ssn); }\n",
      'b.ts': "import { show } from './lib';\nexport function g(mrn: string) { show(mrn); }\n",
    });
    const project = new ProjectAnalyzer(nodeProjectHost(), root, () => DEFAULT_CONFIG);
    assert.deepEqual(project.analyze(path.join(root, 'a.ts'))!.findings.map((f) => f.expression), ['ssn']);
    assert.deepEqual(project.analyze(path.join(root, 'b.ts'))!.findings.map((f) => f.expression), ['mrn']);
    assert.deepEqual(project.dependenciesOf(path.join(root, 'b.ts')).map((file) => path.relative(root, file)).sort(), ['lib/index.ts', 'lib/log.ts']);
  });

  const importCycles: { readonly through: string; readonly files: Record<string, string>; readonly expected: Record<string, string[]> }[] = [
    {
      through: 'two modules',
      files: {
        'a.ts': "import { again } from './b';\nexport function logIt(x: unknown) { console.log(x); }\nexport function f(ssn: string) { again(ssn); }\n",
        'b.ts': "import { logIt } from './a';\nexport function again(v: unknown) { logIt(v); }\nexport function g(mrn: string) { logIt(mrn); }\n",
      },
      expected: { 'a.ts': ['ssn'], 'b.ts': ['mrn'] },
    },
    {
      // a.ts folds the barrel while a.ts itself is unfinished; d.ts then imports the same barrel (a fold made while
      // part of it was unfinished) and must be analysed again once a.ts's summary is known.
      through: 'a barrel',
      files: {
        'a.ts': "import { c } from './index';\nimport { d } from './d';\nexport function logIt(x: unknown) { console.log(x, c, d); }\n",
        'c.ts': 'export const c = 1;\n',
        'index.ts': "export * from './a';\nexport * from './c';\n",
        'd.ts': "import { logIt } from './index';\nexport const d = 2;\nexport function h(ssn: string) { logIt(ssn); }\n",
      },
      expected: { 'a.ts': [], 'd.ts': ['ssn'] },
    },
  ];
  for (const { through, files, expected } of importCycles) {
    it(`gives the same findings whichever file of an import cycle through ${through} is analysed first`, () => {
      const root = workspace(files);
      const order = Object.keys(expected);
      assert.deepEqual(findingsInOrder(root, order), expected);
      assert.deepEqual(findingsInOrder(root, [...order].reverse()), expected);
    });
  }

  it('follows a flow through a chain of 400 modules, each first met as an import of the one before', () => {
    // Analysed nested, one inside the other, such a chain ran out of stack about 330 modules deep and lost its end.
    const files: Record<string, string> = { 'main.ts': "import { f0 } from './m0';\nexport function g(ssn: string) { f0(ssn); }\n" };
    const length = 400;
    for (let i = 0; i < length; i++) {
      const next = i + 1 < length ? `import { f${i + 1} } from './m${i + 1}';\n` : '';
      const call = i + 1 < length ? `f${i + 1}(y)` : 'console.log(y)';
      files[`m${i}.ts`] = `${next}export function f${i}(x: unknown) {\n  const run = (y: unknown) => { if (y) { for (const z of [y]) { ${call}; } } };\n  run(x);\n}\n`;
    }
    const root = workspace(files);
    const { project, result } = findings(root, 'main.ts');
    const [finding, ...others] = result.findings;
    assert.equal(finding?.expression, 'ssn');
    assert.deepEqual(others, []);
    assert.equal(finding.flow.at(-1)?.file, path.join(root, `m${length - 1}.ts`), 'the path ends at the sink in the last module');
    for (let i = 0; i < length; i++) assert.equal(project.analyze(path.join(root, `m${i}.ts`))?.skipped, undefined, `m${i}.ts analysed`);
  });

  it('settles an import ring too long to analyse nested, whichever end is analysed first', () => {
    // m0 → m1 → … → m249 → m0: far ends of the ring are needed deeper than analyses nest, by each other, and the
    // sink in m249 must reach m0's summary through every module of the ring.
    const length = 250;
    const files: Record<string, string> = { 'main.ts': "import { f0 } from './m0';\nexport function g(ssn: string) { f0(ssn); }\n" };
    for (let i = 0; i < length; i++) {
      const next = (i + 1) % length;
      const body = i + 1 < length ? `f${next}(x);` : `console.log(x); if (!x) f${next}(x);`;
      files[`m${i}.ts`] = `import { f${next} } from './m${next}';\nexport function f${i}(x: unknown) { ${body} }\n`;
    }
    const root = workspace(files);
    assert.deepEqual(findingsInOrder(root, ['main.ts'])['main.ts'], ['ssn']);
    assert.deepEqual(findingsInOrder(root, [`m${length - 1}.ts`, 'main.ts'])['main.ts'], ['ssn']);
  });

  it('analyses an imported module only when the code looks one of its names up, not for a JSX tag or an unused import', () => {
    const root = workspace({
      'main.tsx': "import { Card } from './card';\nimport { unused } from './unused';\nimport { logIt } from './log';\nexport function Main(p: { ssn: string }) {\n  const show = () => logIt(p.ssn);\n  return <Card onClick={show} />;\n}\n",
      'card.tsx': 'export function Card(props: { onClick(): void }) { return <button onClick={props.onClick} />; }\n',
      'unused.ts': 'export const unused = 1;\n',
      'log.ts': 'export function logIt(x: unknown) { console.log(x); }\n',
    });
    const { project, analysed, flagged } = analysedInOrder(root, ['main.tsx']);
    assert.deepEqual(flagged['main.tsx'], ['p.ssn'], 'found through log.ts, asked for inside a closure');
    assert.deepEqual([...analysed].sort(), ['log.ts', 'main.tsx']);
    assert.deepEqual(project.dependenciesOf(path.join(root, 'main.tsx')), [path.join(root, 'log.ts')]);
  });

  describe('settling an import cycle', () => {
    // page.tsx is analysed first: card.tsx, which it imports, is analysed while page.tsx is unfinished.
    const cycle = (use: string, more = '') => ({
      'page.tsx': "import { logIt } from './card';\nexport function Page(p: { ssn: string }) { logIt(p.ssn); return <div />; }\n",
      'card.tsx': `import { Page } from './page';\nexport function logIt(x: unknown) { console.log(x); }\nexport function Card(p: { mrn: string }) { return <b>${use}</b>; }\n${more}`,
    });

    it('does not analyse a module again for the summary of an import it only uses as a JSX tag', () => {
      const root = workspace(cycle('<Page ssn="x" />'));
      const { project, analyses, flagged } = analysedInOrder(root, ['page.tsx', 'card.tsx']);
      assert.deepEqual(flagged, { 'page.tsx': ['p.ssn'], 'card.tsx': [] });
      assert.equal(analyses, 2, 'each module once: card.tsx never looked Page up, so page.tsx\'s summary cannot change its result');
      assert.deepEqual(project.dependenciesOf(path.join(root, 'card.tsx')), [], 'card.tsx\'s result does not depend on page.tsx');
      assert.deepEqual(analysedInOrder(root, ['card.tsx', 'page.tsx']).flagged, { 'card.tsx': [], 'page.tsx': ['p.ssn'] });
    });

    it('analyses it again when the import is looked up: called, read, named as a type or exported again', () => {
      const uses: [string, string, number][] = [
        ['{Page({ ssn: p.mrn })}', '', 3], ['{String(Page)}', '', 3], ['{((c: Page) => c)(null as any)}', '', 3],
        // card.tsx's own summary then changes (it exports Page as page.tsx has it), so page.tsx is analysed again too.
        ['<Page />', 'export { Page };\n', 4],
      ];
      for (const [use, more, expected] of uses) {
        const root = workspace(cycle(use, more));
        const { analyses } = analysedInOrder(root, ['page.tsx', 'card.tsx']);
        assert.equal(analyses, expected, `${use} ${more}: card.tsx analysed again with page.tsx's final summary`);
      }
    });

    it('analyses it again when an import it uses comes through a barrel that folds in the unfinished module', () => {
      const root = workspace({
        'page.tsx': "import { logIt } from './card';\nexport function Page(p: { ssn: string }) { logIt(p.ssn); return <div />; }\n",
        'card.tsx': "import { Page, title } from './index';\nexport function logIt(x: unknown) { console.log(x, title); }\nexport function Card() { return <Page />; }\n",
        'title.ts': "export const title = 'x';\n",
        'index.ts': "export * from './page';\nexport * from './title';\n",
      });
      const { analyses, flagged } = analysedInOrder(root, ['page.tsx', 'card.tsx']);
      assert.deepEqual(flagged, { 'page.tsx': ['p.ssn'], 'card.tsx': [] });
      assert.equal(analyses, 5, 'card.tsx again: `title` comes through the barrel, whose answer included page.tsx');
    });
  });

  describe('an import cycle settled from below', () => {
    // A repository hands itself to a pre-commit hook, which asks it for its project and makes a key through a
    // repository of its own: repo.ts → precommit.ts → keys.ts → repo.ts. The first analysis of precommit.ts meets
    // `Repository` unfinished.
    const files = {
      'repo.ts': `import { preCommit } from './precommit';
interface RepositoryContext { remoteAddress: string; projectId: string }
export class Repository {
  private readonly context: RepositoryContext;
  constructor(context: RepositoryContext) { this.context = context; }
  currentProject(): string { return this.context.projectId; }
  async createResource<T>(resource: T): Promise<T> {
    const pre = await preCommit(this, resource);
    return pre ?? resource;
  }
  log(): void { console.log(this.context.remoteAddress); }
}
`,
      'precommit.ts': `import type { Repository } from './repo';
import { makeKey } from './keys';
export async function preCommit<T>(repo: Repository, resource: T): Promise<T | undefined> {
  const project = repo.currentProject();
  const key = await makeKey(project);
  return { ...resource, key } as T;
}
`,
      'keys.ts': `import { Repository } from './repo';
export async function makeKey(project: string) {
  const repo = new Repository({ remoteAddress: '', projectId: project });
  return repo.createResource({ kind: 'key', project });
}
`,
      'caller.ts': `import { Repository } from './repo';
export async function make(repo: Repository) {
  const project = await repo.createResource({ name: 'x' });
  console.log(project);
}
`,
    };

    it('does not let what an unfinished module stood for feed itself around the cycle', () => {
      const root = workspace(files);
      for (const order of [['caller.ts', 'repo.ts', 'precommit.ts', 'keys.ts'], ['precommit.ts', 'keys.ts', 'repo.ts', 'caller.ts'], ['keys.ts', 'caller.ts', 'precommit.ts', 'repo.ts']]) {
        const { flagged } = analysedInOrder(root, order);
        // Before: the first analysis of precommit.ts took \`repo.currentProject()\` for all a repository holds (its
        // context's IP address), and every resource the repository returned carried it from then on, the cycle
        // feeding it to itself after \`Repository\` was known: \`project\` in caller.ts was reported.
        assert.deepEqual(flagged, { 'caller.ts': [], 'repo.ts': ['this.context.remoteAddress'], 'precommit.ts': [], 'keys.ts': [] }, order.join(' → '));
      }
    });
  });

  it('lists the files an analysis depended on, through imports and re-exports', () => {
    const root = workspace({
      'util.ts': 'export function sink(x: unknown) { console.log(x); }\n',
      'lib.ts': "import { sink } from './util';\nexport function show(x: unknown) { sink(x); }\n",
      'index.ts': "export * from './lib';\n",
      'main.ts': "import { show } from './index';\nexport function f(ssn: string) { show(ssn); }\n",
      'other.ts': 'export const unrelated = 1;\n',
    });
    const { project } = findings(root, 'main.ts');
    const relative = (files: string[]) => files.map((file) => path.relative(root, file)).sort();
    assert.deepEqual(relative(project.dependenciesOf(path.join(root, 'main.ts'))), ['index.ts', 'lib.ts', 'util.ts']);
    assert.deepEqual(relative(project.dependenciesOf(path.join(root, 'lib.ts'))), ['util.ts']);
    assert.deepEqual(project.dependenciesOf(path.join(root, 'other.ts')), [], 'not analysed');
  });
});

describe('functions that return functions', () => {
  it('follows PHI into a function a factory or a hook returns, in the file and from another module', () => {
    const hooks = "import { useCallback } from 'react';\nexport function useRemember() {\n  return useCallback((value: string) => localStorage.setItem('last', value), []);\n}\nexport function makeLogger() {\n  return (value: string) => console.log(value);\n}\nexport function useTracker() {\n  const track = (value: string) => console.info(value);\n  return { track, label: 'tracker' };\n}\nexport function itself() {\n  return itself;\n}\n";
    const use = "import { useRemember, makeLogger, useTracker, itself } from './hooks';\nexport function f(patient: { firstName: string; ssn: string; mrn: string }) {\n  const remember = useRemember();\n  remember(patient.firstName);\n  makeLogger()(patient.ssn);\n  const { track } = useTracker();\n  track(patient.mrn);\n  itself()()(patient.ssn);\n}\n";
    const root = workspace({ 'src/hooks.ts': hooks, 'src/use.ts': use });
    const { result } = findings(root, 'src/use.ts');
    assert.deepEqual(result.findings.map((f) => [f.category, f.expression]), [['storage', 'patient.firstName'], ['log', 'patient.ssn'], ['log', 'patient.mrn']]);
    assert.deepEqual(result.findings[0]!.flow.map((s) => s.note).slice(1, 3), ['passed to `remember`', 'parameter `value` of `useRemember()`']);
    // The same in one file.
    const oneFile = analyzeSource({ fileName: 'one.ts', text: hooks.replace(/export /g, '') + use.split('\n').slice(1).join('\n') });
    assert.deepEqual(oneFile.findings.map((f) => [f.category, f.expression]), [['storage', 'patient.firstName'], ['log', 'patient.ssn'], ['log', 'patient.mrn']]);
  });
});

describe('a helper whose parameter is PHI by its own name or type', () => {
  it('reports the leak inside, once, also when the sink is one call deeper, and not again at each call', () => {
    const root = workspace({
      'src/log.ts': "export function logIt(v: unknown) {\n  console.log(v);\n}\n",
      'src/audit.ts': "import { logIt } from './log';\nexport function auditEmail(email: string) {\n  logIt(email);\n}\nexport function auditValue(value: string) {\n  logIt(value);\n}\n",
      'src/route.ts': "import { auditEmail, auditValue } from './audit';\nexport function h(user: { email: string }) {\n  auditEmail(user.email);\n  auditValue(user.email);\n}\n",
    });
    assert.deepEqual(findings(root, 'src/audit.ts').flagged, [['log', 'email']]);
    // `auditValue`'s parameter says nothing: the PHI its callers pass is reported where they pass it.
    const route = findings(root, 'src/route.ts');
    assert.deepEqual(route.flagged, [['log', 'user.email']]);
    assert.equal(route.result.findings[0]!.range.start, "import { auditEmail, auditValue } from './audit';\nexport function h(user: { email: string }) {\n  auditEmail(user.email);\n  auditValue(".length);
  });
});

describe('classes that extend a class of another module', () => {
  it('keep its methods, call them through super, and export them on an instance (HospitalRun\'s repositories)', () => {
    const root = workspace({
      'src/db/Repository.ts': "export default class Repository<T> {\n  db: PouchDB.RelDatabase\n  constructor(readonly type: string, db: PouchDB.RelDatabase) {\n    this.db = db\n  }\n  async save(entity: T) {\n    return this.db.rel.save(this.type, entity)\n  }\n  async saveOrUpdate(entity: T) {\n    return this.db.rel.save(this.type, { ...entity, updatedAt: new Date().toISOString() })\n  }\n}\n",
      'src/db/PatientRepository.ts': "import Repository from './Repository'\ndeclare const relationalDb: PouchDB.RelDatabase\nclass PatientRepository extends Repository<{ fullName: string }> {\n  constructor() {\n    super('patient', relationalDb)\n  }\n  async save(entity: { fullName: string }) {\n    return super.save(entity)\n  }\n}\nexport default new PatientRepository()\n",
      'src/use.ts': "import PatientRepository from './db/PatientRepository'\nexport async function f(patient: { fullName: string }) {\n  await PatientRepository.save(patient)\n  await PatientRepository.saveOrUpdate(patient)\n}\n",
    });
    // The override's parameter is PHI by its own type: reported inside it, once, not again at each call.
    assert.deepEqual(findings(root, 'src/use.ts').flagged, [['storage', 'patient']]);
    assert.deepEqual(findings(root, 'src/db/PatientRepository.ts').flagged, [['storage', 'entity']]);
  });
});

describe('arrays returned by another module', () => {
  it('keep their elements\' fields: a clean field of each element is not the array\'s PHI', () => {
    const root = workspace({
      'src/actions.ts': "export function parseActions(plan: { action: { id: string; ext: { age: number } }[] }) {\n  return plan.action.map((a) => ({ id: a.id, trigger: 'birthday', config: { age: a.ext.age } }));\n}\n",
      'src/use.ts': "import { parseActions } from './actions';\nexport function f(plan: any) {\n  const actions = parseActions(plan);\n  for (const action of actions.filter((a) => a.trigger === 'birthday')) console.log(action.trigger, action.config);\n}\n",
    });
    assert.deepEqual(findings(root, 'src/use.ts').flagged, [['log', 'action.config']]);
  });
});

describe('types declared outside TypeScript', () => {
  it('reads /// @phi fields of Prisma models for prisma.<model> reads and @prisma/client types', () => {
    const root = workspace({
      'prisma/schema.prisma': 'model Visit {\n  id     String @id\n  status String\n  /// @phi diagnosis\n  reason String\n  room   String /// @phi geographic\n}\n',
      'src/visits.ts': "import type { Visit } from '@prisma/client';\nexport async function f(prisma: any, v: Visit) {\n  const visit = await prisma.visit.findUnique({ where: { id: '1' } });\n  console.log(visit.status, visit.reason);\n  console.log(v.room, v.id);\n}\n",
    });
    assert.deepEqual(findings(root, 'src/visits.ts').flagged, [['log', 'visit.reason'], ['log', 'v.room']]);
  });

  it('reads zod object schemas: parsed records, z.infer types and describe("phi:…")', () => {
    const root = workspace({
      'src/intake.ts': "import { z } from 'zod';\nconst Intake = z.object({ ssn: z.string(), reason: z.string().describe('phi:diagnosis'), source: z.string() });\ntype IntakeForm = z.infer<typeof Intake>;\nexport function f(body: unknown, form: IntakeForm) {\n  const parsed = Intake.parse(body);\n  console.log(parsed.reason, parsed.source);\n  console.log(form.ssn);\n  const result = Intake.safeParse(body);\n  if (result.success) console.log(result.data.ssn);\n}\n",
    });
    assert.deepEqual(findings(root, 'src/intake.ts').flagged, [['log', 'parsed.reason'], ['log', 'form.ssn'], ['log', 'result.data.ssn']]);
  });

  it('types a parameter by an alias of a schema (`type T = z.infer<typeof S>`), with `z` from zod/v4 or Genkit', () => {
    for (const module of ['zod', 'zod/v4', 'genkit']) {
      const source = `import { z } from '${module}';\nconst ChartSchema = z.object({ diagnosis: z.string(), room: z.string() });\ntype ChartInput = z.infer<typeof ChartSchema>;\nexport function f(input: ChartInput) {\n  console.log(input);\n}\n`;
      const [finding] = analyzeSource({ fileName: 'chart.ts', text: source }).findings;
      assert.equal(finding?.flow[0]?.note, '`input` is typed by the zod schema `ChartSchema`', module);
      assert.deepEqual(finding?.phiCategories, ['diagnosis'], module);
    }
    // A schema of no PHI field types nothing.
    const plain = "import { z } from 'zod';\nconst RoomSchema = z.object({ room: z.string() });\ntype RoomInput = z.infer<typeof RoomSchema>;\nexport function f(input: RoomInput) {\n  console.log(input);\n}\n";
    assert.deepEqual(analyzeSource({ fileName: 'room.ts', text: plain }).findings, []);
  });

  it('reads a zod schema and its z.infer alias exported by another module: parsed records, typed parameters, a flow\'s input', () => {
    const root = workspace({
      'src/schemas.ts': "import { z } from 'zod';\nexport const ChartSchema = z.object({ body: z.string().describe('phi:diagnosis'), extra: z.string().describe('phi:medication'), room: z.string() });\nexport type ChartInput = z.infer<typeof ChartSchema>;\nexport const RoomSchema = z.object({ room: z.string() });\nexport type RoomInput = z.infer<typeof RoomSchema>;\n",
      'src/use.ts': "import { genkit, z } from 'genkit';\nimport { ChartSchema, RoomSchema, type ChartInput, type RoomInput } from './schemas';\nconst ai = genkit({});\ntype Local = z.infer<typeof ChartSchema>;\nexport function f(body: unknown, input: ChartInput, local: Local, rooms: RoomInput) {\n  const parsed = ChartSchema.parse(body);\n  console.log(parsed.body, parsed.room);\n  console.log(input.extra, input.room);\n  console.log(local.body);\n  console.log(rooms.room, RoomSchema.parse(body).room);\n}\nexport const flow = ai.defineFlow({ name: 'chart', inputSchema: ChartSchema }, async (chart) => (await ai.generate({ prompt: chart.body })).text);\n",
    });
    const result = findings(root, 'src/use.ts');
    assert.deepEqual(result.flagged, [['log', 'parsed.body'], ['log', 'input.extra'], ['log', 'local.body'], ['ai', 'chart.body']]);
  });

  it('names a parsed zod schema by the variable it is declared under, through modifiers that keep its fields', () => {
    const source = "import { z } from 'zod';\nconst VisitSchema = z.object({ ssn: z.string() });\nexport function f(body: unknown) {\n  const visit = VisitSchema.parse(body);\n  console.log(visit);\n}\n";
    const [finding] = analyzeSource({ fileName: 'visit.ts', text: source }).findings;
    assert.equal(finding?.flow[0]?.note, '`parse()` returns the zod schema `VisitSchema` records');
    assert.deepEqual(finding?.reasons, [{ kind: 'type', typeName: 'VisitSchema' }]);
    // A modifier that keeps the fields keeps the schema; one that may drop them does not.
    const strict = analyzeSource({ fileName: 'visit.ts', text: source.replace('z.object({ ssn: z.string() })', 'z.object({ ssn: z.string() }).strict()') }).findings;
    assert.equal(strict[0]?.flow[0]?.note, '`parse()` returns the zod schema `VisitSchema` records');
    const picked = analyzeSource({ fileName: 'visit.ts', text: source.replace('z.object({ ssn: z.string() })', "z.object({ ssn: z.string() }).pick({ id: true })") }).findings;
    assert.deepEqual(picked, []);
  });
});
