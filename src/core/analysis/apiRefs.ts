import type { ApiRef } from './values';
import { detached } from '../text/detached';

// API references are interned: one object per module and path. Reading a member (`openai.chat.completions.create`)
// then costs a map lookup instead of a copied path, and the catalogs memoise by the reference itself instead of
// by a key string built for every call.

const roots = new Map<string, ApiRef>();
const members = new WeakMap<ApiRef, Map<string, ApiRef>>();
/** A long-lived process (the ESLint server, the editor) meets new paths for ever: start over past this many. */
const MAX_INTERNED = 200_000;
let interned = 0;

/** The names of the global object: reading one gives `apiRoot('<global>')`, whose members are the globals. */
export const GLOBAL_ALIASES: ReadonlySet<string> = new Set(['window', 'globalThis', 'self', 'global']);

/** The module itself (`import OpenAI from 'openai'` is `apiMember(apiRoot('openai'), 'default')`). */
export function apiRoot(module: string): ApiRef {
  let root = roots.get(module);
  if (!root) {
    if (interned > MAX_INTERNED) {
      roots.clear();
      interned = 0;
    }
    const name = detached(module);
    roots.set(name, (root = { module: name, path: [] }));
    interned++;
  }
  return root;
}

/** `ref` followed by one more segment: a property, `()` for a call's result, `new()`, `$arg0`. Works for any
 * reference, interned or not (those in other modules' summaries are plain data). */
export function apiMember(ref: ApiRef, segment: string): ApiRef {
  let byName = members.get(ref);
  if (!byName) members.set(ref, (byName = new Map()));
  let member = byName.get(segment);
  if (!member) {
    const name = detached(segment);
    byName.set(name, (member = ref.typeArg === undefined ? { module: ref.module, path: [...ref.path, name] } : { module: ref.module, path: [...ref.path, name], typeArg: ref.typeArg }));
    interned++;
  }
  return member;
}

/** The interned reference for a module and a whole path. */
export function apiPath(module: string, path: readonly string[]): ApiRef {
  let ref = apiRoot(module);
  for (const segment of path) ref = apiMember(ref, segment);
  return ref;
}

const typed = new WeakMap<ApiRef, Map<string, ApiRef>>();

/** `ref` as the result of a generic call given `typeName` (`useForm<IntakeForm>()`): its members keep the type. */
export function typedApi(ref: ApiRef, typeName: string): ApiRef {
  let byType = typed.get(ref);
  if (!byType) typed.set(ref, (byType = new Map()));
  let result = byType.get(typeName);
  if (!result) byType.set(detached(typeName), (result = { module: ref.module, path: ref.path, typeArg: detached(typeName) }));
  return result;
}
