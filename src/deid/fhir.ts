import type { PhiCategoryId } from '../core/catalog/phiCategories';
import { classifyName } from '../core/names/classifyName';
import { splitWords } from '../core/names/splitWords';
import { isNinetyOrOlder, parseDate } from './dates';
import type { FieldKind } from './fieldKind';
import { kindOf } from './fieldKind';
import type { Transformed, Walker } from './walker';
import { REMOVE, setOwn } from './walker';
import { generalizeZip } from './zip3';

/** A FHIR resource: any object with a string `resourceType` (R4/R5 JSON). */
export type FhirResource = { readonly resourceType: string } & Record<string, unknown>;

export function isFhirResource(value: unknown): value is FhirResource {
  return typeof value === 'object' && value !== null && typeof (value as { resourceType?: unknown }).resourceType === 'string';
}

/** Resources whose `name` is a person's name (HumanName, or a relative's name as a string in FamilyMemberHistory). */
const PERSON_RESOURCES: ReadonlySet<string> = /* @__PURE__ */ new Set(['Patient', 'RelatedPerson', 'Practitioner', 'Person', 'FamilyMemberHistory']);

/** Coded and structural strings that carry no identifier and must stay exact for the resource to mean anything. */
const STRUCTURAL_KEYS: ReadonlySet<string> = /* @__PURE__ */ new Set([
  'resourceType', 'system', 'code', 'unit', 'version', 'status', 'use', 'gender', 'language', 'profile', 'comparator',
  'contentType', 'intent', 'priority', 'mode', 'type', 'valueCode', 'valueBoolean', 'valueInteger', 'valueDecimal', 'url',
]);

/** FHIR date, dateTime and instant: reduced to the year. */
const FHIR_DATE = /^\d{4}(?:-\d{2}(?:-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/** Birth dates of the resource's subject (Patient, RelatedPerson …) or of a relative (FamilyMemberHistory). */
const BIRTH_DATE_KEYS = ['birthDate', 'bornDate'];
const DATA_ABSENT_REASON = 'http://hl7.org/fhir/StructureDefinition/data-absent-reason';
const NARRATIVE_REMOVED = '<div xmlns="http://www.w3.org/1999/xhtml">Narrative removed for de-identification.</div>';
/** The latitude and longitude of an address (the core `geolocation` extension and its parts) are a geocode, Safe Harbor
 * (B). Removed whole in both modes: their values are numbers (`valueDecimal`) that cannot hold a placeholder. */
const GEOCODE_EXTENSION = /(?:^|\/)geolocation$|^(?:latitude|longitude)$/;
/** Extensions whose value is itself an identifier (US Core / core extensions). */
const IDENTIFYING_EXTENSIONS: ReadonlyArray<readonly [RegExp, PhiCategoryId]> = [
  [/mothersMaidenName$/, 'name'],
  [/birthPlace$/, 'geographic'],
  [/patient-birthTime$/, 'date'],
  [GEOCODE_EXTENSION, 'geographic'],
];

/** Device identifiers and serial numbers (Safe Harbor (M)): `Device.udiCarrier.*`, `Device.serialNumber` and the like.
 * A lot number only identifies a device on a Device: a vaccine's or a medication's lot is shared by thousands. */
const DEVICE_IDENTIFIER_KEYS: ReadonlySet<string> = /* @__PURE__ */ new Set(['carrierHRF', 'deviceIdentifier', 'distinctIdentifier', 'serialNumber']);

/** Elements of the Address data type: an object with nothing else and with a line, city, district or postal code is
 * an address under any element name (`Claim.item.locationAddress`, a custom extension's value). */
const ADDRESS_KEYS: ReadonlySet<string> = /* @__PURE__ */ new Set(['id', 'extension', 'use', 'type', 'text', 'line', 'city', 'district', 'state', 'postalCode', 'country', 'period']);
const ADDRESS_PART_KEYS = ['line', 'city', 'district', 'postalCode'];

function isAddress(value: unknown): boolean {
  return isObject(value) && ADDRESS_PART_KEYS.some((key) => key in value) && Object.keys(value).every((key) => ADDRESS_KEYS.has(key));
}

/** UCUM codes and unit texts of an Age (or any Quantity) in years, months, weeks and days, with their length in years. */
const AGE_UNITS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(?:a|y|yr|yrs|years?)$/i, 1],
  [/^(?:mo|mos|months?)$/i, 1 / 12],
  [/^(?:wk|wks|weeks?)$/i, 7 / 365.25],
  [/^(?:d|days?)$/i, 1 / 365.25],
];
const UCUM = 'http://unitsofmeasure.org';

