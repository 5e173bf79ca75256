/**
 * Deterministic synthetic workspace for `npm run bench`: a TypeScript/React healthcare app of a given
 * size, mixing ordinary code (most of it) with PHI flowing into AI SDKs, logs, storage and URLs, so the
 * engine does the work it does on real code. Same seed and size → byte-identical files.
 *
 * Command line: test/bench/generate.ts.
 */
import * as fs from 'fs';
import * as path from 'path';

/** mulberry32: a tiny seeded PRNG, so generated code is the same on every machine. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];

const ENTITIES = ['Invoice', 'Schedule', 'Report', 'Widget', 'Order', 'Shipment', 'Ticket', 'Metric', 'Session', 'Task'];
const FIELDS = ['id', 'status', 'total', 'createdAt', 'label', 'count', 'owner', 'priority', 'region', 'version'];
const PATIENT_FIELDS = ['firstName', 'lastName', 'dateOfBirth', 'mrn', 'ssn', 'phoneNumber', 'email', 'address', 'diagnosis', 'medications'];

/** One block of code: a function, interface or component; returns its lines. */
type BlockWriter = (random: Random, n: number) => string[];

const plainFunction: BlockWriter = (random, n) => {
  const entity = pick(random, ENTITIES);
  const field = pick(random, FIELDS);
  return [
    `export function summarize${entity}${n}(items: ${entity}Record[], limit = ${Math.floor(random() * 50) + 5}): string[] {`,
    `  const result: string[] = [];`,
    `  for (const item of items.slice(0, limit)) {`,
    `    if (item.${field} === undefined) continue;`,
    `    const key = String(item.${field}).trim().toLowerCase();`,
    `    if (key.length > ${Math.floor(random() * 10) + 2}) {`,
    `      result.push(\`\${key}:\${item.id}\`);`,
    `    } else {`,
    `      result.push(key.padStart(4, '0'));`,
    `    }`,
    `  }`,
    `  return result.sort((a, b) => a.localeCompare(b));`,
    `}`,
    ``,
  ];
};

const plainInterface: BlockWriter = (random, n) => {
  const entity = pick(random, ENTITIES);
  const fields = FIELDS.filter(() => random() < 0.6);
  return [
    `export interface ${entity}Record${n} {`,
    ...fields.map((field) => `  ${field}: ${pick(random, ['string', 'number', 'boolean', 'Date', 'string[]'])};`),
    `}`,
    ``,
  ];
};

const plainClass: BlockWriter = (random, n) => {
  const entity = pick(random, ENTITIES);
  return [
    `export class ${entity}Cache${n} {`,
    `  private readonly entries = new Map<string, { value: unknown; expires: number }>();`,
    ``,
    `  constructor(private readonly ttlMs = ${Math.floor(random() * 60000) + 1000}) {}`,
    ``,
    `  get(key: string): unknown {`,
    `    const entry = this.entries.get(key);`,
    `    if (!entry || entry.expires < Date.now()) {`,
    `      this.entries.delete(key);`,
    `      return undefined;`,
    `    }`,
    `    return entry.value;`,
    `  }`,
    ``,
    `  set(key: string, value: unknown): void {`,
    `    this.entries.set(key, { value, expires: Date.now() + this.ttlMs });`,
    `    logger.debug('cache set', { key, size: this.entries.size });`,
    `  }`,
    `}`,
    ``,
  ];
};

const aiFlow: BlockWriter = (random, n) => {
  const fields = PATIENT_FIELDS.filter(() => random() < 0.5);
  const used = fields.length > 0 ? fields : ['diagnosis'];
  return [
    `export async function draftVisitSummary${n}(patientId: string): Promise<string> {`,
    `  const patient = await medplum.readResource('Patient', patientId);`,
    `  const details = {`,
    ...used.map((field) => `    ${field}: patient.${field},`),
    `  };`,
    `  const prompt = \`Summarize the visit for \${JSON.stringify(details)}\`;`,
    `  const completion = await openai.chat.completions.create({`,
    `    model: 'gpt-4o',`,
    `    messages: [{ role: 'user', content: prompt }],`,
    `  });`,
    `  return completion.choices[0]?.message?.content ?? '';`,
    `}`,
    ``,
  ];
};

const logFlow: BlockWriter = (random, n) => {
  const field = pick(random, PATIENT_FIELDS);
  return [
    `export function recordCheckIn${n}(patient: Patient, clinic: string): void {`,
    `  const ${field} = patient.${field};`,
    `  console.log('check-in', clinic, ${field});`,
    `  logger.info({ clinic, at: new Date().toISOString() }, 'patient checked in');`,
    `}`,
    ``,
  ];
};

const storageFlow: BlockWriter = (random, n) => {
  const field = pick(random, PATIENT_FIELDS);
  return [
    `export function rememberPatient${n}(patient: Patient): void {`,
    `  localStorage.setItem('lastPatient', JSON.stringify({ ${field}: patient.${field} }));`,
    `  sessionStorage.setItem('lastVisit', String(Date.now()));`,
    `}`,
    ``,
  ];
};

