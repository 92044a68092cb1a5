/**
 * The database as it stands when an upgrade failed, read raw through IndexedDB (never through
 * Dexie, which would try the upgrade again) at the version it is stored at, and handed back
 * in the backup format so the clinic keeps a copy it can import once the fault is fixed.
 * Records are written as stored, minus the derived index keys and revisions a backup never
 * holds; the record that blocked the upgrade is in the file too, as it was, and an import
 * names it if it is still not valid.
 */
import { APP_VERSION } from './backup/app-version';
import { backupToJson } from './backup/backup-text';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_TABLES,
  type Backup,
} from './backup/backup-format';
import { DATABASE_NAME } from './db';

/** Keys the app derives on write (indexes and revisions): never part of a backup. */
// Derived keys and the replication stamps (revision, author, device): a backup carries none.
const DERIVED = ['codeKey', 'nameWords', 'flaggedItems', 'rev', 'author', 'device'];

function withoutDerived(row: unknown): unknown {
  if (typeof row !== 'object' || row === null) return row;
  return Object.fromEntries(Object.entries(row).filter(([key]) => !DERIVED.includes(key)));
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/** Opens `name` at whatever version it holds: no version asked, so no upgrade runs. */
function openAsStored(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB open failed'));
    // A database that does not exist would be created here: refuse instead of making one.
    req.onupgradeneeded = () => {
      req.transaction?.abort();
    };
  });
}

/** Every clinical record of the database `name` as stored, in the backup format. */
export async function readOldDatabase(
  name = DATABASE_NAME,
): Promise<Backup & { storedVersion: number }> {
  const idb = await openAsStored(name);
  try {
    const stores = BACKUP_TABLES.filter((t) => idb.objectStoreNames.contains(t));
    const withMeta = idb.objectStoreNames.contains('meta') ? [...stores, 'meta'] : stores;
    const tx = idb.transaction(withMeta, 'readonly');
    // Every request is made at once, while the transaction is surely active.
    const [rows, rules] = await Promise.all([
      Promise.all(stores.map((s) => request<unknown[]>(tx.objectStore(s).getAll()))),
      withMeta.includes('meta')
        ? request<unknown>(tx.objectStore('meta').get('clinicalRules'))
        : Promise.resolve(undefined),
    ]);
    const tables = Object.fromEntries(
      BACKUP_TABLES.map((t) => [t, (rows[stores.indexOf(t)] ?? []).map(withoutDerived)]),
    ) as unknown as Pick<Backup, (typeof BACKUP_TABLES)[number]>;
    const clinicalRules = (rules as { value?: Backup['clinicalRules'] } | undefined)?.value;
    return {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      exportedAt: new Date().toISOString(),
      appVersion: APP_VERSION,
      scope: 'all',
      ...(clinicalRules ? { clinicalRules } : {}),
      ...tables,
      // Dexie stores version N as N × 10 in IndexedDB.
      storedVersion: idb.version / 10,
    };
  } finally {
    idb.close();
  }
}

/** The file: 'trajectory-before-upgrade-v3-2026-12-02.json'. */
export function oldDatabaseFile(backup: Backup & { storedVersion: number }): {
  name: string;
  text: string;
} {
  const { storedVersion, ...file } = backup;
  return {
    name: `trajectory-before-upgrade-v${storedVersion}-${file.exportedAt.slice(0, 10)}.json`,
    // Written like every backup (with its checksum), so it imports like one.
    text: backupToJson(file),
  };
}