/** Years per unit of a Quantity that is an age: any element named `…Age` (`onsetAge`, `ageAge`, `deceasedAge`,
 * `valueAge`), or any Quantity in years (`valueQuantity { value: 95, unit: 'a' }`, the `low` of an `ageRange`). */
function ageUnitInYears(key: string, quantity: Json): number | undefined {
  if (typeof quantity['value'] !== 'number') return undefined;
  const code = typeof quantity['code'] === 'string' && (quantity['system'] === undefined || quantity['system'] === UCUM) ? quantity['code'] : undefined;
  const unit = typeof quantity['unit'] === 'string' ? quantity['unit'].trim() : undefined;
  const isAgeElement = /(?:^a|A)ge$/.test(key);
  for (const [pattern, years] of AGE_UNITS) {
    // A bare `d` or `mo` is an age only in an Age element; elsewhere only years say "age" (a 95-day course is not).
    if ((code !== undefined && pattern.test(code)) || (unit !== undefined && pattern.test(unit))) return isAgeElement || years === 1 ? years : undefined;
  }
  return isAgeElement && code === undefined && unit === undefined ? 1 : undefined;
}

/** v2-0203 identifier type codes, by the Safe Harbor category of the identifier. */
const IDENTIFIER_TYPES: ReadonlyMap<string, PhiCategoryId> = /* @__PURE__ */ new Map([
  ['MR', 'mrn'], ['MRT', 'mrn'], ['PI', 'mrn'], ['SS', 'ssn'], ['SB', 'ssn'], ['TAX', 'ssn'], ['MB', 'health-plan'], ['MC', 'health-plan'],
  ['MA', 'health-plan'], ['SN', 'health-plan'], ['PN', 'health-plan'], ['AN', 'account'], ['BA', 'account'], ['BC', 'account'],
  ['DL', 'license'], ['PPN', 'license'], ['NPI', 'license'], ['MD', 'license'], ['LN', 'license'], ['DEA', 'license'], ['PRN', 'license'],
  ['VN', 'other-id'], ['UDI', 'device'],
]);

type Json = Record<string, unknown>;

/** FHIR forbids empty arrays and objects: what removal empties goes too. */
function pruneEmpty(value: Transformed): Transformed {
  if (Array.isArray(value)) {
    const kept = value.filter((item) => !(isObject(item) && Object.keys(item).length === 0));
    return kept.length === 0 ? REMOVE : kept.length === value.length ? value : kept;
  }
  return isObject(value) && Object.keys(value).length === 0 ? REMOVE : value;
}

/** Attachment-only elements; an Attachment holding nothing but its `url` counts too (`contentType` is optional). */
const ATTACHMENT_KEYS = ['contentType', 'data', 'hash', 'size', 'title', 'creation', 'height', 'width', 'frames', 'duration', 'pages'];