const urlFlow: BlockWriter = (random, n) => {
  const field = pick(random, ['mrn', 'ssn', 'email', 'dateOfBirth']);
  return [
    `export async function lookupChart${n}(patient: Patient): Promise<unknown> {`,
    `  const response = await fetch(\`/api/charts?${field}=\${patient.${field}}\`);`,
    `  if (!response.ok) throw new Error(\`chart lookup failed: \${response.status}\`);`,
    `  return response.json();`,
    `}`,
    ``,
  ];
};

const component: BlockWriter = (random, n) => {
  const entity = pick(random, ENTITIES);
  return [
    `export function ${entity}Panel${n}({ items, onSelect }: { items: string[]; onSelect(item: string): void }) {`,
    `  const [filter, setFilter] = useState('');`,
    `  const visible = useMemo(() => items.filter((item) => item.includes(filter)), [items, filter]);`,
    `  return (`,
    `    <section className="panel-${n % 7}">`,
    `      <input value={filter} onChange={(event) => setFilter(event.target.value)} />`,
    `      <ul>`,
    `        {visible.map((item) => (`,
    `          <li key={item} onClick={() => onSelect(item)}>`,
    `            {item}`,
    `          </li>`,
    `        ))}`,
    `      </ul>`,
    `    </section>`,
    `  );`,
    `}`,
    ``,
  ];
};

const HEADER_TS = [
  `import OpenAI from 'openai';`,
  `import { MedplumClient } from '@medplum/core';`,
  `import pino from 'pino';`,
  `import type { Patient } from './types';`,
  ``,
  `const openai = new OpenAI();`,
  `const medplum = new MedplumClient();`,
  `const logger = pino();`,
  `type InvoiceRecord = Record<string, unknown>; type ScheduleRecord = InvoiceRecord; type ReportRecord = InvoiceRecord;`,
  `type WidgetRecord = InvoiceRecord; type OrderRecord = InvoiceRecord; type ShipmentRecord = InvoiceRecord; type TicketRecord = InvoiceRecord;`,
  `type MetricRecord = InvoiceRecord; type SessionRecord = InvoiceRecord; type TaskRecord = InvoiceRecord;`,
  ``,
];

const HEADER_TSX = [`import { useMemo, useState } from 'react';`, ``];

const TYPES_FILE = [
  `export interface Patient {`,
  ...PATIENT_FIELDS.map((field) => `  ${field}: string;`),
  `}`,
  ``,
].join('\n');

/** Weighted: most code is ordinary; about one block in six carries PHI to a sink. */
const TS_BLOCKS: readonly BlockWriter[] = [plainFunction, plainFunction, plainFunction, plainInterface, plainInterface, plainClass, plainClass, plainFunction, plainInterface, aiFlow, logFlow, storageFlow, urlFlow];

export interface GeneratedFile {
  readonly path: string;
  readonly text: string;
  readonly lines: number;
}

/** One file of about `targetLines` lines. */
export function generateFile(random: Random, targetLines: number, kind: 'ts' | 'tsx'): string {
  const lines = [...HEADER_TS, ...(kind === 'tsx' ? HEADER_TSX : [])];
  let n = 0;
  while (lines.length < targetLines) {
    const writer = kind === 'tsx' && random() < 0.5 ? component : pick(random, TS_BLOCKS);
    lines.push(...writer(random, n++));
  }
  return lines.join('\n');
}

/** Files totalling at least `totalLines` lines, spread over feature folders. */
export function generateWorkspaceFiles(totalLines: number, seed = 1): GeneratedFile[] {
  const random = createRandom(seed);
  const files: GeneratedFile[] = [{ path: 'src/types.ts', text: TYPES_FILE, lines: TYPES_FILE.split('\n').length }];
  let total = files[0].lines;
  for (let index = 0; total < totalLines; index++) {
    const kind = random() < 0.3 ? 'tsx' : 'ts';
    const target = 40 + Math.floor(random() * random() * 600);
    const text = generateFile(random, target, kind);
    const lines = text.split('\n').length;
    const folder = `src/feature${Math.floor(index / 25)}`;
    files.push({ path: `${folder}/module${index}.${kind}`, text, lines });
    total += lines;
  }
  return files;
}

/** Writes the workspace to `outDir` (replacing it) and returns the line count. */
export function writeWorkspace(outDir: string, totalLines: number, seed = 1): { files: number; lines: number } {
  fs.rmSync(outDir, { recursive: true, force: true });
  const files = generateWorkspaceFiles(totalLines, seed);
  for (const file of files) {
    const absolute = path.join(outDir, file.path);
    fs.mkdirSync(path.dirname(absolute), { recursive: true });
    fs.writeFileSync(absolute, file.text);
  }
  // Workspace files import from './types' relative to each folder: give every folder its own copy.
  for (const folder of new Set(files.map((file) => path.dirname(file.path)))) {
    if (folder !== 'src') fs.writeFileSync(path.join(outDir, folder, 'types.ts'), TYPES_FILE);
  }
  return { files: files.length, lines: files.reduce((sum, file) => sum + file.lines, 0) };
}
