import { COMPOUND_WORDS, LOOKALIKE_PAIRS, NAME_RULES, NOT_PHI_WORDS, OPERATION_VERBS, ORGANIZATION_WORDS, PATIENT_WORDS, PERSON_WORDS, REGION_WORDS } from './nameRules';
import type { PhiCategoryId } from '../catalog/phiCategories';
import { splitWords } from './splitWords';
import { detached } from '../text/detached';

export interface NameMatch {
  readonly category: PhiCategoryId;
  /** The identifier's words, as matched. */
  readonly words: readonly string[];
  /** The catalog pattern that fired, e.g. `first name` or `name @person`. */
  readonly pattern: string;
}

type Scope = 'any' | 'person' | 'patient';

interface CompiledPattern {
  readonly category: PhiCategoryId;
  readonly source: string;
  readonly words: readonly string[];
  readonly scope: Scope;
}

const COMPILED: readonly CompiledPattern[] = NAME_RULES.flatMap((rule) =>
  rule.patterns.map((source) => {
    const scope: Scope = source.endsWith(' @person') ? 'person' : source.endsWith(' @patient') ? 'patient' : 'any';
    const words = source.replace(/ @(person|patient)$/, '').split(' ');
    return { category: rule.category, source, words, scope };
  }),
);

/** Patterns indexed by their first word, so matching is a few set lookups per identifier. */
const BY_FIRST_WORD = new Map<string, CompiledPattern[]>();
for (const pattern of COMPILED) {
  const list = BY_FIRST_WORD.get(pattern.words[0]!) ?? [];
  list.push(pattern);
  BY_FIRST_WORD.set(pattern.words[0]!, list);
}

function singular(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

const normalized = new Map<string, readonly string[]>();

/** Splits an identifier into the words the rules are written in (compounds expanded, look-alike pairs joined); memoised. */
export function normalizedWords(identifier: string): readonly string[] {
  let words = normalized.get(identifier);
  if (!words) {
    if (normalized.size > 100_000) normalized.clear();
    normalized.set(detached(identifier), (words = normalize(identifier)));
  }
  return words;
}

/** COMPOUND_WORDS as a map: a plain object would answer `constructor` (a word of `constructorName`) with a function. */
const COMPOUNDS: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(COMPOUND_WORDS));

/** LOOKALIKE_PAIRS by their first word, so that a name's words are checked without building each pair. */
const LOOKALIKE_SECOND_WORDS: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const byFirst = new Map<string, Set<string>>();
  for (const pair of LOOKALIKE_PAIRS) {
    const [first, second] = pair.split(' ') as [string, string];
    let seconds = byFirst.get(first);
    if (!seconds) byFirst.set(first, (seconds = new Set()));
    seconds.add(second);
  }
  return byFirst;
})();

function normalize(identifier: string): string[] {
  const words: string[] = [];
  for (const word of splitWords(identifier)) {
    const parts = COMPOUNDS.get(word);
    if (parts) words.push(...parts);
    else words.push(word);
  }
  const joined: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const next = words[i + 1];
    if (next !== undefined && LOOKALIKE_SECOND_WORDS.get(words[i]!)?.has(next)) {
      joined.push(`${words[i]}${next}`);
      i++;
    } else {
      joined.push(words[i]!);
    }
  }
  return joined;
}

/** A scoped pattern fires when the word it describes is a person (or patient): the word right before it in the
 * name (`contactName`), else the head noun of the object it is read from (`patient` in `patient.name`, not
 * `subject` in `subjectAuthClient.id`). */
function hasScope(scope: Scope, before: readonly string[], context: readonly string[]): boolean {
  if (scope === 'any') return true;
  const set = scope === 'person' ? PERSON_WORDS : PATIENT_WORDS;
  const head = before.length ? before[before.length - 1] : context[context.length - 1];
  return head !== undefined && set.has(singular(head));
}

const cache = new Map<string, NameMatch | null>();
const contextMatters = new Map<string, boolean>();

/**
 * Whether the words around a name (the object it is read from) can change how it classifies: only when a pattern
 * starts at one of its words. Most names (`data`, `result`, `map`) match none, so their context need not be worked out.
 */
