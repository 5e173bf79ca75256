import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { AnalysisMemory, analyzeSource, DEFAULT_CONFIG, IncrementalParser } from '../../../src/core';
import type { AnalysisResult, ModuleSummary } from '../../../src/core';
import { createRandom, generateFile } from '../../bench/generateWorkspace';
import { corpusFiles } from '../corpusFiles';

const TODAY = '2026-01-01';

/** Everything a result tells its users (sink sites in position order: their order is the analysis order). */
function comparable(result: AnalysisResult): string {
  const sites = result.sinkSites.map((site) => JSON.stringify(site)).sort();
  return JSON.stringify({ ...result, sinkSites: sites });
}

/** An editor session on one file: each edit goes through the memory, and is checked against a fresh analysis. */
class Session {
  readonly parser = new IncrementalParser();
  readonly memory = new AnalysisMemory();
  readonly updates: Record<string, number> = {};
  /**
   * The last result that came from an analysis of its text, as it was then (its module summary is made when first
   * read, and only until the next analysis of the file: see resultOf).
   */
  private analysed: string;

  constructor(
    readonly fileName: string, public text: string,
    private readonly options: { imports?: (specifier: string) => ModuleSummary | undefined; keepLastGood?: boolean } = {},
  ) {
    this.analysed = comparable({ ...this.analyse(), parseProblems: [] });
  }

  analyse(config = DEFAULT_CONFIG): AnalysisResult {
    const { imports, keepLastGood } = this.options;
    return analyzeSource({ fileName: this.fileName, text: this.text, config, today: TODAY, parser: this.parser, memory: this.memory, imports, keepLastGood });
  }

  /**
   * Applies an edit; returns how the memory took it, after checking the result against a fresh analysis (or, for a
   * text with syntax errors that was not analysed, against the last result and the fresh parse problems).
   */
  edit(text: string): string {
    this.text = text;
    const result = this.analyse();
    const how = this.memory.lastUpdate ?? 'none';
    this.updates[how] = (this.updates[how] ?? 0) + 1;
    const fresh = analyzeSource({ fileName: this.fileName, text, config: DEFAULT_CONFIG, today: TODAY, imports: this.options.imports });
    if (how === 'kept') {
      assert.equal(result.lastGood, true);
      assert.ok(fresh.parseProblems.length > 0, `${this.fileName}: a text without syntax errors was not analysed`);
      assert.deepEqual(result.parseProblems, fresh.parseProblems);
      assert.equal(comparable({ ...result, parseProblems: [], lastGood: undefined }), this.analysed, `${this.fileName}: the kept result is not the last one`);
    } else {
      assert.equal(comparable(result), comparable(fresh), `${this.fileName}: the ${how} update differs from a fresh analysis`);
      this.analysed = comparable({ ...result, parseProblems: [] });
    }
    return how;
  }

  replace(from: string, to: string): string {
    assert.ok(this.text.includes(from), `the test text contains ${from}`);
    return this.edit(this.text.replace(from, to));
  }
}

const SOURCE = `import OpenAI from 'openai';
import pino from 'pino';

const openai = new OpenAI();
const logger = pino();
let lastPatient: unknown;

interface Visit {
  reason: string;
  clinic: string;
}

/** Sends its argument to the model. */
async function ask(question: string) {
  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: question }] });
}

export async function summarize(patient: { ssn: string; name: string }) {
  const label = 'visit';
  logger.info(label);
  return ask(\`Summarize \${patient.name}\`);
}

export function remember(patient: unknown) {
  lastPatient = patient;
}

export const describeVisit = (visit: Visit) => {
  const text = visit.clinic.trim();
  return text;
};

export class Clinic {
  private readonly label = 'clinic';

  report(mrn: string) {
    const note = 'seen';
    console.log(note);
    return note;
  }
}
`;

