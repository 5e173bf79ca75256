import type { PhiCategoryId } from '../catalog/phiCategories';
import { NOT_SANITIZER_WORDS, PURPOSE_SANITIZER_WORDS, REDACTION_PURPOSE_WORDS, SANITIZER_WORDS } from '../catalog/sanitizers';
import { FHIR_PHI_RESOURCES, GATEWAY_WORDS, GRAPH_CHART_WORDS, NOT_RECORD_WORDS, PERSON_RECORD_CATEGORIES, READ_VERBS, RECORD_DATA_WORDS, RECORD_PHRASES, RECORD_SYSTEM_WORDS, RECORD_WORDS } from '../catalog/fhir';
import type { PhiGuardConfig } from '../config/config';
import { classifyNameUncached, mayDependOnContext, namesAnOperation, normalizedWords } from '../names/classifyName';
import type { NameMatch } from '../names/classifyName';
import { splitWords } from '../names/splitWords';
import { detached } from '../text/detached';
import { ownProperty } from './ownProperty';

export interface NameVerdict {
  readonly categories: readonly PhiCategoryId[];
  readonly words: readonly string[];
  readonly fromConfig: boolean;
  readonly record: boolean;
}

/**
 * Decides from names whether a value is PHI: the catalog's name rules, record names (`patient`,
 * `medicalRecord`), and the project's configuration (extra PHI names, names that are not PHI).
 */
const classifiers = new WeakMap<PhiGuardConfig, NameClassifier>();

/** One classifier (and its cache) per configuration object, shared by every file analysed with it. */
export function nameClassifierFor(config: PhiGuardConfig): NameClassifier {
  let classifier = classifiers.get(config);
  if (!classifier) {
    classifier = new NameClassifier(config);
    classifiers.set(config, classifier);
  }
  return classifier;
}

const NO_WORDS: readonly string[] = [];

/** Words of an object whose properties are API endpoints or routes, not data (see NameClassifier.classify). */
const ENDPOINT_TABLE_WORDS: ReadonlySet<string> = new Set(['routes', 'endpoints', 'urls']);
/** The last word of an object or type that holds configuration (`smtpConfig.email`, `MedplumInfraConfig.accountNumber`):
 * its fields set the system up, they are no one's data. */
const CONFIG_WORDS: ReadonlySet<string> = new Set(['config', 'configuration', 'env', 'environment']);

/**
 * What the classifier keeps about one name: whether its context can matter (see mayDependOnContext), its verdict
 * without context, and its verdicts in the contexts met so far. One lookup by name answers most calls.
 */
interface NameEntry {
  /** Worked out on the first question about PHI: a callee's name asked about only as a sanitizer never needs them. */
  notPhi: boolean | undefined;
  dependsOnContext: boolean | undefined;
  /** Whether a function of this name returns its input de-identified (see isSanitizerName); worked out when asked. */
  sanitizer: boolean | undefined;
  plain: NameVerdict | null | undefined;
  inContext: Map<string, NameVerdict | null> | undefined;
}

export class NameClassifier {
  private readonly notPhi: ReadonlySet<string>;
  private readonly sanitizers: ReadonlySet<string>;
  private readonly extra: ReadonlyMap<string, PhiCategoryId>;
  private readonly phiTypes: ReadonlyMap<string, readonly PhiCategoryId[]>;
  private readonly entries = new Map<string, NameEntry>();
  /** Verdicts kept in `entries` (a name counts once per context): with the number of names, what bounds the cache. */
  private verdicts = 0;

  constructor(config: PhiGuardConfig) {
    this.notPhi = new Set(config.notPhiNames.map((n) => n.toLowerCase()));
    this.sanitizers = new Set(config.sanitizers);
    this.extra = new Map(Object.entries(config.phiNames).map(([k, v]) => [k.toLowerCase(), v]));
    this.phiTypes = new Map(Object.entries(config.phiTypes));
  }

  /**
   * A field or variable name; `context` is the words of the object it is read from (a function: worked out only
   * for names whose classification can depend on it). A name the project says is not PHI never is, in any context.
   */
  classify(name: string, context: readonly string[] | (() => readonly string[]) = NO_WORDS): NameVerdict | undefined {
    const entry = this.entryOf(name);
    if (this.notPhiEntry(entry, name)) return undefined;
    entry.dependsOnContext ??= mayDependOnContext(name);
    const words = entry.dependsOnContext ? (typeof context === 'function' ? context() : context) : NO_WORDS;
    const verdict = words.length ? this.inContext(entry, name, words) : this.plain(entry, name);
    // `routes.patientList`, `DiagnosesRoutes.updateDiagnosis`: a table of API endpoints, named after what they serve.
    // Worked out only for names that say PHI, as the words of the object cost a walk of its expression.
    if (verdict && context !== NO_WORDS && !verdict.fromConfig) {
      const around = words !== NO_WORDS ? words : typeof context === 'function' ? context() : context;
      if (around.some((word) => ENDPOINT_TABLE_WORDS.has(word)) || CONFIG_WORDS.has(around[around.length - 1] ?? '')) return undefined;
    }
    return verdict ?? undefined;
  }

  private entryOf(name: string): NameEntry {
    let entry = this.entries.get(name);
    if (!entry) {
      if (this.entries.size > 100_000 || this.verdicts > 100_000) this.clear();
      entry = { notPhi: undefined, dependsOnContext: undefined, sanitizer: undefined, plain: undefined, inContext: undefined };
      this.entries.set(detached(name), entry);
    }
    return entry;
  }

