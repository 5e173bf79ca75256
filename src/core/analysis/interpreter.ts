import type ts from 'typescript';
import {
  Kind, forEachChild,
  isArrayLiteralExpression, isArrayTypeNode, isBinaryExpression, isBindingElement, isBlock, isCallExpression,
  isCaseClause, isClassDeclaration, isClassExpression, isComputedPropertyName, isConstructorDeclaration,
  isElementAccessExpression, isEnumDeclaration, isExportDeclaration, isExpression, isExpressionStatement, isExternalModuleReference, isForInStatement,
  isFunctionDeclaration, isFunctionExpression, isGetAccessorDeclaration, isIdentifier, isIfStatement, isImportDeclaration,
  isImportEqualsDeclaration, isImportSpecifier, isInterfaceDeclaration, isIntersectionTypeNode, isJsxExpression, isJsxSpreadAttribute,
  isLiteralExpression, isMetaProperty, isMethodDeclaration, isModuleBlock, isNamedExports, isNamespaceImport,
  isNoSubstitutionTemplateLiteral, isNumericLiteral, isObjectBindingPattern, isObjectLiteralExpression,
  isOmittedExpression, isParameter, isParameterPropertyDeclaration, isParenthesizedTypeNode, isPrivateIdentifier,
  isPropertyAccessExpression, isPropertyAssignment, isPropertyDeclaration, isPropertySignature, isQualifiedName,
  isSetAccessorDeclaration, isShorthandPropertyAssignment, isSpreadAssignment, isStringLiteral, isTemplateExpression,
  isTypeAliasDeclaration, isTypeLiteralNode, isTypeNode, isTypeOperatorNode, isTypePredicateNode, isTypeQueryNode, isTypeReferenceNode, isUnionTypeNode,
  isVariableDeclaration, isVariableDeclarationList, isVariableStatement
} from './syntax';
import { describeCategory, isPhiCategoryId } from '../catalog/phiCategories';
import type { PhiCategoryId } from '../catalog/phiCategories';
import { FHIR_ELEMENT_CATEGORIES, FHIR_NESTED_ELEMENTS, FHIR_NON_PHI_RESOURCES, FHIR_PHI_RESOURCES, FHIR_READ_METHODS, PERSON_RECORD_CATEGORIES, RECORD_WORDS } from '../catalog/fhir';
import type { ArgSpec, CallbackWrapperEntry, SinkEntry } from '../catalog/sinkTypes';
import { ambientClient } from '../catalog/ambientClients';
import { AI_HOSTS } from '../catalog/sinks';
import type { FlowStep, LineColumn, SinkDescriptor, SinkReview, SourceReason, TextRange } from '../findings/finding';
import type { PrismaModel } from '../project/prismaSchema';
import type { ExportedClass, ExportedFunction, ExportedSymbol, ExportedTaint, ExportedType, FieldParam, ImportResolver, ModuleSummary } from '../project/moduleSummary';
import { splitWords } from '../names/splitWords';
import { mayDependOnContext } from '../names/classifyName';
import { normalizeModule } from './apiPattern';
import { apiMember, apiPath, apiRoot, GLOBAL_ALIASES, typedApi } from './apiRefs';
import { phiTagReader } from './phiTags';
import type { PhiTag } from './phiTags';
import { maskLiterals, maskValue } from '../text/mask';
import { identifierUses } from '../text/identifierUses';
import { onlyJsxTagMentions } from '../text/jsxTagMentions';
import { catalogForCall, findSinks, isCatalogModule, isChainable, typedDataOf, wrappedArgumentOf, wrapperNamed } from './catalogIndex';
import type { SinkKind } from './catalogIndex';
import { collectLocalTypes, sameLocalTypes, typeRefName } from './localTypes';
import { admitsOnlyLiterals, clinicalOnly } from './literalTypes';
import { alwaysLeaves, keysWhereFalse, keysWhereTrue } from './entryKeyGuard';
import type { KeyGuard } from './entryKeyGuard';
import type { LocalType } from './localTypes';
import type { Binding } from './scope';
import { nextBindingSerial, Scope } from './scope';
import { FlowEnv } from './flowEnv';
import type { EditedField, EditedFunction, EditedTypes } from './editedFunction';
import type { PositionShift } from './positionShift';
import { sameSummary } from './sameSummary';
import { THIS_FIELD } from './functionSummary';
import type { ReceiverCall, Summary, SummarySink } from './functionSummary';
import { isReadVerb, isRecordGateway, nameClassifierFor, stripReadVerb } from './sources';
import type { NameClassifier } from './sources';
import type { NameVerdict } from './sources';
import {
  EMPTY, carriesSame, deepTaint, describedBy, elementOf, isInertData, makeTaint, makeValue, withTaint, withoutTaint, hasConcrete, isTainted, joinTaint, joinValues, notRecord, onlyConcrete, opaque, paramTaint, sourceTaint, withStep,
} from './values';
import type { ApiRef, FunctionRef, LiteralPart, Taint, Value } from './values';
import { ownProperty } from './ownProperty';
import { joinPaths } from './flowPath';
import { settlerOf } from './laggingNodes';
import type { PhiGuardConfig } from '../config/config';

/** How many results' module summaries may wait to be read (see lazySummary). */
const MAX_UNREAD_SUMMARIES = 8;

/** A PHI value reaching a sink, before messages and fixes are attached. */
export interface RawFinding {
  readonly sink: SinkDescriptor;
  readonly taint: Taint;
  readonly carrier: TextRange;
  /** The sink call (or assignment) itself. */
  readonly site: TextRange;
  readonly steps: readonly FlowStep[];
  /** The flow ends in a sink a suppression in another module covers (see SummarySink.reviewed). */
  readonly reviewed: SinkReview | undefined;
}

/** Every recognised sink call, PHI or not (the inventory lists AI call sites even when they are clean). */
export interface SinkSite {
  readonly sink: SinkDescriptor;
  readonly range: TextRange;
}

interface ClassInfo {
  readonly name: string;
  readonly fields: Map<string, Value>;
  readonly methods: Map<string, FunctionInfo>;
  /** `class ClinicDb extends Dexie`: instances are that library's objects too (`db.patients.add(…)`). */
  baseApi?: ApiRef;
  /** The base class's methods, for `super.save(…)` in a method that overrides one. */
  superMethods?: ReadonlyMap<string, FunctionInfo>;
  /** Fields the constructor sets to its parameters (`this.db = db`, `constructor(private db)`), by constructor
   * parameter: exported, so that an importer's `new Store(client)` gives the instance that client there. */
  constructorFields: Map<string, number> | undefined;
  /** The function it is declared in (see FunctionInfo.unit); undefined at module level. */
  readonly unit: FunctionInfo | undefined;
  /** Edit tracking: the module-state tick of its fields' last change (Interpreter.reanalyse). */
  changedAt: number;
}

interface FunctionInfo extends FunctionRef {
  /** Absent for a function of another module, known only by its summary. */
  readonly node: ts.SignatureDeclaration | undefined;
  /** Changed only when an edit renames a function declaration nothing else uses (Interpreter.reanalyse). */
  name: string;
  readonly scope: Scope;
  readonly cls: ClassInfo | undefined;
  readonly paramApis: (ApiRef | undefined)[];
  /** Fields of parameters (destructured, or read in the body), each a parameter of its own in the summary (see
   * FIELD_PARAM_BASE). */
  fieldParams: FieldParam[];
  summary: Summary | undefined;
  analyzing: boolean;
  /** Edit tracking only (see Interpreter.reanalyse): the outermost function it is written in, itself for a top-level
   * function or a method; undefined at module level. Findings made while analysing it belong to that unit. */
  unit: FunctionInfo | undefined;
  /** For a unit: when its analysis began (a tick of the module-state clock), and the module variables and classes it
   * read: it saw their final state if none changed after it began. */
  startTick: number;
  reads: Set<Binding | ClassInfo> | undefined;
  /** For a unit: its analysis changed what other code sees (a module variable, a class field, an export, another
   * function's inputs), so it cannot be analysed again alone. */
  effects: boolean;
  /** Analysed with a caller's values (an inline callback) or inside a recursion: its results depend on the caller. */
  dependent: boolean;
  /** Its summary was applied outside its own unit: those callers' results hold only while the summary stays the same. */
  consumed: boolean;
  /** For a unit: the other units whose summaries its analysis applied (their analysis may have run inside it). */
  callees: Set<FunctionInfo> | undefined;
  /** Sinks of what it returns: a callback an API sends the result of elsewhere (a tool's `execute`, to the model). */
  returnSinks?: SinkDescriptor[];
  /** A function of another module: its summary as that module exports it, re-exported as it is (an inherited method). */
  exported?: ExportedFunction;
  /** The zod schema (its type name, `zod:N`) an API call says its first parameter is (see CallbackWrapperEntry.inputSchema),
   * or the type of the data a typed library calls it with (see TYPED_DATA). */
  inputSchema?: string;
  /** How the flow step names that (`is the input schema`, `is the data typed`). */
  inputHow?: string;
}

interface Frame {
  readonly fn: FunctionInfo | undefined;
  readonly id: number;
  /** Parameters that are PHI by their own name or type annotation (`ssn`, `p: Patient`): the source for sinks inside. */
  readonly paramSources: Map<number, Taint> | undefined;
  /** Each parameter's first flow step (`parameter \`body\` of \`respond\``), for the path of a sink it reaches. */
  readonly paramSteps: Map<number, FlowStep> | undefined;
  /** The taint of each parameter that is PHI only by what callers pass, by identity: reading a field of exactly that
   * value (`input.reference`) is a field parameter of its own (see FIELD_PARAM_BASE). */
  readonly paramTaints: Map<Taint, number> | undefined;
  env: FlowEnv;
  readonly summary: Summary;
  /** The keys of the summary's sinks so far (see addSummarySink). */
  readonly summarySinkKeys: Set<string>;
  readonly cls: ClassInfo | undefined;
}

/** How deep the analysis follows nested code (statements and expressions together); deeper code is not followed
 * (see Interpreter.tooDeepAt). Real code stays under 50 (ottehr, medplum); chains of terms, branches are walked flat. */
export const MAX_NESTING = 400;
/** The operators evalBinary gives their own reading (an assignment), so a chain's spine stops at them. */
const ASSIGNING_OPERATORS_READ_HERE: ReadonlySet<ts.SyntaxKind> = new Set([Kind.EqualsToken, Kind.PlusEqualsToken, Kind.QuestionQuestionEqualsToken, Kind.BarBarEqualsToken]);
/** Objects named in the words around a property read (see ownerWords): enough for `patient.contact.address`. */
const OWNER_DEPTH = 3;
/** The type name of an enum's value, or an imported constant table's: what is read from it is a constant, never PHI
 * (`Tab.Vitals`, `observationCodeMapping.pregnancyStatus.coding`). */
const ENUM = 'enum';
/** An enum or an imported constant table, and every member of it: a variable holding one is not PHI by its name
 * (`const { patient } = intakeDefaults`, `const gender = Gender.Female`). */
const CONSTANT = makeValue({ typeName: ENUM, sanitized: true });
/** typeName of an `Object.entries` element: a `[key, value]` pair (see objectEntries). */
const ENTRY_PAIR = 'entry-pair';
/** The type name of a tool's input (see bindParameter) and of every field read from it: what the model sent. */
const MODEL_INPUT = 'model-input';
/** The type name prefix of a parameter in a branch a resource-type comparison guards (see guardParameters). */
const GUARDED = 'guarded:';
/** The type name prefix of a FHIR resource that is not PHI (`Location`, `Practitioner`; FHIR_NON_PHI_RESOURCES) and of
 * what is read from it: `location.address.city` is a place's, whatever the variable is called. */
const NOT_PHI_RESOURCE = 'not-phi:';

/** What marks a value as of `resource`, a FHIR resource that is not PHI: its fields are not judged by their names
 * (readProperty). `context`: the words the value had, if any. */
function notPhiResource(resource: string, context?: readonly string[]): Pick<Value, 'typeName' | 'context'> {
  return { typeName: NOT_PHI_RESOURCE + resource, context: context ?? splitWords(resource) };
}
/** The type name of what is imported from a module of an import cycle not analysed yet (ModuleSummary.pending), and of
 * a value typed by it: nothing, until the module is analysed and this file with it. */
const PENDING_MODULE = 'pending-module';
const PENDING: Value = makeValue({ typeName: PENDING_MODULE });
/**
 * A summary names a field of a parameter, destructured (`({ serviceRequest, tasks }) => …`) or read in the body
 * (`(c) => c.projectId`, see fieldOfParameter), by FIELD_PARAM_BASE plus its place in the function's fieldParams, so
 * that a caller is told which field of what it passes reaches a sink or the return value, not that the whole object
 * does.
 */
const FIELD_PARAM_BASE = 1_000_000;
/** How deep into a value's known fields and elements its parameters are made concrete when it is shared (see materialize). */
const MATERIALIZED_DEPTH = 4;
const PREDICATE_METHODS = new Set([
  'includes', 'has', 'startsWith', 'endsWith', 'test', 'indexOf', 'lastIndexOf', 'findIndex', 'findLastIndex', 'some', 'every',
  'localeCompare', 'isArray', 'isNaN', 'isFinite', 'isInteger', 'keys', 'hasOwnProperty', 'equals', 'isEqual', 'compare', 'count',
  'size', 'exists', 'validate', 'isValid', 'matches', 'contains', 'getTimezoneOffset', 'charCodeAt', 'codePointAt', 'search',
]);
/** Built-in collections: `new Map()` is a value like `[]`, not an API to call. */
const COLLECTION_CONSTRUCTORS = new Set(['Map', 'Set', 'WeakMap', 'WeakSet', 'Array']);
/** Mutating methods that return a count (`list.push(x)` is the new length), not what they were given. */
const LENGTH_RETURNING_METHODS = new Set(['push', 'unshift']);
const CALLBACK_ELEMENT_METHODS = new Set(['map', 'forEach', 'filter', 'find', 'findLast', 'flatMap', 'some', 'every', 'sort', 'toSorted', 'findIndex', 'groupBy']);
const PROMISE_METHODS = new Set(['then', 'catch', 'finally']);
/** Zod schema methods whose schema parses records with the same fields (`pick`, `omit`, `extend` change them). */
const ZOD_SAME_RECORDS = new Set(['strict', 'strip', 'passthrough', 'partial', 'deepPartial', 'required', 'describe', 'optional', 'nullable', 'nullish', 'readonly', 'brand', 'catchall']);
/** `a === b`, `x instanceof Y`, …: a boolean, whatever the operands carry. */
const COMPARISON_OPERATORS = new Set<ts.SyntaxKind>([
  Kind.EqualsEqualsEqualsToken, Kind.ExclamationEqualsEqualsToken, Kind.EqualsEqualsToken, Kind.ExclamationEqualsToken,
  Kind.LessThanToken, Kind.GreaterThanToken, Kind.InstanceOfKeyword, Kind.InKeyword,
]);
/** A key that is a name; any other (`record['555-0100']`) is a literal, masked where a note quotes it. */
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
/** Generic types whose values are their first type argument's, for what PHI they carry (`Promise<Patient>`). */
const WRAPPER_TYPES = new Set(['Array', 'ReadonlyArray', 'Promise', 'Readonly', 'Partial', 'Required', 'NonNullable', 'Awaited', 'Set', 'PromiseLike', 'Omit', 'Pick']);
/** Types of a map from keys to values of the second type argument. */
const MAP_TYPES = new Set(['Record', 'Map', 'ReadonlyMap', 'WeakMap']);
/** Calls whose result is never PHI: `require(…)`, `Symbol(…)`, `Boolean(…)`, React's `createContext(…)`. */
const CLEAN_CONSTRUCTORS = new Set(['require', 'Symbol', 'Boolean', 'createContext']);

/** The name a type reference ends in: `List` in `List` and in `fhir4.List`. */
function typeReferenceName(type: ts.TypeReferenceNode): string {
  const name = type.typeName;
  return isIdentifier(name) ? name.text : name.right.text;
}

/** `typeof Schema` in `z.infer<typeof Schema>` (or `z.output`, `z.input`): the schema a type is the records of. */
function schemaTypeQuery(type: ts.TypeReferenceNode): ts.TypeQueryNode | undefined {
  const name = typeReferenceName(type);
  const argument = type.typeArguments?.[0];
  return (name === 'infer' || name === 'output' || name === 'input') && argument && isTypeQueryNode(argument) ? argument : undefined;
}

/** Whether a type names only FHIR resources that are not PHI (`Practitioner`, `Bot | ValueSet`). */
function fhirNonPhiTypes(type: ts.TypeNode): boolean {
  if (isUnionTypeNode(type)) return type.types.every(fhirNonPhiTypes);
  if (isArrayTypeNode(type)) return fhirNonPhiTypes(type.elementType);
  if (!isTypeReferenceNode(type)) return false;
  const name = typeReferenceName(type);
  const argument = type.typeArguments?.length === 1 ? type.typeArguments[0] : undefined;
  if (argument && (name === 'Array' || name === 'ReadonlyArray')) return fhirNonPhiTypes(argument);
  return FHIR_NON_PHI_RESOURCES.has(name);
}

/** `'Location'` in `(r) => r.resourceType === 'Location'` (either side, `==` too, a block returning only that). */
function comparedResourceType(fn: ts.SignatureDeclaration): string | undefined {
  const parameter = fn.parameters[0];
  if (!parameter || !isIdentifier(parameter.name) || !('body' in fn) || !fn.body) return undefined;
  let body: ts.Node = fn.body;
  if (isBlock(body)) {
    const only = body.statements.length === 1 ? body.statements[0] : undefined;
    const returned = only?.kind === Kind.ReturnStatement ? (only as ts.ReturnStatement).expression : undefined;
    if (!returned) return undefined;
    body = returned;
  }
  const comparison = resourceTypeComparison(body as ts.Expression);
  return comparison?.name === parameter.name.text ? comparison.resource : undefined;
}

/** The variable whose resource type `e` reads (`x.resourceType`). */
function readsResourceType(e: ts.Expression): string | undefined {
  const read = skipOuter(e);
  if (!isPropertyAccessExpression(read) || read.name.text !== 'resourceType') return undefined;
  const object = skipOuter(read.expression);
  return isIdentifier(object) ? object.text : undefined;
}

/**
 * `switch (x.resourceType) { case 'Location': … }`: the guard each case clause is, for a clause only its own case
 * reaches (the clause before it, if any, ends in `break`, `return`, `throw` or `continue`).
 */
function switchResourceTypeGuards(statement: ts.SwitchStatement): (({ name: string; resource: string })[])[] {
  const name = readsResourceType(statement.expression);
  const clauses = statement.caseBlock.clauses;
  return clauses.map((clause, i) => {
    if (name === undefined || !isCaseClause(clause) || !clause.statements.length) return [];
    const previous = clauses[i - 1]?.statements;
    const last = previous?.[previous.length - 1];
    if (previous && !(last && (last.kind === Kind.BreakStatement || last.kind === Kind.ReturnStatement || last.kind === Kind.ThrowStatement || last.kind === Kind.ContinueStatement))) return [];
    const value = skipOuter(clause.expression);
    return isStringLiteral(value) || isNoSubstitutionTemplateLiteral(value) ? [{ name, resource: value.text }] : [];
  });
}

/** `x.resourceType === 'Location'` (either side, `==` too): the variable and the resource type. */
function resourceTypeComparison(expression: ts.Expression): { name: string; resource: string } | undefined {
  const test = skipOuter(expression);
  if (!isBinaryExpression(test) || (test.operatorToken.kind !== Kind.EqualsEqualsEqualsToken && test.operatorToken.kind !== Kind.EqualsEqualsToken)) return undefined;
  const literal = (e: ts.Expression): string | undefined => {
    const value = skipOuter(e);
    return isStringLiteral(value) || isNoSubstitutionTemplateLiteral(value) ? value.text : undefined;
  };
  const left = readsResourceType(test.left);
  const right = left === undefined ? readsResourceType(test.right) : undefined;
  const name = left ?? right;
  const resource = left !== undefined ? literal(test.right) : right !== undefined ? literal(test.left) : undefined;
  return name !== undefined && resource !== undefined ? { name, resource } : undefined;
}

/** The resource-type comparisons a condition's `&&` chain makes (`r.resourceType === 'Device' && r.deviceName`). */
function resourceTypeGuards(condition: ts.Expression): { name: string; resource: string }[] {
  const found: { name: string; resource: string }[] = [];
  const visit = (e: ts.Expression): void => {
    const test = skipOuter(e);
    if (isBinaryExpression(test) && test.operatorToken.kind === Kind.AmpersandAmpersandToken) {
      visit(test.left);
      visit(test.right);
      return;
    }
    const comparison = resourceTypeComparison(test);
    if (comparison) found.push(comparison);
  };
  visit(condition);
  return found;
}

/** A parameter declared `[string, …]`, as an `Object.entries` pair is (`rewriteProperty([key, value]: [string, any])`). */
function isKeyValueParameter(declaration: ts.Node): boolean {
  if (!isParameter(declaration) || declaration.type?.kind !== Kind.TupleType) return false;
  const elements = (declaration.type as ts.TupleTypeNode).elements;
  return elements.length === 2 && elements[0]!.kind === Kind.StringKeyword;
}

/** Only `.then(onFulfilled)` receives the promise's value; `.catch`, `.then(_, onRejected)` and `.finally` get an error or nothing. */
function receivesSettledValue(method: string, argumentIndex: number): boolean {
  return method === 'then' && argumentIndex === 0;
}
const KEEP_RECORD_METHODS = new Set(['filter', 'find', 'findLast', 'slice', 'sort', 'toSorted', 'reverse', 'concat', 'at', 'pop', 'shift', 'flat', 'values', 'get', 'first', 'last', 'then']);
/**
 * Methods (and `Array.from`/`Array.of`) whose result is an array: a receiver made by one is an array, whose `entries()`
 * pair an index with an element (a Map's pair a key, which may be PHI, with its value).
 */
const ARRAY_RESULT_METHODS = new Set(['map', 'filter', 'slice', 'split', 'concat', 'flat', 'flatMap', 'sort', 'toSorted', 'reverse', 'toReversed', 'toSpliced', 'from', 'of', 'fill']);
const ARRAY_TYPE_NAMES = new Set(['Array', 'ReadonlyArray']);

/** A type annotation that says array: `T[]`, `readonly T[]`, `Array<T>`, `ReadonlyArray<T>`. */
function isArrayType(type: ts.TypeNode): boolean {
  if (isParenthesizedTypeNode(type) || isTypeOperatorNode(type)) return isArrayType(type.type);
  return isArrayTypeNode(type) || (isTypeReferenceNode(type) && ARRAY_TYPE_NAMES.has(typeReferenceName(type)));
}

/** `for (const [i, row] of rows.entries())`: pairs of an index, never PHI, and an element (see bindListedElements). */
function arrayEntries(array: Value, node: ts.Expression): Value {
  const element = elementValue(array);
  const pair = makeValue({ taint: deepTaint(element), typeName: ENTRY_PAIR, parts: [{ key: undefined, node, value: EMPTY }, { key: undefined, node, value: element }] });
  return makeValue({ taint: notRecord(deepTaint(array)), element: pair });
}

/** `Map` and `ReadonlyMap` (`Record` is an object: `Object.entries` reads it). */
const MAP_COLLECTION_TYPES = new Set(['Map', 'ReadonlyMap']);

/**
 * A pair of a Map (`for (const [id, visits] of byPatient)`): its value holds what the map holds; its key is what
 * indexes it, which the engine does not track apart from the values. In a map that holds PHI the key is a record key
 * (`other-id`) at most, its own name saying more (`email`), never the names, dates and addresses of the records.
 */
function mapEntryPair(map: Value, node: ts.Expression): Value {
  const value = elementValue(map);
  const whole = deepTaint(map);
  const keyTaint = whole && (whole.categories.size || whole.params.size)
    ? makeTaint(new Set<PhiCategoryId>(whole.categories.size ? ['other-id'] : []), whole.params, whole.reasons, whole.steps, false, whole.opaque)
    : undefined;
  const key = makeValue({ taint: keyTaint });
  return makeValue({ taint: joinTaint(keyTaint, deepTaint(value)), typeName: ENTRY_PAIR, parts: [{ key: undefined, node, value: key }, { key: undefined, node, value }] });
}

/** Array methods whose result holds the receiver's elements and (with `concat`) its arguments'. */
const SAME_ELEMENT_METHODS = new Set(['slice', 'sort', 'toSorted', 'reverse', 'toReversed', 'concat', 'values']);
const MUTATING_METHODS = new Set(['push', 'unshift', 'splice', 'set', 'add', 'append', 'assign', 'fill']);
/** Properties that never carry the record's identifiers (`patients.length`, `patient.resourceType`). */
const NON_PHI_PROPERTIES = new Set([
  'length', 'size', 'id', 'status', 'statusCode', 'statusText', 'ok', 'type', 'resourceType', 'meta', 'active', 'createdAt', 'updatedAt',
  'deletedAt', 'version', 'versionId', 'lastUpdated', 'count', 'total', 'usage', 'model', 'object', 'created', 'finish_reason',
  'stop_reason', 'role', 'headers', 'index', 'kind', 'gender', 'language', 'tenantId', 'organizationId', 'key', 'success', 'error',
  'url', 'href', 'uri', 'link', 'reference', 'contentType', 'mimeType', 'hash', 'etag', 'page', 'limit', 'offset', 'cursor',
  // FHIR's structure: which question a questionnaire's answer is for, which code system a code is from.
  'linkId', 'system',
  // Where a file or a resource is.
  'path',
]);
/** Properties of a record that hold more of the record (`patient.data`, `row.values`). */
const CONTAINER_PROPERTIES = new Set([
  'data', 'info', 'details', 'record', 'records', 'profile', 'demographics', 'body', 'payload', 'attributes', 'properties', 'fields',
  'values', 'value', 'result', 'results', 'items', 'rows', 'docs', 'hits', 'entries', 'current', 'dataValues', 'doc', 'item', 'row',
  'rawData', 'json', 'content', 'message', 'choices', 'output', 'text', 'parsed', 'input', 'patient', 'person', 'subject',
]);

/** The same taint without the `other-id` category (record keys), or undefined when nothing else is left. */
function withoutRecordKeys(t: Taint | undefined): Taint | undefined {
  if (!t || !t.categories.has('other-id')) return t;
  const categories = new Set([...t.categories].filter((c) => c !== 'other-id'));
  if (!categories.size && !t.params.size) return undefined;
  return makeTaint(categories, t.params, t.reasons, t.steps, t.record, t.opaque);
}

/** An exported taint back into a value: concrete categories stay, parameter flows are the summary's business. */
function importedTaint(t: ExportedTaint): Taint | undefined {
  if (!t.categories.length && !t.params.length) return undefined;
  return makeTaint(new Set(t.categories), new Set(t.params), t.reasons, t.steps, t.record, t.opaque);
}

/** Fields a summary of another module gives (`exportFields` in Interpreter.moduleSummary): each a value carrying that. */
function importedFields(fields: Readonly<Record<string, ExportedTaint | null>> | undefined): Map<string, Value> | undefined {
  return fields ? new Map(Object.entries(fields).map(([k, t]) => [k, t ? makeValue({ taint: importedTaint(t) }) : EMPTY])) : undefined;
}

/**
 * A log or storage sink as the code calls it: `logger.warn` rather than the catalog's generic `logger.info`,
 * `sessionStorage.setItem` rather than `localStorage.setItem` (the object too, when the path names it plainly).
 */
function apiLabel(entry: SinkEntry, path: readonly string[]): string {
  const last = path[path.length - 1];
  const owner = path[path.length - 2];
  if ((entry.category !== 'log' && entry.category !== 'storage') || !last || !PLAIN_WORD.test(last) || !/\.[A-Za-z]+$/.test(entry.api)) return entry.api;
  if (owner && owner !== 'default' && PLAIN_WORD.test(owner) && /^[A-Za-z]+\.[A-Za-z]+$/.test(entry.api)) return `${owner}.${last}`;
  return entry.api.replace(/\.[A-Za-z]+$/, `.${last}`);
}

const PLAIN_WORD = /^[A-Za-z]+$/;

/** The values at a path of known fields (`tools.*.execute`: `*` is every field). */
function valuesAt(value: Value, path: readonly string[]): Value[] {
  if (!path.length) return [value];
  const [key, ...rest] = path;
  const next = key === '*' ? [...(value.fields?.values() ?? [])] : [value.fields?.get(key!)].filter((v): v is Value => v !== undefined);
  return next.flatMap((v) => valuesAt(v, rest));
}

/** Where `z` comes from: zod (`zod`, `zod/v4`, `zod/mini`), and Genkit, which re-exports it. */
const ZOD_MODULES = /^(zod(\/.*)?|genkit(\/beta)?)$/;

function isFunctionLike(node: ts.Node): node is ts.SignatureDeclaration & { body?: ts.ConciseBody } {
  switch (node.kind) {
    case Kind.FunctionDeclaration:
    case Kind.FunctionExpression:
    case Kind.ArrowFunction:
    case Kind.MethodDeclaration:
    case Kind.Constructor:
    case Kind.GetAccessor:
    case Kind.SetAccessor:
      return true;
    default:
      return false;
  }
}

function propertyNameText(name: ts.PropertyName | ts.BindingName | ts.MemberName): string | undefined {
  if (isIdentifier(name) || isPrivateIdentifier(name) || isStringLiteral(name) || isNumericLiteral(name) || isNoSubstitutionTemplateLiteral(name)) return name.text;
  if (isComputedPropertyName(name) && (isStringLiteral(name.expression) || isNoSubstitutionTemplateLiteral(name.expression))) return name.expression.text;
  return undefined;
}

/** `t` describing a whole record (see Taint.record). */
function asRecord(t: Taint): Taint {
  return makeTaint(t.categories, t.params, t.reasons, t.steps, true, t.opaque);
}

/** `t` with parameter `from` renamed `to` (a destructured parameter's field, see FIELD_PARAM_BASE). */
function withParam(t: Taint | undefined, from: number, to: number): Taint | undefined {
  if (!t?.params.has(from)) return t;
  const params = new Set(t.params);
  params.delete(from);
  params.add(to);
  return makeTaint(t.categories, params, t.reasons, t.steps, t.record, t.opaque);
}

/** The value of `key` in an argument whose fields are known: that field, or (not one of them) what the object carries. */
function knownFieldOf(value: Value & { fields: ReadonlyMap<string, Value> }, key: string): Value {
  return value.fields.get(key) ?? makeValue({ taint: value.taint });
}

