// The part of PouchDB 9 that src/sync uses, typed here: @types/pouchdb-core declares a global
// `Buffer` interface that breaks Node's own (tsc errors in unrelated files).
declare module 'pouchdb-browser' {
  export interface PouchError {
    readonly status?: number;
    readonly name?: string;
    readonly reason?: string;
    readonly message?: string;
    readonly id?: string;
  }
  export interface PouchDoc {
    readonly _id: string;
    readonly _rev?: string;
    readonly _deleted?: boolean;
    readonly _conflicts?: readonly string[];
    readonly [field: string]: unknown;
  }
  export interface ReplicationResult {
    readonly ok: boolean;
    readonly docs_read: number;
    readonly docs_written: number;
    readonly doc_write_failures: number;
  }
  export interface Replication extends Promise<ReplicationResult> {
    on(event: 'denied', listener: (error: PouchError) => void): void;
    cancel(): void;
  }
  export interface LiveChanges {
    on(event: 'change', listener: () => void): LiveChanges;
    on(event: 'error', listener: (error: PouchError) => void): LiveChanges;
    cancel(): void;
  }
  export interface ChangesResult {
    readonly results: readonly { readonly id: string; readonly doc?: PouchDoc }[];
    readonly last_seq: string | number;
  }
  export interface Database {
    get(
      id: string,
      options?: { rev?: string; revs?: boolean; conflicts?: boolean },
    ): Promise<PouchDoc & { readonly _revisions?: { start: number; ids: readonly string[] } }>;
    get(
      id: string,
      options: { open_revs: 'all' },
    ): Promise<readonly ({ ok: PouchDoc } | { missing: string })[]>;
    put(doc: PouchDoc): Promise<{ ok: boolean; id: string; rev: string }>;
    bulkDocs(
      docs: readonly PouchDoc[],
    ): Promise<readonly ({ ok: boolean; id: string; rev: string } | PouchError)[]>;
    changes(options: {
      since: string | number;
      include_docs: true;
      conflicts: true;
    }): Promise<ChangesResult>;
    /** A live feed of the database's changes (long polling a remote one). */
    changes(options: { since: 'now'; live: true; heartbeat?: number }): LiveChanges;
    info(): Promise<{ doc_count: number; update_seq: string | number }>;
    destroy(): Promise<unknown>;
    close(): Promise<void>;
    readonly replicate: {
      to(target: Database, options?: { retry?: boolean }): Replication;
      from(source: Database, options?: { retry?: boolean }): Replication;
    };
  }
  export interface DatabaseOptions {
    readonly skip_setup?: boolean;
    readonly fetch?: (url: string | Request, init?: RequestInit) => Promise<Response>;
  }
  const PouchDB: new (name: string, options?: DatabaseOptions) => Database;
  // PouchDB's own module shape is a default export.
  // eslint-disable-next-line no-restricted-syntax
  export default PouchDB;
}