describe('analysis memory (an edit inside one function analyses only that function)', () => {
  it('re-analyses an edited function body, method or arrow function alone, with the fresh result', () => {
    const session = new Session('/project/visit.ts', SOURCE);
    assert.equal(session.replace("const label = 'visit';", "const label = 'visits';"), 'function');
    assert.equal(session.replace("logger.info(label);", "logger.info(label, patient.ssn);"), 'function');
    assert.equal(session.replace("const note = 'seen';", "const note = 'seen today';"), 'function');
    assert.equal(session.replace("console.log(note);", "console.log(note, mrn);"), 'function');
    assert.equal(session.replace('const text = visit.clinic.trim();', 'const text = visit.clinic.trim().toLowerCase();'), 'function');
    assert.ok(session.analyse().findings.some((f) => f.expression === 'patient.ssn' && f.rule === 'no-phi-in-logs'), 'the new leak is found');
    assert.ok(session.analyse().findings.some((f) => f.expression === 'mrn' && f.rule === 'no-phi-in-logs'), 'the new leak in the method is found');
  });

  it('reports code nested too deep to follow at its place after an edit above it, as a fresh analysis does', () => {
    const links = Array.from({ length: 450 }, (_, i) => `\n    .andWhere('c${i}', ${i})`).join('');
    const text = `export function head(patient: { ssn: string }) {\n  const label = 'visit';\n  console.log(label);\n}\nexport function q(b: any) {\n  return b.where('x', 1)${links};\n}\n`;
    const session = new Session('/project/query.ts', text);
    assert.ok(session.analyse().incomplete);
    session.replace("const label = 'visit';", "const label = 'visit';\n  const more = 'lines';");
    assert.equal(session.text.slice(0, session.analyse().incomplete!.range.start).split('\n').length, 7, 'a line further down, as the text is now');
  });

  it('gives the fresh flow steps when the edited function first reads a declaration further down (its nodes moved when read)', () => {
    const session = new Session('/project/report.ts', "import pino from 'pino';\nconst logger = pino();\n\nexport function report() {\n  logger.info('x');\n}\n\nexport const patientName = readName();\n");
    assert.equal(session.replace("logger.info('x')", 'logger.info(patientName)'), 'function');
    const [finding] = session.analyse().findings;
    assert.equal(session.text.slice(finding!.flow[0]!.range.start, finding!.flow[0]!.range.end), 'patientName');
    assert.equal(finding!.flow[0]!.range.start, session.text.lastIndexOf('patientName'));
  });

  it('keeps a suppression above a multi-line statement further down in force after an edit above it', () => {
    const session = new Session('/project/audit.ts', [
      "import pino from 'pino';", 'const logger = pino();', 'export function total() {', '  return 1;', '}',
      'export function audit(patient: { ssn: string }) {', '  // phi-guard-allow no-phi-in-logs -- reviewed: the audit log is encrypted', '  logger.info(', '    patient.ssn,', '  );', '}', '',
    ].join('\n'));
    assert.equal(session.analyse().suppressed.length, 1);
    assert.equal(session.replace('return 1;', 'return 1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 + 10;'), 'function');
    assert.equal(session.analyse().suppressed.length, 1);
  });

  it('adds the de-identification function to an import of its module further down, after an edit above it', () => {
    const session = new Session('/project/audit.ts', [
      "import pino from 'pino';", 'const logger = pino();', 'export function total() {', '  return 1;', '}',
      "import { redact } from 'phi-guard/deid';", 'export function audit(patient: { ssn: string }) {', '  logger.info(redact(patient.ssn), patient.ssn);', '}', '',
    ].join('\n'));
    assert.equal(session.replace('return 1;', 'return 1 + 2 + 3;'), 'function');
    const [edit] = session.analyse().findings[0]!.fixes[0]!.edits.filter((e) => e.newText === ', deidentify');
    assert.equal(edit!.range.start, session.text.indexOf(' } from'));
  });

  it('makes a remembered result\'s module summary when first read, and none once the next edit changed the analysis', () => {
    const parser = new IncrementalParser();
    const memory = new AnalysisMemory();
    const fileName = '/project/visit.ts';
    const analyse = (text: string) => analyzeSource({ fileName, text, config: DEFAULT_CONFIG, today: TODAY, parser, memory });
    const texts = [SOURCE.replace("const label = 'visit';", "const label = 'visits';"), SOURCE.replace("const label = 'visit';", "const label = 'visits!';")];
    analyse(SOURCE);
    const [read, unread] = texts.map((text, i) => {
      const result = analyse(text);
      assert.equal(memory.lastUpdate, 'function');
      assert.ok(Object.getOwnPropertyDescriptor(result, 'summary')?.get, 'made when read');
      // The first read before the next edit (as an importer reads it): the summary of its own text.
      if (i === 0) assert.deepEqual(result.summary, analyzeSource({ fileName, text, config: DEFAULT_CONFIG, today: TODAY }).summary);
      return result;
    });
    // The next edit changes the analysis the unread one would have been made of.
    analyse(SOURCE.replace('return ask(', 'return ('));
    assert.equal(memory.lastUpdate, 'function');
    assert.equal(unread!.summary, undefined);
    assert.ok(read!.summary);
  });

  it('keeps at most a few unread module summaries waiting while the same text is analysed again and again', () => {
    const parser = new IncrementalParser();
    const memory = new AnalysisMemory();
    const analyse = () => analyzeSource({ fileName: '/project/visit.ts', text: SOURCE, config: DEFAULT_CONFIG, today: TODAY, parser, memory });
    const first = analyse();
    const results = Array.from({ length: 20 }, analyse);
    assert.equal(memory.lastUpdate, 'nothing');
    const interpreter = (memory as unknown as { files: Map<string, { interpreter: { unreadSummaries: unknown[] } }> }).files.get('/project/visit.ts')!.interpreter;
    assert.ok(interpreter.unreadSummaries.length <= 8, `${interpreter.unreadSummaries.length} waiting`);
    // Made while the analysis was still theirs: every one of them is the text's summary.
    const fresh = analyzeSource({ fileName: '/project/visit.ts', text: SOURCE, config: DEFAULT_CONFIG, today: TODAY }).summary;
    for (const result of [first, ...results]) assert.deepEqual(result.summary, fresh);
  });

  it('keeps the findings an edit leaves as they were, and the strings and lists of the ones it only moves', () => {
    const parser = new IncrementalParser();
    const memory = new AnalysisMemory();
    const text = [
      "import pino from 'pino';", 'const logger = pino();', 'export function first(patient: { ssn: string }) {', '  logger.info(patient.ssn);', '}',
      'export function edited() {', '  return 1;', '}', 'export function last(patient: { mrn: string }) {', '  logger.info(patient.mrn);', '}', '',
    ].join('\n');
    const analyse = (source: string) => analyzeSource({ fileName: '/project/log.ts', text: source, config: DEFAULT_CONFIG, today: TODAY, parser, memory });
    const [before, after] = analyse(text).findings;
    const edited = text.replace('return 1;', 'return 1 + 2;');
    const [kept, moved] = analyse(edited).findings;
    assert.equal(memory.lastUpdate, 'function');
    assert.equal(kept, before, 'before the edit: the same finding');
    assert.notEqual(moved, after);
    assert.equal(moved!.range.start, after!.range.start + 4);
    assert.equal(moved!.message, after!.message);
    assert.equal(moved!.reasons, after!.reasons);
    assert.deepEqual(moved, analyzeSource({ fileName: '/project/log.ts', text: edited, config: DEFAULT_CONFIG, today: TODAY }).findings[1]);
  });

  it('keeps a file whose helper is handed a client after it was analysed: its edits are analysed alone too', () => {
    const session = new Session('/project/routes.js', `const express = require('express');
const router = express.Router();
function rememberChoice(res, name, value) {
  res.cookie(name, value, { httpOnly: true });
}
router.post('/intake', (req, res) => {
  const theme = 'light';
  rememberChoice(res, 'dob', req.body.dateOfBirth);
});
`);
    assert.equal(session.replace("{ httpOnly: true }", "{ httpOnly: false }"), 'function');
    assert.equal(session.replace("const theme = 'light';", "const theme = 'dark';"), 'function');
    assert.deepEqual(session.analyse().findings.map((f) => f.expression), ['req.body.dateOfBirth']);
    // Another call handing the helper the same client: still the edited function alone (the session checks each
    // result against a fresh analysis of the text).
    assert.equal(session.replace("const theme = 'dark';", "const theme = 'dark';\n  rememberChoice(res, 'email', req.body.email);"), 'function');
    assert.deepEqual(session.analyse().findings.map((f) => f.expression).sort(), ['req.body.dateOfBirth', 'req.body.email']);
  });

  it('gives the fresh summary after an edit inside a function another exported function returns', () => {
    const source = "export function makeLogger(prefix: string) {\n  return (value: string) => {\n    const line = prefix;\n    return line;\n  };\n}\n";
    const session = new Session('/project/logger.ts', source);
    session.replace('const line = prefix;', 'const line = prefix; console.log(value);');
    const returned = session.analyse().summary?.exports.makeLogger;
    assert.ok(returned?.kind === 'function' && returned.returns.fn?.sinks.length === 1, 'the returned function now logs its parameter');
  });

  it('moves the positions inside an array\'s known elements with the rest after an edit above them', () => {
    const source = "export function first() {\n  const label = 'first';\n  return label;\n}\nconst list = [{ code: 'x', name: '' }];\nexport function fill(patient: { firstName: string }) {\n  list.push({ code: 'y', name: patient.firstName });\n}\nexport function rows(patient: { firstName: string }, code: string) {\n  const mine = [{ code, name: patient.firstName }];\n  return mine.map((row) => ({ row }));\n}\nexport function use(patient: { firstName: string }) {\n  for (const r of rows(patient, 'x')) console.log(r.row.name);\n  for (const l of list) console.log(l.name);\n}\n";
    const session = new Session('/project/rows.ts', source);
    // The edit in `first` moves everything after it; the session checks each result against a fresh analysis.
    assert.equal(session.replace("const label = 'first';", "const label = 'the first one';"), 'function');
    // Then an edit in `use` analyses it alone, with `rows`' summary as moved.
    assert.equal(session.replace("for (const l of list) console.log(l.name);", "for (const l of list) console.log(l.name, l.code);"), 'function');
    assert.ok(session.analyse().findings.some((f) => f.expression === 'r.row.name'));
  });

  it('analyses the whole file when a function whose summary a caller used changes it', () => {
    const session = new Session('/project/visit.ts', SOURCE);
    // `ask` sends its parameter to OpenAI; `summarize` relies on that. Logging the question instead changes the summary.
    assert.equal(session.replace('return openai.chat.completions.create(', 'logger.info(question);\n  return openai.chat.completions.create('), 'whole');
    assert.ok(session.analyse().findings.some((f) => f.rule === 'no-phi-in-logs' && f.expression.includes('patient.name')), "the caller's argument now reaches the log");
    // An edit that leaves `ask`'s summary as it was (a name its flow steps do not quote) stands alone.
    assert.equal(session.replace("model: 'gpt-4o'", "model: 'gpt-4.1'"), 'function');
  });

  it('analyses the whole file when the edited function changes module state, or the edit is at module level', () => {
    const session = new Session('/project/visit.ts', SOURCE);
    assert.equal(session.replace('lastPatient = patient;', 'lastPatient = patient ?? null;'), 'whole');
    assert.equal(session.replace('const logger = pino();', 'const logger = pino({});'), 'whole');
    assert.equal(session.replace('async function ask(', 'async function askModel('), 'whole', 'summarize calls ask');
  });

  it('takes an edit of a class field initializer that stays the same plain value without analysis, and analyses the file otherwise', () => {
    const withFields = SOURCE.replace("  private readonly label = 'clinic';", "  private readonly label = 'clinic';\n  private readonly seen = new Map<string, { at: number }>();\n  private count: number = 0;");
    const session = new Session('/project/visit.ts', withFields);
    assert.equal(session.replace('new Map<string, { at: number }>()', 'new Map<string, { at: number; by: string }>()'), 'field', 'only its type arguments changed');
    assert.equal(session.replace('private count: number = 0;', 'private count: number = 10;'), 'field', 'a number stays a number');
    assert.equal(session.replace("private readonly label = 'clinic';", "private readonly label = 'clinics';"), 'whole', 'another constant string');
    assert.equal(session.replace("private readonly label = 'clinics';", "private readonly label = '123-45-6789';"), 'whole', 'a literal that looks like PHI');
    // Whole before or after: an initializer that refers to something in the file.
    assert.equal(session.replace('{ at: number; by: string }>()', '{ at: number; by: string }>(openai ? [] : [])'), 'whole', 'a module binding');
    assert.equal(session.replace('(openai ? [] : [])', '()'), 'whole', 'it referred to a module binding');
    assert.equal(session.replace('by: string }>()', 'by: string }>(lastPatient<string> ? [] : [])'), 'whole', 'a module variable, instantiated');
    assert.equal(session.replace('(lastPatient<string> ? [] : [])', '()'), 'whole');
    assert.equal(session.replace('by: string }>()', 'by: string }>(this.label ? [] : [])'), 'whole', 'the class');
    assert.equal(session.replace('(this.label ? [] : [])', '()'), 'whole');
    assert.equal(session.replace('private count: number = 10;', 'private count: Number = 10;'), 'whole', 'the field\'s type changed');
    assert.equal(session.replace('{ at: number; by: string }', '{ at: number }'), 'field');
  });

  it('analyses a renamed function declaration alone when neither name is used anywhere else in the file', () => {
    const session = new Session('/project/visit.ts', SOURCE);
    assert.equal(session.replace('export async function summarize(', 'export async function summarise('), 'function');
    const exports = Object.keys(session.analyse().summary!.exports);
    assert.ok(exports.includes('summarise') && !exports.includes('summarize'), `the module exports the new name: ${exports.join(', ')}`);
    // Named like something the file uses (a module variable): everything that name meant may change.
    assert.equal(session.replace('export async function summarise(', 'export async function lastPatient('), 'whole');
    // A name that appears elsewhere only in a comment: the text says it is used, so the file is analysed.
    assert.equal(session.replace('export function remember(', 'export function Sends('), 'whole');
    // The name deleted (a syntax error, here not kept through): the parser makes up an empty one, never proved unused.
    const nameless = new Session('/project/audit.ts', 'export function audit(entry: string) {\n  return entry;\n}\n');
    assert.equal(nameless.replace('function audit(', 'function ('), 'whole');
  });

  it('takes an edit of an interface no other code names without analysis, even when its PHI changes', () => {
    const session = new Session('/project/visit.ts', SOURCE.replace('interface Visit {', 'export interface Referral {\n  reason: string;\n}\n\ninterface Visit {'));
    assert.equal(session.replace('export interface Referral {\n  reason: string;', 'export interface Referral {\n  reason: string;\n  ssn: string;'), 'types');
    assert.ok(session.analyse().summary!.exports.Referral, 'the module summary exports the PHI type');
    assert.equal(session.replace('export interface Referral {', 'export interface PatientReferral {'), 'types');
    assert.ok(session.analyse().summary!.exports.PatientReferral);
    // Visit is a parameter's type: a change of its PHI changes what the analysis saw.
    assert.equal(session.replace('  clinic: string;\n}', '  clinic: string;\n  mrn: string;\n}'), 'whole');
  });

  it('needs no analysis for an interface edit that keeps the PHI types, and analyses the file for one that changes them', () => {
    const session = new Session('/project/visit.ts', SOURCE);
    assert.equal(session.replace('  clinic: string;\n}', '  clinic: string;\n  room: string;\n}'), 'types');
    assert.equal(session.replace('  room: string;\n}', '  room: string;\n  ssn: string;\n}'), 'whole');
  });

  it("analyses the whole file when an edit can change when another function is first analysed", () => {
    // `COLUMNS.map(escapeField)` hands escapeField to an API: analysed fresh, escapeField is first analysed after
    // this call, with the API's value as its parameter; a function analysed alone would keep its older summary.
    const session = new Session('/project/csv.ts', "export function header(rows: string[]) {\n  const line = 'a';\n  return line;\n}\nfunction escapeField(value: string) {\n  return value;\n}\nexport function log(patient: { ssn: string }) {\n  console.log(escapeField(patient.ssn));\n}\n");
    assert.equal(session.replace("const line = 'a';", "const line = 'b';"), 'function');
    assert.equal(session.replace("const line = 'b';", "const line = COLUMNS.map(escapeField).join(',');"), 'whole');
  });

  it('analyses the whole file when the shortcut fails, and reports no internal error', () => {
    class FailingMemory extends AnalysisMemory {
      override update(): never {
        throw new Error('broken shortcut');
      }
    }
    const memory = new FailingMemory();
    const parser = new IncrementalParser();
    analyzeSource({ fileName: '/project/visit.ts', text: SOURCE, config: DEFAULT_CONFIG, today: TODAY, parser, memory });
    const text = SOURCE.replace("logger.info(label);", "logger.info(label, patient.ssn);");
    const result = analyzeSource({ fileName: '/project/visit.ts', text, config: DEFAULT_CONFIG, today: TODAY, parser, memory });
    assert.equal(result.skipped, undefined);
    assert.equal(comparable(result), comparable(analyzeSource({ fileName: '/project/visit.ts', text, config: DEFAULT_CONFIG, today: TODAY })));
  });

  it('keeps the types the analysis added (imported, inline) through an interface edit', () => {
    const shared: ModuleSummary = { file: '/project/types.ts', exports: { Patient: { kind: 'type', name: 'Patient', categories: ['ssn'], fields: { ssn: ['ssn'] } } }, reexports: [] };
    const session = new Session('/project/use.ts', "import type { Patient } from './types';\ninterface Room {\n  id: string;\n}\nexport function f(p: Patient, q: { mrn: string }) {\n  console.log(p.ssn, q.mrn);\n}\n", { imports: () => shared });
    assert.equal(session.analyse().findings.length, 2);
    assert.equal(session.replace('  id: string;\n', '  id: string;\n  floor: number;\n'), 'types');
    assert.equal(session.replace("console.log(p.ssn, q.mrn);", "console.log(p.ssn, q.mrn, 1);"), 'function');
  });

  it('moves every finding after the edit and keeps results handed out before it unchanged', () => {
    const session = new Session('/project/visit.ts', SOURCE);
    const before = session.replace("logger.info(label);", "logger.info(label, patient.ssn);");
    assert.equal(before, 'function');
    const handedOut = session.analyse();
    const snapshot = JSON.stringify(handedOut);
    assert.equal(session.replace("const label = 'visit';", "const label = 'a longer visit label';"), 'function');
    assert.equal(JSON.stringify(handedOut), snapshot, 'an earlier result is not moved by a later edit');
    const moved = session.analyse().findings.find((f) => f.expression === 'patient.ssn');
    const original = handedOut.findings.find((f) => f.expression === 'patient.ssn');
    assert.equal(moved!.range.start - original!.range.start, 'a longer visit label'.length - 'visit'.length);
  });

  it('analyses the whole file when the policy or an imported module changed', () => {
    let shared: ModuleSummary = { file: '/project/shared.ts', exports: {}, reexports: [] };
    const session = new Session('/project/use.ts', `import { helper } from './shared';\nexport function f(ssn: string) {\n  const a = 1;\n  helper(ssn);\n}\n`, { imports: () => shared });
    assert.equal(session.replace('const a = 1;', 'const a = 2;'), 'function');
    shared = { file: '/project/shared.ts', exports: { helper: { kind: 'function', name: 'helper', sinks: [], returns: {} } }, reexports: [] };
    assert.equal(session.replace('const a = 2;', 'const a = 3;'), 'whole');
    session.text = session.text.replace('const a = 3;', 'const a = 4;');
    session.analyse({ ...DEFAULT_CONFIG, sanitizers: ['scrub'] });
    assert.equal(session.memory.lastUpdate, 'whole');
  });

  it('keeps the last result through syntax errors, then analyses only the function the edits were in', () => {
    const session = new Session('/project/visit.ts', SOURCE, { keepLastGood: true });
    const before = session.analyse();
    assert.equal(session.replace('logger.info(label);', 'logger.info(label, patient.'), 'kept');
    const kept = session.analyse();
    assert.ok(kept.lastGood && kept.parseProblems.length > 0);
    assert.deepEqual(kept.findings, before.findings);
    assert.equal(session.replace('logger.info(label, patient.', 'logger.info(label, patient.s'), 'kept');
    assert.equal(session.replace('logger.info(label, patient.s', 'logger.info(label, patient.ssn);'), 'function');
    assert.ok(session.analyse().findings.some((f) => f.expression === 'patient.ssn' && f.rule === 'no-phi-in-logs'), 'the new leak is found');
    // Typed and taken back: the text is the analysed one again, and only the function the edits were in is analysed.
    assert.equal(session.replace("const label = 'visit';", "const label = 'visit"), 'kept');
    assert.equal(session.replace("const label = 'visit", "const label = 'visit';"), 'function');
  });

  it('analyses a text with syntax errors when the caller does not keep the last result, or what it was made with changed', () => {
    const plain = new Session('/project/visit.ts', SOURCE);
    assert.equal(plain.replace('logger.info(label);', 'logger.info(label, patient.'), 'function');
    assert.equal(plain.analyse().lastGood, undefined);

    let shared: ModuleSummary = { file: '/project/shared.ts', exports: {}, reexports: [] };
    const session = new Session('/project/use.ts', `import { helper } from './shared';\nexport function f(ssn: string) {\n  const a = 1;\n  helper(ssn);\n}\n`, { imports: () => shared, keepLastGood: true });
    assert.equal(session.replace('const a = 1;', 'const a = (1;'), 'kept');
    shared = { file: '/project/shared.ts', exports: { helper: { kind: 'function', name: 'helper', sinks: [], returns: {} } }, reexports: [] };
    assert.equal(session.replace('const a = (1;', 'const a = (12;'), 'whole');
    assert.equal(session.analyse().lastGood, undefined);
  });

  it('gives the fresh result when the edits left unanalysed were in two places', () => {
    const session = new Session('/project/visit.ts', `${SOURCE}// end\n`, { keepLastGood: true });
    assert.equal(session.replace('  clinic: string;\n}', '  clinic: string;\n  room: ;\n}'), 'kept');
    assert.equal(session.replace('// end\n', '// the end\n'), 'kept');
    // The interface and the comment at the end changed: offsets between the two edits must not be moved as if they
    // were inside one change (TypeScript re-parses the last statement too, so the whole file is analysed).
    assert.equal(session.replace('  room: ;\n}', '  room: string;\n}'), 'whole');
    assert.equal(session.replace('  room: string;\n}', '  room: string;\n  floor: number;\n}'), 'types');
  });

  for (const keepLastGood of [false, true]) it(`gives the fresh result after every random edit of every corpus file, taking the short path for some${keepLastGood ? ', and keeps the last result through syntax errors' : ''}`, () => {
    const random = createRandom(11);
    const pieces = ['a', ';', '(', '}', '\n', ' ', 'ssn', 'patient.', 'console.log(patient)', '"'];
    const updates: Record<string, number> = {};
    for (const file of corpusFiles()) {
      const session = new Session(file, fs.readFileSync(file, 'utf8'), { keepLastGood });
      for (let i = 0; i < 12; i++) {
        // Type something and take it back (as when typing), or leave it (the text drifts, with syntax errors).
        const at = Math.floor(random() * (session.text.length + 1));
        const piece = pieces[Math.floor(random() * pieces.length)]!;
        const typed = session.text.slice(0, at) + piece + session.text.slice(at);
        session.edit(typed);
        if (random() < 0.7) session.edit(typed.slice(0, at) + typed.slice(at + piece.length));
      }
      for (const [how, count] of Object.entries(session.updates)) updates[how] = (updates[how] ?? 0) + count;
    }
    assert.ok((updates.function ?? 0) > 50, `edits re-analysed alone: ${JSON.stringify(updates)}`);
    if (keepLastGood) assert.ok((updates.kept ?? 0) > 50, `edits with syntax errors not analysed: ${JSON.stringify(updates)}`);
  });

  for (const keepLastGood of [false, true]) it(`gives the fresh result over typing in a generated 1,000-line file${keepLastGood ? ', keeping the last result through syntax errors' : ''}`, () => {
    const random = createRandom(3);
    const session = new Session('/bench/edit.ts', generateFile(createRandom(1000), 1000, 'ts'), { keepLastGood });
    for (let i = 0; i < 60; i++) {
      const at = Math.floor(random() * session.text.length);
      const typed = `${session.text.slice(0, at)}a${session.text.slice(at)}`;
      session.edit(typed);
      session.edit(typed.slice(0, at) + typed.slice(at + 1));
    }
    assert.ok((session.updates.function ?? 0) > 60, `edits re-analysed alone: ${JSON.stringify(session.updates)}`);
  });
});