/** How a step names a parameter: its name, or the names a destructuring pattern binds (`{ serviceRequest, tasks, … }`). */
function parameterLabel(name: ts.BindingName, index: number): string {
  if (isIdentifier(name)) return name.text;
  const names: string[] = [];
  for (const element of name.elements) if (!isOmittedExpression(element) && isIdentifier(element.name)) names.push(element.name.text);
  if (!names.length) return `#${index + 1}`;
  const listed = `${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''}`;
  return isObjectBindingPattern(name) ? `{ ${listed} }` : `[${listed}]`;
}

/** Operators whose operands a condition only tests: their result (or the operand itself) just picks a branch. */
const TESTING_OPERATORS = new Set<ts.SyntaxKind>([
  ...COMPARISON_OPERATORS, Kind.LessThanEqualsToken, Kind.GreaterThanEqualsToken,
  Kind.AmpersandAmpersandToken, Kind.BarBarToken, Kind.QuestionQuestionToken,
]);

/**
 * The variables a condition only tests: reached from its top through comparisons, `!`, `typeof`, `&&`, `||`, `??` and
 * property reads (`!byId[key]`, `visit.notes.length > 0`), not through a call or anything else that passes them on.
 */
function testedVariables(condition: ts.Expression): ts.Identifier[] {
  const found: ts.Identifier[] = [];
  const visit = (node: ts.Expression): void => {
    const e = skipOuter(node);
    switch (e.kind) {
      case Kind.Identifier:
        found.push(e as ts.Identifier);
        return;
      case Kind.PropertyAccessExpression:
      case Kind.ElementAccessExpression:
      case Kind.TypeOfExpression:
        visit((e as ts.PropertyAccessExpression | ts.ElementAccessExpression | ts.TypeOfExpression).expression);
        return;
      case Kind.PrefixUnaryExpression: {
        const unary = e as ts.PrefixUnaryExpression;
        if (unary.operator !== Kind.PlusPlusToken && unary.operator !== Kind.MinusMinusToken) visit(unary.operand);
        return;
      }
      case Kind.BinaryExpression: {
        const binary = e as ts.BinaryExpression;
        if (TESTING_OPERATORS.has(binary.operatorToken.kind)) {
          visit(binary.left);
          visit(binary.right);
        }
        return;
      }
    }
  };
  visit(condition);
  return found;
}

/** The expression inside parentheses, type assertions, `!` and `await` (a switch: this runs for most expressions). */
/** SCREAMING_CASE: the name of a constant (`MAX_RETRIES`, `MEDS`, `BUCKET_NAMES`). */
function isConstantName(name: string): boolean {
  return name.length >= 3 && /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/.test(name);
}

/**
 * `BUCKET_NAMES.VISIT_NOTES`, `BRANDING_CONFIG.email`, `LIMITS[0].max`: a read whose root is a constant of
 * configuration. A constant named for a record (`SAMPLE_PATIENT.birthDate`) holds one, and its fields count.
 */
function rootsAtConstant(node: ts.Expression): boolean {
  let e = skipOuter(node);
  while (isPropertyAccessExpression(e) || isElementAccessExpression(e)) e = skipOuter(e.expression);
  return isIdentifier(e) && isConstantName(e.text) && !splitWords(e.text).some((word) => RECORD_WORDS.has(word));
}

/** A field of a constant, or that with a literal fallback (`CONFIG.codes ?? []`, `CONFIG.name || ''`). */
function readsConstantOnly(node: ts.Expression): boolean {
  const e = skipOuter(node);
  if (isBinaryExpression(e) && (e.operatorToken.kind === Kind.QuestionQuestionToken || e.operatorToken.kind === Kind.BarBarToken)) {
    const fallback = skipOuter(e.right);
    return readsConstantOnly(e.left) && (isPlainLiteral(fallback) || (isArrayLiteralExpression(fallback) && fallback.elements.length === 0) || (isObjectLiteralExpression(fallback) && fallback.properties.length === 0));
  }
  return (isPropertyAccessExpression(e) || isElementAccessExpression(e)) && rootsAtConstant(e);
}

/** A string, number, template without substitutions, regular expression, `true`, `false` or `null`. */
function isPlainLiteral(e: ts.Expression): boolean {
  switch (e.kind) {
    case Kind.StringLiteral:
    case Kind.NumericLiteral:
    case Kind.NoSubstitutionTemplateLiteral:
    case Kind.RegularExpressionLiteral:
    case Kind.TrueKeyword:
    case Kind.FalseKeyword:
    case Kind.NullKeyword:
      return true;
    default:
      return false;
  }
}

function skipOuter(node: ts.Expression): ts.Expression {
  let current = node;
  for (;;) {
    switch (current.kind) {
      case Kind.ParenthesizedExpression:
      case Kind.AsExpression:
      case Kind.NonNullExpression:
      case Kind.SatisfiesExpression:
      case Kind.TypeAssertionExpression:
      case Kind.AwaitExpression:
        current = (current as ts.ParenthesizedExpression).expression;
        break;
      default:
        return current;
    }
  }
}

/** The property an object pattern's element takes (`ssn` in `{ ssn }` and `{ ssn: s }`); undefined when computed. */
function bindingKey(element: ts.BindingElement): string | undefined {
  return element.propertyName ? propertyNameText(element.propertyName) : isIdentifier(element.name) ? element.name.text : undefined;
}

/** An element of `iterable`: its known elements field by field (see elementOf), else what the whole of it holds. */
function elementValue(iterable: Value): Value {
  return elementOf(iterable) ?? makeValue({ taint: deepTaint(iterable), context: iterable.context, typeName: iterable.typeName });
}

/**
 * `Promise.allSettled(promises)`: an array of `{ status, value, reason }`, each `value` an element of `promises` and
 * `reason` the error one was rejected with, which is not what the promise would have held.
 */
function settledResults(promises: Value): Value {
  const value = elementValue(promises);
  const settled = makeValue({ fields: new Map([['status', CONSTANT], ['value', value], ['reason', EMPTY]]) });
  return makeValue({ taint: deepTaint(value), element: settled });
}

/** What a global function returned (`Object.values(…)`, `JSON.parse(…)`): data, not an API's object. */
function isGlobalResult(value: Value | undefined): boolean {
  const api = value?.api;
  return api?.module === '<global>' && api.path[api.path.length - 1] === '()';
}

/** What flow steps call a function expression assigned to nothing they can name. */
const ANONYMOUS_FUNCTION = 'anonymous function';

/**
 * The API object a value is when it is a client or a library's object, not data read from one: a module, what a
 * constructor or factory made (`new PouchDB('x')`, `express.Router()`), or an object a library hands its callback
 * (`res`); and carries no PHI. Undefined for `req.body.email` (data) and for a model's response (PHI).
 */
function clientApi(value: Value): ApiRef | undefined {
  const api = value.api;
  // Globals' objects are data (`JSON.parse(…)`, `new Date()`); their sinks (`console`, `localStorage`) are used by name.
  if (!api || api.module === '<global>' || isTainted(value.taint)) return undefined;
  const last = api.path[api.path.length - 1];
  return last === undefined || last === 'new()' || last === '()' || /^\$arg\d+$/.test(last) ? api : undefined;
}

/** The fields a constructor sets to a parameter as given, by field: `constructor(private db, cache) { this.cache =
 * cache; }` gives db → 0, cache → 1. Undefined when there are none. */
function constructorParameterFields(ctor: ts.ConstructorDeclaration): Map<string, number> | undefined {
  let fields: Map<string, number> | undefined;
  const params = ctor.parameters;
  params.forEach((p, i) => {
    if (isIdentifier(p.name) && isParameterPropertyDeclaration(p, ctor)) (fields ??= new Map()).set(p.name.text, i);
  });
  for (const statement of ctor.body?.statements ?? []) {
    if (!isExpressionStatement(statement) || !isBinaryExpression(statement.expression) || statement.expression.operatorToken.kind !== Kind.EqualsToken) continue;
    const { left, right } = statement.expression;
    if (!isPropertyAccessExpression(left) || left.expression.kind !== Kind.ThisKeyword || !isIdentifier(right)) continue;
    const index = params.findIndex((p) => isIdentifier(p.name) && p.name.text === right.text);
    if (index >= 0) (fields ??= new Map()).set(left.name.text, index);
  }
  return fields;
}

/** The name a call gives its callee (`openLink(…)`, `links.open(…)`), for a function that has none of its own. */
function nameInCall(call: ts.CallExpression | ts.NewExpression): string | undefined {
  const callee = skipOuter(call.expression);
  return isIdentifier(callee) ? callee.text : isPropertyAccessExpression(callee) ? callee.name.text : undefined;
}

/** The last offset in this file that an exported function's summary names (its steps here, carriers and sites). */
function lastOffsetIn(exported: ExportedFunction, file: string): number {
  let last = -1;
  const steps = (list: readonly FlowStep[] | undefined) => {
    for (const step of list ?? []) if (step.file === file && step.range.end > last) last = step.range.end;
  };
  for (const sink of exported.sinks) {
    last = Math.max(last, sink.carrier.end, sink.site.end);
    steps(sink.steps);
  }
  for (const call of exported.receiverCalls ?? []) {
    steps([call.step]);
    for (const arg of call.args) steps(arg?.steps);
  }
  steps(exported.returns.taint?.steps);
  for (const field of Object.values(exported.returns.fields ?? {})) steps(field?.steps);
  steps(exported.returns.element?.taint?.steps);
  for (const field of Object.values(exported.returns.element?.fields ?? {})) steps(field?.steps);
  for (const returned of [exported.returns.fn, ...Object.values(exported.returns.fieldFns ?? {})]) if (returned) last = Math.max(last, lastOffsetIn(returned, file));
  return last;
}

/** A finding's identity: its sink and carrier, and whether a suppression in another module covers the sink (a value can
 * reach the same sink kind both by a reviewed path and by another: the other is reported). */
function findingKey(sink: SinkDescriptor, carrier: TextRange, reviewed: SinkReview | undefined): string {
  return `${sink.category}:${sink.id}:${carrier.start}:${carrier.end}${reviewed ? ':reviewed' : ''}`;
}

/** A summary sink's identity for a caller: parameter, sink (as findingKey names it), carrier, whether it was reported
 * inside, and whether it is reviewed (see findingKey). */
function summarySinkKey(sink: SummarySink): string {
  return `${sink.param}:${sink.sink.category}:${sink.sink.id}:${sink.carrier.start}:${sink.carrier.end}:${sink.reportedInside ? 1 : 0}${sink.reviewed ? ':reviewed' : ''}`;
}

function siteKey(sink: SinkDescriptor, range: TextRange): string {
  return `${sink.id}:${range.start}`;
}

/** Keeps, in place, the items whose owner (`owners` runs parallel to `items`) `keep` accepts, and their owners. */
function keepOwned<T, O>(items: T[], owners: O[], keep: (owner: O) => boolean): void {
  let kept = 0;
  for (let i = 0; i < items.length; i++) {
    if (!keep(owners[i]!)) continue;
    items[kept] = items[i]!;
    owners[kept] = owners[i]!;
    kept++;
  }
  items.length = kept;
  owners.length = kept;
}

/**
 * Abstract interpreter over one file's TypeScript AST: forward, flow-sensitive within a function,
 * flow-insensitive across closures; functions are summarised (parameter → sink, parameter → return)
 * and summaries are applied at call sites. Values carry PHI taint, API references (which library
 * object a value is) and known object shapes.
 */
export class Interpreter {
  readonly findings: RawFinding[] = [];
  readonly sinkSites: SinkSite[] = [];
  private readonly findingKeys = new Set<string>();
  private readonly siteKeys = new Set<string>();
  private readonly functions: FunctionInfo[] = [];
  /** Functions made so far: ids stay unique when an edit drops some (reanalyse). */
  private functionCount = 0;
  private readonly functionByNode = new Map<ts.Node, FunctionInfo>();
  private readonly classByNode = new Map<ts.Node, ClassInfo>();
  /** The class of an instance, by its fields (an instance's value shares its class's field map: see instanceValue). */
  private readonly classByFields = new WeakMap<ReadonlyMap<string, Value>, ClassInfo>();
  /** Exported classes of other modules as values, one each (see importedClass). */
  private readonly importedClasses = new WeakMap<ExportedClass, Value>();
  private localTypes: Map<string, LocalType>;
  /** The names in localTypes that the file declares (and Prisma models): the rest the analysis added. */
  private declaredTypes: Set<string>;
  private readonly names: NameClassifier;
  private frame!: Frame;
  private scope!: Scope;
  private depth = 0;
  /** The first node nested deeper than MAX_NESTING, which the analysis did not follow (see AnalysisGap). */
  tooDeepAt: ts.Node | undefined;
  /** A closure read a variable that was written later: another pass sees the complete picture. */
  stale = false;
  /** A call handed a client to a function analysed already (see bindArgumentApis): another pass, with the clients
   * known from the start (clientArgumentApis), analyses it with the client. */
  lateClients = false;
  /** The expression of the expression statement being run: its value is dropped (see evalCall's `resultUnused`). */
  private unusedResult: ts.Expression | undefined;
  /** Identifiers being evaluated only to add to their variable or test it (see evalUnobserving). */
  private unobserved: readonly ts.Identifier[] | undefined;

  constructor(
    private sourceFile: ts.SourceFile,
    config: PhiGuardConfig,
    private readonly carried: WeakMap<ts.Node, Value> = new WeakMap(),
    /** Summaries of the project's own modules, by import specifier (cross-file analysis). */
    private imports?: ImportResolver,
    /** Types declared outside TypeScript: the project's Prisma models. */
    private readonly prismaModels: readonly PrismaModel[] = [],
    /** Keep what `reanalyse` needs (the editor): which function each finding came from, and what each read. */
    private readonly tracking = false,
    /** Parameters that calls hand a client (see bindArgumentApis), carried into a second pass with the binding values. */
    private readonly clientArguments: WeakMap<ts.ParameterDeclaration, ApiRef> = new WeakMap(),
  ) {
    this.names = nameClassifierFor(config);
    this.settle = settlerOf(sourceFile);
    this.phiTagOf = phiTagReader(sourceFile);
    this.localTypes = this.typesOf(sourceFile);
    this.declaredTypes = new Set(this.localTypes.keys());
    for (const model of prismaModels) {
      if ([...model.fields.values()].some((categories) => categories.length)) this.prismaDelegates.set(model.name[0]!.toLowerCase() + model.name.slice(1), model.name);
    }
  }

  /** The file's own PHI types, and the Prisma models it does not declare itself. */
  private typesOf(sourceFile: ts.SourceFile): Map<string, LocalType> {
    const types = collectLocalTypes(sourceFile, this.names);
    for (const model of this.prismaModels) {
      const categories = [...new Set([...model.fields.values()].flat())];
      if (categories.length && !types.has(model.name)) types.set(model.name, { name: model.name, fields: model.fields, nestedTypes: new Map(), categories, tagged: false });
    }
    return types;
  }

  /** `prisma.visit` → `Visit`: reads through a Prisma delegate return that model's records. */
  private readonly prismaDelegates = new Map<string, string>();

  /** `export default <expression>` and CommonJS `module.exports` / `exports.x` values, for the module summary. */
  private defaultExport: Value | undefined;
  private readonly commonJsExports = new Map<string, Value>();
  /** Classes among them (`module.exports = { DraftStore }`): exported as classes, with their methods. */
  private readonly commonJsClasses = new Map<string, ClassInfo>();

  /** Values of module-level and captured bindings, carried into a second pass. */
  get bindingValues(): WeakMap<ts.Node, Value> {
    return this.carried;
  }

  get clientArgumentApis(): WeakMap<ts.ParameterDeclaration, ApiRef> {
    return this.clientArguments;
  }

  private moduleScope: Scope | undefined;

  /** The value variable of an `Object.entries` pair, by its key variable (`[key, value]`; see KeyGuard). */
  private readonly entryValues = new WeakMap<Binding, Binding>();
  /** Whether the file has any (most have none: their conditions are not read for key tests). */
  private entryPairsSeen = false;

  // ---------------------------------------------------------------- edit tracking (see reanalyse)

  /** Edit tracking: each exported function's part of the last module summary, while its summary and offsets hold. */
  private readonly exportedFunctions = new Map<FunctionInfo, { summary: Summary; fieldParams: FieldParam[]; exported: ExportedFunction; last: number }>();

  /** The unit whose analysis is running: what it reports is its own. */
  private unit: FunctionInfo | undefined;
  private readonly findingUnits: (FunctionInfo | undefined)[] = [];
  private readonly siteUnits: (FunctionInfo | undefined)[] = [];
  /** A clock of module state (module variables, class fields): a unit that read something which changed after the
   * unit began may have seen an older state than the final one. */
  private tick = 0;

  /** A module variable, a class's fields or the module's exports changed; `unit` did it, if a function did. */
  private moduleStateChanged(what: { changedAt: number } | undefined): void {
    const tick = ++this.tick;
    if (what) what.changedAt = tick;
    if (this.unit) this.unit.effects = true;
  }

  private readModuleState(what: Binding | ClassInfo): void {
    (this.unit!.reads ??= new Set()).add(what);
  }

  /** The running unit applied `fn`'s summary. */
  private consume(fn: FunctionInfo): void {
    fn.consumed = true;
    if (this.tracking && this.unit && fn.unit) (this.unit.callees ??= new Set()).add(fn.unit);
  }

  /**
   * Whether these units' summaries come out the same whenever they are analysed: none changed module state or was
   * bound to a caller, each read only module state that had its final value, and the same holds for the units whose
   * summaries they applied. An edit can move when a function is first analysed (a call added or removed); only then
   * does a fresh analysis of the file give the summaries this one kept.
   */
  private analysedAnyTime(units: Iterable<FunctionInfo> | undefined, seen = new Set<FunctionInfo>()): boolean {
    for (const unit of units ?? []) {
      if (seen.has(unit)) continue;
      seen.add(unit);
      if (unit.effects || unit.dependent || !unit.summary) return false;
      for (const read of unit.reads ?? []) if (read.changedAt > unit.startTick) return false;
      if (!this.analysedAnyTime(unit.callees, seen)) return false;
    }
    return true;
  }

  /** The running unit and `other` depend on each other's analysis: neither can be analysed again alone. */
  private dependOn(other: FunctionInfo | undefined): void {
    if (this.unit) this.unit.dependent = true;
    if (other) other.dependent = true;
  }

  private outermostFunction(node: ts.Node): ts.Node | undefined {
    let outermost: ts.Node | undefined;
    for (let n = node.parent; n; n = n.parent) if (isFunctionLike(n)) outermost = n;
    return outermost;
  }

  private unitOf(node: ts.Node): FunctionInfo | undefined {
    const outermost = this.outermostFunction(node);
    return outermost ? this.functionByNode.get(outermost) : undefined;
  }

  /**
   * After an edit inside one function (editedPart's `function`), brings this analysis up to date by analysing that
   * function again instead of the whole file: its findings are replaced, every other offset is moved by the edit.
   * That stands only if its first analysis was its own (it read the final module state and changed nothing others
   * read; see FunctionInfo) and its summary came out the same, so its callers' analyses still hold. Otherwise it
   * returns false and the caller analyses the whole file, dropping this interpreter, which is then half updated.
   * A function declaration the edit renamed is analysed alone only if neither name is used anywhere else in the file:
   * then nothing read the old binding and nothing will read the new one, which is the old one renamed.
   */
  reanalyse(edit: EditedFunction, sourceFile: ts.SourceFile, imports: ImportResolver | undefined, shift: PositionShift): boolean {
    const fn = this.functionByNode.get(edit.before);
    if (!this.tracking || !fn || fn.unit !== fn || !fn.summary || !this.standsAlone(fn)) return false;
    if (edit.renamed) {
      const { from, to } = edit.renamed;
      const scope = this.moduleScope;
      const binding = scope?.own(from);
      if (!scope || !binding || binding.declaration !== edit.declarationBefore || scope.own(to)) return false;
      if (identifierUses(sourceFile.text, from, 0) > 0 || identifierUses(sourceFile.text, to, 1) > 1) return false;
      scope.rename(binding, to);
      fn.name = to;
    }
    this.moveTo(sourceFile, imports, shift);
    this.forgetResultsOf(fn);
    this.rememberKeys();
    this.functionByNode.delete(edit.before);
    this.functionByNode.set(edit.after, fn);
    (fn as { node: ts.SignatureDeclaration }).node = edit.after;
    if (edit.classBefore && edit.classAfter) this.keepClassUnder(edit.classBefore, edit.classAfter);
    this.keepDeclarationUnder(edit.declarationBefore, edit.declarationAfter);

    // The functions it called may have been analysed inside it: only if they could have been analysed any time.
    if (!this.analysedAnyTime(fn.callees)) return false;
    const previous = fn.summary;
    const previousFields = fn.fieldParams;
    fn.summary = undefined;
    fn.fieldParams = [];
    const made = this.functions.length;
    this.summaryOf(fn);
    for (let i = made; i < this.functions.length; i++) this.summaryOf(this.functions[i]!);
    // Callers in other units applied the summary: their results stand only if it is the same.
    return !this.stale && !this.lateClients && this.standsAlone(fn) && this.analysedAnyTime(fn.callees) && (!fn.consumed || sameSummary(previous, fn.summary!)
      && previousFields.length === fn.fieldParams.length && previousFields.every((f, i) => f.index === fn.fieldParams[i]!.index && f.key === fn.fieldParams[i]!.key && f.guard === fn.fieldParams[i]!.guard));
  }

  /** After an edit inside one interface or type alias: nothing to analyse again if the file's PHI types came out the
   * same, or if the declaration's name (before and after the edit) is used nowhere else in the file (types reach the
   * analysis only through names; the module summary, made anew, exports the new types). */
  retype(edit: EditedTypes, sourceFile: ts.SourceFile, imports: ImportResolver | undefined, shift: PositionShift): boolean {
    const types = this.typesOf(sourceFile);
    const declared = new Set(types.keys());
    // Types the analysis added (imported, inline, zod schemas) are not the file's declarations, and stay.
    for (const [name, type] of this.localTypes) if (!this.declaredTypes.has(name)) types.set(name, type);
    if (!this.tracking) return false;
    const { before, after } = edit;
    const unused = () => identifierUses(sourceFile.text, after.name.text, 1) === 1
      && (before.name.text === after.name.text || identifierUses(sourceFile.text, before.name.text, 0) === 0);
    if (!sameLocalTypes(this.localTypes, types) && !unused()) return false;
    this.moveTo(sourceFile, imports, shift);
    this.localTypes = types;
    this.declaredTypes = declared;
    this.rememberKeys();
    return true;
  }

  /**
   * After an edit inside a class field's initializer: nothing to analyse again if the initializer, before and after the
   * edit, refers to nothing in the file (no binding, no `this`: only literals, globals and types), so that its value
   * does not depend on when the class is first read, and comes out the same plain value, carrying no PHI and reporting
   * nothing: `new Map<string, Entry>()`, `[]`, `0`. The class's fields are then what a fresh analysis would make, and
   * the class keeps its analysis under its new node. Otherwise (also after trying) the whole file is analysed.
   */
  refield(edit: EditedField, sourceFile: ts.SourceFile, imports: ImportResolver | undefined, shift: PositionShift): boolean {
    if (!this.tracking) return false;
    const cls = this.classByNode.get(edit.classBefore);
    if (cls?.unit) return false;
    // Each initializer is evaluated with the text it belongs to.
    const before = this.inertValue(edit.before.initializer, cls);
    if (before === undefined) return false;
    this.moveTo(sourceFile, imports, shift);
    if (this.inertValue(edit.after.initializer, cls) !== before) return false;
    this.rememberKeys();
    this.keepClassUnder(edit.classBefore, edit.classAfter);
    this.keepDeclarationUnder(edit.classBefore, edit.classAfter);
    return true;
  }

  /** A class the parser re-made for an edit keeps its analysis under its new node. */
  private keepClassUnder(before: ts.ClassDeclaration, after: ts.ClassDeclaration): void {
    const cls = this.classByNode.get(before);
    if (!cls) return;
    this.classByNode.delete(before);
    this.classByNode.set(after, cls);
  }

  /** The module bindings a re-made declaration declares are declared by its new node. */
  private keepDeclarationUnder(before: ts.Node, after: ts.Node): void {
    for (const binding of this.moduleScope?.declared() ?? []) if (binding.declaration === before) binding.declaration = after;
  }

  /**
   * A field initializer's value (as JSON) when it refers to nothing in the file, holds only plain data (no PHI, no
   * function, no fields) and its evaluation reported nothing; undefined otherwise.
   */
  private inertValue(initializer: ts.Expression, cls: ClassInfo | undefined): string | undefined {
    let refers = false;
    const visit = (node: ts.Node): void => {
      // Types say nothing about the value; `f<T>` (an instantiation expression, a type node to TypeScript) is `f`.
      if (refers || (isTypeNode(node) && node.kind !== Kind.ExpressionWithTypeArguments)) return;
      if (node.kind === Kind.ThisKeyword || node.kind === Kind.SuperKeyword || isFunctionLike(node) || isClassExpression(node)) refers = true;
      else if (isIdentifier(node) && this.moduleScope?.lookup(node.text)) refers = true;
      else if (isPropertyAccessExpression(node)) visit(node.expression);
      else forEachChild(node, visit);
    };
    visit(initializer);
    if (refers) return undefined;
    const counts = [this.findings.length, this.sinkSites.length, this.functions.length, this.tick];
    const outerCls = this.frame.cls;
    (this.frame as { cls: ClassInfo | undefined }).cls = cls;
    const outerUnit = this.unit;
    this.unit = undefined;
    let value: Value;
    try {
      value = this.eval(initializer);
    } finally {
      (this.frame as { cls: ClassInfo | undefined }).cls = outerCls;
      this.unit = outerUnit;
    }
    const reported = [this.findings.length, this.sinkSites.length, this.functions.length, this.tick].some((count, i) => count !== counts[i]);
    if (reported || value.taint || value.fn || value.fields || value.parts || value.element) return undefined;
    return JSON.stringify(value);
  }

  /** After an edit that changed no statement (trailing comments): only offsets move. */
  follow(sourceFile: ts.SourceFile, imports: ImportResolver | undefined, shift: PositionShift): void {
    this.moveTo(sourceFile, imports, shift);
    this.rememberKeys();
  }

  private standsAlone(fn: FunctionInfo): boolean {
    if (fn.effects || fn.dependent) return false;
    for (const read of fn.reads ?? []) if (read.changedAt > fn.startTick) return false;
    return true;
  }

  private moveTo(sourceFile: ts.SourceFile, imports: ImportResolver | undefined, shift: PositionShift): void {
    // Exports of functions whose offsets (and so lines and columns) the edit moves are made again.
    for (const [fn, known] of this.exportedFunctions) if (known.last >= shift.start) this.exportedFunctions.delete(fn);
    this.sourceFile = sourceFile;
    this.settle = settlerOf(sourceFile);
    this.phiTagOf = phiTagReader(sourceFile);
    this.imports = imports;
    for (const finding of this.findings) {
      shift.range(finding.carrier);
      shift.range(finding.site);
      shift.steps(finding.steps);
      shift.taint(finding.taint);
    }
    for (const site of this.sinkSites) shift.range(site.range);
    for (const fn of this.functions) {
      if (!fn.summary) continue;
      shift.value(fn.summary.returnValue);
      for (const sink of fn.summary.sinks) {
        if (sink.external) continue;
        shift.range(sink.carrier);
        shift.range(sink.site);
        shift.steps(sink.steps);
      }
      for (const call of fn.node ? fn.summary.receiverCalls ?? [] : []) {
        shift.range(call.site);
        shift.steps([call.step]);
        for (const arg of call.args) shift.value(arg);
      }
    }
    // What a function analysed again can read: module variables and class fields (not other functions' locals).
    for (const binding of this.moduleScope?.declared() ?? []) {
      shift.value(binding.global);
      if (binding.nameSource) shift.taint(binding.nameSource);
    }
    for (const cls of this.classByNode.values()) shift.fields(cls.fields);
    shift.value(this.defaultExport);
    for (const value of this.commonJsExports.values()) shift.value(value);
  }

  /** Drops what analysing `unit` found and the functions written inside it, which its next analysis makes again. */
  private forgetResultsOf(unit: FunctionInfo): void {
    keepOwned(this.findings, this.findingUnits, (owner) => owner !== unit);
    keepOwned(this.sinkSites, this.siteUnits, (owner) => owner !== unit);
    let kept = 0;
    for (const fn of this.functions) {
      if (fn === unit || fn.unit !== unit) this.functions[kept++] = fn;
      else {
        if (fn.node) this.functionByNode.delete(fn.node);
        this.exportedFunctions.delete(fn);
      }
    }
    this.functions.length = kept;
    for (const [node, cls] of this.classByNode) if (cls.unit === unit) this.classByNode.delete(node);
  }

  /** The de-duplication keys hold offsets: made again once offsets moved. */
  private rememberKeys(): void {
    this.findingKeys.clear();
    for (const f of this.findings) this.findingKeys.add(findingKey(f.sink, f.carrier, f.reviewed));
    this.siteKeys.clear();
    for (const site of this.sinkSites) this.siteKeys.add(siteKey(site.sink, site.range));
  }

  run(): void {
    const moduleScope = new Scope(undefined, 0);
    this.moduleScope = moduleScope;
    this.scope = moduleScope;
    // Both frames are written with the same fields in the same order: one object shape for the interpreter's most read object.
    this.frame = { fn: undefined, id: 0, env: FlowEnv.empty(), summary: { returnValue: EMPTY, sinks: [] }, summarySinkKeys: new Set(), cls: undefined, paramSources: undefined, paramSteps: undefined, paramTaints: undefined };
    this.execStatements(this.sourceFile.statements);
    for (let i = 0; i < this.functions.length; i++) this.summaryOf(this.functions[i]!);
  }

  // ---------------------------------------------------------------- positions and steps

  /** The editor's tree after an edit: nodes whose offsets are read are settled first (see laggingNodes). */
  private settle: ((node: ts.Node) => void) | undefined;

  private range(node: ts.Node): TextRange {
    this.settle?.(node);
    return { start: node.getStart(this.sourceFile), end: node.getEnd() };
  }

  private step(kind: FlowStep['kind'], node: ts.Node, note: string): FlowStep {
    return { kind, range: this.range(node), note };
  }

