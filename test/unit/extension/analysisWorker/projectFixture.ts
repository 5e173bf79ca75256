import type { AnalysisService } from '../../../../src/extension/analysisWorker/analysisService';
import type { ScanFileRequest, ScanFileResponse } from '../../../../src/extension/analysisWorker/protocol';
import { ScanInputTable } from '../../../../src/extension/analysisWorker/scanInputNumbers';
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

const tables = new WeakMap<AnalysisService, ScanInputTable>();

/** `service`'s answer to a scan request as the client hands it on (inputs by number turned back into objects). */
export function scanThroughClientTable(service: AnalysisService, request: ScanFileRequest): ScanFileResponse {
  let table = tables.get(service);
  if (!table) tables.set(service, (table = new ScanInputTable()));
  const decoded = table.decode(service.handle(request));
  if (!decoded) throw new Error('the worker named an input it never sent');
  return decoded;
}
