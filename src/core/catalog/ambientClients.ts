/**
 * A global namespace a package's type declarations add, whose types are that package's clients: `@types/pouchdb`
 * declares `PouchDB`, so `db: PouchDB.Database` is a PouchDB database although nothing imports it (HospitalRun's
 * repositories take one as a constructor argument). A value so typed is the client the `export` names, constructed.
 */
export interface AmbientClientEntry {
  readonly namespace: string;
  readonly module: string;
  /** The module's export the namespace's types are instances of (`default`: `new PouchDB(…)`). */
  readonly export: string;
  /** Code whose value so typed must (match) and must not (noMatch) be reported at a sink of the module; checked by a test. */
  readonly examples: { readonly match: readonly string[]; readonly noMatch: readonly string[] };
}

export const AMBIENT_CLIENTS: readonly AmbientClientEntry[] = [
  {
    namespace: 'PouchDB', module: 'pouchdb', export: 'default',
    examples: {
      match: ["export class Repository {\n  constructor(private db: PouchDB.RelDatabase) {}\n  save(patient: { firstName: string }) { return this.db.rel.save('patient', patient); }\n}"],
      noMatch: ["export class Repository {\n  constructor(private db: PouchDB.RelDatabase) {}\n  save(ward: { beds: number }) { return this.db.rel.save('ward', ward); }\n}"],
    },
  },
];

const BY_NAMESPACE: ReadonlyMap<string, AmbientClientEntry> = new Map(AMBIENT_CLIENTS.map((entry) => [entry.namespace, entry]));

export function ambientClient(namespace: string): AmbientClientEntry | undefined {
  return BY_NAMESPACE.get(namespace);
}