  /** `taint` with one more step; the step's position and note are only worked out when there is PHI to carry them. */
  private stepped(taint: Taint | undefined, kind: FlowStep['kind'], node: ts.Node, note: () => string): Taint | undefined {
    return isTainted(taint) ? withStep(taint, this.step(kind, node, note())) : undefined;
  }

  /** Code quoted in a step's note or a reason: its literals masked here, where it is still code (a note quotes code
   * between backticks, so masking the finished note would also mask digits in names: `addressLine1`). */
  private text(node: ts.Node): string {
    this.settle?.(node);
    const t = maskLiterals(node.getText(this.sourceFile).replace(/\s+/g, ' '));
    return t.length > 60 ? `${t.slice(0, 57)}...` : t;
  }

  // ---------------------------------------------------------------- bindings

  private declare(name: string, kind: Binding['kind'], declaration: ts.Node): Binding {
    const binding = this.scope.declare(name, kind, declaration);
    const carried = this.carried.get(declaration);
    if (carried && binding.global === EMPTY) binding.global = carried;
    return binding;
  }

  /**
   * `binding`'s value here. `unobserved`: read only to write it back with more added (`list.push(x)`, `map[k] = v`) or
   * only to test it (`if (!map[k])`, `list.includes(x)`), which observes nothing a later write could make stale: such
   * a read from a closure does not count as one (see `write`), so a callback filling a captured array does not make the
   * whole file be analysed a second time.
   */
  private read(binding: Binding, at: ts.Node, unobserved = false): Value {
    let value = binding.owner === this.frame.id ? this.frame.env.get(binding) : undefined;
    if (!value) {
      value = binding.global;
      if (binding.owner !== this.frame.id) {
        if (!unobserved) binding.readByClosure = true;
        if (this.tracking && this.unit && binding.owner === 0) this.readModuleState(binding);
        // A parameter of an enclosing function: what its name or type says, not that function's parameter index.
        if (binding.kind === 'param' && (value.taint?.params.size || binding.paramSource)) value = withTaint(value, joinTaint(onlyConcrete(value.taint), binding.paramSource));
      }
    }
    if (binding.kind !== 'var' && binding.kind !== 'param') return value;
    // `const patientLocation = await fhir.get<Location>(…)`: the type says what it holds, as a declared one would.
    if (value.sanitized || value.fn || value.typeName?.startsWith(NOT_PHI_RESOURCE)) return value;
    const source = this.nameSourceOf(binding, at);
    if (!source) return value;
    // `const address = location.address`: the name says PHI, but not of what it holds (see organisationWords).
    if (value.context && !this.names.classify(binding.name, value.context)) return value;
    return withTaint(value, joinTaint(source, value.taint));
  }

  /** An `unobserved` read of `identifier` turned out to observe its variable's value after all (see read). */
  private observedByClosure(identifier: ts.Identifier): void {
    const binding = this.scope.lookup(identifier.text);
    if (binding && binding.owner !== this.frame.id) binding.readByClosure = true;
  }

  /**
   * `node` evaluated where `identifiers` in it (`list` in `list.push(x);`, `byId` in `if (!byId[key])`) are read only
   * to add to their variable or test it: those reads are `unobserved` (see read); everything else is read as usual.
   */
  private evalUnobserving(node: ts.Expression, identifiers: readonly ts.Identifier[]): Value {
    if (!identifiers.length) return this.eval(node);
    const outer = this.unobserved;
    this.unobserved = outer ? [...outer, ...identifiers] : identifiers;
    try {
      return this.eval(node);
    } finally {
      this.unobserved = outer;
    }
  }

  /** A condition (`if (!byId[key])`): its value only picks a branch; the variables it only tests are unobserved. */
  private evalCondition(node: ts.Expression): void {
    this.evalUnobserving(node, testedVariables(node));
  }

  private nameSourceOf(binding: Binding, _at: ts.Node): Taint | undefined {
    if (binding.nameSource === undefined) {
      binding.nameSource = null;
      // A SCREAMING_CASE name is a constant (`MEDS`, `PATIENTS = argInt('--patients')`, `BUCKET_NAMES`): what it holds
      // comes from its initializer, not from its name. A parameter is judged by its name whatever its case.
      let verdict = isConstantName(binding.name) && !isParameter(binding.declaration) ? undefined
        : this.callbackResult(binding.declaration) ? undefined : this.names.classify(binding.name);
      const declaration = binding.declaration;
      if (verdict && !verdict.fromConfig && (isVariableDeclaration(declaration) || isParameter(declaration)) && admitsOnlyLiterals(declaration.type)) {
        // `let emailOutcome: 'success' | 'failed' | 'skipped'`: an outcome, not an address.
        const categories = clinicalOnly(verdict.categories);
        verdict = categories.length ? { ...verdict, categories, record: false } : undefined;
      }
      if (verdict) {
        const declName = isVariableDeclaration(binding.declaration) || isParameter(binding.declaration) || isBindingElement(binding.declaration)
          ? binding.declaration.name : binding.declaration;
        binding.nameSource = this.nameTaint(binding.name, verdict, declName);
      }
    }
    return binding.nameSource ?? undefined;
  }

  /**
   * `const resultValue = fn(item, i)` with `fn` a parameter: what a caller's callback returned, which the name (a
   * generic helper's word for it) does not describe. Its PHI is what the callback's is.
   */
  private callbackResult(declaration: ts.Node): boolean {
    if (!isVariableDeclaration(declaration) || !declaration.initializer) return false;
    const init = skipOuter(declaration.initializer);
    if (!isCallExpression(init)) return false;
    const callee = skipOuter(init.expression);
    return isIdentifier(callee) && this.scope.lookup(callee.text)?.kind === 'param';
  }

  private nameTaint(name: string, verdict: NameVerdict, node: ts.Node): Taint {
    const reason: SourceReason = verdict.fromConfig ? { kind: 'config', name } : { kind: 'name', name, words: verdict.words };
    const what = verdict.record ? 'a patient record' : verdict.categories.map(describeCategory).join(', ');
    return sourceTaint(verdict.categories, reason, this.step('source', node, `\`${this.text(node)}\`: the name says ${what}`), verdict.record);
  }

  private write(binding: Binding, value: Value): void {
    const owned = binding.owner === this.frame.id;
    if (owned) {
      if (binding.serial < this.loopBodyStart && !carriesSame(this.frame.env.get(binding) ?? binding.global, value)) this.loopCarriedWrites++;
      this.frame.env.set(binding, value);
    }
    const merged = joinValues(binding.global, owned && binding.kind === 'param' ? value : this.materialize(value));
    if (merged !== binding.global) {
      if (this.tracking && binding.owner === 0) this.moduleStateChanged(binding);
      if (!owned && binding.serial < this.loopBodyStart) this.loopCarriedWrites++;
      if (binding.readByClosure && isTainted(value.taint) && !isTainted(binding.global.taint)) this.stale = true;
      binding.global = merged;
      // An instance of a class of this file is carried without its fields: the second pass's own instance has them,
      // and a join with this pass's would hide its class (whose methods are found by its fields, see classByFields).
      this.carried.set(binding.declaration, merged.fields && this.classByFields.has(merged.fields) ? makeValue({ ...merged, fields: undefined }) : merged);
    }
  }

  // ---------------------------------------------------------------- modules

  /** `module.exports` → '', `module.exports.x` / `exports.x` → 'x'; undefined for anything else (or a shadowed name). */
  private commonJsExportName(t: ts.Expression): string | undefined {
    if (!isPropertyAccessExpression(t)) return undefined;
    const object = skipOuter(t.expression);
    const isModuleExports = (e: ts.Expression) => isPropertyAccessExpression(e) && isIdentifier(e.expression) && e.expression.text === 'module' && e.name.text === 'exports' && !this.scope.lookup('module');
    if (isModuleExports(t)) return '';
    if (isModuleExports(object)) return t.name.text;
    if (isIdentifier(object) && object.text === 'exports' && !this.scope.lookup('exports')) return t.name.text;
    return undefined;
  }

  private namespaceValue(summary: ModuleSummary): Value {
    const fields = new Map<string, Value>();
    for (const [name, symbol] of Object.entries(summary.exports)) fields.set(name, this.importedValue(symbol, name, summary));
    return makeValue({ fields });
  }

  /** An imported type into the analysis's types, under `name`, and the types of its fields under `name.field`. */
  private importType(name: string, symbol: ExportedType): void {
    let nestedTypeNames: Map<string, string> | undefined;
    for (const [key, inner] of Object.entries(symbol.nested ?? {})) {
      this.importType(`${name}.${key}`, inner);
      (nestedTypeNames ??= new Map()).set(key, `${name}.${key}`);
    }
    this.localTypes.set(name, {
      name: symbol.name, fields: new Map(Object.entries(symbol.fields)), nestedTypes: new Map(), categories: symbol.categories, tagged: false,
      ...(symbol.definition ? { definition: true } : {}), ...(nestedTypeNames ? { nestedTypeNames } : {}),
    });
  }

  /** The constructorFields of imported classes, by the fields of the class's value (see evalNew). */
  private readonly importedConstructorFields = new WeakMap<ReadonlyMap<string, Value>, Readonly<Record<string, number>>>();

  /** An exported class of another module, as a value: its methods and client fields. One per class, made before its
   * methods, so that a method returning an instance of its own class (`clone(): Repo`) finds it. */
  private importedClass(symbol: ExportedClass, module: ModuleSummary): Value {
    let value = this.importedClasses.get(symbol);
    if (value) return value;
    const fields = new Map<string, Value>();
    value = makeValue({ fields, context: splitWords(symbol.name), typeName: `class:${symbol.name}` });
    this.importedClasses.set(symbol, value);
    for (const [k, f] of Object.entries(symbol.methods)) fields.set(k, makeValue({ fn: this.externalFunction(f, module) }));
    for (const [k, f] of Object.entries(symbol.fields)) if (f.api) fields.set(k, makeValue({ api: f.api }));
    if (symbol.constructorFields) this.importedConstructorFields.set(fields, symbol.constructorFields);
    return value;
  }

  /** What an exported symbol of another module is, here: a function known by its summary, a client, PHI, a class, a type. */
  private importedValue(symbol: ExportedSymbol | undefined, localName: string, module: ModuleSummary): Value {
    if (!symbol) return EMPTY;
    switch (symbol.kind) {
      case 'function':
        return makeValue({ fn: this.externalFunction(symbol, module) });
      case 'value': {
        if (symbol.constant) return CONSTANT;
        const fields = symbol.members ? new Map(Object.entries(symbol.members).map(([k, f]) => [k, makeValue({ fn: this.externalFunction(f, module) })])) : undefined;
        // A zod schema of the other module: its records become a type of this analysis, as a schema defined here.
        const typeName = symbol.schema ? `zod:${localName}` : undefined;
        if (typeName) this.importType(typeName, symbol.schema!);
        return makeValue({ api: symbol.api, taint: symbol.taint ? importedTaint(symbol.taint) : undefined, fields, typeName });
      }
      case 'class':
        return this.importedClass(symbol, module);
      case 'type':
        this.importType(localName, symbol);
        return makeValue({ typeName: `type:${localName}` });
    }
  }

  private externalFunction(symbol: ExportedFunction, module: ModuleSummary): FunctionInfo {
    const returned = symbol.returns;
    const cls = returned.instanceClass ?? (returned.instanceOf !== undefined ? ownProperty(module.exports, returned.instanceOf) : undefined);
    // An instance of the module's class (`getRepo()`): an instance as `new Repo()` makes one here.
    const instance = cls?.kind === 'class' ? this.importedClass(cls, module) : undefined;
    let fields = instance ? instance.fields : importedFields(returned.fields);
    if (returned.fieldFns && !instance) {
      const withFns = new Map(fields);
      for (const [key, fn] of Object.entries(returned.fieldFns)) withFns.set(key, joinValues(withFns.get(key) ?? EMPTY, makeValue({ fn: this.externalFunction(fn, module) })));
      fields = withFns;
    }
    const summary: Summary = {
      returnValue: makeValue({
        taint: returned.taint ? importedTaint(returned.taint) : undefined,
        api: returned.api,
        fn: returned.fn ? this.externalFunction(returned.fn, module) : undefined,
        fields,
        element: returned.element ? makeValue({
          taint: returned.element.taint ? importedTaint(returned.element.taint) : undefined,
          fields: importedFields(returned.element.fields),
        }) : undefined,
        context: instance?.context,
      }),
      sinks: symbol.sinks.map((s) => ({ external: true, param: s.param, sink: s.sink, steps: s.steps, carrier: s.carrier, site: s.site, reportedInside: s.reportedInside, reviewed: s.reviewed })),
      receiverCalls: symbol.receiverCalls?.map((c) => ({ param: c.param, path: c.path, args: c.args.map((a) => makeValue({ taint: a ? importedTaint(a) : undefined })), site: c.step.range, step: c.step })),
    };
    const fn: FunctionInfo = {
      id: -(this.functions.length + 1), node: undefined, name: symbol.name, scope: this.scope, cls: undefined, paramApis: [], fieldParams: [...(symbol.fieldParams ?? [])], summary, analyzing: false,
      unit: undefined, startTick: 0, reads: undefined, effects: false, dependent: false, consumed: false, callees: undefined, exported: symbol,
    };
    return fn;
  }

  /** Module summaries handed out to be made when first read (lazySummary), not read yet. */
  private unreadSummaries: { dropped: boolean; summary: ModuleSummary | undefined; readonly make: () => ModuleSummary }[] = [];

  /**
   * `make` (this module's summary, from `moduleSummary`), run when first read, as long as this analysis has not changed
   * since; after that (dropUnreadSummaries) it gives none, as a module of an import cycle not analysed yet does.
   */
  lazySummary(make: () => ModuleSummary): () => ModuleSummary | undefined {
    // The same text analysed again and again (the modules it imports changed) leaves the earlier results standing:
    // past a few, their summaries are made now rather than kept waiting.
    if (this.unreadSummaries.length >= MAX_UNREAD_SUMMARIES) {
      for (const unread of this.unreadSummaries) unread.summary ??= unread.make();
      this.unreadSummaries = [];
    }
    const state = { dropped: false, summary: undefined as ModuleSummary | undefined, make };
    this.unreadSummaries.push(state);
    return () => {
      if (state.summary === undefined && !state.dropped) state.summary = make();
      return state.summary;
    };
  }

  /** Before this analysis changes (an edit, see AnalysisMemory.update): the summaries nobody read are never made. */
  dropUnreadSummaries(): void {
    for (const state of this.unreadSummaries) if (state.summary === undefined) state.dropped = true;
    this.unreadSummaries = [];
  }

