import { createHash } from 'node:crypto';
import type { PhiCategoryId } from '../catalog/phiCategories';
import type { FlowStep, SinkDescriptor, SinkReview, SourceReason, TextRange } from '../findings/finding';
import type { ApiRef } from '../analysis/values';

/**
 * What other files need to know about a module, as plain data (cacheable, no syntax trees): which parameters of its
 * exported functions reach which sinks, which reach the return value, which exported values are PHI or sink clients,
 * and which exported types carry PHI fields. Steps carry their file and position so findings in an importing file
 * can show the path through this one.
 */
export interface ModuleSummary {
  readonly file: string;
  readonly exports: Readonly<Record<string, ExportedSymbol>>;
  /** `export * from './x'` (names: '*') and `export { a as b } from './x'` (names: { b: 'a' }). */
  readonly reexports: readonly { readonly specifier: string; readonly names: '*' | Readonly<Record<string, string>> }[];
  /**
   * A module of an import cycle that has no summary yet: nothing it exports is known. The importer takes what it
   * imports from it for nothing (no PHI, no sink, no client), and is analysed again once the module is (settling the
   * cycle from below, so that no taint an unknown value stood in for can feed itself around the cycle).
   */
  readonly pending?: true;
}

export interface ExportedTaint {
  readonly categories: readonly PhiCategoryId[];
  readonly params: readonly number[];
  readonly reasons: readonly SourceReason[];
  readonly steps: readonly FlowStep[];
  readonly record?: boolean;
  /** Made by a call the engine cannot see into (see Taint.opaque): its fields are judged by their names. */
  readonly opaque?: boolean;
}

export interface ExportedSink {
  readonly param: number;
  /** Reported inside the module already (the parameter is PHI by its own name or type). */
  readonly reportedInside?: boolean;
  readonly sink: SinkDescriptor;
  readonly steps: readonly FlowStep[];
  readonly carrier: TextRange;
  readonly site: TextRange;
  /** A suppression covers the sink (here, or in the module it came from): callers report what reaches it as suppressed. */
  readonly reviewed?: SinkReview;
}

/** A call on a parameter whose API a caller's client decides (see ReceiverCall in functionSummary.ts). */
export interface ExportedReceiverCall {
  readonly param: number;
  readonly path: readonly string[];
  /** What each argument carries (null: nothing). */
  readonly args: readonly (ExportedTaint | null)[];
  /** The call, as a flow step with its file and position. */
  readonly step: FlowStep;
}

export interface ExportedFunction {
  readonly kind: 'function';
  readonly name: string;
  readonly sinks: readonly ExportedSink[];
  /** Calls on its parameters that are sinks when a caller hands it a client (`res.cookie(…)` with `res` untyped). */
  readonly receiverCalls?: readonly ExportedReceiverCall[];
  /** Fields of parameters (destructured, or read in the body) that sinks and returns name as parameters of their own:
   * parameter number 1,000,000 + i is field `fieldParams[i].key` of parameter `fieldParams[i].index`. */
  readonly fieldParams?: readonly FieldParam[];
  /** What it returns; `fields` when it returns an object of known shape (null: a field known to be clean), `fn` and
   * `fieldFns` the functions it returns;
   * `instanceOf` when it returns an instance of a class this module exports under that name (its methods apply);
   * `instanceClass`, that class itself, when a module re-exports the function without it (see ProjectAnalyzer). */
  readonly returns: {
    readonly taint?: ExportedTaint; readonly api?: ApiRef; readonly fields?: Readonly<Record<string, ExportedTaint | null>>; readonly instanceOf?: string;
    readonly instanceClass?: ExportedClass;
    /** A function it returns (a factory's `(msg) => console.log(msg)`, a hook's `useCallback(…)`): calling the result calls it. */
    readonly fn?: ExportedFunction;
    /** Functions among the fields of the object it returns (`const { track } = useTracker()`), by field. */
    readonly fieldFns?: Readonly<Record<string, ExportedFunction>>;
    /** For an array of known elements (`return actions.map((a) => ({ id, config }))`): an element, field by field. */
    readonly element?: { readonly taint?: ExportedTaint; readonly fields?: Readonly<Record<string, ExportedTaint | null>> };
  };
}

export interface ExportedValue {
  readonly kind: 'value';
  readonly api?: ApiRef;
  readonly taint?: ExportedTaint;
  /** A zod object schema (`export const VisitSchema = z.object({…})`): the records it parses, so that an importer's
   * `VisitSchema.parse(body)` and `z.infer<typeof VisitSchema>` carry its PHI fields as this module's do. */
  readonly schema?: ExportedType;
  /** An object of functions (`export const ai = { summarize(p) {…} }`, a CommonJS `module.exports`). */
  readonly members?: Readonly<Record<string, ExportedFunction>>;
  /**
   * An enum, or a constant table (`export const codes = { pregnancyStatus: { coding: [{ code: '82810-3' }] } }`: an
   * object or array literal a `const` holds, with no PHI, client or function in it): what is read from it, at any depth,
   * is a constant, whatever its name, as for a constant of the importing file.
   */
  readonly constant?: true;
}

export interface ExportedClass {
  readonly kind: 'class';
  readonly name: string;
  readonly methods: Readonly<Record<string, ExportedFunction>>;
  /** Fields holding sink clients (`private logger = pino()`), so subclasses and instances keep them. */
  readonly fields: Readonly<Record<string, { readonly api?: ApiRef }>>;
  /** Fields its constructor sets to a parameter (`this.db = db`), by parameter: `new Store(client)` in an importer
   * gives the instance that client there, for its methods' calls on the field (`this.db.put(…)`, receiverCalls). */
  readonly constructorFields?: Readonly<Record<string, number>>;
}

export interface ExportedType {
  readonly kind: 'type';
  readonly name: string;
  readonly categories: readonly PhiCategoryId[];
  readonly fields: Readonly<Record<string, readonly PhiCategoryId[]>>;
  /** A definition or configuration type with no PHI field (see LocalType.definition). */
  readonly definition?: boolean;
  /** Fields typed by another PHI type of the module (`content: LabelContent`): that type, so that its own fields
   * stay apart where this one is imported (`const { patientName, collectedAt } = config.content`). */
  readonly nested?: Readonly<Record<string, ExportedType>>;
}

export type ExportedSymbol = ExportedFunction | ExportedValue | ExportedClass | ExportedType;

/** Looks up a module's summary by import specifier, from the importing file. */
/**
 * A module's summary for an import of it. `names`: the exported names the import binds (`import { a, b }`); the summary
 * then holds those (and the classes they return instances of), each looked up on its own through re-exports, so that
 * importing one helper from a package's barrel does not analyse every module the barrel re-exports. Without `names`
 * (a namespace import, `require`) it holds every export.
 */
export type ImportResolver = (specifier: string, names?: readonly string[]) => ModuleSummary | undefined;

/** Changes exactly when what other modules see of this one changes: importers need a new analysis then. */
export function summaryFingerprint(summary: ModuleSummary | undefined): string {
  return createHash('sha1').update(JSON.stringify(summary ?? null)).digest('hex');
}

/** A field of a destructured parameter (`({ serviceRequest }) => …`: parameter 0, key `serviceRequest`). */
export interface FieldParam {
  readonly index: number;
  readonly key: string;
  /** Read where a condition said the parameter is this FHIR resource (`p.resourceType === 'MedicationRequest'`):
   * a caller's argument has the field only if it is (or may be) one. */
  readonly guard?: string;
}