function isAttachment(element: Json): boolean {
  return ATTACHMENT_KEYS.some((key) => key in element) || Object.keys(element).every((key) => key === 'url' || key === 'id' || key === 'language');
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The category of an Identifier, from its type code or its system URI. */
function identifierCategory(identifier: Json): PhiCategoryId {
  const type = identifier['type'];
  const codings = isObject(type) && Array.isArray(type['coding']) ? type['coding'] : [];
  for (const coding of codings) {
    const code = isObject(coding) && typeof coding['code'] === 'string' ? coding['code'] : undefined;
    const category = code === undefined ? undefined : IDENTIFIER_TYPES.get(code);
    if (category) return category;
  }
  const system = typeof identifier['system'] === 'string' ? identifier['system'].toLowerCase() : '';
  if (system.includes('us-ssn') || system.includes('ssn')) return 'ssn';
  if (system.includes('us-npi')) return 'license';
  if (system.includes('us-mbi') || system.includes('medicare')) return 'health-plan';
  if (system.includes('mrn')) return 'mrn';
  return 'other-id';
}

/**
 * De-identifies one FHIR resource (and anything contained in it) by its identifier-bearing elements: `name`,
 * `telecom`, `address`, `birthDate`, `deceased[x]`, `identifier`, `photo`, `contact`, references, narrative
 * `text.div`, attachments and identifying extensions. Other date/dateTime/instant values keep only their year;
 * other strings are scrubbed as free text; codes are kept. The output stays FHIR-shaped: removed names become a
 * HumanName with only `text`, a removed 90+ birth date gets a data-absent-reason extension.
 */
export function deidentifyFhirResource(resource: FhirResource, walker: Walker): Json {
  return new FhirDeidentifier(walker).resource(resource);
}

class FhirDeidentifier {
  constructor(private readonly walker: Walker) {}

  private get placeholderMode(): boolean {
    return this.walker.options.mode === 'placeholder';
  }

  private removed(category: PhiCategoryId, original: unknown): Transformed {
    return this.walker.removed(category, original);
  }

  resource(resource: FhirResource): Json {
    return this.element(resource, resource.resourceType, true);
  }

  /** Copies a complex element, applying element rules by key. */
  private element(source: Json, resourceType: string, isResource: boolean): Json {
    const out = this.walker.remember(source, {} as Json);
    for (const [key, value] of Object.entries(source)) {
      const result = pruneEmpty(this.member(key, value, source, resourceType, isResource));
      if (result !== REMOVE && result !== undefined) setOwn(out, key, result);
    }
    for (const key of BIRTH_DATE_KEYS) {
      if (isResource && typeof source[key] === 'string' && out[key] === undefined) {
        // A birth date that shows the person is 90 or older goes entirely; say why in FHIR terms.
        out[`_${key}`] = { extension: [{ url: DATA_ABSENT_REASON, valueCode: 'masked' }] };
      }
    }
    return out;
  }

  private member(key: string, value: unknown, parent: Json, resourceType: string, isResource: boolean): Transformed {
    if (isResource && key === 'id') return this.removed('other-id', value);
    if (isResource && key === 'meta') return isObject(value) ? this.meta(value) : REMOVE;
    if (isResource && key === 'text' && isObject(value)) return { status: 'generated', div: NARRATIVE_REMOVED };
    switch (key) {
      case 'fullUrl':
        return this.removed('url', value);
      case 'name':
        if (typeof value === 'string') return PERSON_RESOURCES.has(resourceType) ? this.removed('name', value) : this.walker.scrub(value);
        return this.each(value, (n) => this.humanName(n));
      case 'telecom':
      case 'valueContactPoint':
        return this.each(value, (c) => this.contactPoint(c));
      case 'address':
      case 'valueAddress':
        return this.each(value, (a) => this.address(a, resourceType));
      case 'bornDate':
      case 'bornString':
        return this.birthDate(value);
      case 'bornPeriod':
        return this.bornPeriod(value, resourceType);
      case 'carrierAIDC':
        // Base64 of the barcode: it cannot be scrubbed or hold a placeholder.
        return REMOVE;
      case 'valueHumanName':
        return this.each(value, (n) => this.humanName(n));
      case 'identifier':
      case 'valueIdentifier':
        return this.each(value, (i) => this.identifier(i, resourceType));
      case 'photo':
        return this.each(value, (p) => (this.placeholderMode && isObject(p) ? { title: this.removed('photo', p['title'] ?? 'photo') } : REMOVE));
      case 'birthDate':
        return this.birthDate(value);
      case 'lotNumber':
        if (resourceType === 'Device') return this.removed('device', value);
        break;
      case 'data':
      case 'hash':
        // Attachment content (base64) cannot be scrubbed: drop it.
        return REMOVE;
      case 'reference':
        return typeof value === 'string' ? this.reference(value) : REMOVE;
      case 'display':
        if (typeof value === 'string' && 'reference' in parent) return this.referenceDisplay(parent, value);
        break;
      case 'extension':
      case 'modifierExtension':
        return this.each(value, (e) => this.extension(e, resourceType));
    }
    if (DEVICE_IDENTIFIER_KEYS.has(key)) return this.removed('device', value);
    if ((/Address$/.test(key) && typeof value === 'object' && value !== null) || (Array.isArray(value) ? value.length > 0 && value.every(isAddress) : isAddress(value))) {
      return this.each(value, (a) => this.address(a, resourceType));
    }
    if (key === 'url' && typeof value === 'string' && !isResource) {
      if (isAttachment(parent)) return this.removed('url', value);
      // Bundle.entry.request.url and Bundle.link.url (`Patient/123`, `https://…/Patient?family=Lopez&birthdate=…`)
      // name a record or carry search parameters full of PHI: they are handled like references. A query never
      // appears in an extension's or a profile's canonical URL, so any absolute URL with one is a search.
      const isRelative = /^[A-Z][A-Za-z]+[/?]/.test(value);
      const isAbsoluteSearch = /^https?:\/\/[^?#]*\?/i.test(value);
      const isRecordUrl = ('relation' in parent || 'method' in parent) && /^https?:\/\/.*\/[A-Z][A-Za-z]+\/[^/?#]+(?:\/_history\/[^/?#]+)?$/.test(value);
      if (isRelative || isAbsoluteSearch || isRecordUrl) return this.reference(value);
    }
    return this.generic(key, value, resourceType);
  }

  /** Elements without a specific rule: nested resources and elements recurse, dates keep their year, codes stay,
   * other strings are scrubbed, and a key the analyzer's catalog calls an identifier is removed. */
  private generic(key: string, value: unknown, resourceType: string): Transformed {
    if (Array.isArray(value)) return this.walker.array(value, (item) => this.generic(key, item, resourceType));
    if (isObject(value)) {
      if (typeof value['resourceType'] === 'string') return this.element(value, value['resourceType'], true);
      const yearsPerUnit = ageUnitInYears(key, value);
      const element = this.element(value, resourceType, false);
      return yearsPerUnit === undefined ? element : this.age(element, value['value'] as number, yearsPerUnit);
    }
    if (typeof value !== 'string') return value;
    if (STRUCTURAL_KEYS.has(key)) return value;
    if (FHIR_DATE.test(value) && /date|time|instant|issued|authored|recorded|start|end|period|onset|abatement|occurrence|effective|asserted|lastUpdated|when|created/i.test(key)) {
      return this.walker.dateValue(value, false);
    }
    const kind = classifyFhirKey(key, splitWords(resourceType), this.walker);
    return kind ? this.walker.field(kind, value, { context: [], inherited: undefined }) : this.walker.scrub(value);
  }

  private each(value: unknown, transform: (item: unknown) => Transformed): Transformed {
    if (Array.isArray(value)) return this.walker.array(value, transform);
    return transform(value);
  }

  private meta(meta: Json): Json {
    // versionId, lastUpdated and source point back at the source system's record; profiles and tags are schema.
    const out: Json = {};
    for (const key of ['profile', 'security', 'tag']) if (meta[key] !== undefined) out[key] = structuredClone(meta[key]);
    return out;
  }

  private humanName(name: unknown): Transformed {
    if (!isObject(name)) return this.removed('name', name);
    if (!this.placeholderMode) return REMOVE;
    const original = typeof name['text'] === 'string' ? name['text'] : [name['prefix'], name['given'], name['family'], name['suffix']].flat().filter(Boolean).join(' ');
    const out: Json = {};
    if (typeof name['use'] === 'string') out['use'] = name['use'];
    out['text'] = this.removed('name', original);
    return out;
  }

  private contactPoint(point: unknown): Transformed {
    if (!isObject(point)) return this.removed('phone', point);
    if (!this.placeholderMode) return REMOVE;
    const system = typeof point['system'] === 'string' ? point['system'] : 'other';
    const category: PhiCategoryId = system === 'email' ? 'email' : system === 'fax' ? 'fax' : system === 'url' ? 'url' : system === 'phone' || system === 'sms' || system === 'pager' ? 'phone' : 'other-id';
    const out: Json = {};
    for (const key of ['system', 'use', 'rank']) if (point[key] !== undefined) out[key] = point[key];
    if (point['value'] !== undefined) out['value'] = this.removed(category, point['value']);
    return out;
  }

  /** State, country, use and type stay; the ZIP keeps three digits; lines, city, district and text go. */
  private address(address: unknown, resourceType: string): Transformed {
    if (!isObject(address)) return this.removed('geographic', address);
    const out: Json = {};
    for (const [key, value] of Object.entries(address)) {
      if (key === 'use' || key === 'type' || key === 'state' || key === 'country') out[key] = value;
      else if (key === 'postalCode') {
        const zip = typeof value === 'string' ? generalizeZip(value, this.walker.options.restrictedZip3) : undefined;
        const result = zip ?? this.removed('geographic', value);
        if (result !== REMOVE) out[key] = result;
      } else if (key === 'period' || key === 'extension') {
        // Extensions go through the extension rules: a `geolocation` extension here is the home's geocode.
        const result = pruneEmpty(key === 'extension' ? this.each(value, (e) => this.extension(e, resourceType)) : this.generic(key, value, resourceType));
        if (result !== REMOVE) out[key] = result;
      } else if (this.placeholderMode) {
        setOwn(out, key, Array.isArray(value) ? value.map((v) => this.removed('geographic', v)) : this.removed('geographic', value));
      }
    }
    return out;
  }

  private identifier(identifier: unknown, resourceType: string): Transformed {
    if (!isObject(identifier)) return this.removed('other-id', identifier);
    if (!this.placeholderMode) return REMOVE;
    const out: Json = {};
    for (const key of ['use', 'type', 'system']) if (identifier[key] !== undefined) out[key] = structuredClone(identifier[key]);
    if (identifier['value'] !== undefined) out['value'] = this.removed(identifierCategory(identifier), identifier['value']);
    if (identifier['period'] !== undefined) out['period'] = this.generic('period', identifier['period'], resourceType);
    return out;
  }

  /**
   * An Age of 90 or more years becomes the category "90 or older" in FHIR terms: `{ comparator: '>=', value: 90 }`
   * in years (a string `90+` is not a valid Quantity value). An upper bound (`< 95`) does not show the age, but its
   * number would still be a date element of one: it goes, and the unit stays.
   */
  private age(element: Json, value: number, yearsPerUnit: number): Json {
    if (value * yearsPerUnit < 90) return element;
    const comparator = element['comparator'];
    const { value: _value, comparator: _comparator, ...rest } = element;
    if (comparator === '<' || comparator === '<=') return rest;
    if (yearsPerUnit === 1) return { ...rest, comparator: '>=', value: 90 };
    return { ...rest, comparator: '>=', value: 90, unit: 'years', system: UCUM, code: 'a' };
  }

  /** `FamilyMemberHistory.bornPeriod`: each end is a birth date; if either shows 90 or older, the period goes. */
  private bornPeriod(value: unknown, resourceType: string): Transformed {
    if (!isObject(value)) return REMOVE;
    for (const end of ['start', 'end']) if (value[end] !== undefined && this.birthDate(value[end]) === REMOVE) return REMOVE;
    return this.generic('bornPeriod', value, resourceType);
  }

  private birthDate(value: unknown): Transformed {
    if (typeof value !== 'string') return REMOVE;
    const parts = parseDate(value, this.walker.options.now);
    if (!parts) return REMOVE;
    return isNinetyOrOlder(parts, this.walker.options.now) ? REMOVE : String(parts.year);
  }

  /** `Patient/123` keeps its resource type; the id (and absolute or `urn:uuid:` references) are removed. Local
   * references to contained resources (`#p1`) stay. */
  private reference(reference: string): Transformed {
    if (reference.startsWith('#')) return reference;
    const match = /^(?:.*\/)?([A-Z][A-Za-z]+)\/([^/]+)(?:\/_history\/[^/]+)?$/.exec(reference);
    if (!match) return this.removed('other-id', reference);
    // The id alone is replaced, so that with pseudonymize `Patient/<token>` matches the Patient's own `id` token.
    const id = this.removed('other-id', match[2]!);
    return id === REMOVE ? REMOVE : `${match[1]}/${id as string}`;
  }

  private referenceDisplay(reference: Json, display: string): Transformed {
    const target = typeof reference['reference'] === 'string' ? /([A-Z][A-Za-z]+)\/[^/]+$/.exec(reference['reference'])?.[1] : undefined;
    const type = typeof reference['type'] === 'string' ? reference['type'] : target;
    return type && !PERSON_RESOURCES.has(type) && type !== 'Group' ? this.walker.scrub(display) : this.removed('name', display);
  }

  private extension(extension: unknown, resourceType: string): Transformed {
    if (!isObject(extension)) return REMOVE;
    const url = typeof extension['url'] === 'string' ? extension['url'] : '';
    const identifying = IDENTIFYING_EXTENSIONS.find(([pattern]) => pattern.test(url));
    if (!identifying) return this.element(extension, resourceType, false);
    if (!this.placeholderMode || GEOCODE_EXTENSION.test(url)) return REMOVE;
    const [, category] = identifying;
    const out: Json = { url };
    for (const [key, value] of Object.entries(extension)) {
      if (!key.startsWith('value')) continue;
      if (key === 'valueAddress') out[key] = this.address(value, resourceType);
      else if (category === 'date' && typeof value === 'string') out[key] = this.walker.dateValue(value, true);
      else out[key] = this.removed(category, typeof value === 'string' ? value : JSON.stringify(value));
    }
    return out;
  }
}

/** A FHIR key the caller forced or the analyzer's catalog classifies (e.g. an `ssn` in a custom element). FHIR's
 * own clinical elements (code, value[x]) are content, not identifiers, so clinical matches only count when the
 * caller asked to remove clinical data. */
function classifyFhirKey(key: string, contextWords: readonly string[], walker: Walker): FieldKind | undefined {
  const forced = walker.options.fields.get(key.toLowerCase());
  if (forced === 'keep') return { kind: 'keep' };
  const category = forced ?? classifyName(key, contextWords)?.category;
  if (!category) return undefined;
  const kind = kindOf(category, key);
  return kind.kind === 'clinical' && walker.options.clinical === 'keep' ? undefined : kind;
}