  private notPhiEntry(entry: NameEntry, name: string): boolean {
    return (entry.notPhi ??= this.notPhi.size > 0 && this.notPhi.has(name.toLowerCase()));
  }

  private plain(entry: NameEntry, name: string): NameVerdict | null {
    if (entry.plain === undefined) {
      entry.plain = this.classifyUncached(name, NO_WORDS) ?? null;
      this.verdicts++;
    }
    return entry.plain;
  }

  private inContext(entry: NameEntry, name: string, words: readonly string[]): NameVerdict | null {
    const key = words.join(' ');
    entry.inContext ??= new Map();
    let verdict = entry.inContext.get(key);
    if (verdict === undefined) {
      verdict = this.classifyUncached(name, words) ?? null;
      entry.inContext.set(detached(key), verdict);
      this.verdicts++;
    }
    return verdict;
  }

  private clear(): void {
    this.entries.clear();
    this.verdicts = 0;
  }

  private classifyUncached(name: string, context: readonly string[]): NameVerdict | undefined {
    const configured = this.extra.get(name.toLowerCase());
    if (configured) return { categories: [configured], words: splitWords(name), fromConfig: true, record: false };
    const match: NameMatch | undefined = classifyNameUncached(name, context);
    if (match) return { categories: [match.category], words: match.words, fromConfig: false, record: false };
    if (this.extra.size) {
      for (const word of splitWords(name)) {
        const category = this.extra.get(word);
        if (category) return { categories: [category], words: splitWords(name), fromConfig: true, record: false };
      }
    }
    if (isRecordName(name)) return { categories: PERSON_RECORD_CATEGORIES, words: splitWords(name), fromConfig: false, record: true };
    return undefined;
  }

  /** Categories of a type name: FHIR resources and configured PHI types. */
  typeCategories(typeName: string): readonly PhiCategoryId[] | undefined {
    return this.phiTypes.get(typeName) ?? ownProperty(FHIR_PHI_RESOURCES, typeName);
  }

  isNotPhi(name: string): boolean {
    return this.notPhiEntry(this.entryOf(name), name);
  }

  /**
   * A callee name that de-identifies what it is given: one of the project's `sanitizers`, or a name with a sanitizer
   * word (`maskSsn`, `hashEmail`) or a `sanitize` for a log or of PHI (`sanitizeForLogging`), and none that undoes one
   * (`unmask`, `decrypt`).
   */
  isSanitizerName(name: string): boolean {
    const entry = this.entryOf(name);
    if (entry.sanitizer === undefined) {
      const words = splitWords(name);
      const sanitizesForPurpose = words.some((w) => PURPOSE_SANITIZER_WORDS.has(w)) && words.some((w) => REDACTION_PURPOSE_WORDS.has(w));
      entry.sanitizer = !words.some((w) => NOT_SANITIZER_WORDS.has(w)) && (this.sanitizers.has(name) || sanitizesForPurpose || words.some((w) => SANITIZER_WORDS.has(w)));
    }
    return entry.sanitizer;
  }
}

function recordWordIndex(words: readonly string[]): number {
  for (let i = 0; i < words.length; i++) {
    if (RECORD_WORDS.has(words[i]!)) return i;
    for (const phrase of RECORD_PHRASES) {
      if (phrase.every((p, j) => words[i + j] === p)) return i + phrase.length - 1;
    }
  }
  return -1;
}

/** `patient`, `patients`, `patientData`, `medicalRecord`: a whole record (but not `patientService`, `patientCount`). */
export function isRecordName(name: string): boolean {
  // SCREAMING_CASE names are constants (`BUCKET_NAMES.PATIENT_EDUCATION`), not records.
  if (/^[A-Z0-9_]+$/.test(name) && name.includes('_')) return false;
  const words = normalizedWords(name);
  const at = recordWordIndex(words);
  if (at < 0 || (at > 0 && namesAnOperation(words))) return false;
  if (RECORD_SYSTEM_WORDS.has(words[at]!) && !words.some((w, i) => i !== at && (RECORD_DATA_WORDS.has(w) || (RECORD_WORDS.has(w) && !RECORD_SYSTEM_WORDS.has(w))))) return false;
  const last = words[words.length - 1]!;
  if (GATEWAY_WORDS.has(last)) return false;
  if (words[at] === 'chart' && words.some((w) => GRAPH_CHART_WORDS.has(w))) return false;
  return !words.some((w, i) => i !== at && NOT_RECORD_WORDS.has(w));
}

const gatewayCache = new Map<string, boolean>();

/** `patientService`, `patientRepository`, `prisma.patient`: reading from it returns records. */
export function isRecordGateway(name: string): boolean {
  let known = gatewayCache.get(name);
  if (known === undefined) {
    known = gatewayUncached(name);
    if (gatewayCache.size > 50_000) gatewayCache.clear();
    gatewayCache.set(detached(name), known);
  }
  return known;
}

function gatewayUncached(name: string): boolean {
  const words = normalizedWords(name);
  if (recordWordIndex(words) < 0) return false;
  const last = words[words.length - 1]!;
  return GATEWAY_WORDS.has(last) || RECORD_WORDS.has(last);
}

export function isReadVerb(method: string): boolean {
  const first = splitWords(method)[0] ?? '';
  return READ_VERBS.includes(first);
}

/** `getPatientEmail` → `PatientEmail`: the thing a getter returns, for name classification of call results. */
export function stripReadVerb(name: string): string | undefined {
  const match = /^(get|fetch|load|read|find|lookup|retrieve)(?=[A-Z_])_?/.exec(name);
  return match ? name.slice(match[0].length) : undefined;
}
