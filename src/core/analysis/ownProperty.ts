/**
 * `record[key]` for a key the analysed code chose (a property it reads, a resource type it names, a name it imports):
 * only the record's own entries. A plain lookup would answer `constructor`, `toString` or `valueOf` with
 * `Object.prototype`'s functions, taken for catalog entries or exports (`patient.constructor` once failed a whole file).
 */
export function ownProperty<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