export function mayDependOnContext(name: string): boolean {
  let matters = contextMatters.get(name);
  if (matters === undefined) {
    matters = normalizedWords(name).some((w) => BY_FIRST_WORD.has(w) || BY_FIRST_WORD.has(singular(w)));
    if (contextMatters.size > 50_000) contextMatters.clear();
    contextMatters.set(detached(name), matters);
  }
  return matters;
}

/**
 * Classifies an identifier (variable, parameter, property) as a PHI category, or undefined.
 * `contextWords` are the words of the object a property is read from (`patient` in `patient.name`).
 * The longest matching pattern wins; a name with a word outside the match that describes data
 * rather than being it (`emailTemplate`, `ssnPattern`, `isEmailVerified`) is not PHI.
 */
export function classifyName(name: string, contextWords: readonly string[] = []): NameMatch | undefined {
  const key = contextWords.length ? `${name}|${contextWords.join(' ')}` : name;
  const cached = cache.get(key);
  if (cached !== undefined) return cached ?? undefined;
  const result = classifyNameUncached(name, contextWords);
  if (cache.size > 50_000) cache.clear();
  cache.set(detached(key), result ?? null);
  return result;
}

/** classifyName without its cache, for a caller that keeps verdicts of its own (the engine's NameClassifier). */
export function classifyNameUncached(name: string, contextWords: readonly string[]): NameMatch | undefined {
  const words = normalizedWords(name);
  if (words.length === 0 || words.length > 12) return undefined;
  let best: { pattern: CompiledPattern; start: number } | undefined;
  for (let i = 0; i < words.length; i++) {
    const candidates = BY_FIRST_WORD.get(words[i]!) ?? BY_FIRST_WORD.get(singular(words[i]!));
    if (!candidates) continue;
    for (const pattern of candidates) {
      if (!matchesAt(words, i, pattern.words)) continue;
      if (!hasScope(pattern.scope, words.slice(0, i), contextWords)) continue;
      if (!best || pattern.words.length > best.pattern.words.length) best = { pattern, start: i };
    }
  }
  if (!best) return undefined;
  const end = best.start + best.pattern.words.length;
  const outside = [...words.slice(0, best.start), ...words.slice(end)];
  if (outside.some((w) => NOT_PHI_WORDS.has(w))) return undefined;
  if (best.start > 0 && namesAnOperation(words)) return undefined;
  if (CONTACT_CATEGORIES.has(best.pattern.category) && isOrganization(words.slice(0, best.start), contextWords)) return undefined;
  if (best.pattern.category === 'name' && best.start > 0 && REGION_WORDS.has(singular(words[best.start - 1]!))) return undefined;
  return { category: best.pattern.category, words, pattern: best.pattern.source };
}

/** `addPatientNote`, `routes.getPatient`: the name starts with a verb, so it names an operation (see OPERATION_VERBS). */
export function namesAnOperation(words: readonly string[]): boolean {
  return words.length > 1 && OPERATION_VERBS.has(words[0]!);
}

/** Categories an organisation has too: a clinic's address or fax is not PHI. */
const CONTACT_CATEGORIES: ReadonlySet<PhiCategoryId> = new Set<PhiCategoryId>(['name', 'geographic', 'phone', 'fax', 'email', 'url']);

/**
 * The nearest describing word (in the name, else the object's name) is an organisation or place, and no person word is
 * nearer. `contact` just before the detail says what the detail is for, not whose it is (`employer.contactFax`; an
 * `emergencyContactPhone` is still a person's).
 */
function isOrganization(before: readonly string[], context: readonly string[]): boolean {
  for (const words of [before, context]) {
    for (let i = words.length - 1; i >= 0; i--) {
      const w = singular(words[i]!);
      if (words === before && i === words.length - 1 && w === 'contact') continue;
      if (PERSON_WORDS.has(w)) return false;
      if (ORGANIZATION_WORDS.has(w)) return true;
    }
  }
  return false;
}

function matchesAt(words: readonly string[], start: number, pattern: readonly string[]): boolean {
  if (start + pattern.length > words.length) return false;
  for (let j = 0; j < pattern.length; j++) {
    const w = words[start + j]!;
    if (w !== pattern[j] && singular(w) !== pattern[j]) return false;
  }
  return true;
}
