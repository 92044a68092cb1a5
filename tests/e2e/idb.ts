import type { Page } from 'playwright-core';

/** Everything in the app's database, read with the raw IndexedDB API (not through the app). */
export interface DatabaseDump {
  readonly version: number;
  /** Store name → [primary key, record] pairs, in key order. */
  readonly stores: Readonly<Record<string, readonly (readonly [unknown, unknown])[]>>;
}

/**
 * Reads every object store of database `name` in one read-only transaction. Opens at the
 * current version (no version argument), so it never upgrades or blocks anything; null when
 * the database does not exist.
 */
export function dumpDatabase(page: Page, name = 'trajectory'): Promise<DatabaseDump | null> {
  return page.evaluate(async (dbName) => {
    const known = await indexedDB.databases();
    if (!known.some((d) => d.name === dbName)) return null;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(dbName);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('open failed'));
    });
    try {
      const names = [...db.objectStoreNames].sort();
      const tx = db.transaction(names, 'readonly');
      const read = (storeName: string) =>
        new Promise<[unknown, unknown][]>((resolve, reject) => {
          const store = tx.objectStore(storeName);
          const keys = store.getAllKeys();
          const values = store.getAll();
          values.onsuccess = () => resolve(keys.result.map((k, i) => [k, values.result[i]]));
          values.onerror = () => reject(values.error ?? new Error(`read of ${storeName} failed`));
        });
      // Every request is made at once, while the transaction is surely active.
      const all = await Promise.all(names.map(read));
      return {
        version: db.version,
        stores: Object.fromEntries(names.map((n, i) => [n, all[i] ?? []])),
      };
    } finally {
      db.close();
    }
  }, name);
}

/** Number of records per store, for readable assertions. */
export const storeSizes = (dump: DatabaseDump | null): Record<string, number> =>
  Object.fromEntries(Object.entries(dump?.stores ?? {}).map(([k, v]) => [k, v.length]));

/**
 * Runs in the page (page.evaluate or addInitScript). While `window.diskFull` is a number K,
 * every read-write transaction may store K records, and its next write fails as a full disk
 * does: put/add throws a QuotaExceededError DOMException, after the first K writes of the same
 * transaction succeeded (so a transaction that is not rolled back as a whole would leave them
 * behind). `window.diskFullFailures` counts the failures, `window.diskFullWrites` the writes let
 * through while the switch was on.
 *
 * Browsers report a full disk in two shapes: Firefox fails the request with
 * QuotaExceededError; Chrome lets every request succeed and aborts the transaction at commit
 * (Dexie: AbortError whose inner error is QuotaExceededError, Dexie #776). Only the first can
 * be reproduced here: Chromium offers no way to shrink a context's quota (the DevTools quota
 * override has no effect on a Playwright context), and Dexie's transaction scopes commit by
 * themselves, leaving no point at which to inject a commit-time abort.
 */
export function installDiskFullSwitch(): void {
  const w = window as unknown as {
    diskFull?: number | null;
    diskFullFailures?: number;
    diskFullWrites?: number;
  };
  w.diskFullFailures = 0;
  w.diskFullWrites = 0;
  const writes = new WeakMap<IDBTransaction, number>();
  const guard = (store: IDBObjectStore) => {
    if (typeof w.diskFull !== 'number') return;
    const n = (writes.get(store.transaction) ?? 0) + 1;
    writes.set(store.transaction, n);
    if (n > w.diskFull) {
      w.diskFullFailures = (w.diskFullFailures ?? 0) + 1;
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
    w.diskFullWrites = (w.diskFullWrites ?? 0) + 1;
  };
  type Write = (this: IDBObjectStore, value: unknown, key?: IDBValidKey) => IDBRequest<IDBValidKey>;
  const original = (name: 'put' | 'add') =>
    Object.getOwnPropertyDescriptor(IDBObjectStore.prototype, name)?.value as Write;
  const realPut = original('put');
  const realAdd = original('add');
  IDBObjectStore.prototype.put = function (
    this: IDBObjectStore,
    value: unknown,
    key?: IDBValidKey,
  ) {
    guard(this);
    return key === undefined ? realPut.call(this, value) : realPut.call(this, value, key);
  };
  IDBObjectStore.prototype.add = function (
    this: IDBObjectStore,
    value: unknown,
    key?: IDBValidKey,
  ) {
    guard(this);
    return key === undefined ? realAdd.call(this, value) : realAdd.call(this, value, key);
  };
}
