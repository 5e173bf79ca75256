export { projectOnDisk } from '../../projectOnDisk';

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
