import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** A temporary project on disk; `write` changes a file so its change stamp moves (mtime and size). */
export function projectOnDisk(files: Record<string, string>): { root: string; file(name: string): string; write(name: string, text: string): void } {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-worker-')));
  const file = (name: string) => path.join(root, name);
  const write = (name: string, text: string) => {
    fs.mkdirSync(path.dirname(file(name)), { recursive: true });
    fs.writeFileSync(file(name), text);
    // Stamps have a coarse clock on some file systems: make every write visible.
    const later = new Date(Date.now() + Math.floor(Math.random() * 100_000) + 1000);
    fs.utimesSync(file(name), later, later);
  };
  for (const [name, text] of Object.entries(files)) write(name, text);
  return { root, file, write };
}

export const QUIET_HELPER = 'export function audit(entry: unknown): unknown {\n  return entry;\n}\n';
export const LOGGING_HELPER = 'export function audit(entry: unknown): unknown {\n  console.log(entry);\n  return entry;\n}\n';
export const ROUTE = "import { audit } from './audit';\nexport function record(patient: { ssn: string }) {\n  audit(patient.ssn);\n}\n";

/** Fails unless `value` is plain data: what structured clone copies without loss (no functions, Maps, class instances). */
export function assertPlainData(value: unknown, where = 'result'): void {
  if (value === null || ['string', 'number', 'boolean', 'undefined'].includes(typeof value)) return;
  if (Array.isArray(value)) {
    value.forEach((item, index) => assertPlainData(item, `${where}[${index}]`));
    return;
  }
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) throw new Error(`${where} is not plain data (${typeof value}, ${Object.prototype.toString.call(value)})`);
  for (const [key, item] of Object.entries(value)) assertPlainData(item, `${where}.${key}`);
}