  /** This module's exports, as a summary other files can use. Runs after `run()`. */
  moduleSummary(file: string, lineIndex: { positionAt(offset: number): LineColumn }): ModuleSummary {
    // Taints share their steps: each step is stamped with its file and position once. Spelled out, not spread: steps
    // come in several object shapes, and a spread of them took half of this function's time.
    const stamped = new Map<FlowStep, FlowStep>();
    // Offsets copied when this interpreter lives on: it moves its own in place on the next edit (reanalyse).
    const own = this.tracking ? (range: TextRange): TextRange => ({ start: range.start, end: range.end }) : (range: TextRange) => range;
    const stampStep = (step: FlowStep): FlowStep => {
      if (step.file) return step;
      let out = stamped.get(step);
      if (!out) stamped.set(step, (out = { kind: step.kind, range: own(step.range), note: step.note, file, position: lineIndex.positionAt(step.range.start) }));
      return out;
    };
    const stamp = (steps: readonly FlowStep[]): FlowStep[] => steps.map(stampStep);
    const exportTaint = (t: Taint | undefined): ExportedTaint | undefined => (isTainted(t) ? { categories: [...t.categories], params: [...t.params], reasons: t.reasons, steps: stamp(t.steps), record: t.record, ...(t.opaque ? { opaque: true } : {}) } : undefined);
    /** Known fields as a summary gives them: what each carries (null: nothing). */
    const exportFields = (fields: ReadonlyMap<string, Value>): Record<string, ExportedTaint | null> => Object.fromEntries([...fields].map(([k, f]) => [k, exportTaint(deepTaint(f)) ?? null]));
    let classNames: Map<ClassInfo, string> | undefined;
    /** The name this module exports a class under, if it does (`export class Repo`, `export { Repo as Repository }`). */
    const exportedClassName = (cls: ClassInfo): string | undefined => {
      if (!classNames) {
        classNames = new Map();
        for (const statement of this.sourceFile.statements) {
          if (isClassDeclaration(statement) && isExported(statement)) classNames.set(this.classInfo(statement), isDefault(statement) ? 'default' : statement.name?.text ?? 'default');
          else if (isExportDeclaration(statement) && !statement.moduleSpecifier && statement.exportClause && isNamedExports(statement.exportClause)) {
            for (const element of statement.exportClause.elements) {
              const declaration = this.moduleScope?.lookup((element.propertyName ?? element.name).text)?.declaration;
              if (declaration && isClassDeclaration(declaration) && !classNames.has(this.classInfo(declaration))) classNames.set(this.classInfo(declaration), element.name.text);
            }
          }
        }
      }
      return classNames.get(cls);
    };
    /** Functions being exported: one that returns itself (or its caller) is exported once. */
    const exporting = new Set<FunctionInfo>();
    /** A function a summary returns, as an export of its own (functions of this file only; not one being exported). */
    const returnedFunction = (value: Value | undefined): ExportedFunction | undefined => {
      const fn = value?.fn as FunctionInfo | undefined;
      return fn?.node && !exporting.has(fn) ? exportFunction(fn) : undefined;
    };
    const exportFunction = (fn: FunctionInfo): ExportedFunction => {
      // Inherited from a class of another module: as that module exports it.
      if (!fn.node && fn.exported) return fn.exported;
      const summary = this.summaryOf(fn);
      const known = this.exportedFunctions.get(fn);
      if (known?.summary === summary && known.fieldParams === fn.fieldParams) return known.exported;
      const returnedClass = summary.returnValue.fields && this.classByFields.get(summary.returnValue.fields);
      const instanceOf = returnedClass && exportedClassName(returnedClass);
      const returnedElement = elementOf(summary.returnValue);
      const element = returnedElement?.fields ? { taint: exportTaint(returnedElement.taint), fields: exportFields(returnedElement.fields) } : undefined;
      exporting.add(fn);
      let returnedFn: ExportedFunction | undefined;
      let fieldFns: Record<string, ExportedFunction> | undefined;
      try {
        returnedFn = returnedFunction(summary.returnValue);
        for (const [key, field] of instanceOf ? [] : summary.returnValue.fields ?? []) {
          const exported = returnedFunction(field);
          if (exported) (fieldFns ??= {})[key] = exported;
        }
      } finally {
        exporting.delete(fn);
      }
      const exported: ExportedFunction = {
        kind: 'function',
        name: fn.name,
        sinks: summary.sinks.map((s) => ({ param: s.param, sink: s.sink, steps: stamp(s.steps), carrier: own(s.carrier), site: own(s.site), reportedInside: s.reportedInside, ...(s.reviewed ? { reviewed: s.reviewed } : {}) })),
        ...(summary.receiverCalls ? { receiverCalls: summary.receiverCalls.map((c) => ({ param: c.param, path: c.path, args: c.args.map((a) => exportTaint(deepTaint(a)) ?? null), step: stampStep(c.step) })) } : {}),
        ...(fn.fieldParams.length ? { fieldParams: fn.fieldParams } : {}),
        returns: {
          taint: exportTaint(summary.returnValue.fields ? summary.returnValue.taint : deepTaint(summary.returnValue)),
          api: summary.returnValue.api,
          fields: summary.returnValue.fields && !instanceOf ? exportFields(summary.returnValue.fields) : undefined,
          ...(instanceOf ? { instanceOf } : {}),
          ...(returnedFn ? { fn: returnedFn } : {}),
          ...(fieldFns ? { fieldFns } : {}),
          ...(element ? { element } : {}),
        },
      };
      // A returned function may be analysed again on its own (an edit inside it): its export is not kept with this one's.
      if (this.tracking && !returnedFn && !fieldFns) this.exportedFunctions.set(fn, { summary, fieldParams: fn.fieldParams, exported, last: lastOffsetIn(exported, file) });
      return exported;
    };
    const exportValue = (value: Value, name: string): ExportedSymbol => {
      if (value.fn) {
        const fn = value.fn as FunctionInfo;
        return fn.node ? exportFunction(fn) : { kind: 'function', name, sinks: [], returns: {} };
      }
      const members: Record<string, ExportedFunction> = {};
      for (const [k, v] of value.fields ?? []) if (v.fn && (v.fn as FunctionInfo).node) members[k] = exportFunction(v.fn as FunctionInfo);
      // An instance of a class of this module (`export const repo = new Repo()`): its methods.
      const cls = value.fields && this.classByFields.get(value.fields);
      for (const [k, fn] of cls?.methods ?? []) if (fn.node || fn.exported) members[k] ??= exportFunction(fn);
      const schema = value.typeName?.startsWith('zod:') ? exportSchema(value.typeName, name) : undefined;
      return { kind: 'value', api: value.api, taint: exportTaint(onlyConcrete(value.taint)), members: Object.keys(members).length ? members : undefined, ...(schema ? { schema } : {}) };
    };
    /** A zod schema's records (local type `zod:N`), known to importers by `name`. */
    const exportSchema = (typeName: string, name: string): ExportedType | undefined => {
      const local = this.localTypes.get(typeName);
      return local?.categories.length ? { kind: 'type', name: local.name === 'object' ? name : local.name, categories: local.categories, fields: Object.fromEntries(local.fields) } : undefined;
    };
    const exportClass = (cls: ClassInfo): ExportedClass => {
      const methods: Record<string, ExportedFunction> = {};
      for (const [k, fn] of cls.methods) methods[k] = exportFunction(fn);
      const fields: Record<string, { api?: ApiRef }> = {};
      for (const [k, v] of cls.fields) if (v.api) fields[k] = { api: v.api };
      const constructorFields = cls.constructorFields && Object.fromEntries(cls.constructorFields);
      return { kind: 'class', name: cls.name, methods, fields, ...(constructorFields ? { constructorFields } : {}) };
    };
    const exportType = (name: string, depth = 2): ExportedType | undefined => {
      const local = this.localTypes.get(name);
      // `export type ChartInput = z.infer<typeof ChartInputSchema>`: the schema's records.
      const alias = local ? undefined : this.schemaAliases().get(name);
      const query = alias && schemaTypeQuery(alias)?.exprName;
      const schemaType = query && isIdentifier(query) ? moduleScope?.lookup(query.text)?.global.typeName : undefined;
      if (schemaType?.startsWith('zod:')) return exportSchema(schemaType, name);
      if (local?.definition && !local.categories.length) return { kind: 'type', name, categories: [], fields: {}, definition: true };
      if (!local || !local.categories.length) return undefined;
      let nested: Record<string, ExportedType> | undefined;
      for (const [key, type] of depth > 0 ? local.nestedTypes : []) {
        const inner = exportType(typeRefName(type) ?? '', depth - 1);
        if (inner) (nested ??= {})[key] = inner;
      }
      return { kind: 'type', name, categories: local.categories, fields: Object.fromEntries(local.fields), ...(nested ? { nested } : {}) };
    };
    const moduleScope = this.moduleScope;
    const bindingValue = (name: string): ExportedSymbol | undefined => {
      const binding = moduleScope?.lookup(name);
      if (!binding) return exportType(name);
      const declaration = binding.declaration;
      if (isClassDeclaration(declaration)) return exportClass(this.classInfo(declaration));
      if (isEnumDeclaration(declaration) || this.isConstantTable(binding)) return { kind: 'value', constant: true };
      return exportValue(binding.global, name);
    };

    const exports: Record<string, ExportedSymbol> = {};
    const reexports: { specifier: string; names: '*' | Record<string, string> }[] = [];
    // The node's own modifier list (getModifiers makes a filtered copy on every call, for every statement).
    const hasModifier = (node: ts.Node, kind: ts.SyntaxKind) => !!(node as { modifiers?: ts.NodeArray<ts.ModifierLike> }).modifiers?.some((m) => m.kind === kind);
    const isExported = (node: ts.Node) => hasModifier(node, Kind.ExportKeyword);
    const isDefault = (node: ts.Node) => hasModifier(node, Kind.DefaultKeyword);
    for (const statement of this.sourceFile.statements) {
      if (isExportDeclaration(statement)) {
        if (statement.isTypeOnly && !statement.moduleSpecifier) {
          // `export type { X }` of a local PHI type
        }
        if (statement.moduleSpecifier && isStringLiteral(statement.moduleSpecifier)) {
          if (!statement.exportClause) reexports.push({ specifier: statement.moduleSpecifier.text, names: '*' });
          else if (isNamedExports(statement.exportClause)) {
            reexports.push({ specifier: statement.moduleSpecifier.text, names: Object.fromEntries(statement.exportClause.elements.map((e) => [e.name.text, (e.propertyName ?? e.name).text])) });
          }
        } else if (statement.exportClause && isNamedExports(statement.exportClause)) {
          for (const element of statement.exportClause.elements) {
            const symbol = bindingValue((element.propertyName ?? element.name).text);
            if (symbol) exports[element.name.text] = symbol;
          }
        }
        continue;
      }
      if (!isExported(statement)) continue;
      const name = isDefault(statement) ? 'default' : undefined;
      if (isFunctionDeclaration(statement)) {
        const fn = this.functionByNode.get(statement);
        if (fn) exports[name ?? statement.name?.text ?? 'default'] = exportFunction(fn);
      } else if (isClassDeclaration(statement)) {
        exports[name ?? statement.name?.text ?? 'default'] = exportClass(this.classInfo(statement));
      } else if (isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) {
          if (isIdentifier(declaration.name)) {
            const symbol = bindingValue(declaration.name.text);
            if (symbol) exports[declaration.name.text] = symbol;
          }
        }
      } else if (isInterfaceDeclaration(statement) || isTypeAliasDeclaration(statement)) {
        const type = exportType(statement.name.text);
        if (type) exports[statement.name.text] = type;
      } else if (isEnumDeclaration(statement)) {
        exports[statement.name.text] = { kind: 'value', constant: true };
      }
    }
    if (this.defaultExport && !exports.default) exports.default = exportValue(this.defaultExport, 'default');
    for (const [k, cls] of this.commonJsClasses) if (!Object.hasOwn(exports, k)) exports[k] = exportClass(cls);
    for (const [k, v] of this.commonJsExports) if (!Object.hasOwn(exports, k)) exports[k] = exportValue(v, k);
    return { file, exports, reexports };
  }

  // ---------------------------------------------------------------- statements

  private hoist(statements: readonly ts.Statement[]): void {
    for (const statement of statements) {
      if (isFunctionDeclaration(statement) && statement.name) {
        const binding = this.declare(statement.name.text, 'function', statement);
        const fn = this.functionInfo(statement, statement.name.text);
        binding.global = makeValue({ fn });
      } else if (isClassDeclaration(statement) && statement.name) {
        this.declare(statement.name.text, 'class', statement);
      } else if (isEnumDeclaration(statement)) {
        // `enum Tab { Vitals = 'vitals' }`: its members are constants, whatever their names (see ENUM).
        this.declare(statement.name.text, 'class', statement).global = CONSTANT;
      } else if (isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) this.declarePattern(declaration.name, 'var', declaration);
      } else if (isImportDeclaration(statement)) {
        this.bindImport(statement);
      } else if (isImportEqualsDeclaration(statement)) {
        const ref = statement.moduleReference;
        const binding = this.declare(statement.name.text, 'import', statement);
        if (isExternalModuleReference(ref) && isStringLiteral(ref.expression)) {
          const module = normalizeModule(ref.expression.text);
          if (isCatalogModule(module)) binding.global = makeValue({ api: apiRoot(module) });
        }
      }
    }
  }

  private declarePattern(name: ts.BindingName, kind: Binding['kind'], declaration: ts.Node, withoutNameSource = false): void {
    if (isIdentifier(name)) {
      const binding = this.declare(name.text, kind, declaration);
      if (withoutNameSource) binding.nameSource = null;
    } else for (const element of name.elements) if (isBindingElement(element)) this.declarePattern(element.name, kind, element, withoutNameSource);
  }

  private bindImport(node: ts.ImportDeclaration): void {
    const clause = node.importClause;
    if (!clause || !isStringLiteral(node.moduleSpecifier)) return;
    const module = normalizeModule(node.moduleSpecifier.text);
    const specifier = node.moduleSpecifier.text;
    const names = importedNames(clause);
    for (const { local } of names) this.importedFrom.set(local, node.moduleSpecifier.text);
    const tracked = isCatalogModule(module);
    if (tracked || !this.imports) {
      for (const { local, declaration, exported } of names) {
        const binding = this.declare(local, 'import', declaration);
        binding.module = module;
        if (tracked) binding.global = makeValue({ api: exported === '*' ? apiRoot(module) : apiMember(apiRoot(module), exported) });
      }
      return;
    }
    const bindings = names.map(({ local, declaration }) => this.declare(local, 'import', declaration));
    const resolve = (): void => {
      for (const binding of bindings) binding.pendingImport = undefined;
      const exported = names.map((name) => name.exported);
      const summary = this.imports?.(specifier, exported.includes('*') ? undefined : exported);
      for (let i = 0; i < names.length; i++) {
        const { local, exported } = names[i]!;
        const binding = bindings[i]!;
        if (!summary) binding.module = module; // a package
        else if (summary.pending) binding.global = PENDING;
        else binding.global = exported === '*' ? this.namespaceValue(summary) : this.importedValue(ownProperty(summary.exports, exported), local, summary);
      }
    };
    // A module imported only for JSX tags (which the analysis does not evaluate) or not used at all is asked for on
    // the first look-up of one of its names, if any: it is then not analysed for this file, nor does this file depend
    // on it. Other imports are resolved here, before the file's code runs: an import resolved in the middle of an
    // expression analyses its module on top of that expression's stack, and long import chains would run out of
    // stack. The editor's interpreters, which re-analyse single functions later, resolve every import here.
    const text = this.sourceFile.text;
    this.settle?.(node);
    if (this.tracking || names.some(({ local }) => !onlyJsxTagMentions(text, local, node.pos, node.end))) resolve();
    else for (const binding of bindings) binding.pendingImport = resolve;
  }

  private execStatements(statements: readonly ts.Statement[]): void {
    this.hoist(statements);
    for (const statement of statements) this.exec(statement);
  }

  private withScope<T>(run: () => T): T {
    const saved = this.scope;
    this.scope = new Scope(saved, this.frame.id);
    try {
      return run();
    } finally {
      this.scope = saved;
    }
  }

  /** Runs one branch of the flow on a fork of the current env; returns the fork, for `joinInto`. */
  private branch(run: () => void): FlowEnv {
    const saved = this.frame.env;
    this.frame.env = saved.fork();
    try {
      run();
      return this.frame.env;
    } finally {
      this.frame.env = saved;
    }
  }

  /**
   * An `if` and the `else if`s after it, one after the other: each `else` runs on a fork of the env its `if` started
   * from, and the branches are joined from the last `if` back to the first, as nested statements would be, without
   * nesting the analysis once per `else if` (a chain of hundreds must not reach MAX_NESTING and go unread).
   */
  private execIfChain(first: ts.IfStatement): void {
    const start = this.frame.env;
    const levels: { readonly statement: ts.IfStatement; readonly target: FlowEnv; readonly thenEnv: FlowEnv }[] = [];
    let completed = false;
    try {
      for (let statement: ts.IfStatement | undefined = first; statement;) {
        const target = this.frame.env;
        const current: ts.IfStatement = statement;
        this.evalCondition(current.expression);
        const guards = resourceTypeGuards(current.expression);
        const thenEnv = this.branch(() => {
          const restore = guards.length ? this.guardParameters(guards) : undefined;
          if (this.entryPairsSeen) this.narrowEntryValue(keysWhereTrue(current.expression), current.expression);
          this.exec(current.thenStatement);
          restore?.();
        });
        levels.push({ statement: current, target, thenEnv });
        this.frame.env = target.fork();
        const otherwise = current.elseStatement;
        statement = otherwise && isIfStatement(otherwise) ? otherwise : undefined;
        if (otherwise && !statement) this.exec(otherwise);
      }
      for (let i = levels.length - 1; i >= 0; i--) {
        const { statement, target, thenEnv } = levels[i]!;
        this.joinInto(target, [thenEnv, this.frame.env]);
        // `if (key !== 'url' && key !== 'path') return;`: from here on the pair's value is one of those fields.
        if (this.entryPairsSeen && !statement.elseStatement && alwaysLeaves(statement.thenStatement)) this.narrowEntryValue(keysWhereFalse(statement.expression), statement.expression);
      }
      completed = true;
    } finally {
      if (!completed) this.frame.env = start;
    }
  }

  /** The flow goes on from `target` (the env the branches were forked from), with what the branches wrote joined in. */
  private joinInto(target: FlowEnv, branches: readonly FlowEnv[]): void {
    target.join(branches);
    this.frame.env = target;
  }

  private exec(node: ts.Statement): void {
    if (this.depth > MAX_NESTING) {
      this.tooDeepAt ??= node;
      return;
    }
    this.depth++;
    try {
      this.execInner(node);
    } finally {
      this.depth--;
    }
  }

  private execInner(node: ts.Statement): void {
    switch (node.kind) {
      case Kind.ExpressionStatement:
        this.unusedResult = (node as ts.ExpressionStatement).expression;
        this.eval(this.unusedResult);
        return;
      case Kind.VariableStatement: {
        const tagged = this.hasPhiTag(node);
        for (const declaration of (node as ts.VariableStatement).declarationList.declarations) this.execDeclaration(declaration, tagged);
        return;
      }
      case Kind.ReturnStatement: {
        const expression = (node as ts.ReturnStatement).expression;
        // `return (link) => window.open(link)`: the function a factory or hook returns is shown as `useOpenLink()`.
        const returner = this.frame.fn?.name;
        if (expression && returner && returner !== ANONYMOUS_FUNCTION) this.nameInitializer(expression, `${returner}()`);
        if (expression) {
          const value = this.eval(expression);
          this.checkReturnSinks(value, expression);
          const taint = this.stepped(value.taint, 'return', expression, () => `returned${this.frame.fn ? ` from \`${this.frame.fn.name}\`` : ''}`);
          this.frame.summary.returnValue = joinValues(this.frame.summary.returnValue, withTaint(value, taint));
        }
        return;
      }
      case Kind.IfStatement:
        this.execIfChain(node as ts.IfStatement);
        return;
      case Kind.Block:
        this.withScope(() => this.execStatements((node as ts.Block).statements));
        return;
      case Kind.ForOfStatement:
      case Kind.ForInStatement: {
        const statement = node as ts.ForOfStatement | ts.ForInStatement;
        const iterable = this.eval(statement.expression);
        const element: Value = isForInStatement(statement) ? EMPTY : this.isMapExpression(statement.expression) ? mapEntryPair(iterable, statement.expression) : elementValue(iterable);
        this.loop(() => {
          this.withScope(() => {
            const init = statement.initializer;
            if (isVariableDeclarationList(init)) {
              for (const declaration of init.declarations) {
                this.declarePattern(declaration.name, 'var', declaration);
                this.bindPattern(declaration.name, element, declaration);
              }
            } else this.assignTo(init, element);
            this.exec(statement.statement);
          });
        });
        return;
      }
      case Kind.ForStatement: {
        const statement = node as ts.ForStatement;
        this.withScope(() => {
          if (statement.initializer) {
            if (isVariableDeclarationList(statement.initializer)) {
              for (const d of statement.initializer.declarations) this.declarePattern(d.name, 'var', d);
              for (const d of statement.initializer.declarations) this.execDeclaration(d);
            } else this.eval(statement.initializer);
          }
          this.loop(() => {
            if (statement.condition) this.evalCondition(statement.condition);
            this.exec(statement.statement);
            if (statement.incrementor) this.eval(statement.incrementor);
          });
        });
        return;
      }
      case Kind.WhileStatement:
      case Kind.DoStatement: {
        const statement = node as ts.WhileStatement | ts.DoStatement;
        this.loop(() => {
          this.evalCondition(statement.expression);
          this.exec(statement.statement);
        });
        return;
      }
      case Kind.TryStatement: {
        const statement = node as ts.TryStatement;
        const tryEnv = this.branch(() => this.exec(statement.tryBlock));
        const catchEnv = this.branch(() => {
          const clause = statement.catchClause;
          if (clause) {
            this.withScope(() => {
              const v = clause.variableDeclaration;
              if (v) this.declarePattern(v.name, 'var', v);
              this.exec(clause.block);
            });
          }
        });
        this.joinInto(this.frame.env, [tryEnv, catchEnv]);
        if (statement.finallyBlock) this.exec(statement.finallyBlock);
        return;
      }
      case Kind.SwitchStatement: {
        const statement = node as ts.SwitchStatement;
        this.eval(statement.expression);
        const envs: FlowEnv[] = [];
        const guards = switchResourceTypeGuards(statement);
        this.withScope(() => {
          statement.caseBlock.clauses.forEach((clause, i) => {
            envs.push(this.branch(() => {
              if (isCaseClause(clause)) this.eval(clause.expression);
              const restore = guards[i]!.length ? this.guardParameters(guards[i]!) : undefined;
              this.execStatements(clause.statements);
              restore?.();
            }));
          });
        });
        envs.push(this.frame.env);
        this.joinInto(this.frame.env, envs);
        return;
      }
      case Kind.ThrowStatement:
        this.eval((node as ts.ThrowStatement).expression);
        return;
      case Kind.LabeledStatement:
        this.exec((node as ts.LabeledStatement).statement);
        return;
      case Kind.ClassDeclaration: {
        const declaration = node as ts.ClassDeclaration;
        const cls = this.classInfo(declaration);
        if (declaration.name) this.write(this.scope.lookup(declaration.name.text) ?? this.declare(declaration.name.text, 'class', declaration), makeValue({ context: [cls.name] }));
        return;
      }
      case Kind.ExportAssignment:
        this.defaultExport = this.eval((node as ts.ExportAssignment).expression);
        if (this.tracking) this.moduleStateChanged(undefined);
        return;
      case Kind.ModuleDeclaration: {
        const body = (node as ts.ModuleDeclaration).body;
        if (body && isModuleBlock(body)) this.withScope(() => this.execStatements(body.statements));
        return;
      }
      default:
        return;
    }
  }

  /**
   * Bindings with a serial below this were declared outside the innermost loop being run; writes to them that change
   * what a later read sees are counted in loopCarriedWrites (as are writes to class fields).
   */
  private loopBodyStart = 0;
  private loopCarriedWrites = 0;

  /**
   * A loop body runs twice, the second time with what the first wrote (`for (…) { log(last); last = ssn; }`), unless
   * the first pass changed nothing declared outside the body: then a second pass would repeat the first exactly.
   */
  private loop(body: () => void): void {
    const before = this.frame.env;
    const savedBodyStart = this.loopBodyStart;
    const writesBefore = this.loopCarriedWrites;
    this.loopBodyStart = nextBindingSerial();
    let first: FlowEnv;
    try {
      first = this.branch(body);
    } finally {
      this.loopBodyStart = savedBodyStart;
    }
    if (this.loopCarriedWrites === writesBefore) {
      this.joinInto(before, [before, first]);
      return;
    }
    this.frame.env = first;
    const second = this.branch(body);
    this.joinInto(before, [before, first, second]);
  }

  private execDeclaration(declaration: ts.VariableDeclaration, statementTagged = false): void {
    if (isIdentifier(declaration.name)) this.nameInitializer(declaration.initializer, declaration.name.text);
    const listed = !isIdentifier(declaration.name) && !isObjectBindingPattern(declaration.name) && !declaration.type && !statementTagged && declaration.initializer ? this.listedArray(declaration.initializer) : undefined;
    if (listed && !this.hasPhiTag(declaration)) {
      this.bindListedElements(declaration.name as ts.ArrayBindingPattern, this.eval(listed));
      return;
    }
    let value = declaration.initializer ? this.eval(declaration.initializer) : EMPTY;
    // `const codes = PROVIDER_CONFIG.visionCptCodes ?? []`: read from configuration, so configuration, whatever its name.
    if (declaration.initializer && readsConstantOnly(declaration.initializer)) this.declaredRecord(declaration);
    const notPhi = declaration.type && this.declaredNotPhi(value, declaration.type);
    if (notPhi) value = notPhi;
    else if (declaration.type) {
      const typed = this.typeValue(declaration.type, declaration.name);
      // At module level (inside a function, a context object is filled later), an object or array written out of
      // constants (`const FormFields: PatientRecordFormFields = { … }`), or a constant
      // (`PATIENT_RECORD_CONFIG: PatientRecordConfig = Object.freeze(…)`), holds what its initializer gives it when
      // its type is PHI only by what its fields are called: the type describes the shape. A FHIR resource, a
      // configured PHI type or a tagged one stays (`SAMPLE_PATIENT: Patient = { … }`).
      const local = typed.typeName !== undefined && !typed.typeName.startsWith('fhir:') ? this.localTypes.get(typed.typeName) : undefined;
      const initializer = declaration.initializer && skipOuter(declaration.initializer);
      const shapeOnly = !!local && !local.tagged && !!initializer && this.frame.id === 0
        && (this.holdsConstantsOnly(initializer, 0) || (isIdentifier(declaration.name) && isConstantName(declaration.name.text)));
      if (!shapeOnly) value = joinValues(value, typed);
      if (!shapeOnly && local?.categories.length) this.declaredRecord(declaration);
    }
    if (statementTagged || this.hasPhiTag(declaration)) {
      value = withTaint(value, joinTaint(value.taint, sourceTaint(['other-id'], { kind: 'phi-tag', name: this.text(declaration.name) }, this.step('source', declaration.name, 'tagged `@phi`'))));
    }
    if (declaration.initializer && this.isCleanByConstruction(declaration.initializer)) value = makeValue({ ...value, sanitized: value.sanitized || !isTainted(value.taint) });
    this.bindPattern(declaration.name, value, declaration);
  }

  /** `const patient: Patient = …` of a project record type with PHI fields: it holds what they declare, not all its
   * name suggests (see bindParameter). */
  private declaredRecord(declaration: ts.VariableDeclaration): void {
    if (!isIdentifier(declaration.name)) return;
    const binding = this.scope.lookup(declaration.name.text);
    if (binding?.declaration === declaration) binding.nameSource = null;
  }

  /**
   * `[a, b]` or `await Promise.all([a, b])`, none of its elements spread: destructured, each name takes its own
   * element (`const [patient, org] = await Promise.all([readPatient(), readOrg()])`), not what the whole array holds.
   * `Promise.all` only awaits its elements, so the elements stand for its result.
   */
  private listedArray(initializer: ts.Expression): ts.ArrayLiteralExpression | undefined {
    let e = skipOuter(initializer);
    if (isCallExpression(e) && e.arguments.length === 1 && this.isGlobalMember(e.expression, 'Promise', 'all')) e = skipOuter(e.arguments[0]!);
    return isArrayLiteralExpression(e) && !e.elements.some((element) => element.kind === Kind.SpreadElement) ? e : undefined;
  }

  private bindListedElements(pattern: ts.ArrayBindingPattern, array: Value): void {
    const parts = array.parts ?? [];
    pattern.elements.forEach((element, index) => {
      if (isOmittedExpression(element)) return;
      let v: Value;
      if (element.dotDotDotToken) {
        let taint: Taint | undefined;
        for (const part of parts.slice(index)) taint = joinTaint(taint, deepTaint(part.value));
        v = makeValue({ taint });
      } else {
        v = parts[index]?.value ?? EMPTY;
      }
      if (element.initializer) v = joinValues(v, this.eval(element.initializer));
      this.bindPattern(element.name, v, element);
    });
  }

  /**
   * An object or array literal written out of literals and module-level variables (or imports, which carry what
   * their modules say) and their fields, however deeply nested: nothing in it comes from a parameter, a call or a
   * spread.
   */
  private holdsConstantsOnly(node: ts.Expression, depth: number): boolean {
    if (depth > 32) return false;
    const e = skipOuter(node);
    if (isPlainLiteral(e)) return true;
    switch (e.kind) {
      case Kind.PrefixUnaryExpression:
        return this.holdsConstantsOnly((e as ts.PrefixUnaryExpression).operand, depth + 1);
      // `formValueSets.birthSexOptions`, `options[options.length - 1]`: a field of a module-level value or an import.
      case Kind.PropertyAccessExpression:
        return this.holdsConstantsOnly((e as ts.PropertyAccessExpression).expression, depth + 1);
      case Kind.ElementAccessExpression:
        return this.holdsConstantsOnly((e as ts.ElementAccessExpression).expression, depth + 1) && this.holdsConstantsOnly((e as ts.ElementAccessExpression).argumentExpression, depth + 1);
      case Kind.BinaryExpression:
        return this.holdsConstantsOnly((e as ts.BinaryExpression).left, depth + 1) && this.holdsConstantsOnly((e as ts.BinaryExpression).right, depth + 1);
      case Kind.ConditionalExpression: {
        const c = e as ts.ConditionalExpression;
        return this.holdsConstantsOnly(c.condition, depth + 1) && this.holdsConstantsOnly(c.whenTrue, depth + 1) && this.holdsConstantsOnly(c.whenFalse, depth + 1);
      }
      case Kind.TemplateExpression:
        return (e as ts.TemplateExpression).templateSpans.every((span) => this.holdsConstantsOnly(span.expression, depth + 1));
      case Kind.Identifier: {
        const binding = this.scope.lookup((e as ts.Identifier).text);
        if (!binding) return (e as ts.Identifier).text === 'undefined';
        if (binding.kind === 'import') return true;
        // A module-level variable with an initializer: its value is in the literal's (no parent pointers here to
        // tell `const` from `let`, nor need: what it holds is evaluated either way).
        const declaration = binding.declaration;
        return binding.owner === 0 && binding.kind === 'var' && isVariableDeclaration(declaration) && declaration.initializer !== undefined;
      }
      // Empty, the whole initializer is a container filled later (`const invoices: StripeInvoice[] = []`): its type
      // says with what. Nested, an empty one is just empty (`triggers: []`).
      case Kind.ObjectLiteralExpression:
        return (depth > 0 || (e as ts.ObjectLiteralExpression).properties.length > 0) && (e as ts.ObjectLiteralExpression).properties.every((property) =>
          isPropertyAssignment(property) ? this.holdsConstantsOnly(property.initializer, depth + 1)
            : isShorthandPropertyAssignment(property) ? this.holdsConstantsOnly(property.name, depth + 1) : false);
      case Kind.ArrayLiteralExpression:
        return (depth > 0 || (e as ts.ArrayLiteralExpression).elements.length > 0) && (e as ts.ArrayLiteralExpression).elements.every((element) => element.kind !== Kind.SpreadElement && this.holdsConstantsOnly(element, depth + 1));
      default:
        return false;
    }
  }

  /**
   * A module-level object or array literal written out of constants (`const observationCodeMapping = { pregnancyStatus:
   * { coding: [{ code: '82810-3' }] } }`) that holds no PHI, client or function once the module has run: its importers
   * read constants from it, as this module does through its known fields (see ExportedValue.constant).
   */
  private isConstantTable(binding: Binding): boolean {
    const declaration = binding.declaration;
    if (binding.kind !== 'var' || binding.owner !== 0 || !isVariableDeclaration(declaration) || !declaration.initializer || !this.moduleScope) return false;
    const initializer = skipOuter(declaration.initializer);
    if (!isObjectLiteralExpression(initializer) && !isArrayLiteralExpression(initializer)) return false;
    const saved = this.scope;
    this.scope = this.moduleScope;
    try {
      return this.holdsConstantsOnly(initializer, 0) && isInertData(binding.global);
    } finally {
      this.scope = saved;
    }
  }

  /** Initializers whose value the code spells out: a name-based source on the variable would be a guess. */
  private isCleanByConstruction(init: ts.Expression): boolean {
    const e = skipOuter(init);
    if (isPlainLiteral(e)) return true;
    switch (e.kind) {
      case Kind.ArrowFunction:
      case Kind.FunctionExpression:
      case Kind.ClassExpression:
      case Kind.ObjectLiteralExpression:
      case Kind.ArrayLiteralExpression:
      case Kind.TypeOfExpression:
      case Kind.JsxElement:
      case Kind.JsxSelfClosingElement:
      case Kind.JsxFragment:
        return true;
      case Kind.PrefixUnaryExpression:
        return (e as ts.PrefixUnaryExpression).operator === Kind.ExclamationToken;
      case Kind.BinaryExpression: {
        const { left, operatorToken, right } = e as ts.BinaryExpression;
        if (COMPARISON_OPERATORS.has(operatorToken.kind)) return true;
        // `process.env.SEED_EMAIL ?? 'admin@example.org'`
        const fallback = operatorToken.kind === Kind.QuestionQuestionToken || operatorToken.kind === Kind.BarBarToken;
        return fallback && this.readsEnvironment(left) && (isPlainLiteral(skipOuter(right)) || this.readsEnvironment(right));
      }
      case Kind.CallExpression: {
        const callee = (e as ts.CallExpression).expression;
        return isIdentifier(callee) && CLEAN_CONSTRUCTORS.has(callee.text);
      }
      case Kind.PropertyAccessExpression:
      case Kind.ElementAccessExpression:
        return this.readsEnvironment(e);
      default:
        return false;
    }
  }

  /**
   * `process.env.SEED_EMAIL`, `process.env['ADMIN_PHONE']`, `import.meta.env.VITE_SUPPORT_EMAIL`: a deployment's
   * configuration, the same for every patient, whatever the variable it is kept in is called (as the environment
   * destructured already was: an API's object).
   */
  private readsEnvironment(node: ts.Expression): boolean {
    const e = skipOuter(node);
    if (!isPropertyAccessExpression(e) && !isElementAccessExpression(e)) return false;
    const env = skipOuter(e.expression);
    if (!isPropertyAccessExpression(env) || env.name.text !== 'env') return false;
    const owner = env.expression;
    if (isIdentifier(owner)) return owner.text === 'process' && !this.scope.lookup('process');
    return isMetaProperty(owner) && owner.keywordToken === Kind.ImportKeyword && owner.name.text === 'meta';
  }

  private phiTagOf: (node: ts.Node) => PhiTag | undefined;

  private hasPhiTag(node: ts.Node): boolean {
    return this.phiTagOf(node) !== undefined;
  }

  /** Binds a declaration's name (or destructuring pattern) to a value; `fieldValue` adjusts the value of each field an
   * object pattern names at its top level (a summarised parameter's fields: bindParameter). */
  private bindPattern(name: ts.BindingName, value: Value, declaration: ts.Node, fieldValue?: (key: string, value: Value) => Value): void {
    if (isIdentifier(name)) {
      const binding = this.scope.lookup(name.text) ?? this.declare(name.text, 'var', declaration);
      const taint = this.stepped(value.taint, 'assignment', name, () => `assigned to \`${name.text}\``);
      this.write(binding, taint === value.taint ? value : withTaint(value, taint));
      return;
    }
    if (isObjectBindingPattern(name)) {
      // `const { address } = location`: the fields are read from the initializer, whose words say whose they are.
      const objectNode = isVariableDeclaration(declaration) && declaration.name === name ? declaration.initializer : undefined;
      for (const element of name.elements) {
        if (element.dotDotDotToken) {
          this.bindPattern(element.name, this.restOf(value, name, element), element);
          continue;
        }
        const key = bindingKey(element);
        let v = key !== undefined ? this.readProperty(value, objectNode, key, element.propertyName ?? element.name) : makeValue({ taint: notRecord(value.taint) });
        if (key !== undefined && fieldValue) v = fieldValue(key, v);
        if (element.initializer) v = joinValues(v, this.eval(element.initializer));
        this.bindPattern(element.name, v, element);
      }
      return;
    }
    if (value.typeName === ENTRY_PAIR || isKeyValueParameter(declaration)) this.recordEntryPair(name);
    // A pair of `Object.entries` gives the key and the value each to its own name, as a written-out array does.
    if (value.typeName === ENTRY_PAIR) {
      this.bindListedElements(name, value);
      return;
    }
    name.elements.forEach((element, index) => {
      if (isOmittedExpression(element)) return;
      // `const [params, setParams] = useSearchParams()`: elements of an API result are API references too.
      let v: Value = value.api ? makeValue({ api: apiMember(value.api, String(index)), taint: value.taint })
        : elementOf(value) ?? makeValue({ taint: value.taint, context: value.context, typeName: value.typeName });
      if (element.initializer) v = joinValues(v, this.eval(element.initializer));
      this.bindPattern(element.name, v, element);
    });
  }

  /**
   * `const { ssn, ...rest } = patient`: `rest` is the object without the fields taken out, when what they are is known
   * (fields written out; a record type of the project, whose PHI a taken field alone declares is not in the rest).
   * The PHI of a record known only by its name stays whole.
   */
  private restOf(value: Value, pattern: ts.ObjectBindingPattern, at: ts.BindingElement): Value {
    const taken = new Set<string>();
    for (const element of pattern.elements) {
      if (element.dotDotDotToken) continue;
      const key = bindingKey(element);
      if (key === undefined) return makeValue({ taint: value.taint, fields: value.fields });
      taken.add(key);
    }
    const fields = value.fields && new Map([...value.fields].filter(([key]) => !taken.has(key)));
    let taint = value.taint;
    const local = value.typeName && !value.typeName.startsWith('fhir:') ? this.localTypes.get(value.typeName) : undefined;
    if (taint && local) {
      const kept = new Set<PhiCategoryId>();
      for (const [key, categories] of local.fields) if (!taken.has(key)) for (const category of categories) kept.add(category);
      const onlyTaken = new Set<PhiCategoryId>();
      for (const key of taken) for (const category of local.fields.get(key) ?? []) if (!kept.has(category)) onlyTaken.add(category);
      if (onlyTaken.size && taint.params.size) {
        // A parameter typed by the record: the rest holds the type's other fields, whatever a caller passes.
        const note = `\`${this.text(at.name)}\`: \`${local.name}\` without ${[...taken].map((key) => `\`${key}\``).join(', ')}`;
        taint = kept.size ? sourceTaint([...kept], { kind: 'type', typeName: local.name }, this.step('source', at.name, note)) : undefined;
      } else if (onlyTaken.size) {
        const categories = new Set([...taint.categories].filter((category) => !onlyTaken.has(category)));
        taint = categories.size ? makeTaint(categories, taint.params, taint.reasons, taint.steps, taint.record, taint.opaque) : undefined;
      }
    }
    return makeValue({ taint, fields, context: value.context, typeName: value.typeName });
  }

  // ---------------------------------------------------------------- functions and classes

  private functionInfo(node: ts.SignatureDeclaration, name: string, cls?: ClassInfo): FunctionInfo {
    const existing = this.functionByNode.get(node);
    if (existing) return existing;
    const fn: FunctionInfo = {
      id: ++this.functionCount, node, name, scope: this.scope, cls: cls ?? this.frame.cls, paramApis: [], fieldParams: [], summary: undefined, analyzing: false,
      unit: undefined, startTick: 0, reads: undefined, effects: false, dependent: false, consumed: false, callees: undefined,
    };
    if (this.tracking) {
      const outermost = this.outermostFunction(node);
      fn.unit = outermost ? this.functionByNode.get(outermost) : fn;
    }
    this.functions.push(fn);
    this.functionByNode.set(node, fn);
    return fn;
  }

  private classInfo(node: ts.ClassLikeDeclaration): ClassInfo {
    const existing = this.classByNode.get(node);
    if (existing) return existing;
    const cls: ClassInfo = { name: node.name?.text ?? 'class', fields: new Map(), methods: new Map(), constructorFields: undefined, unit: this.tracking ? this.unitOf(node) : undefined, changedAt: 0 };
    this.classByNode.set(node, cls);
    this.classByFields.set(cls.fields, cls);
    this.inherit(node, cls);
    const outerCls = this.frame.cls;
    (this.frame as { cls: ClassInfo | undefined }).cls = cls;
    // Its fields' initializers belong to where the class is written, whichever function first needed the class.
    const outerUnit = this.unit;
    this.unit = cls.unit;
    try {
      for (const member of node.members) {
        const memberName = member.name ? propertyNameText(member.name) : undefined;
        if ((isMethodDeclaration(member) || isGetAccessorDeclaration(member) || isSetAccessorDeclaration(member)) && memberName) {
          cls.methods.set(memberName, this.functionInfo(member, `${cls.name}.${memberName}`, cls));
        } else if (isConstructorDeclaration(member)) {
          cls.constructorFields = constructorParameterFields(member);
          const ctor = this.functionInfo(member, `${cls.name} constructor`, cls);
          member.parameters.forEach((p, i) => {
            if (isIdentifier(p.name) && p.type && isParameterPropertyDeclaration(p, member)) {
              const typed = this.typeValue(p.type, p.name);
              if (typed !== EMPTY) cls.fields.set(p.name.text, typed);
              if (typed.api) ctor.paramApis[i] = typed.api;
            }
          });
        } else if (isPropertyDeclaration(member) && memberName) {
          let value = member.initializer ? this.eval(member.initializer) : EMPTY;
          if (member.type) value = joinValues(value, this.typeValue(member.type, member.name));
          if (member.initializer && isFunctionLike(member.initializer)) value = makeValue({ fn: this.functionInfo(member.initializer, `${cls.name}.${memberName}`, cls) });
          if (value !== EMPTY) cls.fields.set(memberName, joinValues(cls.fields.get(memberName) ?? EMPTY, value));
        }
      }
    } finally {
      (this.frame as { cls: ClassInfo | undefined }).cls = outerCls;
      this.unit = outerUnit;
    }
    return cls;
  }

  /** Analyses a function once. `params` binds its parameters to the caller's values instead of symbols: used for
   * inline callbacks (`rows.map((r) => …)`), which have exactly one caller, so fields of a record stay precise. */
  /** `class Repo extends Base`: the base's fields (a logger) and methods, from this file or an imported module. */
  private inherit(node: ts.ClassLikeDeclaration, cls: ClassInfo): void {
    const heritage = node.heritageClauses?.find((h) => h.token === Kind.ExtendsKeyword)?.types[0]?.expression;
    if (!heritage || !isIdentifier(heritage)) return;
    const binding = this.scope.lookup(heritage.text);
    if (!binding) return;
    const declaration = binding.declaration;
    if ((isClassDeclaration(declaration) || isClassExpression(declaration)) && declaration !== node) {
      const base = this.classInfo(declaration);
      for (const [k, v] of base.fields) cls.fields.set(k, v);
      for (const [k, m] of base.methods) cls.methods.set(k, m);
      cls.superMethods = base.methods;
      cls.baseApi = base.baseApi;
    } else if (binding.global.api) {
      cls.baseApi = binding.global.api;
    } else if (binding.kind === 'import' && binding.global.typeName?.startsWith('class:')) {
      const superMethods = new Map<string, FunctionInfo>();
      for (const [k, v] of binding.global.fields ?? []) {
        if (v.fn) {
          cls.methods.set(k, v.fn as FunctionInfo);
          superMethods.set(k, v.fn as FunctionInfo);
        } else cls.fields.set(k, v);
      }
      cls.superMethods = superMethods;
    }
  }

  private summaryOf(fn: FunctionInfo, params?: readonly Value[]): Summary {
    if (fn.summary) return fn.summary;
    if (fn.analyzing) {
      // A recursion: the caller sees an unfinished summary, which a later analysis of either alone would not.
      if (this.tracking) this.dependOn(fn.unit);
      return { returnValue: EMPTY, sinks: [] };
    }
    fn.analyzing = true;
    const summary: Summary = { returnValue: EMPTY, sinks: [] };
    const savedFrame = this.frame;
    const savedScope = this.scope;
    const savedDepth = this.depth;
    const savedUnit = this.unit;
    if (this.tracking) {
      if (params) {
        // An inline callback belongs to the caller's analysis, which gives it the caller's values.
        fn.dependent = true;
        if (fn.unit !== this.unit) this.dependOn(fn.unit);
      } else {
        this.unit = fn.unit;
        if (fn.unit === fn) {
          fn.startTick = this.tick;
          fn.reads = undefined;
          fn.callees = undefined;
        }
      }
    }
    this.frame = { fn, id: fn.id, env: FlowEnv.empty(), summary, summarySinkKeys: new Set(), cls: fn.cls, paramSources: new Map(), paramSteps: new Map(), paramTaints: new Map() };
    this.scope = new Scope(fn.scope, fn.id);
    this.depth = 0;
    try {
      const node = fn.node!;
      node.parameters.forEach((parameter, index) => this.bindParameter(fn, parameter, index, params?.[index]));
      const body = (node as { body?: ts.ConciseBody }).body;
      if (body) {
        if (isBlock(body)) this.execStatements(body.statements);
        else {
          const value = this.eval(body);
          this.checkReturnSinks(value, body);
          summary.returnValue = joinValues(summary.returnValue, withTaint(value, this.stepped(value.taint, 'return', body, () => `returned from \`${fn.name}\``)));
        }
      }
    } finally {
      this.frame = savedFrame;
      this.scope = savedScope;
      this.depth = savedDepth;
      this.unit = savedUnit;
      fn.analyzing = false;
    }
    fn.summary = summary;
    return summary;
  }

  private bindParameter(fn: FunctionInfo, parameter: ts.ParameterDeclaration, index: number, given?: Value): void {
    const label = parameterLabel(parameter.name, index);
    let value: Value;
    const api = fn.paramApis[index];
    if (given) value = withTaint(given, this.stepped(given.taint, 'parameter', parameter.name, () => `parameter \`${label}\` of \`${fn.name}\``));
    else if (api) value = makeValue({ api });
    else {
      const step = this.step('parameter', parameter.name, `parameter \`${label}\` of \`${fn.name}\``);
      this.frame.paramSteps?.set(index, step);
      // A client a call hands it (see bindArgumentApis) is also a parameter: another call may pass data there.
      value = makeValue({ taint: paramTaint(index, step), api: this.clientArguments.get(parameter) });
    }
    // What the parameter's own name or type says is kept apart from what callers pass: sinks inside are reported
    // against it (one leak, one finding, in this function), the summary stays in terms of the parameter so that a
    // caller's argument, not the parameter's name, decides what the return value carries.
    let source: Taint | undefined;
    // A tool's input comes from the model, which has it already: not a source for what the tool returns to it.
    const fromModel = !given && !!fn.returnSinks;
    const schemaTyped = !parameter.type && !fromModel && index === 0 && fn.inputSchema ? this.schemaRecords(fn.inputSchema, undefined, parameter.name, fn.inputHow ?? 'is the input schema') : undefined;
    /** Typed by a record type of the project's own with PHI fields: what it declares, not what its name suggests. */
    let declaredRecord = false;
    if ((parameter.type || schemaTyped) && !fromModel) {
      const typed = schemaTyped ?? this.typeValue(parameter.type!, parameter.name);
      declaredRecord = typed.typeName !== undefined && !!this.localTypes.get(typed.typeName)?.categories.length;
      if (typed.api) value = makeValue({ api: typed.api });
      else if (typed !== EMPTY) {
        if (!given) source = onlyConcrete(typed.taint);
        value = withTaint(typed, given ? joinTaint(typed.taint, value.taint) : value.taint && typed.taint?.record ? asRecord(value.taint) : value.taint);
      }
    }
    // `(location: Location) => …`: declared a resource that is not PHI, as a variable can be (see declaredNotPhi), so
    // what it reads (`location.address`) is not a field callers' arguments are judged by.
    const notPhi = parameter.type && !fromModel ? this.declaredNotPhi(value, parameter.type) : undefined;
    if (notPhi) value = notPhi;
    // A tool's input is what the model sent, fields and all, whatever they are called (`input.mrn`).
    if (fromModel && !value.api) value = makeValue({ taint: value.taint, typeName: MODEL_INPUT });
    if (isIdentifier(parameter.name)) {
      const binding = this.declare(parameter.name.text, 'param', parameter);
      // `patient: Patient` whose fields are a name and a diagnosis carries those, not all a patient record may hold.
      const named = fromModel || declaredRecord ? undefined : this.nameSourceOf(binding, parameter.name);
      if (named && !value.api) {
        if (given) value = withTaint(value, joinTaint(named, value.taint));
        else {
          source = joinTaint(named, source);
          if (named.record && value.taint) value = withTaint(value, asRecord(value.taint));
        }
      }
      if (source && !given && !value.api) {
        this.frame.paramSources?.set(index, source);
        binding.paramSource = source;
      }
      if (!given && !value.api && value.taint) this.frame.paramTaints?.set(value.taint, index);
      binding.nameSource = null;
      this.frame.env.set(binding, value);
      binding.global = joinValues(binding.global, value);
    } else {
      this.declarePattern(parameter.name, 'param', parameter, fromModel);
      // Summarised, each field a pattern names is a parameter of its own (FIELD_PARAM_BASE): callers learn which of
      // the fields they pass (`{ serviceRequest, tasks }`) reaches a sink, not that the whole object does.
      const asFieldParams = !given && isObjectBindingPattern(parameter.name) && value.taint?.params.has(index);
      // The fields of a tool's input are what the model sent, whatever they are called (`{ city }`).
      if (fromModel) this.bindPattern(parameter.name, value, parameter, () => makeValue({ taint: value.taint, typeName: MODEL_INPUT }));
      else this.bindPattern(parameter.name, value, parameter, asFieldParams ? (key, field) => {
        const id = FIELD_PARAM_BASE + fn.fieldParams.length;
        fn.fieldParams.push({ index, key });
        return withTaint(field, withParam(field.taint, index, id));
      } : undefined);
    }
    if (parameter.initializer) this.eval(parameter.initializer);
  }

  /** What a caller passed for a summary's parameter: the argument, or for a destructured one's field (FIELD_PARAM_BASE),
   * the property the caller wrote (`{ serviceRequest }`), else that field of the value, else the whole argument. */
  private argumentFor(fn: FunctionInfo, args: readonly { node: ts.Expression; value: Value }[], param: number): { node: ts.Expression; value: Value } | undefined {
    if (param < FIELD_PARAM_BASE) return args[param];
    const field = fn.fieldParams[param - FIELD_PARAM_BASE];
    const arg = field && args[field.index];
    if (!field || !arg) return undefined;
    if (field.guard) return { node: arg.node, value: makeValue({ taint: deepTaint(this.guardedArgument(arg.value, field, arg.node)) }) };
    const written = arg.value.parts?.find((part) => part.key === field.key);
    if (written && isExpression(written.node)) return { node: written.node, value: written.value };
    const value = NON_PHI_PROPERTIES.has(field.key) ? this.structureFieldOf(arg.value, field.key) : this.fieldOfArgument(arg.value, field.key, arg.node, arg.node);
    return value === arg.value ? arg : { node: arg.node, value: makeValue({ taint: deepTaint(value) }) };
  }

  /** What a caller passed for a summary's parameter, as a value (see FIELD_PARAM_BASE); `at`, where the call is. */
  private argumentValue(fn: FunctionInfo, values: readonly Value[], param: number, at: ts.Node | undefined): Value | undefined {
    if (param < FIELD_PARAM_BASE) return values[param];
    const field = fn.fieldParams[param - FIELD_PARAM_BASE];
    const value = field && values[field.index];
    if (!field || !value) return undefined;
    if (field.guard) return this.guardedArgument(value, field, at);
    return NON_PHI_PROPERTIES.has(field.key) ? this.structureFieldOf(value, field.key) : this.fieldOfArgument(value, field.key, at);
  }

  /**
   * What a caller passes for a parameter's field whose name says structure, not PHI (`opts.system`, `resource.id`; see
   * NON_PHI_PROPERTIES): the field the caller wrote or knows (`{ system: prompt }`); for a parameter of its own passed
   * on as it was given (`(opts) => ask(opts)`), that parameter's field; otherwise nothing: a record's `id` or a
   * coding's `system` is not the record's PHI.
   */
  private structureFieldOf(value: Value, key: string): Value {
    return value.fields ? value.fields.get(key) ?? EMPTY : this.parameterStructureField(value.taint, key);
  }

  /**
   * Field `key` (a name that says structure) of a value whose taint is exactly one of this function's parameters: a
   * field parameter that callers fill (see structureFieldOf), not PHI by the parameter's name; of anything else, nothing.
   */
  private parameterStructureField(taint: Taint | undefined, key: string): Value {
    if (!taint || taint.categories.size || this.frame.paramTaints?.get(taint) === undefined) return EMPTY;
    return makeValue({ taint: this.fieldOfParameter(taint, key, undefined, undefined, true) });
  }

  /**
   * The value of `key` in an argument: a known field; the object's taint when its fields are known and `key` is not
   * one of them; otherwise the field as reading it here would give (a typed argument's field by its type, a record's by
   * its name), so that `f(x)` with `f = (p) => p.key` carries what `x.key` does. Without a place to read it at (a
   * callback's arguments), the whole argument.
   */
  private fieldOfArgument(value: Value, key: string, at: ts.Node | undefined, argument?: ts.Expression): Value {
    if (value.fields) return knownFieldOf(value as Value & { fields: ReadonlyMap<string, Value> }, key);
    if (!at || value.api || value.fn) return value;
    // The argument's words say whose field it is (`showAddress(site)`: a site's address).
    return this.readProperty(value, argument, key, at);
  }

  // ---------------------------------------------------------------- types

  /** What a type annotation says: an API instance (`OpenAI`, `Logger`), a PHI record (`Patient`), or nothing. */
  private typeValue(type: ts.TypeNode, at: ts.Node): Value {
    if (isUnionTypeNode(type) || isIntersectionTypeNode(type)) {
      return type.types.reduce<Value>((acc, t) => joinValues(acc, this.typeValue(t, at)), EMPTY);
    }
    if (isArrayTypeNode(type)) return this.typeValue(type.elementType, at);
    if (isParenthesizedTypeNode(type) || isTypeOperatorNode(type)) return this.typeValue(type.type, at);
    if (isTypeLiteralNode(type)) return this.typeLiteralValue(type, at);
    if (!isTypeReferenceNode(type)) return EMPTY;
    const parts: string[] = [];
    let name: ts.EntityName = type.typeName;
    while (isQualifiedName(name)) {
      parts.unshift(name.right.text);
      name = name.left;
    }
    parts.unshift(name.text);
    const last = parts[parts.length - 1]!;
    if (WRAPPER_TYPES.has(last) && type.typeArguments?.length) {
      return this.typeValue(type.typeArguments[0]!, at);
    }
    // `Record<string, Visit>`, `Map<string, Visit>`: what it holds, as an array of them is (its keys are not PHI).
    if (MAP_TYPES.has(last) && type.typeArguments?.length === 2) return this.typeValue(type.typeArguments[1]!, at);
    // `Bundle<Practitioner>`, `Bundle<Bot | ValueSet>`: a bundle of resources that are not PHI is not PHI either.
    if (last === 'Bundle' && type.typeArguments?.length && type.typeArguments.every((t) => fhirNonPhiTypes(t))) return EMPTY;
    if (type.typeArguments?.length && !this.localTypes.has(last) && !this.names.typeCategories(last)) {
      // `Repository<Patient>`, `Model<PatientDoc>`: a gateway to records, not a record. Marked (no taint) so its name is not read as PHI either.
      const inner = type.typeArguments.reduce<Value>((acc, t) => joinValues(acc, this.typeValue(t, at)), EMPTY);
      if (isTainted(inner.taint)) return makeValue({ context: splitWords(last) });
    }
    const schema = schemaTypeQuery(type);
    if (schema) {
      // `z.infer<typeof VisitSchema>`: the schema's record type.
      const query = schema.exprName;
      const schemaBinding = isIdentifier(query) ? this.scope.lookup(query.text) : undefined;
      this.settle?.(query);
      const records = this.schemaRecords(schemaBinding?.global.typeName, query.getText(this.sourceFile), at, 'is typed by the zod schema');
      if (records !== EMPTY) return records;
    }
    const binding = this.scope.lookup(parts[0]!);
    if (binding?.kind === 'import' && binding.global.typeName === PENDING_MODULE) return PENDING;
    const base = binding?.kind === 'import' ? binding.global.api : undefined;
    if (base) return makeValue({ api: apiMember(parts.slice(1).reduce(apiMember, base), 'new()') });
    // `PouchDB.Database`: a client type a package declares globally, with nothing imported (see AMBIENT_CLIENTS).
    const ambient = !binding && parts.length > 1 ? ambientClient(parts[0]!) : undefined;
    if (ambient) return makeValue({ api: apiMember(apiMember(apiRoot(ambient.module), ambient.export), 'new()') });
    // An injected service of another module (`constructor(private ai: AiService)`): an instance with its methods.
    if (binding?.kind === 'import' && binding.global.typeName?.startsWith('class:')) return makeValue({ fields: binding.global.fields, context: binding.global.context });
    // `type ChartInput = z.infer<typeof ChartInputSchema>` then `input: ChartInput`: the schema's records too.
    const schemaAlias = parts.length === 1 && !this.localTypes.has(last) ? this.schemaAliases().get(last) : undefined;
    if (schemaAlias) return this.typeValue(schemaAlias, at);
    const local = this.localTypes.get(last);
    // A definition or configuration type with no PHI field: marked (no taint) so its fields are not read by name either.
    if (local?.definition && !local.categories.length) return makeValue({ typeName: last, context: splitWords(last) });
    const categories = local?.categories.length ? local.categories : this.names.typeCategories(last);
    if (!local && !categories?.length && FHIR_NON_PHI_RESOURCES.has(last) && !this.namesOwnType(type)) return makeValue(notPhiResource(last));
    if (categories && categories.length) {
      const fhir = !local && Object.hasOwn(FHIR_PHI_RESOURCES, last);
      const reason: SourceReason = { kind: local?.tagged ? 'phi-tag' : 'type', typeName: last, name: last } as SourceReason;
      const note = `\`${this.text(at)}\` is typed \`${last}\`${fhir ? ' (a FHIR resource)' : ''}`;
      return makeValue({ taint: sourceTaint(categories, reason, this.step('source', at, note), true), context: splitWords(last), typeName: local ? last : fhir ? `fhir:${last}` : undefined });
    }
    return EMPTY;
  }

  private readonly schemaAliasesOf = new WeakMap<ts.SourceFile, ReadonlyMap<string, ts.TypeReferenceNode>>();

  /** The file's module-level aliases of a schema's type (`type X = z.infer<typeof S>`, `z.output`, `z.input`). */
  private schemaAliases(): ReadonlyMap<string, ts.TypeReferenceNode> {
    let aliases = this.schemaAliasesOf.get(this.sourceFile);
    if (!aliases) {
      const found = new Map<string, ts.TypeReferenceNode>();
      for (const statement of this.sourceFile.statements) {
        if (isTypeAliasDeclaration(statement) && isTypeReferenceNode(statement.type) && schemaTypeQuery(statement.type)) found.set(statement.name.text, statement.type);
      }
      this.schemaAliasesOf.set(this.sourceFile, (aliases = found));
    }
    return aliases;
  }

  /** `searchTerm: { lastName?: string; dob?: string }`: an inline object type whose fields are PHI. */
  private readonly inlineTypeNames = new WeakMap<ts.Node, string>();
  private inlineTypeCount = 0;

  private typeLiteralValue(type: ts.TypeLiteralNode, at: ts.Node): Value {
    const fields = new Map<string, readonly PhiCategoryId[]>();
    // The annotated name is the context: `patient: { name: string }` has a patient's name.
    const context = isIdentifier(at) ? splitWords(at.text) : [];
    for (const member of type.members) {
      if (!isPropertySignature(member) || !member.name) continue;
      const key = propertyNameText(member.name);
      const verdict = key ? this.names.classify(key, context) : undefined;
      if (key && verdict && !verdict.record) fields.set(key, verdict.categories);
    }
    if (!fields.size) return EMPTY;
    // Named by the node, not its offset: offsets move when an edit elsewhere is analysed alone (reanalyse).
    let name = this.inlineTypeNames.get(type);
    if (!name) this.inlineTypeNames.set(type, (name = `inline:${++this.inlineTypeCount}`));
    const categories = [...new Set([...fields.values()].flat())];
    this.localTypes.set(name, { name: 'an inline type', fields, nestedTypes: new Map(), categories, tagged: false });
    return makeValue({ taint: sourceTaint(categories, { kind: 'type', typeName: 'inline object type' }, this.step('source', at, `\`${this.text(at)}\` has PHI fields (${[...fields.keys()].join(', ')})`), true), typeName: name });
  }

  // ---------------------------------------------------------------- expressions

  eval(node: ts.Expression): Value {
    if (this.depth > MAX_NESTING) {
      this.tooDeepAt ??= node;
      return EMPTY;
    }
    this.depth++;
    try {
      return this.evalInner(node);
    } finally {
      this.depth--;
    }
  }

  private evalInner(node: ts.Expression): Value {
    switch (node.kind) {
      case Kind.Identifier:
        return this.evalIdentifier(node as ts.Identifier);
      case Kind.StringLiteral:
      case Kind.NoSubstitutionTemplateLiteral:
        return makeValue({ str: (node as ts.StringLiteral).text });
      case Kind.ThisKeyword:
        return this.frame.cls ? this.instanceValue(this.frame.cls) : EMPTY;
      case Kind.PropertyAccessExpression: {
        const access = node as ts.PropertyAccessExpression;
        const object = this.eval(access.expression);
        return this.readProperty(object, access.expression, access.name.text, access);
      }
      case Kind.ElementAccessExpression: {
        const access = node as ts.ElementAccessExpression;
        const object = this.eval(access.expression);
        const arg = access.argumentExpression;
        if (isStringLiteral(arg) || isNoSubstitutionTemplateLiteral(arg)) return this.readProperty(object, access.expression, arg.text, access);
        this.eval(arg);
        const element = elementOf(object);
        if (element) return element;
        let taint = object.taint;
        if (object.fields) for (const f of object.fields.values()) taint = joinTaint(taint, f.taint);
        return makeValue({ taint, context: object.context, typeName: object.typeName });
      }
      case Kind.CallExpression:
        return this.evalCall(node as ts.CallExpression);
      case Kind.NewExpression:
        return this.evalNew(node as ts.NewExpression);
      case Kind.TemplateExpression: {
        const template = node as ts.TemplateExpression;
        let taint: Taint | undefined;
        let prefix = template.head.text;
        let prefixOpen = true;
        for (const span of template.templateSpans) {
          const v = this.eval(span.expression);
          taint = joinTaint(taint, this.asText(v));
          if (prefixOpen) {
            if (v.str !== undefined && prefix === '') prefix = v.str + span.literal.text;
            else prefixOpen = false;
          }
        }
        return makeValue({ taint, str: prefix || undefined });
      }
      case Kind.TaggedTemplateExpression: {
        const tagged = node as ts.TaggedTemplateExpression;
        this.eval(tagged.tag);
        return isTemplateExpression(tagged.template) ? makeValue({ taint: this.eval(tagged.template).taint }) : EMPTY;
      }
      case Kind.BinaryExpression:
        return this.evalBinary(node as ts.BinaryExpression);
      case Kind.ConditionalExpression: {
        const c = node as ts.ConditionalExpression;
        this.evalCondition(c.condition);
        return joinValues(this.eval(c.whenTrue), this.eval(c.whenFalse));
      }
      case Kind.AsExpression:
      case Kind.TypeAssertionExpression: {
        // `JSON.parse(body) as LabResultMessage`: the asserted type says what the value is.
        const asserted = node as ts.AsExpression;
        const value = this.eval(asserted.expression);
        const notPhi = this.declaredNotPhi(value, asserted.type);
        if (notPhi) return notPhi;
        const typed = this.typeValue(asserted.type, asserted.expression);
        // What a global function returns (`JSON.parse(…)`, `structuredClone(…)`) is data of unknown shape: the type says
        // what it is (a record, field by field). A client asserted to a type (`new OpenAI() as any`) stays the client.
        const data = isGlobalResult(value);
        if (typed === EMPTY || typed.api || (value.api && !data)) return value;
        return data ? typed : describedBy(value, typed);
      }
      case Kind.ParenthesizedExpression:
      case Kind.NonNullExpression:
      case Kind.SatisfiesExpression:
      case Kind.AwaitExpression:
      case Kind.SpreadElement:
        return this.eval((node as ts.ParenthesizedExpression).expression);
      case Kind.ObjectLiteralExpression:
        return this.evalObject(node as ts.ObjectLiteralExpression);
      case Kind.ArrayLiteralExpression: {
        const parts: LiteralPart[] = [];
        let taint: Taint | undefined;
        let elements: Value | undefined;
        for (const element of (node as ts.ArrayLiteralExpression).elements) {
          const v = this.eval(element);
          parts.push({ key: undefined, node: element, value: v });
          taint = joinTaint(taint, deepTaint(v));
          elements = joinValues(elements ?? EMPTY, element.kind === Kind.SpreadElement ? elementValue(v) : v);
        }
        return makeValue({ taint, parts, element: elements });
      }
      case Kind.ArrowFunction:
      case Kind.FunctionExpression:
        return makeValue({ fn: this.functionInfo(node as ts.SignatureDeclaration, this.functionName(node as ts.FunctionExpression)) });
      case Kind.ClassExpression:
        this.classInfo(node as ts.ClassExpression);
        return EMPTY;
      case Kind.PrefixUnaryExpression:
      case Kind.PostfixUnaryExpression:
        this.eval((node as ts.PrefixUnaryExpression).operand);
        return EMPTY;
      case Kind.TypeOfExpression:
      case Kind.VoidExpression:
      case Kind.DeleteExpression:
        this.eval((node as ts.TypeOfExpression).expression);
        return EMPTY;
      case Kind.YieldExpression: {
        const y = node as ts.YieldExpression;
        return y.expression ? this.eval(y.expression) : EMPTY;
      }
      case Kind.CommaListExpression: {
        let last: Value = EMPTY;
        for (const e of (node as ts.CommaListExpression).elements) last = this.eval(e);
        return last;
      }
      case Kind.JsxElement:
      case Kind.JsxSelfClosingElement:
      case Kind.JsxFragment:
        this.visitJsx(node);
        return EMPTY;
      default:
        return EMPTY;
    }
  }

  /** `const parseOrder = (…) => …`, `{ handler: async (req) => … }`: what a function without a name of its own is
   * assigned to, so that flow steps say "passed to `parseOrder`". */
  private readonly assignedNames = new WeakMap<ts.Node, string>();

  private nameInitializer(initializer: ts.Expression | undefined, name: string | undefined): void {
    if (!initializer || name === undefined) return;
    const inner = skipOuter(initializer);
    if (inner.kind === Kind.ArrowFunction || (inner.kind === Kind.FunctionExpression && !(inner as ts.FunctionExpression).name)) this.assignedNames.set(inner, name);
    // `const saveNote = useCallback((note) => …, [])`: the callback is what the variable calls.
    if (isCallExpression(inner)) {
      const callee = skipOuter(inner.expression);
      const calleeName = isIdentifier(callee) ? callee.text : isPropertyAccessExpression(callee) ? callee.name.text : undefined;
      const index = calleeName === undefined ? undefined : wrappedArgumentOf(calleeName);
      if (index !== undefined && inner.arguments[index]) this.nameInitializer(inner.arguments[index], name);
    }
    // `const VisitSchema = z.object({…}).strict()`: the schema is shown under its variable's name.
    for (let e: ts.Expression = inner; isCallExpression(e) && isPropertyAccessExpression(e.expression); e = skipOuter(e.expression.expression)) {
      if (e.expression.name.text === 'object') this.assignedNames.set(e, name);
    }
  }

  /** `rows.map((r) => …)`: a function written in a call's arguments, with no name of its own, is the `map callback`. */
  private nameCallback(arg: ts.Expression, calleeName: string): void {
    const inner = skipOuter(arg);
    const unnamed = inner.kind === Kind.ArrowFunction || (inner.kind === Kind.FunctionExpression && !(inner as ts.FunctionExpression).name);
    if (unnamed && !this.assignedNames.has(inner)) this.assignedNames.set(inner, `${calleeName} callback`);
  }

  private functionName(node: ts.FunctionExpression | ts.ArrowFunction): string {
    if (isFunctionExpression(node) && node.name) return node.name.text;
    return this.assignedNames.get(node) ?? ANONYMOUS_FUNCTION;
  }

  private visitJsx(node: ts.Node): void {
    const visit = (child: ts.Node): void => {
      if (isJsxExpression(child)) {
        if (child.expression) this.eval(child.expression);
      } else if (isJsxSpreadAttribute(child)) this.eval(child.expression);
      else forEachChild(child, visit);
    };
    forEachChild(node, visit);
  }

  private evalIdentifier(node: ts.Identifier): Value {
    const name = node.text;
    if (name === 'undefined') return EMPTY;
    const binding = this.scope.lookup(name);
    if (binding) return this.read(binding, node, this.unobserved !== undefined && this.unobserved.includes(node));
    if (GLOBAL_ALIASES.has(name)) return makeValue({ api: apiRoot('<global>') });
    // An undeclared name (a global, or a snippet's free variable): judged by its name like any other.
    const verdict = this.names.classify(name);
    return makeValue({ api: apiMember(apiRoot('<global>'), name), taint: verdict ? this.nameTaint(name, verdict, node) : undefined });
  }

  private evalBinary(node: ts.BinaryExpression): Value {
    const op = node.operatorToken.kind;
    if (op === Kind.EqualsToken) {
      const value = this.eval(node.right);
      this.assignTo(node.left, value, node.right);
      return value;
    }
    if (op === Kind.PlusEqualsToken || op === Kind.QuestionQuestionEqualsToken || op === Kind.BarBarEqualsToken) {
      // `text += line;`: the old value is read only to be written back with more (see read).
      const left = skipOuter(node.left);
      const old = node === this.unusedResult && isIdentifier(left) ? this.evalUnobserving(node.left, [left]) : this.eval(node.left);
      const joined = joinValues(old, this.eval(node.right));
      this.assignTo(node.left, joined, node.right);
      return joined;
    }
    // A left-nested chain (`a + b + c + …`: hundreds of terms in generated HTML, CSV or SQL) is walked along its left
    // spine, not by recursion: nested deeper than MAX_NESTING, its first terms (the deepest) would go unread.
    const spine: ts.BinaryExpression[] = [node];
    let leftmost = node.left;
    while (isBinaryExpression(leftmost) && !ASSIGNING_OPERATORS_READ_HERE.has(leftmost.operatorToken.kind)) {
      spine.push(leftmost);
      leftmost = leftmost.left;
    }
    let value = this.eval(leftmost);
    for (let i = spine.length - 1; i >= 0; i--) value = this.combine(spine[i]!.operatorToken.kind, value, this.eval(spine[i]!.right));
    return value;
  }

  /** The value of `left op right` for an operator that assigns nothing (see evalBinary). */
  private combine(op: ts.SyntaxKind, left: Value, right: Value): Value {
    switch (op) {
      case Kind.PlusToken: {
        const str = left.str !== undefined ? left.str + (right.str ?? '') : undefined;
        return makeValue({ taint: joinTaint(this.asText(left), this.asText(right)), str });
      }
      case Kind.BarBarToken:
      case Kind.QuestionQuestionToken:
        return joinValues(left, right);
      case Kind.AmpersandAmpersandToken:
        return right;
      case Kind.CommaToken:
        return right;
      default:
        return EMPTY;
    }
  }

  /**
   * What a value puts into a string it is interpolated or concatenated into. An object of a known type (a FHIR resource,
   * an interface of the project) becomes `[object Object]`: none of its fields reach the text (`Error: result
   * ${result} has no id`), as they would through `JSON.stringify` or a logger given the object itself.
   */
  private asText(v: Value): Taint | undefined {
    const typeName = v.typeName;
    if (typeName !== undefined && v.str === undefined && (typeName.startsWith('fhir:') || this.localTypes.has(typeName.startsWith('type:') ? typeName.slice(5) : typeName))) return undefined;
    return notRecord(deepTaint(v));
  }

  private evalObject(node: ts.ObjectLiteralExpression): Value {
    const fields = new Map<string, Value>();
    const parts: LiteralPart[] = [];
    let taint: Taint | undefined;
    for (const property of node.properties) {
      if (isPropertyAssignment(property)) {
        const key = propertyNameText(property.name);
        if (!key && isComputedPropertyName(property.name)) this.eval(property.name.expression);
        this.nameInitializer(property.initializer, key);
        const v = this.eval(property.initializer);
        if (key !== undefined) fields.set(key, v);
        parts.push({ key, node: property.initializer, value: v });
        if (key === undefined) taint = joinTaint(taint, deepTaint(v));
      } else if (isShorthandPropertyAssignment(property)) {
        const v = this.evalIdentifier(property.name);
        fields.set(property.name.text, v);
        parts.push({ key: property.name.text, node: property.name, value: v });
      } else if (isSpreadAssignment(property)) {
        const v = this.eval(property.expression);
        if (v.fields) for (const [k, f] of v.fields) fields.set(k, f);
        taint = joinTaint(taint, v.taint);
        parts.push({ key: undefined, node: property.expression, value: v });
      } else if (isMethodDeclaration(property) || isGetAccessorDeclaration(property)) {
        const key = propertyNameText(property.name);
        const fn = this.functionInfo(property, key ?? 'method');
        if (key) fields.set(key, makeValue({ fn }));
      }
    }
    return makeValue({ taint, fields, parts });
  }

  /**
   * `const address = location.address`: a name that says PHI alone but not in its object's words (an organisation's
   * or a place's contact details) keeps those words, so that what is read from it later (`address.city`) is judged as
   * the organisation's too.
   */
  private organisationWords(key: string, context: () => string[]): string[] | undefined {
    return mayDependOnContext(key) && this.names.classify(key) ? [...context(), ...splitWords(key)] : undefined;
  }

  /** Reads `object.key`: API paths, known fields, names that say PHI, typed records, then the object's own taint. */
  private readProperty(object: Value, objectNode: ts.Expression | undefined, key: string, at: ts.Node): Value {
    if (object.api) {
      const api = object.api;
      if (api.typeArg !== undefined && this.typedMember(api, key) === 'value') return this.typedData(api.typeArg, at);
      if (api.module === '<global>' && api.path.length === 0 && key !== 'console') return makeValue({ api: apiMember(api, key) });
      // An AI response derived from PHI is PHI, field by field; request objects handed to callbacks (`req.body.ssn`) are judged by name.
      let taint = isTainted(object.taint) && !object.taint.record && !NON_PHI_PROPERTIES.has(key) ? object.taint : undefined;
      // A field of a constant of a package (`ROUTER_PATH.VITALS`, `CONFIG.email`) is configuration, as for local ones.
      if ((api.path.length > 1 || api.module === '<global>') && !(objectNode && rootsAtConstant(objectNode))) {
        const verdict = this.names.classify(key, () => (objectNode ? this.contextWords(objectNode) : []));
        if (verdict) taint = joinTaint(this.nameTaint(objectNode ? `${this.text(objectNode)}.${key}` : key, verdict, at), taint);
      }
      return makeValue({ api: apiMember(api, key), taint });
    }
    // A member of an enum or of an imported constant table is a constant, and so is what is read from it (unless the
    // constant was joined with PHI: `return cond ? DEFAULT_ITEMS : patientItems`).
    if (object.typeName === ENUM) return isTainted(object.taint) ? EMPTY : CONSTANT;
    if (object.fn || object.typeName === PENDING_MODULE) return EMPTY;
    if (object.typeName === MODEL_INPUT) return object.fields?.get(key) ?? object;
    if (object.typeName?.startsWith(GUARDED) && !object.fields) return this.guardedField(object, key);
    const field = object.fields?.get(key);
    if (field) return field;
    if (object.sanitized) return makeValue({ sanitized: true });
    if (object.typeName?.startsWith(NOT_PHI_RESOURCE)) return makeValue({ typeName: object.typeName, context: object.context });
    const context = (): string[] => [...(objectNode ? this.contextWords(objectNode) : []), ...(object.context ?? [])];
    const local = object.typeName && !object.typeName.startsWith('fhir:') ? this.localTypes.get(object.typeName) : undefined;
    if (local) {
      const categories = local.fields.get(key);
      const nested = local.nestedTypes.get(key);
      if (categories?.length) {
        // A field typed by another record type (`claims: ClaimItem[]`) keeps that type, so its own fields stay apart (`claim.encounterId`).
        const typed = nested ? this.typeValue(nested, at) : undefined;
        const importedType = typed ? undefined : local.nestedTypeNames?.get(key);
        const taint = withStep(sourceTaint(categories, { kind: 'type', typeName: local.name }, this.step('source', at, `\`${this.text(at)}\`: field \`${key}\` of \`${local.name}\``)), this.step('property', at, 'read'));
        return makeValue({ taint, typeName: typed?.typeName ?? importedType, context: typed?.context ?? (importedType ? splitWords(key) : undefined) });
      }
      if (nested) return this.typeValue(nested, at);
      return EMPTY;
    }
    // A field of a constant (`BUCKET_NAMES.VISIT_NOTES`, `BRANDING_CONFIG.email`) is configuration, whatever its name.
    const verdict = objectNode && rootsAtConstant(objectNode) ? undefined : this.names.classify(key, context);
    if (verdict) return makeValue({ taint: this.nameTaint(objectNode ? `${this.text(objectNode)}.${key}` : key, verdict, at), context: verdict.record ? splitWords(key) : undefined });
    const taint = object.taint;
    if (!isTainted(taint) || taint.opaque) {
      const owner = this.organisationWords(key, context);
      return owner ? makeValue({ context: owner }) : EMPTY;
    }
    if (object.typeName?.startsWith('fhir:') || taint.record) {
      if (NON_PHI_PROPERTIES.has(key)) return EMPTY;
      const element = ownProperty(FHIR_ELEMENT_CATEGORIES, key);
      if (element) {
        // Exactly a parameter's (`patient.telecom` in `(patient: Patient) => …`): a field parameter of its own, whose
        // source is the element's PHI, not the whole record's (see fieldOfParameter).
        const base: Taint = taint.categories.size ? taint : this.fieldOfParameter(taint, key, element);
        const categories: ReadonlySet<PhiCategoryId> = base.categories.size ? new Set<PhiCategoryId>(element) : base.categories;
        const typeName = FHIR_NESTED_ELEMENTS.has(key) ? object.typeName : undefined;
        return makeValue({ taint: withStep(makeTaint(categories, base.params, base.reasons, base.steps, element === PERSON_RECORD_CATEGORIES, base.opaque), this.step('property', at, `reads \`${IDENTIFIER.test(key) ? key : maskValue(key)}\``)), context: object.context, typeName });
      }
      if (CONTAINER_PROPERTIES.has(key)) return makeValue({ taint: this.fieldOfParameter(taint, key), context: object.context });
      return EMPTY;
    }
    // A parameter's field holds what each caller passes for it (`opts.system` of `ask({ system: prompt })`).
    if (NON_PHI_PROPERTIES.has(key)) return this.parameterStructureField(taint, key);
    return makeValue({ taint: this.fieldOfParameter(taint, key), context: this.organisationWords(key, context) ?? object.context });
  }

  /**
   * The generic function of a TYPED_DATA library a call is of (`useForm` imported from react-hook-form, or read from
   * its namespace import), as an API reference; such a library's imports are not API references otherwise.
   */
  private typedDataCall(callee: ts.Expression): ApiRef | undefined {
    const e = skipOuter(callee);
    const [local, member] = isIdentifier(e) ? [e, undefined] : isPropertyAccessExpression(e) && isIdentifier(e.expression) ? [e.expression, e.name.text] : [undefined, undefined];
    const binding = local && this.scope.lookup(local.text);
    if (binding?.kind !== 'import' || !binding.module) return undefined;
    const declaration = binding.declaration;
    const exported = isImportSpecifier(declaration) ? (declaration.propertyName ?? declaration.name).text : isNamespaceImport(declaration) ? undefined : 'default';
    const path = [exported, member].filter((segment): segment is string => segment !== undefined);
    if (path.length === 0) return undefined;
    const ref = apiPath(binding.module, path);
    return typedDataOf(ref) ? ref : undefined;
  }

  /** How the result of a typed generic call (`useForm<T>()`, ref `result`) hands its data out through `key`. */
  private typedMember(result: ApiRef, key: string): 'value' | 'returns' | 'callback' | undefined {
    if (result.path[result.path.length - 1] !== '()') return undefined;
    const entry = typedDataOf(apiPath(result.module, result.path.slice(0, -1)));
    return entry && Object.hasOwn(entry.members, key) ? entry.members[key] : undefined;
  }

  /** A callback a typed library calls with its data (`handleSubmit((data) => …)`): its first parameter is that data. */
  private typeCallbackInput(value: Value | undefined, typeName: string): void {
    const fn = value?.fn as FunctionInfo | undefined;
    if (!fn?.node || fn.summary || fn.inputSchema) return;
    fn.inputSchema = typeName;
    fn.inputHow = 'is the data typed';
  }

  /** The data a typed library hands out: records of the project's type `typeName`. */
  private typedData(typeName: string, at: ts.Node): Value {
    return this.schemaRecords(typeName, undefined, at, 'is the data typed');
  }

  /** `[key, value]` of an `Object.entries` pair (or a parameter typed `[string, …]`): see narrowEntryValue. */
  private recordEntryPair(pattern: ts.ArrayBindingPattern): void {
    const [key, value] = pattern.elements;
    if (pattern.elements.length !== 2 || !key || !value || isOmittedExpression(key) || isOmittedExpression(value)) return;
    if (!isIdentifier(key.name) || !isIdentifier(value.name) || value.dotDotDotToken) return;
    const keyBinding = this.scope.lookup(key.name.text);
    const valueBinding = this.scope.lookup(value.name.text);
    if (!keyBinding || !valueBinding) return;
    this.entryValues.set(keyBinding, valueBinding);
    this.entryPairsSeen = true;
  }

  /**
   * Where a condition says which keys a pair's key is (see KeyGuard), the pair's value is what those fields of an
   * object carrying its PHI are: a URL or a path is not the record's PHI, an `email` still is.
   */
  private narrowEntryValue(guard: KeyGuard | undefined, at: ts.Node): void {
    if (!guard) return;
    const keyBinding = this.scope.lookup(guard.name);
    const valueBinding = keyBinding && this.entryValues.get(keyBinding);
    if (!valueBinding || valueBinding.owner !== this.frame.id) return;
    const value = this.frame.env.get(valueBinding) ?? valueBinding.global;
    if (!isTainted(value.taint) || value.fields || value.api || value.fn) return;
    const object = makeValue({ taint: value.taint, context: value.context, typeName: value.typeName });
    const narrowed = guard.keys.reduce((joined, key) => joinValues(joined, this.readProperty(object, undefined, key, at)), EMPTY);
    this.frame.env.set(valueBinding, narrowed);
  }

  /**
   * In a branch where `p.resourceType === 'MedicationRequest'`, a parameter `p` that is PHI only by what callers pass
   * is that resource: a field read from it (`p.medicationCodeableConcept`) is what a caller's argument has there if it
   * is one (a guarded field parameter, see guardedArgument), not PHI by its name for every caller of the function
   * (medplum's `getDisplayString(resource)`, called with users, bots and projects). Returns what undoes it.
   */
  private guardParameters(guards: readonly { name: string; resource: string }[]): () => void {
    const undo: (() => void)[] = [];
    for (const { name, resource } of guards) {
      const binding = this.scope.lookup(name);
      // `if (resource.resourceType === 'StructureDefinition') log(resource.name)`: in the branch, a variable of this
      // function is that resource, which is not PHI.
      if (binding?.kind === 'var' && binding.owner === this.frame.id && FHIR_NON_PHI_RESOURCES.has(resource)) {
        const value = this.frame.env.get(binding) ?? binding.global;
        const narrowed = withoutTaint(value);
        const nameSource = binding.nameSource;
        this.frame.env.set(binding, narrowed);
        binding.nameSource = null;
        undo.push(() => {
          binding.nameSource = nameSource;
          if (this.frame.env.get(binding) === narrowed) this.frame.env.set(binding, value);
        });
        continue;
      }
      if (!binding || binding.kind !== 'param' || binding.owner !== this.frame.id || binding.paramSource) continue;
      const value = this.frame.env.get(binding);
      if (!value?.taint || value.typeName || value.fields || value.api || !this.frame.paramTaints?.has(value.taint)) continue;
      const guarded = makeValue({ taint: value.taint, typeName: GUARDED + resource, context: value.context });
      this.frame.env.set(binding, guarded);
      undo.push(() => {
        if (this.frame.env.get(binding) === guarded) this.frame.env.set(binding, value);
      });
    }
    return () => undo.forEach((run) => run());
  }

  /** Field `key` of a guarded parameter (see guardParameters): none of a resource that is not PHI. */
  private guardedField(object: Value, key: string): Value {
    const resource = object.typeName!.slice(GUARDED.length);
    if (FHIR_NON_PHI_RESOURCES.has(resource) || NON_PHI_PROPERTIES.has(key) || !object.taint) return EMPTY;
    const taint = this.fieldOfParameter(object.taint, key, undefined, resource);
    return taint === object.taint ? EMPTY : makeValue({ taint });
  }

  /**
   * What a caller passed for a guarded field parameter: the field of an argument that is that resource (typed so,
   * or written with that `resourceType`) or may be (PHI of its own, judged as reading it here would); none of another
   * resource or of a value with nothing in it; a guarded field of the caller's own parameter in turn.
   */
  private guardedArgument(value: Value, field: FieldParam, at: ts.Node | undefined): Value {
    const guard = field.guard!;
    const written = value.fields?.get('resourceType')?.str;
    if (written !== undefined) return written === guard ? this.fieldOfArgument(value, field.key, at) : EMPTY;
    if (value.typeName === `fhir:${guard}`) return this.fieldOfArgument(value, field.key, at);
    if (value.typeName?.startsWith('fhir:') || value.typeName?.startsWith(GUARDED)) {
      return value.typeName === GUARDED + guard ? this.guardedField(value, field.key) : EMPTY;
    }
    if (value.taint && this.frame.paramTaints?.has(value.taint) && !value.fields) {
      const taint = this.fieldOfParameter(value.taint, field.key, undefined, guard);
      return taint === value.taint ? EMPTY : makeValue({ taint });
    }
    return hasConcrete(value.taint) ? this.fieldOfArgument(value, field.key, at) : EMPTY;
  }

  /**
   * `taint` read as field `key`: when it is exactly a parameter's (`input.reference` in `(input) => input.reference`),
   * the field is a parameter of its own (FIELD_PARAM_BASE), so that a caller's argument decides what it carries
   * (`getProject(context)` gives `context.projectId`, not every field of `context`), as reading it there would.
   * A parameter that is PHI by its name or type passes that on to the field (`categories`, when known, what the field
   * carries: a FHIR element's), so that sinks inside still report it, once.
   */
  private fieldOfParameter(taint: Taint, key: string, categories?: readonly PhiCategoryId[], guard?: string, structure = false): Taint {
    const index = this.frame.paramTaints?.get(taint);
    const fn = this.frame.fn;
    if (index === undefined || !fn) return taint;
    let field = fn.fieldParams.findIndex((f) => f.index === index && f.key === key && f.guard === guard);
    if (field < 0) field = fn.fieldParams.push(guard ? { index, key, guard } : { index, key }) - 1;
    const id = FIELD_PARAM_BASE + field;
    const sources = this.frame.paramSources;
    const source = sources?.get(index);
    // A field whose name says structure (`prescription.id`) is not PHI by its parameter's name, only by what callers pass.
    if (sources && source && !structure && !sources.has(id)) {
      sources.set(id, categories ? makeTaint(new Set(categories), source.params, source.reasons, source.steps, categories === PERSON_RECORD_CATEGORIES, source.opaque) : source);
    }
    return withParam(taint, index, id)!;
  }

  /** Words of the object a property is read from: `patient` in `req.body.patient.name`, `getPatient()`. */
  private contextWords(node: ts.Expression): string[] {
    const e = skipOuter(node);
    if (isIdentifier(e)) return splitWords(e.text);
    // `location.address` in `location.address.city`: whose address it is, not only that it is one.
    if (isPropertyAccessExpression(e)) return [...this.ownerWords(e.expression), ...splitWords(e.name.text)];
    if (isElementAccessExpression(e)) return this.contextWords(e.expression);
    if (isCallExpression(e)) {
      const callee = skipOuter(e.expression);
      if (isIdentifier(callee)) return splitWords(callee.text);
      if (isPropertyAccessExpression(callee)) return [...splitWords(callee.name.text), ...this.contextWords(callee.expression)];
    }
    return [];
  }

  /** The names of the objects a property is read through (`practice.location` in `practice.location.address`), the
   * nearest last, at most OWNER_DEPTH of them. */
  private ownerWords(node: ts.Expression): string[] {
    const names: string[] = [];
    let e = skipOuter(node);
    while (isPropertyAccessExpression(e) && names.length < OWNER_DEPTH) {
      names.unshift(e.name.text);
      e = skipOuter(e.expression);
    }
    if (isIdentifier(e) && names.length < OWNER_DEPTH) names.unshift(e.text);
    return names.flatMap(splitWords);
  }

  // ---------------------------------------------------------------- assignments

  /** `module.exports = DraftStore`, `module.exports = { DraftStore }`, `exports.DraftStore = DraftStore`: the classes. */
  private noteCommonJsClasses(name: string, valueNode: ts.Node | undefined): void {
    const classNamed = (identifier: ts.Node): ClassInfo | undefined => {
      const declaration = isIdentifier(identifier) ? this.scope.lookup(identifier.text)?.declaration : undefined;
      return declaration && (isClassDeclaration(declaration) || isClassExpression(declaration)) ? this.classInfo(declaration) : undefined;
    };
    const node = valueNode && isExpression(valueNode) ? skipOuter(valueNode) : undefined;
    if (!node) return;
    const whole = classNamed(node);
    if (whole) this.commonJsClasses.set(name === '' ? 'default' : name, whole);
    if (name !== '' || !isObjectLiteralExpression(node)) return;
    for (const property of node.properties) {
      const cls = isShorthandPropertyAssignment(property) ? classNamed(property.name) : isPropertyAssignment(property) ? classNamed(skipOuter(property.initializer)) : undefined;
      const key = cls && property.name ? propertyNameText(property.name) : undefined;
      if (cls && key) this.commonJsClasses.set(key, cls);
    }
  }

  private assignTo(target: ts.Expression | ts.ForInitializer, value: Value, valueNode?: ts.Node): void {
    if (!isExpression(target)) return;
    const t = skipOuter(target);
    const commonJs = this.commonJsExportName(t);
    if (commonJs !== undefined) {
      if (this.tracking) this.moduleStateChanged(undefined);
      if (commonJs === '') {
        this.defaultExport = value;
        if (value.fields) for (const [k, v] of value.fields) this.commonJsExports.set(k, v);
      } else this.commonJsExports.set(commonJs, value);
      this.noteCommonJsClasses(commonJs, valueNode);
      return;
    }
    if (isIdentifier(t)) {
      const binding = this.scope.lookup(t.text);
      if (binding) {
        const taint = this.stepped(value.taint, 'assignment', t, () => `assigned to \`${t.text}\``);
        this.write(binding, withTaint(value, taint));
      } else this.checkAssignSink(apiMember(apiRoot('<global>'), t.text), value, valueNode ?? t);
      return;
    }
    if (isPropertyAccessExpression(t) || isElementAccessExpression(t)) {
      const key = isPropertyAccessExpression(t) ? t.name.text : isStringLiteral(t.argumentExpression) ? t.argumentExpression.text : undefined;
      const objectNode = skipOuter(t.expression);
      if (objectNode.kind === Kind.ThisKeyword && this.frame.cls && key) {
        const cls = this.frame.cls;
        const old = cls.fields.get(key) ?? EMPTY;
        const shared = this.materialize(value);
        const merged = joinValues(old, withTaint(shared, this.stepped(shared.taint, 'assignment', t, () => `stored in \`this.${key}\``)));
        if (isTainted(value.taint) && !isTainted(old.taint)) this.stale = this.stale || this.functions.some((f) => f.summary && f.cls === cls);
        cls.fields.set(key, merged);
        this.loopCarriedWrites++;
        if (this.tracking && cls.unit !== this.unit) this.moduleStateChanged(cls);
        return;
      }
      // Read for whether it is an API (`window.location.href = …`): a closure that adds a key to a captured object
      // observes nothing of it (see read).
      const objectRoot = this.rootIdentifier(t.expression);
      const object = objectRoot ? this.evalUnobserving(t.expression, [objectRoot]) : this.eval(t.expression);
      if (object.api && key) {
        this.checkAssignSink(apiMember(object.api, key), value, valueNode ?? t);
        return;
      }
      if (isElementAccessExpression(t)) this.eval(t.argumentExpression);
      // obj.key = v: the object now carries v (field-precise for a local variable).
      const root = this.rootIdentifier(objectNode);
      if (root) {
        const binding = this.scope.lookup(root.text);
        if (binding && binding.kind !== 'import' && binding.kind !== 'function') {
          const current = this.read(binding, root, true);
          if (root === objectNode && key) {
            const fields = new Map(current.fields ?? []);
            fields.set(key, value);
            this.write(binding, makeValue({ ...current, fields }));
          } else if (isTainted(value.taint)) {
            this.write(binding, withTaint(current, joinTaint(current.taint, notRecord(value.taint))));
          }
        }
      }
    }
    if (isObjectLiteralExpression(t)) {
      for (const p of t.properties) {
        if (isShorthandPropertyAssignment(p)) this.assignTo(p.name, this.readProperty(value, undefined, p.name.text, p.name));
        else if (isPropertyAssignment(p)) {
          const key = propertyNameText(p.name);
          if (key) this.assignTo(p.initializer, this.readProperty(value, undefined, key, p.name));
        }
      }
    } else if (isArrayLiteralExpression(t)) {
      for (const e of t.elements) this.assignTo(e, makeValue({ taint: value.taint }));
    }
  }

  private rootIdentifier(node: ts.Expression): ts.Identifier | undefined {
    let e = skipOuter(node);
    while (isPropertyAccessExpression(e) || isElementAccessExpression(e)) e = skipOuter(e.expression);
    return isIdentifier(e) ? e : undefined;
  }

  private checkAssignSink(ref: ApiRef, value: Value, valueNode: ts.Node): void {
    const ref2 = this.stripGlobalAlias(ref);
    for (const entry of findSinks(ref2, 'assign')) {
      const descriptor = this.descriptor(entry, ref2);
      this.sinkSite(descriptor, valueNode);
      this.reportValue(descriptor, value, valueNode, valueNode);
    }
  }

  private stripGlobalAlias(ref: ApiRef): ApiRef {
    if (ref.module !== '<global>') return ref;
    let path = ref.path;
    while (path.length > 1 && GLOBAL_ALIASES.has(path[0]!)) path = path.slice(1);
    return path === ref.path ? ref : apiPath(ref.module, path);
  }

  // ---------------------------------------------------------------- calls

  private evalArgs(args: readonly ts.Expression[] | undefined): { node: ts.Expression; value: Value }[] {
    return (args ?? []).map((node) => ({ node, value: this.eval(node) }));
  }

  private evalNew(node: ts.NewExpression): Value {
    const callee = this.eval(node.expression);
    const args = this.evalArgs(node.arguments);
    if (callee.typeName?.startsWith('class:')) return makeValue({ fields: this.constructedFields(callee, args), context: callee.context });
    if (callee.typeName === PENDING_MODULE) {
      this.bindCallbacks(undefined, args);
      return PENDING;
    }
    const calleeNode = skipOuter(node.expression);
    if (callee.api) {
      const api = this.stripGlobalAlias(callee.api);
      // `new Map()`, `new Set(ids)`: a plain collection, no API; what is added to it later (`m.set(k, ssn)`) taints it.
      if (api.module === '<global>' && api.path.length === 1 && COLLECTION_CONSTRUCTORS.has(api.path[0]!)) return makeValue({ taint: opaque(this.argsTaint(args)) });
      const ctor = api.path.length === 0 ? apiMember(api, 'default') : api;
      const aiTaint = this.checkCallSinks(ctor, 'new', args, node);
      // `new DynamicStructuredTool({ func })`: a tool built by a constructor returns to the model as one made by a call does.
      const returnSinks = catalogForCall(ctor).returnSinks;
      if (returnSinks.length) this.markReturnSinks(ctor, returnSinks, args, node);
      if (api.module === '<global>' && api.path.length === 1 && api.path[0] === 'Promise') this.runExecutor(node.arguments?.[0]);
      this.bindCallbacks(ctor, args);
      // A model command built from PHI (`new ConverseCommand({ messages })`): what the client returns for it is PHI too.
      const taint = aiTaint ? withStep(aiTaint, this.step('ai-response', node, 'the model response is derived from PHI')) : opaque(this.argsTaint(args));
      return makeValue({ api: apiMember(ctor, 'new()'), taint });
    }
    if (isIdentifier(calleeNode)) {
      const binding = this.scope.lookup(calleeNode.text);
      const declaration = binding?.declaration;
      if (declaration && (isClassDeclaration(declaration) || isClassExpression(declaration))) {
        const cls = this.classInfo(declaration);
        const ctor = declaration.members.find(isConstructorDeclaration);
        if (ctor) this.applySummary(this.functionInfo(ctor, `${cls.name} constructor`, cls), args, node);
        return this.instanceValue(cls);
      }
    }
    return makeValue({ taint: opaque(this.argsTaint(args)) });
  }

  /** `new DraftStore(db)` of a class of another module whose constructor keeps `db` in a field: that field is the client
   * `db` is, for the receiver calls of the class's methods (see applyReceiverCalls). */
  private constructedFields(cls: Value, args: readonly { value: Value }[]): ReadonlyMap<string, Value> | undefined {
    const byField = cls.fields && this.importedConstructorFields.get(cls.fields);
    if (!byField) return cls.fields;
    let fields: Map<string, Value> | undefined;
    for (const [field, index] of Object.entries(byField)) {
      const api = args[index] && clientApi(args[index].value);
      if (api) (fields ??= new Map(cls.fields)).set(field, makeValue({ api }));
    }
    return fields ?? cls.fields;
  }

  /** An instance of a class of this file: its fields, its name as context, and the library class it extends. */
  private instanceValue(cls: ClassInfo): Value {
    if (this.tracking && this.unit && cls.unit !== this.unit) this.readModuleState(cls);
    const api = cls.baseApi && apiMember(cls.baseApi.path.length ? cls.baseApi : apiMember(cls.baseApi, 'default'), 'new()');
    return makeValue({ fields: cls.fields, context: splitWords(cls.name), api });
  }

  private argsTaint(args: readonly { value: Value }[]): Taint | undefined {
    let taint: Taint | undefined;
    for (const a of args) taint = joinTaint(taint, notRecord(deepTaint(a.value)));
    return taint;
  }

  private evalCall(node: ts.CallExpression): Value {
    const resultUnused = node === this.unusedResult;
    const calleeNode = skipOuter(node.expression);
    if (isIdentifier(calleeNode) && calleeNode.text === 'require' && node.arguments.length === 1 && isStringLiteral(node.arguments[0]!)) {
      const module = normalizeModule(node.arguments[0].text);
      if (isCatalogModule(module)) return makeValue({ api: apiRoot(module) });
      const summary = this.imports?.(node.arguments[0].text);
      if (!summary) return EMPTY;
      if (summary.pending) return PENDING;
      // `module.exports = function setCookie(…) {…}`, `module.exports = DraftStore`: `require` gives it itself.
      const exported = Object.keys(summary.exports);
      const only = exported.length === 1 && exported[0] === 'default' ? summary.exports.default : undefined;
      return only?.kind === 'function' || only?.kind === 'class' ? this.importedValue(only, 'default', summary) : this.namespaceValue(summary);
    }
    const cloned = this.deepCopyOf(node);
    if (cloned) return cloned;
    if (node.expression.kind === Kind.ImportKeyword && node.arguments[0] && isStringLiteral(node.arguments[0])) {
      const module = normalizeModule(node.arguments[0].text);
      return isCatalogModule(module) ? makeValue({ api: apiRoot(module) }) : EMPTY;
    }
    let receiver: Value | undefined;
    let receiverNode: ts.Expression | undefined;
    let method: string | undefined;
    let callee: Value;
    if (isPropertyAccessExpression(calleeNode) || (isElementAccessExpression(calleeNode) && isStringLiteral(calleeNode.argumentExpression))) {
      receiverNode = calleeNode.expression;
      method = isPropertyAccessExpression(calleeNode) ? calleeNode.name.text : (calleeNode.argumentExpression as ts.StringLiteral).text;
      // `list.push(x);`, `list.includes(x)`: the list is read only to add to it (the call's result, which would carry
      // it, is dropped) or to test it (the result is a boolean or an index), unless the call turns out to be the list's
      // own method or an API's, which see the list.
      const onlyUpdatedOrTested = ((resultUnused || LENGTH_RETURNING_METHODS.has(method)) && MUTATING_METHODS.has(method)) || (PREDICATE_METHODS.has(method) && !CALLBACK_ELEMENT_METHODS.has(method));
      const unobservedRoot = onlyUpdatedOrTested ? this.rootIdentifier(receiverNode) : undefined;
      receiver = unobservedRoot ? this.evalUnobserving(receiverNode, [unobservedRoot]) : this.eval(receiverNode);
      callee = receiver.api || receiver.fields?.has(method) ? this.readProperty(receiver, receiverNode, method, calleeNode) : EMPTY;
      if (!callee.fn && receiverNode.kind === Kind.ThisKeyword && this.frame.cls) {
        const m = this.frame.cls.methods.get(method);
        if (m) callee = makeValue({ fn: m });
      }
      // `super.save(entity)` in an override: the base class's method.
      if (!callee.fn && receiverNode.kind === Kind.SuperKeyword && this.frame.cls) {
        const m = this.frame.cls.superMethods?.get(method);
        if (m) callee = makeValue({ fn: m });
      }
      if (!callee.fn && !callee.api && receiver.fields) {
        // an instance of a class of this file (`new Repo(…).read(…)`): its method, not a guess from all its fields
        const m = this.classByFields.get(receiver.fields)?.methods.get(method);
        if (m) callee = makeValue({ fn: m });
      }
      if (!callee.fn && !callee.api && receiver.fields === undefined && receiver.context && isIdentifier(skipOuter(receiverNode))) {
        // instance of a local class: its methods
        const cls = [...this.classByNode.values()].find((c) => receiver!.context!.join('') === splitWords(c.name).join(''));
        const m = cls?.methods.get(method);
        if (m) callee = makeValue({ fn: m });
      }
      if (unobservedRoot && (receiver.api || callee.api || callee.fn || receiver.fields?.get(method)?.fn)) this.observedByClosure(unobservedRoot);
    } else {
      callee = this.eval(calleeNode);
    }
    const calleeName = method ?? (isIdentifier(calleeNode) ? calleeNode.text : undefined);
    if (calleeName !== undefined) for (const arg of node.arguments) this.nameCallback(arg, calleeName);
    const args = this.evalArgs(node.arguments);
    const result = this.evalCallWith(node, callee, receiver, receiverNode, method, args, calleeName);
    if (!node.typeArguments?.length) return result;
    // `useForm<IntakeForm>()`: the type goes with the result's members, which hand the data out (see TYPED_DATA).
    const generic = callee.api && typedDataOf(callee.api) ? callee.api : this.typedDataCall(node.expression);
    if (generic) {
      const typeName = typeRefName(node.typeArguments[0]);
      if (!typeName || !this.localTypes.get(typeName)?.categories.length) return result;
      const entry = typedDataOf(generic)!;
      // `useOutletContext<T>()`: the result is the data, no API's object (whose fields would all carry its PHI).
      if (entry.result) return this.typedData(typeName, node);
      // `useFormik<T>({ onSubmit: (values) => … })`: the options' callbacks get the data too.
      for (const option of entry.optionCallbacks ?? []) this.typeCallbackInput(args[0]?.value.fields?.get(option), typeName);
      return makeValue({ api: typedApi(apiMember(generic, '()'), typeName) });
    }
    if (result.api) return result;
    // `useState<IntakeDraft>(…)`, `get<Patient>(…)`: the type argument says what comes back.
    const typed = this.typeValue(node.typeArguments[0]!, node);
    return typed === EMPTY || typed.api ? result : describedBy(result, typed);
  }

  private evalCallWith(
    node: ts.CallExpression, callee: Value, receiver: Value | undefined, receiverNode: ts.Expression | undefined, method: string | undefined,
    args: { node: ts.Expression; value: Value }[], calleeName: string | undefined,
  ): Value {
    // A function or method of a module of an import cycle not analysed yet: nothing, until it is (see PENDING_MODULE).
    if (callee.typeName === PENDING_MODULE || receiver?.typeName === PENDING_MODULE) {
      this.bindCallbacks(undefined, args);
      return EMPTY;
    }
    if (receiver && method && PROMISE_METHODS.has(method) && (receiver.api || isTainted(receiver.taint))) {
      // A promise's callback receives the settled value: an AI response derived from PHI stays PHI.
      let result: Value = EMPTY;
      args.forEach((arg, i) => {
        if (!arg.value.fn) return;
        const settled = receivesSettledValue(method, i) ? receiver : EMPTY;
        result = joinValues(result, this.applyCallback(arg.value.fn as FunctionInfo, [settled], isFunctionLike(skipOuter(arg.node))));
      });
      return method === 'finally' ? receiver : result;
    }
    const schema = method === 'object' && receiverNode ? this.zodObject(receiverNode, node) : undefined;
    if (schema) return schema;
    // `z.object({…}).strict()`: the same schema, the same records.
    if (method && receiver?.typeName?.startsWith('zod:') && ZOD_SAME_RECORDS.has(method)) return makeValue({ typeName: receiver.typeName });
    // A global named like a sanitizer (`maskSsn` defined in a script) de-identifies; a package's API is its catalog's.
    const sanitizer = (!callee.api || callee.api.module === '<global>') && this.isSanitizerName(calleeName);
    // `Object.values(visits).forEach((v) => …)`, `(await Promise.all(drafts)).map(…)`: an array a global function
    // returned is data, its callbacks get its elements (not an API's objects).
    const onData = method !== undefined && (CALLBACK_ELEMENT_METHODS.has(method) || method === 'reduce') && isGlobalResult(receiver);
    if (callee.api && !sanitizer && !onData) return this.callApi(callee.api, receiver, method, args, node);
    if (sanitizer) {
      this.bindCallbacks(undefined, args);
      return makeValue({ sanitized: true });
    }
    if (callee.fn) return this.applySummary(callee.fn as FunctionInfo, args, node, receiver);
    if (receiver && method && receiver.fields?.get(method)?.fn) return this.applySummary(receiver.fields.get(method)!.fn as FunctionInfo, args, node, receiver);
    const wrapper = wrapperNamed(calleeName);
    const wrapped = wrapper && this.wrappedCallback(wrapper, undefined, args);
    if (wrapped) return wrapped;

    // Array and promise callbacks: the callback's parameter is the receiver's element.
    if (receiver && method && (CALLBACK_ELEMENT_METHODS.has(method) || PROMISE_METHODS.has(method) || method === 'reduce')) {
      const element: Value = method === 'then' ? makeValue({ taint: deepTaint(receiver), context: receiver.context, typeName: receiver.typeName, fields: receiver.fields }) : elementValue(receiver);
      // `find` gives an element; `filter` and `sort` an array of the same elements.
      const known = method !== 'then' ? elementOf(receiver) : undefined;
      let result: Value = known && (method === 'find' || method === 'findLast') ? known
        : KEEP_RECORD_METHODS.has(method) || method === 'then' ? makeValue({ taint: receiver.taint, context: receiver.context, typeName: receiver.typeName, element: known }) : EMPTY;
      args.forEach((arg, index) => {
        if (!arg.value.fn) return;
        const errorOrNothing = PROMISE_METHODS.has(method) && !receivesSettledValue(method, index);
        const callbackArgs = method === 'reduce' ? [args[1]?.value ?? EMPTY, element] : errorOrNothing ? [EMPTY] : [element];
        const returned = this.applyCallback(arg.value.fn as FunctionInfo, callbackArgs, isFunctionLike(skipOuter(arg.node)));
        if (method === 'map') result = joinValues(result, makeValue({ taint: deepTaint(returned), element: returned.api ? undefined : returned }));
        else if (method === 'flatMap' || method === 'then' || method === 'reduce' || method === 'catch') result = joinValues(result, makeValue({ ...returned, api: undefined }));
      });
      if (method === 'forEach' || PREDICATE_METHODS.has(method)) return EMPTY;
      // `resources.find((r): r is List => r.resourceType === 'List')`: what it finds is what the predicate says.
      const narrowed = (method === 'find' || method === 'findLast' || method === 'filter') && args[0] ? this.predicateType(args[0].node) : undefined;
      return narrowed ?? result;
    }
    this.bindCallbacks(undefined, args);

    if (receiver && method) {
      if (receiverNode && !receiver.api) this.recordReceiverCall(receiverNode, [method], args.map((a) => a.value), node, undefined);
      if (method === 'entries' && args.length === 0 && receiverNode && this.isArrayExpression(receiverNode)) return arrayEntries(receiver, receiverNode);
      if (method === 'entries' && args.length === 0 && receiverNode && this.isMapExpression(receiverNode)) return makeValue({ taint: notRecord(deepTaint(receiver)), element: mapEntryPair(receiver, receiverNode) });
      if (MUTATING_METHODS.has(method) && receiverNode) {
        const added = this.argsTaint(args);
        if (isTainted(added) && !((method === 'push' || method === 'unshift') && this.addElements(receiverNode, args, added))) this.taintRoot(receiverNode, added);
        // The array's new length.
        if (LENGTH_RETURNING_METHODS.has(method)) return EMPTY;
      }
      if (PREDICATE_METHODS.has(method) || /^(is|has|can|should|validate|check|count)[A-Z_]?/.test(method)) return EMPTY;
      const fhir = this.fhirRead(method, args, node);
      if (fhir) return fhir;
      const typed = this.typedRead(receiver, receiverNode, method, node);
      if (typed) return typed;
      if (receiverNode && isReadVerb(method)) {
        const gatewayName = this.lastName(receiverNode);
        if (gatewayName && isRecordGateway(gatewayName)) {
          const verdict = this.names.classify('patient');
          if (verdict) return makeValue({ taint: this.nameTaint(`${this.text(receiverNode)}.${method}()`, { ...verdict, record: true }, node) });
        }
      }
      const getter = stripReadVerb(method);
      if (getter) {
        const verdict = this.names.classify(getter, () => (receiverNode ? this.contextWords(receiverNode) : []));
        if (verdict) return makeValue({ taint: this.nameTaint(`${method}()`, verdict, node) });
      }
      // A bundle of resources that are not PHI (`search<List>(…)`) unbundles to those resources (oystehr's `unbundle()`).
      const keep = KEEP_RECORD_METHODS.has(method) || (method === 'unbundle' && !!receiver.typeName?.startsWith(NOT_PHI_RESOURCE));
      // `list.at(-1)`, `queue.shift()`: one of its elements.
      const element = (method === 'at' || method === 'pop' || method === 'shift') ? elementOf(receiver) : undefined;
      if (element) return element;
      const own = keep ? receiver.taint : notRecord(deepTaint(receiver));
      const given = opaque(this.argsTaint(args));
      // `client.zambda.execute({ ...order })` with `client` a parameter: the result is still what the call made of
      // the PHI given (opaque), not a field-by-field copy because the receiver may stand for a caller's value.
      const taint = !keep && given && !hasConcrete(own) ? opaque(joinTaint(own, given)) : joinTaint(own, given);
      // `requests.slice(i, i + 35)`: the same elements, field by field (a request's `url` is still no PHI).
      const sameElements = SAME_ELEMENT_METHODS.has(method) ? elementOf(receiver) : undefined;
      return makeValue({ taint, context: keep ? receiver.context : this.methodResultContext(method, node), typeName: keep ? receiver.typeName : undefined, element: sameElements });
    }
    if (calleeName) {
      if (/^(is|has|can|should|validate|check|count)[A-Z_]/.test(calleeName)) return EMPTY;
      const getter = stripReadVerb(calleeName);
      if (getter) {
        const verdict = this.names.classify(getter);
        if (verdict) return makeValue({ taint: this.nameTaint(`${calleeName}()`, verdict, node) });
      }
    }
    return makeValue({ taint: opaque(this.argsTaint(args)) });
  }

  /**
   * `JSON.parse(JSON.stringify(x))`, `structuredClone(x)`: a deep copy of `x`, field by field (a copy of a login whose
   * `remoteAddress` is an IP address does not make its `code` one). Undefined for any other call, and for a copy of a
   * client or a function (which a copy does not keep as one).
   */
  private deepCopyOf(node: ts.CallExpression): Value | undefined {
    const callee = skipOuter(node.expression);
    let copied: ts.Expression | undefined;
    if (isIdentifier(callee) && callee.text === 'structuredClone' && node.arguments.length >= 1 && !this.scope.lookup('structuredClone')) copied = node.arguments[0];
    else if (node.arguments.length === 1 && this.isGlobalMember(callee, 'JSON', 'parse')) {
      const inner = skipOuter(node.arguments[0]!);
      if (isCallExpression(inner) && inner.arguments.length === 1 && this.isGlobalMember(skipOuter(inner.expression), 'JSON', 'stringify')) copied = inner.arguments[0];
    }
    if (!copied || copied.kind === Kind.SpreadElement) return undefined;
    const value = this.eval(copied);
    return value.api || value.fn ? EMPTY : makeValue({ ...value, api: undefined, fn: undefined });
  }

  /** `JSON.parse`, `Promise.all` as written, with nothing in scope by the object's name. */
  private isGlobalMember(node: ts.Expression, object: string, member: string): boolean {
    return isPropertyAccessExpression(node) && isIdentifier(node.expression) && node.expression.text === object && node.name.text === member && !this.scope.lookup(object);
  }

  /** `res.cookie(name, value)` with `res` a parameter of the function analysed (`path` the members called after the
   * receiver: `['cookie']`): kept in its summary (see ReceiverCall) when an argument carries PHI or a parameter. */
  private recordReceiverCall(receiverNode: ts.Expression, tail: readonly string[], argValues: readonly Value[], node: ts.CallExpression | ts.NewExpression, step: FlowStep | undefined): void {
    const fn = this.frame.fn;
    if (!fn?.node || this.muted) return;
    const path = [...tail];
    let root = skipOuter(receiverNode);
    while (isPropertyAccessExpression(root)) {
      path.unshift(root.name.text);
      root = skipOuter(root.expression);
    }
    let param: number;
    if (root.kind === Kind.ThisKeyword) {
      // `this.db.put(…)` with `db` a field the constructor set to its parameter (see constructedFields).
      if (path.length < 2 || !fn.cls?.constructorFields?.has(path[0]!)) return;
      param = THIS_FIELD;
    } else {
      if (!isIdentifier(root)) return;
      const binding = this.scope.lookup(root.text);
      param = binding?.kind === 'param' ? fn.node.parameters.findIndex((p) => p === binding.declaration) : -1;
      if (param < 0) return;
    }
    if (!argValues.some((v) => isTainted(deepTaint(v)))) return;
    const calls = (this.frame.summary.receiverCalls ??= []);
    const site = this.range(node);
    // A loop evaluates the call again with what its later rounds add: the last evaluation holds the most.
    const again = calls.findIndex((call) => call.site.start === site.start && call.site.end === site.end && call.param === param);
    // Handed on (`write(db, doc)`), the step stays the call on the client, in the function it was handed to.
    const shown = step ?? this.step('call', node, `passed to \`${this.text(skipOuter(node.expression))}\``);
    if (again >= 0) calls[again] = { param, path, args: argValues, site: calls[again]!.site, step: calls[again]!.step };
    else calls.push({ param, path, args: argValues, site, step: shown });
  }

  /**
   * A function of another module calls a method on a parameter (see ReceiverCall): where the caller hands it a client,
   * that call is the client's, so its sinks apply to what the caller's arguments carry there. Reported at the call in
   * this file, as for the module's other sinks.
   */
  private applyReceiverCalls(
    fn: FunctionInfo, calls: readonly ReceiverCall[], args: readonly { node: ts.Expression; value: Value }[], call: ts.CallExpression | ts.NewExpression, instance: Value | undefined,
  ): void {
    // A function of this file handed a client is analysed with it (bindArgumentApis): its own calls are its sinks.
    const external = !fn.node;
    for (const receiverCall of calls) {
      const onField = receiverCall.param === THIS_FIELD;
      const receiverArg = onField ? undefined : this.argumentFor(fn, args, receiverCall.param);
      const receiver = onField ? instance?.fields?.get(receiverCall.path[0]!) : receiverArg?.value;
      const client = receiver && clientApi(receiver);
      if (client && external) {
        const api = (onField ? receiverCall.path.slice(1) : receiverCall.path).reduce(apiMember, client);
        const entries = findSinks(api, 'call');
        if (entries.length) this.checkCallSinks(api, 'call', this.receiverCallArguments(fn, receiverCall, args, call), call, entries);
      } else if (!client && receiverArg) {
        // `save(db, doc) { return write(db, doc); }`: `db` is this function's parameter, the call on it this function's too.
        this.recordReceiverCall(receiverArg.node, receiverCall.path, this.receiverCallArguments(fn, receiverCall, args, call).map((a) => a.value), call, receiverCall.step);
      }
    }
  }

  /** A receiver call's arguments as this call's arguments make them, each at the argument that carries into it. */
  private receiverCallArguments(fn: FunctionInfo, receiverCall: ReceiverCall, args: readonly { node: ts.Expression; value: Value }[], call: ts.CallExpression | ts.NewExpression): { node: ts.Expression; value: Value }[] {
    const values = args.map((a) => a.value);
    return receiverCall.args.map((inner) => {
      let taint = onlyConcrete(inner.taint);
      let node: ts.Expression | undefined;
      // Steps from the function's parameter on, in its module (`parameter value of setCookie`).
      const innerSteps = inner.taint ? inner.taint.steps.slice(Math.max(0, inner.taint.steps.findIndex((step) => step.kind === 'parameter'))) : [];
      for (const p of inner.taint?.params ?? []) {
        const arg = this.argumentFor(fn, args, p);
        const passed = deepTaint(this.argumentValue(fn, values, p, call));
        if (!arg || !isTainted(passed)) continue;
        node ??= arg.node;
        const steps = this.path(passed.steps, [this.step('call', arg.node, `passed to \`${fn.name}\``)], innerSteps, [receiverCall.step]);
        taint = joinTaint(taint, makeTaint(passed.categories, passed.params, passed.reasons, steps, passed.record, passed.opaque));
      }
      return { node: node ?? call, value: makeValue({ taint }) };
    });
  }

  /** Records whose type the project declares elsewhere: `prisma.visit.findMany()` (schema.prisma) and
   * `VisitSchema.parse(body)` (a zod object schema). */
  private typedRead(receiver: Value, receiverNode: ts.Expression | undefined, method: string, node: ts.CallExpression): Value | undefined {
    let typeName: string | undefined;
    const delegate = receiverNode && isPropertyAccessExpression(skipOuter(receiverNode)) ? (skipOuter(receiverNode) as ts.PropertyAccessExpression).name.text : undefined;
    if (delegate && this.prismaDelegates.has(delegate) && /^(find|create|update|upsert|delete|aggregate|groupBy)/.test(method)) typeName = this.prismaDelegates.get(delegate);
    else if (receiver.typeName?.startsWith('zod:') && /^(safe)?[pP]arse(Async)?$/.test(method)) typeName = receiver.typeName;
    if (!typeName) return undefined;
    const local = this.localTypes.get(typeName);
    if (!local?.categories.length) return undefined;
    const zod = typeName.startsWith('zod:');
    const label = zod ? `the zod schema \`${local.name}\`` : `Prisma model \`${typeName}\``;
    const taint = sourceTaint(local.categories, { kind: 'type', typeName: zod ? local.name : typeName }, this.step('source', node, `\`${method}()\` returns ${label} records`), true);
    const value: Value = makeValue({ taint, typeName, context: splitWords(zod ? local.name : typeName) });
    // `safeParse(x).data`: the parsed record sits under `data`.
    return method.startsWith('safe') ? makeValue({ fields: new Map([['data', value]]), taint }) : value;
  }

  /**
   * `found as Location`, `const definition: ActivityDefinition = { … code: cptCode … }`: the code says the value is a
   * FHIR resource that is not PHI, whatever it was made from. Its shape stays (fields filled in later are judged then).
   */
  private declaredNotPhi(value: Value, type: ts.TypeNode): Value | undefined {
    if (value.api || value.fn || !fhirNonPhiTypes(type) || this.namesOwnType(type)) return undefined;
    const free = withoutTaint(value);
    // `found as Location`: what is read from it is the resource's too (a list of them keeps its elements' values).
    if (free.typeName || !isTypeReferenceNode(type) || !FHIR_NON_PHI_RESOURCES.has(typeReferenceName(type))) return free;
    return { ...free, ...notPhiResource(typeReferenceName(type), free.context) };
  }

  /** Module specifiers of the file's imports, by local name. */
  private readonly importedFrom = new Map<string, string>();

  /** A type of the project's own named like a FHIR resource (HospitalRun's `Medication`, a patient's prescription, from
   * `'../model/Medication'`), declared in the file or imported from a module that is not a FHIR types package. */
  private namesOwnType(type: ts.TypeNode): boolean {
    if (isUnionTypeNode(type)) return type.types.some((t) => this.namesOwnType(t));
    if (isArrayTypeNode(type)) return this.namesOwnType(type.elementType);
    if (!isTypeReferenceNode(type)) return false;
    if (type.typeArguments?.some((t) => this.namesOwnType(t))) return true;
    let root: ts.EntityName = type.typeName;
    while (isQualifiedName(root)) root = root.left;
    if (this.declaredTypes.has(root.text)) return true;
    const from = this.importedFrom.get(root.text);
    return from !== undefined && !/fhir/i.test(from);
  }

  /** A record of a zod schema (`zod:N`, named `schemaName` or by its variable) that `at` is (`how`), or EMPTY. */
  private schemaRecords(typeName: string | undefined, schemaName: string | undefined, at: ts.Node, how: string): Value {
    const local = typeName ? this.localTypes.get(typeName) : undefined;
    if (!local?.categories.length) return EMPTY;
    const name = schemaName ?? local.name;
    const taint = sourceTaint(local.categories, { kind: 'type', typeName: name }, this.step('source', at, `\`${this.text(at)}\` ${how} \`${name}\``), true);
    return makeValue({ taint, typeName, context: splitWords(name) });
  }

  /** `z.object({ ssn: z.string(), reason: z.string().describe('phi:diagnosis') })` from 'zod': a schema whose parsed
   * records have those PHI fields. */
  private zodObject(receiverNode: ts.Expression, node: ts.CallExpression): Value | undefined {
    const root = skipOuter(receiverNode);
    if (!isIdentifier(root)) return undefined;
    const binding = this.scope.lookup(root.text);
    if (binding?.kind !== 'import' || !ZOD_MODULES.test(binding.module ?? '')) return undefined;
    const shape = node.arguments[0] && skipOuter(node.arguments[0]);
    if (!shape || !isObjectLiteralExpression(shape)) return undefined;
    // Known to the analysis by the call (stable while an edit elsewhere is analysed alone), to people by its variable.
    let name = this.zodSchemaNames.get(node);
    if (!name) this.zodSchemaNames.set(node, (name = `zod:${++this.zodSchemas}`));
    const fields = new Map<string, readonly PhiCategoryId[]>();
    for (const property of shape.properties) {
      if (!isPropertyAssignment(property)) continue;
      const key = propertyNameText(property.name);
      if (!key) continue;
      this.settle?.(property);
      const tag = /\.describe\(\s*['"`]phi(?::([a-z-]+))?/.exec(property.initializer.getText(this.sourceFile));
      const verdict = this.names.classify(key);
      if (tag) fields.set(key, [tag[1] && isPhiCategoryId(tag[1]) ? tag[1] : verdict?.categories[0] ?? 'other-id']);
      else if (verdict && !verdict.record) fields.set(key, verdict.categories);
    }
    const categories = [...new Set([...fields.values()].flat())];
    this.localTypes.set(name, { name: this.assignedNames.get(node) ?? 'object', fields, nestedTypes: new Map(), categories, tagged: false });
    return makeValue({ typeName: name });
  }

  private zodSchemas = 0;
  private readonly zodSchemaNames = new WeakMap<ts.Node, string>();

  private lastName(node: ts.Expression): string | undefined {
    const e = skipOuter(node);
    if (isIdentifier(e)) return e.text;
    if (isPropertyAccessExpression(e)) return e.name.text;
    return undefined;
  }

  /** `docs.push(doc)` on a variable: the array holds `doc`, field by field, among its elements (see Value.element). */
  private addElements(receiverNode: ts.Expression, args: readonly { node: ts.Expression; value: Value }[], added: Taint): boolean {
    const receiver = skipOuter(receiverNode);
    if (!isIdentifier(receiver)) return false;
    const binding = this.scope.lookup(receiver.text);
    if (!binding || (binding.kind !== 'var' && binding.kind !== 'param')) return false;
    const current = this.read(binding, receiver, true);
    let elements = current.element ?? EMPTY;
    for (const arg of args) elements = joinValues(elements, arg.node.kind === Kind.SpreadElement ? elementValue(arg.value) : arg.value);
    this.write(binding, makeValue({ ...withTaint(current, joinTaint(current.taint, added)), element: elements }));
    return true;
  }

  private taintRoot(node: ts.Expression, taint: Taint): void {
    const root = this.rootIdentifier(node);
    if (!root) return;
    const binding = this.scope.lookup(root.text);
    if (!binding || binding.kind === 'import' || binding.kind === 'function') return;
    const current = this.read(binding, root, true);
    this.write(binding, withTaint(current, joinTaint(current.taint, taint)));
  }

  private isSanitizerName(name: string | undefined): boolean {
    return !!name && this.names.isSanitizerName(name);
  }

  private fhirRead(method: string, args: readonly { node: ts.Expression; value: Value }[], node: ts.CallExpression): Value | undefined {
    if (!FHIR_READ_METHODS.has(method)) return undefined;
    const resourceType = args[0]?.value.str;
    if (!resourceType) return undefined;
    const categories = ownProperty(FHIR_PHI_RESOURCES, resourceType);
    if (!categories) return undefined;
    const reason: SourceReason = { kind: 'fhir-read', resourceType, api: method };
    return makeValue({ taint: sourceTaint(categories, reason, this.step('source', node, `\`${method}('${resourceType}')\` returns FHIR ${resourceType} data`), true), context: splitWords(resourceType), typeName: `fhir:${resourceType}` });
  }

  private callApi(api0: ApiRef, receiver: Value | undefined, method: string | undefined, args: { node: ts.Expression; value: Value }[], node: ts.CallExpression): Value {
    const api = this.stripGlobalAlias(api0.path.length === 0 ? apiMember(api0, 'default') : api0);
    // `Promise.all(drafts)` only awaits the elements: the array itself, its elements known (awaiting is the value).
    const global = api.module === '<global>' && api.path.length === 2 && args.length === 1 ? `${api.path[0]}.${api.path[1]}` : undefined;
    if (global === 'Promise.all') return args[0]!.value;
    if (global === 'Promise.allSettled') return settledResults(args[0]!.value);
    if (global === 'Object.entries' || global === 'Object.values') return this.objectEntries(args[0]!, global === 'Object.entries', apiMember(api, '()'));
    if (api.typeArg !== undefined && api.path.length > 1) {
      // `getValues()`, `handleSubmit((data) => …)` of `useForm<IntakeForm>()`: the form's data, typed.
      const member = this.typedMember(apiPath(api.module, api.path.slice(0, -1)), api.path[api.path.length - 1]!);
      if (member === 'returns') return this.typedData(api.typeArg, node);
      if (member === 'callback') for (const arg of args) this.typeCallbackInput(arg.value, api.typeArg);
    }
    const catalog = catalogForCall(api);
    if (catalog.sanitizer) return makeValue({ sanitized: true });
    const wrapped = catalog.wrapper && this.wrappedCallback(catalog.wrapper, api, args);
    if (wrapped) return wrapped;
    const sinkCountBefore = this.sinkSites.length;
    const aiTaint = this.checkCallSinks(api, 'call', args, node, catalog.sinks);
    if (catalog.returnSinks.length) this.markReturnSinks(api, catalog.returnSinks, args, node);
    // A logger, store or HTTP client returns nothing derived from what it was given (an AI model does).
    const isSink = this.sinkSites.length > sinkCountBefore || catalog.sinks.length > 0;
    this.bindCallbacks(api, args);
    if (method && receiver?.api && isChainable(receiver.api, method)) return makeValue({ api: receiver.api });
    const resultApi = apiMember(api, '()');
    if (aiTaint) return makeValue({ api: resultApi, taint: withStep(aiTaint, this.step('ai-response', node, 'the model response is derived from PHI')) });
    if (method) {
      const fhir = this.fhirRead(method, args, node);
      if (fhir) return makeValue({ ...fhir, api: resultApi });
      if (PREDICATE_METHODS.has(method)) return makeValue({ api: resultApi });
    }
    if (api.module === '<global>' && (api.path[0] === 'Object' && api.path[1] === 'keys' || api.path[0] === 'Boolean' || api.path[0] === 'Array' && api.path[1] === 'isArray')) return EMPTY;
    if (isSink) return makeValue({ api: resultApi });
    const taint = api.module === '<global>' && api.path[0] === 'Object' && api.path[1] === 'assign' && args[0]
      ? this.assignObjects(args) : this.argsTaint(args);
    // A method of a value that carries PHI (`req.body.meds.join()`, `result.response.text()`) returns it on.
    const own = method && receiver && isTainted(receiver.taint) && !PREDICATE_METHODS.has(method) ? notRecord(receiver.taint) : undefined;
    return makeValue({ api: resultApi, taint: joinTaint(own, taint), context: method ? this.methodResultContext(method, node) : undefined });
  }

  /**
   * `server.address()`, `clinic.getAddress()`: a contact detail, and whose, as `server.address` would say (see
   * organisationWords): a variable holding it, and the fields read from it, are judged in the receiver's words.
   */
  private methodResultContext(method: string, call: ts.CallExpression): string[] | undefined {
    const callee = skipOuter(call.expression);
    if (!isPropertyAccessExpression(callee)) return undefined;
    return this.organisationWords(stripReadVerb(method) ?? method, () => this.contextWords(callee.expression));
  }

  /**
   * Whether the code says `node` is an array: an array literal, a call of a method that makes one (`split`, `map`,
   * `filter`, `Array.from`), or a variable or parameter declared as one or made so. A Map, or anything the code does
   * not say, is not (its `entries()` keep their keys' PHI).
   */
  private isArrayExpression(node: ts.Expression, followVariable = true): boolean {
    const expression = skipOuter(node);
    if (isArrayLiteralExpression(expression)) return true;
    if (isCallExpression(expression)) {
      const callee = skipOuter(expression.expression);
      return isPropertyAccessExpression(callee) && ARRAY_RESULT_METHODS.has(callee.name.text);
    }
    return followVariable && this.declaredAs(expression, isArrayType, (initializer) => this.isArrayExpression(initializer, false));
  }

  /**
   * Whether `expression` names a variable or parameter declared with a type `typed` accepts or, without a type,
   * initialised with an expression `initialized` accepts (see isArrayExpression, isMapExpression).
   */
  private declaredAs(expression: ts.Expression, typed: (type: ts.TypeNode) => boolean, initialized: (initializer: ts.Expression) => boolean): boolean {
    if (!isIdentifier(expression)) return false;
    const declaration = this.scope.lookup(expression.text)?.declaration;
    if (!declaration || !(isVariableDeclaration(declaration) || isParameter(declaration))) return false;
    if (declaration.type) return typed(declaration.type);
    return isVariableDeclaration(declaration) && declaration.initializer !== undefined && initialized(declaration.initializer);
  }

  /** `new Map(…)`, or a variable or parameter declared as a `Map` or `ReadonlyMap`, or initialised with `new Map(…)`. */
  private isMapExpression(node: ts.Expression, followVariable = true): boolean {
    const expression = skipOuter(node);
    if (expression.kind === Kind.NewExpression) {
      const constructed = (expression as ts.NewExpression).expression;
      return isIdentifier(constructed) && MAP_COLLECTION_TYPES.has(constructed.text);
    }
    const mapType = (type: ts.TypeNode) => isTypeReferenceNode(type) && MAP_COLLECTION_TYPES.has(typeReferenceName(type));
    return followVariable && this.declaredAs(expression, mapType, (initializer) => this.isMapExpression(initializer, false));
  }

  /**
   * `Object.values(visit)`: its elements are the object's values (its known fields, joined); `Object.entries(visit)`:
   * pairs of a key, which is not PHI (as `Object.keys`), and such a value, so `([key, value]) => …` keeps them apart.
   */
  private objectEntries(object: { node: ts.Expression; value: Value }, pairs: boolean, resultApi: ApiRef): Value {
    const whole = deepTaint(object.value);
    const fields = object.value.fields;
    const values = fields && !isTainted(object.value.taint) ? [...fields.values()].reduce(joinValues, EMPTY) : makeValue({ taint: notRecord(whole), context: object.value.context, typeName: object.value.typeName });
    const element = pairs ? makeValue({ taint: deepTaint(values), typeName: ENTRY_PAIR, parts: [{ key: undefined, node: object.node, value: EMPTY }, { key: undefined, node: object.node, value: values }] }) : values;
    // Still the global's result (`isGlobalResult`): its methods other than the array's callbacks stay an API's.
    return makeValue({ api: resultApi, taint: notRecord(whole), element });
  }

  /**
   * What a type-guard callback (`(r): r is List => …`) says its elements are, when the engine knows that type: a
   * FHIR resource (PHI or not) or a type of this file. Undefined otherwise: the elements stay as they were.
   */
  private predicateType(callback: ts.Expression): Value | undefined {
    const fn = skipOuter(callback);
    // `(r) => r.resourceType === 'Location'`: as good as a type guard when the resource is not PHI.
    const compared = isFunctionLike(fn) ? comparedResourceType(fn) : undefined;
    if (compared && FHIR_NON_PHI_RESOURCES.has(compared)) return EMPTY;
    const predicate = isFunctionLike(fn) ? fn.type : undefined;
    if (!predicate || !isTypePredicateNode(predicate) || !predicate.type) return undefined;
    if (fhirNonPhiTypes(predicate.type)) return EMPTY;
    if (!isTypeReferenceNode(predicate.type)) return undefined;
    const name = typeReferenceName(predicate.type);
    if (!ownProperty(FHIR_PHI_RESOURCES, name) && !this.localTypes.has(name)) return undefined;
    return this.typeValue(predicate.type, predicate);
  }

  private assignObjects(args: { node: ts.Expression; value: Value }[]): Taint | undefined {
    const taint = this.argsTaint(args);
    if (isTainted(taint)) this.taintRoot(args[0]!.node, taint);
    return taint;
  }

  /**
   * `new Promise((resolve, reject) => https.request(options, …))`: the executor runs at once, in the function that
   * makes the promise, so what it does with that function's parameters is that function's (a closure analysed on its
   * own only knows them by their names). Its body runs here, in this frame; what it returns is the executor's, not this
   * function's.
   */
  private runExecutor(arg: ts.Expression | undefined): void {
    const executor = arg && skipOuter(arg);
    if (!executor || (executor.kind !== Kind.ArrowFunction && executor.kind !== Kind.FunctionExpression)) return;
    const fn = executor as ts.ArrowFunction | ts.FunctionExpression;
    const summary = this.frame.summary;
    const returned = summary.returnValue;
    this.withScope(() => {
      for (const parameter of fn.parameters) this.declarePattern(parameter.name, 'var', parameter, true);
      if (isBlock(fn.body)) this.execStatements(fn.body.statements);
      else this.eval(fn.body);
    });
    summary.returnValue = returned;
  }

  /** Callbacks handed to an API get its objects as parameters (`app.get(path, (req, res) => …)`). */
  private bindCallbacks(api: ApiRef | undefined, args: readonly { value: Value }[]): void {
    for (const arg of args) {
      const fn = arg.value.fn as FunctionInfo | undefined;
      if (!fn || !fn.node) continue;
      // Another unit's function: its summary depends on this call if the call comes first, which an edit can change
      // (module-level code is never analysed again alone).
      if (api && this.tracking && this.unit && fn.unit !== this.unit) this.dependOn(fn.unit);
      if (fn.summary || fn.analyzing) continue;
      // A catalogued client calls its callbacks with its own objects (`req`, `res`); a typed-data library's callbacks
      // get data (see typeCallbackInput) or the caller's values.
      if (api && isCatalogModule(api.module)) fn.node.parameters.forEach((_p, j) => { fn.paramApis[j] ??= apiMember(api, `$arg${j}`); });
    }
  }

  /**
   * `useCallback(fn, deps)`, `ai.defineFlow(config, fn)`: the result is `fn` itself, so that calling it applies its
   * summary to the caller's arguments. Its parameters stay parameters (not an API's objects, as `bindCallbacks` would
   * make them). Undefined when the argument is not a function the analysis knows.
   */
  private wrappedCallback(entry: CallbackWrapperEntry, api: ApiRef | undefined, args: readonly { node: ts.Expression; value: Value }[]): Value | undefined {
    const fn = args[entry.callbackArg]?.value.fn as FunctionInfo | undefined;
    if (!fn) return undefined;
    const schema = entry.inputSchema && args[entry.inputSchema.arg]?.value.fields?.get(entry.inputSchema.property)?.typeName;
    if (schema?.startsWith('zod:') && !fn.summary) fn.inputSchema = schema;
    this.bindCallbacks(api, args.filter((_arg, index) => index !== entry.callbackArg));
    return makeValue({ fn });
  }

  /** `instance`: the object a method is called on (for its receiver calls on `this`'s fields). */
  private applySummary(fn: FunctionInfo, args: readonly { node: ts.Expression; value: Value }[], call: ts.CallExpression | ts.NewExpression, instance?: Value): Value {
    this.bindArgumentApis(fn, args);
    const summary = this.summaryOf(fn);
    if (fn.unit !== this.unit) this.consume(fn);
    if (summary.receiverCalls) this.applyReceiverCalls(fn, summary.receiverCalls, args, call, instance);
    for (const sink of summary.sinks) {
      const arg = this.argumentFor(fn, args, sink.param);
      if (!arg || sink.reportedInside) continue;
      // A URL built elsewhere from a record key (`/files/${patientId}/x.pdf`) addresses a record, as in checkUrl.
      const taint = sink.sink.category === 'url' ? withoutRecordKeys(deepTaint(arg.value)) : deepTaint(arg.value);
      if (!isTainted(taint)) continue;
      const callStep = this.step('call', arg.node, `passed to \`${fn.name === ANONYMOUS_FUNCTION || fn.name.endsWith('()') ? nameInCall(call) ?? fn.name : fn.name}\``);
      // The sink is in another module: in this file, the call that hands it the value is where it leaves.
      const site = sink.external ? this.range(call) : sink.site;
      for (const leaf of this.carriers(arg.node, arg.value)) {
        const found = this.withParamSources(leaf.taint);
        const concrete = sink.sink.category === 'url' ? withoutRecordKeys(found) : found;
        const reported = hasConcrete(concrete);
        if (reported) this.report(sink.sink, concrete, leaf.range, site, this.path(concrete.steps, [callStep], sink.steps), sink.reviewed);
        // A parameter PHI by its own name or type, reported here with what it says: its callers do not report it again.
        for (const p of leaf.taint.params) this.addSummarySink({ param: p, sink: sink.sink, steps: this.path(this.stepsFromParam(leaf.taint, p), [callStep], sink.steps), carrier: leaf.range, site, reviewed: sink.reviewed, reportedInside: reported && this.frame.paramSources?.has(p) });
      }
    }
    return this.substituteReturn(fn, summary.returnValue, args.map((a) => a.value), call);
  }

  /**
   * A client handed to a function of this file (`setCookie(res, …)`, `new PatientRepo(new PouchDB('x'))`) is that
   * client inside it, as a client its parameter's type names is: its calls there are the client's sinks. A function
   * analysed before such a call (a helper declared above the handler that calls it) is analysed again in the file's
   * second pass, with the client known from the start.
   */
  private bindArgumentApis(fn: FunctionInfo, args: readonly { value: Value }[]): void {
    if (!fn.node || fn.analyzing) return;
    const parameters = fn.node.parameters;
    for (let i = 0; i < args.length && i < parameters.length; i++) {
      const parameter = parameters[i]!;
      if (fn.paramApis[i] || this.clientArguments.has(parameter) || parameter.dotDotDotToken || !isIdentifier(parameter.name)) continue;
      const api = clientApi(args[i]!.value);
      if (!api) continue;
      this.clientArguments.set(parameter, api);
      if (fn.summary) this.lateClients = true;
    }
  }

  private applyCallback(fn: FunctionInfo, params: readonly Value[], inline = false): Value {
    const summary = this.summaryOf(fn, inline && !fn.summary && !fn.analyzing ? params : undefined);
    if (fn.unit !== this.unit) this.consume(fn);
    for (const sink of summary.sinks) {
      if (sink.external || sink.reportedInside) continue;
      const given = this.argumentValue(fn, params, sink.param, undefined);
      const taint = sink.sink.category === 'url' ? withoutRecordKeys(deepTaint(given)) : deepTaint(given);
      if (!isTainted(taint)) continue;
      const found = this.withParamSources(taint);
      const concrete = sink.sink.category === 'url' ? withoutRecordKeys(found) : found;
      const reported = hasConcrete(concrete);
      if (reported) this.report(sink.sink, concrete, sink.carrier, sink.site, this.path(concrete.steps, sink.steps), sink.reviewed);
      for (const p of taint.params) this.addSummarySink({ param: p, sink: sink.sink, steps: this.path(this.stepsFromParam(taint, p), sink.steps), carrier: sink.carrier, site: sink.site, reviewed: sink.reviewed, reportedInside: reported && this.frame.paramSources?.has(p) });
    }
    return this.substituteReturn(fn, summary.returnValue, params, undefined);
  }

  private substituteReturn(fn: FunctionInfo, returned: Value, args: readonly Value[], call: ts.Node | undefined): Value {
    const substitute = (t: Taint | undefined): Taint | undefined => {
      let out = onlyConcrete(t);
      for (const p of t?.params ?? []) {
        const argTaint = deepTaint(this.argumentValue(fn, args, p, call));
        out = joinTaint(out, call ? withStep(argTaint, this.step('call', call, `returned from \`${fn.name}\``)) : argTaint);
      }
      // `(code) => approvedByCode.get(code)`: what a call it cannot see into returned stays so for the caller too,
      // whose argument then only chose the value (its fields are judged by their names).
      return t?.opaque ? opaque(out) : out;
    };
    // A returned object keeps its shape (`return { patientId, secrets }`), field by field, so reading a clean field of
    // it stays clean; without a known shape the whole value carries what it was built from.
    const shape = (value: Value): Map<string, Value> | undefined => {
      if (!value.fields) return undefined;
      const out = new Map<string, Value>();
      for (const [key, field] of value.fields) out.set(key, field.fn || field.api ? field : makeValue({ taint: substitute(deepTaint(field)), context: field.context, typeName: field.typeName }));
      return out;
    };
    const passed = this.passedThrough(fn, returned, args, call, shape);
    if (passed) return passed;
    const fields = shape(returned);
    const taint = substitute(fields ? returned.taint : deepTaint(returned));
    const whole = fields ? joinTaint(taint, [...fields.values()].reduce<Taint | undefined>((acc, f) => joinTaint(acc, f.taint), undefined)) : taint;
    // An array of known elements stays one, each element field by field (see Value.element).
    const known = elementOf(returned);
    const elementFields = known && shape(known);
    const element = known && makeValue({ taint: substitute(elementFields ? known.taint : deepTaint(known)), fields: elementFields, context: known.context, typeName: known.typeName });
    // A returned function (a factory's, a hook's callback) is called as itself by the caller.
    return makeValue({ taint, api: returned.api, fn: returned.fn, fields, str: returned.str, sanitized: returned.sanitized && !isTainted(whole), context: returned.context, typeName: returned.typeName, element });
  }

  /**
   * A function that returns what it was given, as it is or spread into an object with fields of its own (`(x) => x`,
   * `(r) => ({ ...r, meta })`): the caller's argument comes back field by field (a login made with an IP address and a
   * code gives back a code that is not an IP address), with the fields the function added. Undefined for any other
   * return, and for an argument whose fields are not known.
   */
  private passedThrough(
    fn: FunctionInfo, returned: Value, args: readonly Value[], call: ts.Node | undefined, shape: (value: Value) => Map<string, Value> | undefined,
  ): Value | undefined {
    const t = returned.taint;
    if (!t || t.params.size !== 1 || t.categories.size || t.opaque || t.record || returned.api || returned.fn || returned.element || returned.sanitized) return undefined;
    const [param] = t.params;
    const given = this.argumentValue(fn, args, param!, call);
    if (!given?.fields || given.api || given.fn) return undefined;
    const step = call && this.step('call', call, `returned from \`${fn.name}\``);
    const stepped = (v: Value): Value => (step && isTainted(v.taint) ? withTaint(v, withStep(v.taint, step)) : v);
    const fields = new Map<string, Value>();
    for (const [key, field] of given.fields) fields.set(key, stepped(field));
    for (const [key, field] of shape(returned) ?? []) fields.set(key, field);
    return makeValue({ taint: given.taint && stepped(given).taint, fields, context: given.context, typeName: given.typeName });
  }

  // ---------------------------------------------------------------- sinks

  /** One descriptor per sink and API as written in this file: findings share it (less to copy to the editor). */
  private readonly descriptors = new Map<SinkEntry, Map<string, SinkDescriptor>>();

  private descriptor(entry: SinkEntry, ref?: ApiRef): SinkDescriptor {
    const api = ref ? apiLabel(entry, ref.path) : entry.api;
    const key = `${api}\0${ref?.module ?? ''}`;
    let byApi = this.descriptors.get(entry);
    if (!byApi) this.descriptors.set(entry, (byApi = new Map()));
    let descriptor = byApi.get(key);
    if (!descriptor) byApi.set(key, (descriptor = { id: entry.id, category: entry.category, package: entry.package, api, vendor: entry.vendor, module: ref?.module }));
    return descriptor;
  }

  /** Checks a call against the sink catalog; returns the PHI sent to an AI sink (its response carries it on). */
  private checkCallSinks(api: ApiRef, kind: SinkKind, args: readonly { node: ts.Expression; value: Value }[], node: ts.Node, entries: readonly SinkEntry[] = findSinks(api, kind)): Taint | undefined {
    let aiTaint: Taint | undefined;
    for (const entry of entries) {
      if (entry.unlessArgHas && args[0] && entry.unlessArgHas.some((p) => this.fieldAt(args[0]!.value, p) !== undefined)) continue;
      const descriptor = this.descriptor(entry, api);
      this.sinkSite(descriptor, node);
      const specs: readonly ArgSpec[] = entry.args ?? args.map((_a, index) => ({ index }));
      for (const spec of specs) {
        const t = entry.queryOnly ? this.checkQuery(descriptor, spec, args, node)
          : entry.category === 'url' ? this.checkUrl(descriptor, spec, args, node) : this.checkArg(descriptor, spec, args, node);
        if (entry.category === 'ai') aiTaint = joinTaint(aiTaint, t);
      }
      if (entry.urlArg && entry.bodyArgs) {
        const url = this.argParts(entry.urlArg, args)[0];
        const host = url?.value.str !== undefined ? AI_HOSTS.find((h) => h.pattern.test(url.value.str!)) : undefined;
        if (host) {
          const aiDescriptor: SinkDescriptor = { id: `${entry.id}.ai-host`, category: 'ai', package: entry.package, api: `${entry.api} ${url!.value.str!.replace(/^https?:\/\//, '').split(/[/?#]/)[0]}`, vendor: host.vendor, module: api.module };
          this.sinkSite(aiDescriptor, node);
          for (const spec of entry.bodyArgs) aiTaint = joinTaint(aiTaint, this.checkArg(aiDescriptor, spec, args, node));
        }
      }
    }
    return aiTaint;
  }

  /**
   * `tool({ execute: async ({ id }) => db.patient.findUnique(…) })`: what the callback returns goes to the model. The
   * callback, analysed later (or alone after an edit), checks each value it returns; one analysed already (called
   * before this point) is checked by its summary, at the argument.
   */
  private markReturnSinks(api: ApiRef, entries: readonly SinkEntry[], args: readonly { node: ts.Expression; value: Value }[], node: ts.CallExpression | ts.NewExpression): void {
    for (const entry of entries) {
      const spec = entry.callback;
      const arg = spec ? args[spec.index === 'last' ? args.length - 1 : spec.index] : undefined;
      if (!arg || !spec) continue;
      for (const holder of valuesAt(arg.value, spec.property ? spec.property.split('.') : [])) {
        const fn = holder.fn as FunctionInfo | undefined;
        if (!fn) continue;
        const descriptor = this.descriptor(entry, api);
        this.sinkSite(descriptor, node);
        if (fn.summary && !fn.analyzing) {
          const returned = onlyConcrete(deepTaint(fn.summary.returnValue));
          if (hasConcrete(returned)) this.reportReturned(descriptor, returned, this.range(arg.node), this.range(node));
        } else if (!fn.returnSinks?.some((known) => known === descriptor)) (fn.returnSinks ??= []).push(descriptor);
      }
    }
  }

  /** What the callback returns, to its return sinks: only PHI of its own. What came in through its parameters came
   * from the model (a tool's input), which has it already. */
  private checkReturnSinks(value: Value, expression: ts.Expression): void {
    const sinks = this.frame.fn?.returnSinks;
    if (!sinks || !hasConcrete(deepTaint(value))) return;
    for (const sink of sinks) {
      for (const leaf of this.carriers(expression, value)) if (hasConcrete(leaf.taint)) this.reportReturned(sink, leaf.taint, leaf.range, this.range(expression));
    }
  }

  private reportReturned(sink: SinkDescriptor, taint: Taint, carrier: TextRange, site: TextRange): void {
    this.report(sink, taint, carrier, site, this.path(taint.steps, [this.sinkStep(sink, carrier)]));
  }

  private checkArg(descriptor: SinkDescriptor, spec: ArgSpec, args: readonly { node: ts.Expression; value: Value }[], site: ts.Node): Taint | undefined {
    let taint: Taint | undefined;
    for (const part of this.argParts(spec, args)) taint = joinTaint(taint, this.reportValue(descriptor, part.value, part.node, site));
    return taint;
  }

  /** URL sinks: a record key (`patientId`) in a REST path is how the web addresses records and is not reported; in a
   * query string, or with any other identifier, it is. */
  private checkUrl(descriptor: SinkDescriptor, spec: ArgSpec, args: readonly { node: ts.Expression; value: Value }[], site: ts.Node): Taint | undefined {
    let taint: Taint | undefined;
    for (const part of this.argParts(spec, args)) {
      const e = isExpression(part.node) ? skipOuter(part.node) : part.node;
      if (isObjectLiteralExpression(e) || part.value.fields) {
        taint = joinTaint(taint, this.reportValue(descriptor, part.value, part.node, site));
        continue;
      }
      const queryParts = isExpression(e) ? this.queryParts(e) : undefined;
      let query: Taint | undefined;
      for (const q of queryParts ?? []) query = joinTaint(query, deepTaint(this.peekExpression(q)));
      const whole = joinTaint(withoutRecordKeys(deepTaint(part.value)), query);
      if (isTainted(whole)) taint = joinTaint(taint, this.reportValue(descriptor, makeValue({ taint: whole }), part.node, site));
    }
    return taint;
  }

  /** For navigation sinks: PHI after the `?` or `#` of a URL template, or in a `search`/`query`/`hash` property. */
  private checkQuery(descriptor: SinkDescriptor, spec: ArgSpec, args: readonly { node: ts.Expression; value: Value }[], site: ts.Node): Taint | undefined {
    const arg = args[spec.index];
    if (!arg) return undefined;
    const e = skipOuter(arg.node);
    if (isObjectLiteralExpression(e) || arg.value.fields) {
      let taint: Taint | undefined;
      for (const key of ['search', 'query', 'hash', 'searchParams', 'params']) {
        const value = this.fieldAt(arg.value, key);
        if (value) taint = joinTaint(taint, this.reportValue(descriptor, value, this.literalPropertyNode(arg.node, key) ?? arg.node, site));
      }
      return taint;
    }
    const queryParts = this.queryParts(e);
    if (!queryParts) {
      // A URL built elsewhere (`router.push(searchHref(criteria.lastName))`): which part of it holds what is not known
      // here, so it is judged as other URL sinks judge a value, by all it carries but record keys (see checkUrl).
      if (isStringLiteral(e) || isNoSubstitutionTemplateLiteral(e)) return undefined;
      const taint = withoutRecordKeys(deepTaint(arg.value));
      return isTainted(taint) ? this.reportValue(descriptor, makeValue({ taint }), arg.node, site) : undefined;
    }
    let taint: Taint | undefined;
    for (const part of queryParts) taint = joinTaint(taint, deepTaint(this.peekExpression(part)));
    if (!isTainted(taint)) return undefined;
    return this.reportValue(descriptor, makeValue({ taint }), arg.node, site);
  }

  /** The expressions interpolated after the first `?` or `#` of a template literal or string concatenation. */
  private queryParts(e: ts.Expression): ts.Expression[] | undefined {
    if (isTemplateExpression(e)) {
      let inQuery = /[?#]/.test(e.head.text);
      const parts: ts.Expression[] = [];
      for (const span of e.templateSpans) {
        if (inQuery) parts.push(span.expression);
        inQuery = inQuery || /[?#]/.test(span.literal.text);
      }
      return parts;
    }
    if (isBinaryExpression(e) && e.operatorToken.kind === Kind.PlusToken) {
      const operands: ts.Expression[] = [];
      const flatten = (x: ts.Expression): void => {
        const y = skipOuter(x);
        if (isBinaryExpression(y) && y.operatorToken.kind === Kind.PlusToken) { flatten(y.left); flatten(y.right); } else operands.push(y);
      };
      flatten(e);
      const parts: ts.Expression[] = [];
      let inQuery = false;
      for (const operand of operands) {
        if (inQuery && !isStringLiteral(operand)) parts.push(operand);
        if ((isStringLiteral(operand) || isNoSubstitutionTemplateLiteral(operand)) && /[?#]/.test(operand.text)) inQuery = true;
      }
      return parts;
    }
    return undefined;
  }

  /** Re-reads an already evaluated expression for its value, without reporting anything twice. */
  private peekExpression(node: ts.Expression): Value {
    const { summary, summarySinkKeys } = this.frame;
    const savedSinks = summary.sinks.length;
    this.muted++;
    try {
      return this.eval(node);
    } finally {
      this.muted--;
      for (let i = savedSinks; i < summary.sinks.length; i++) summarySinkKeys.delete(summarySinkKey(summary.sinks[i]!));
      summary.sinks.length = savedSinks;
    }
  }

  /**
   * Records that a parameter of the running function reaches a sink. Only the first path from a parameter to a sink
   * through one carrier is kept: a caller reports at most one finding per sink and carrier, and it is the first path's,
   * so later ones change nothing but the size of the summary. Without this, every path through a chain of helpers was
   * kept, and in the import cycles of a large app (excalidraw) one module's summary held 10,000 paths.
   */
  private addSummarySink(sink: SummarySink): void {
    const key = summarySinkKey(sink);
    if (this.frame.summarySinkKeys.has(key)) return;
    this.frame.summarySinkKeys.add(key);
    this.frame.summary.sinks.push(sink);
  }

  /** While positive, nothing is reported: an expression is being re-read for its value. */
  private muted = 0;

  /** The data-bearing parts of an argument: the argument, or the (dotted) properties of an object argument that exist. */
  private argParts(spec: ArgSpec, args: readonly { node: ts.Expression; value: Value }[]): { node: ts.Node; value: Value }[] {
    const arg = args[spec.index];
    if (!arg) return [];
    if (!spec.properties) return [arg];
    const parts: { node: ts.Node; value: Value }[] = [];
    for (const property of spec.properties) {
      const value = this.fieldAt(arg.value, property);
      if (value) parts.push({ node: this.literalPropertyNode(arg.node, property) ?? arg.node, value });
    }
    return parts;
  }

  private fieldAt(value: Value, dotted: string): Value | undefined {
    let current: Value | undefined = value;
    for (const key of dotted.split('.')) current = current?.fields?.get(key);
    return current;
  }

  private literalPropertyNode(node: ts.Node, dotted: string): ts.Node | undefined {
    let current: ts.Node | undefined = node;
    for (const key of dotted.split('.')) {
      const e: ts.Node | undefined = current && isExpression(current) ? skipOuter(current) : current;
      if (!e || !isObjectLiteralExpression(e)) return undefined;
      const property: ts.ObjectLiteralElementLike | undefined = e.properties.find((p) => p.name && propertyNameText(p.name) === key);
      current = property && isPropertyAssignment(property) ? property.initializer : property && isShorthandPropertyAssignment(property) ? property.name : undefined;
    }
    return current;
  }

  /** Reports PHI in a value entering a sink (or records it in the summary when it comes from a parameter):
   * one finding per PHI-carrying leaf of an object/array literal, so each value is named and fixed on its own. */
  private reportValue(sink: SinkDescriptor, value: Value, node: ts.Node, siteNode: ts.Node): Taint | undefined {
    const taint = deepTaint(value);
    if (!isTainted(taint)) return undefined;
    const site = this.range(siteNode);
    for (const leaf of this.carriers(node, value)) {
      const sinkStep = this.sinkStep(sink, leaf.range);
      const concrete = this.withParamSources(leaf.taint);
      if (hasConcrete(concrete)) this.report(sink, concrete, leaf.range, site, this.path(concrete.steps, [sinkStep]));
      for (const p of leaf.taint.params) {
        this.addSummarySink({ param: p, sink, steps: this.path(this.stepsFromParam(leaf.taint, p), [sinkStep]), carrier: leaf.range, site, reportedInside: this.frame.paramSources?.has(p) });
      }
    }
    return taint;
  }

  private sinkStep(sink: SinkDescriptor, range: TextRange): FlowStep {
    return { kind: 'sink', range, note: `${sink.category === 'ai' ? 'sent to' : sink.category === 'log' ? 'written to' : sink.category === 'storage' ? 'stored in' : 'put into the URL of'} ${sink.vendor} \`${sink.api}\`` };
  }

  /** The concrete PHI a value carries in this function: its own sources, plus those of parameters that are PHI by
   * their name or type (`function f(ssn)`), with the path from the parameter's source. */
  private withParamSources(taint: Taint | undefined): Taint | undefined {
    let concrete = onlyConcrete(taint);
    if (!taint || !this.frame.paramSources?.size) return concrete;
    for (const p of taint.params) {
      const named = this.frame.paramSources.get(p);
      if (!named) continue;
      concrete = hasConcrete(concrete) ? joinTaint(concrete, named) : makeTaint(named.categories, named.params, named.reasons, this.path(named.steps, this.stepsFromParam(taint, p)), named.record, named.opaque);
    }
    return concrete;
  }

  /**
   * A value leaving this function through shared state (a class field, a captured variable): parameters mean nothing
   * elsewhere, so they become what is known of them here, in its known fields and elements too (a few levels deep):
   * a closure reading `searches[i].label` of `[{ label: 'A', url: `?patient=${patientId}` }]` must find the label
   * clean and the URL a record key. A field's parameter nothing is known of stays (see sharedFieldTaint).
   */
  private materialize(value: Value, depth = MATERIALIZED_DEPTH): Value {
    const nested = depth < MATERIALIZED_DEPTH;
    const taint = !value.taint?.params.size ? value.taint : nested ? this.sharedFieldTaint(value.taint) : this.withParamSources(value.taint);
    let fields = value.fields;
    // At module level no value refers to a parameter; an instance of a class of this file is known by its fields map
    // (classByFields): kept as it is.
    if (fields && depth > 0 && this.frame.fn && !this.classByFields.has(fields)) {
      let copy: Map<string, Value> | undefined;
      for (const [key, field] of fields) {
        const shared = this.materialize(field, depth - 1);
        if (shared !== field) (copy ??= new Map(fields)).set(key, shared);
      }
      if (copy) fields = copy;
    }
    const element = value.element && depth > 0 && this.frame.fn ? this.materialize(value.element, depth - 1) : value.element;
    if (taint === value.taint && fields === value.fields && element === value.element) return value;
    return makeValue({ ...value, taint, fields, element });
  }

  /**
   * A shared field's taint: its parameters made what is known of them here, as a whole value's are; one nothing is
   * known of is kept, so that a module's table a function fills from its parameter (`lastSeen.name = p.name`) is not
   * taken for a constant table (isConstantTable).
   */
  private sharedFieldTaint(taint: Taint): Taint | undefined {
    const concrete = this.withParamSources(taint);
    let unknown: Set<number> | undefined;
    for (const p of taint.params) if (!this.frame.paramSources?.get(p)) (unknown ??= new Set()).add(p);
    if (!unknown) return concrete;
    if (!concrete) return makeTaint(new Set(), unknown, [], taint.steps, undefined, undefined);
    for (const p of concrete.params) unknown.add(p);
    return makeTaint(concrete.categories, unknown, concrete.reasons, concrete.steps, concrete.record, concrete.opaque);
  }

  /**
   * The path of `taint` from parameter `param` on. A taint keeps one path; when it joined several parameters (or PHI
   * of its own), that path may start elsewhere: `param`'s path is then its parameter step alone, not another's.
   */
  private stepsFromParam(taint: Taint, param: number): readonly FlowStep[] {
    const own = this.frame.paramSteps?.get(param < FIELD_PARAM_BASE ? param : (this.frame.fn?.fieldParams[param - FIELD_PARAM_BASE]?.index ?? -1));
    if (own) {
      const i = taint.steps.indexOf(own);
      return i >= 0 ? taint.steps.slice(i) : [own];
    }
    const i = taint.steps.findIndex((s) => s.kind === 'parameter');
    return i >= 0 ? taint.steps.slice(i) : taint.steps;
  }

  /** Pieces of a path joined into one, without loops and bounded (see joinPaths). */
  private path(...pieces: readonly (readonly FlowStep[])[]): readonly FlowStep[] {
    return joinPaths(this.sourceFile.fileName, ...pieces);
  }

  /** The PHI-carrying leaves of an object/array literal (or of a JSON.stringify argument); the node itself otherwise. */
  private carriers(node: ts.Node, value: Value, depth = 0): { range: TextRange; taint: Taint }[] {
    const taint = deepTaint(value);
    if (!isTainted(taint)) return [];
    const e = isExpression(node) ? skipOuter(node) : node;
    if (depth < 8 && (isObjectLiteralExpression(e) || isArrayLiteralExpression(e)) && value.parts) {
      const leaves = value.parts.flatMap((part) => this.carriers(part.node, part.value, depth + 1));
      if (leaves.length) return leaves;
    }
    if (depth < 8 && isCallExpression(e) && e.arguments.length >= 1) {
      const callee = skipOuter(e.expression);
      const name = isPropertyAccessExpression(callee) ? callee.name.text : isIdentifier(callee) ? callee.text : '';
      if (name === 'stringify' || name === 'String') {
        const inner = this.peek(e.arguments[0]!);
        const leaves = inner === EMPTY ? [] : this.carriers(e.arguments[0]!, inner, depth + 1);
        if (leaves.length) return leaves;
      }
    }
    return [{ range: this.range(node), taint }];
  }

  /** Value of an already-evaluated literal, for locating carriers inside JSON.stringify(...) without side effects. */
  private peek(node: ts.Expression): Value {
    const e = skipOuter(node);
    if (isObjectLiteralExpression(e) || isArrayLiteralExpression(e) || this.isPlainReference(e)) return this.peekExpression(e);
    return EMPTY;
  }

  /** `patient`, `req.body.patient`, `rows[0]`: reading it has no side effects, so it can be evaluated again. */
  private isPlainReference(e: ts.Expression): boolean {
    if (isIdentifier(e) || e.kind === Kind.ThisKeyword) return true;
    if (isPropertyAccessExpression(e)) return this.isPlainReference(skipOuter(e.expression));
    if (isElementAccessExpression(e)) return isLiteralExpression(e.argumentExpression) && this.isPlainReference(skipOuter(e.expression));
    return false;
  }

  private report(sink: SinkDescriptor, taint: Taint, carrier: TextRange, site: TextRange, steps: readonly FlowStep[], reviewed?: SinkReview): void {
    if (this.muted) return;
    const key = findingKey(sink, carrier, reviewed);
    if (this.findingKeys.has(key)) return;
    this.findingKeys.add(key);
    this.findings.push({ sink, taint, carrier, site, steps, reviewed });
    if (this.tracking) this.findingUnits.push(this.unit);
  }

  private sinkSite(sink: SinkDescriptor, node: ts.Node): void {
    if (this.muted) return;
    const range = this.range(node);
    const key = siteKey(sink, range);
    if (this.siteKeys.has(key)) return;
    this.siteKeys.add(key);
    this.sinkSites.push({ sink, range });
    if (this.tracking) this.siteUnits.push(this.unit);
  }
}

/** The local names an import clause declares, with the export each stands for ('*': the namespace). */
function importedNames(clause: ts.ImportClause): { readonly local: string; readonly declaration: ts.Node; readonly exported: string }[] {
  const names: { local: string; declaration: ts.Node; exported: string }[] = [];
  if (clause.name) names.push({ local: clause.name.text, declaration: clause, exported: 'default' });
  const bindings = clause.namedBindings;
  if (bindings && isNamespaceImport(bindings)) names.push({ local: bindings.name.text, declaration: bindings, exported: '*' });
  else if (bindings) for (const element of bindings.elements) names.push({ local: element.name.text, declaration: element, exported: (element.propertyName ?? element.name).text });
  return names;
}
