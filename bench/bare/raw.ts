// The reference for the import: the same backup file parsed and its records put into an
// IndexedDB database of the app's shape (the app's own schema declarations, the same
// tables and indexes) in ONE transaction, with nothing else: no checks, no history.
import Dexie from 'dexie';
import { declareVersions } from '../../src/db/versions';

const TABLES = ['patients', 'events', 'visits', 'assessments', 'safetyAcks'] as const;

async function rawImport(text: string): Promise<{ ms: number; records: number }> {
  await Dexie.delete('bench-raw');
  const shape = new Dexie('bench-raw');
  declareVersions(shape);
  await shape.open();
  const idb = shape.backendDB();
  const start = performance.now();
  const backup = JSON.parse(text) as Record<string, unknown[]>;
  let records = 0;
  await new Promise<void>((resolve, reject) => {
    const tx = idb.transaction([...TABLES], 'readwrite', { durability: 'strict' });
    for (const table of TABLES) {
      const store = tx.objectStore(table);
      for (const record of backup[table] ?? []) {
        store.put(record);
        records += 1;
      }
    }
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
  });
  const ms = performance.now() - start;
  shape.close();
  await Dexie.delete('bench-raw');
  return { ms, records };
}

declare global {
  interface Window {
    rawImport: (file: string) => Promise<{ ms: number; records: number }>;
  }
}
window.rawImport = async (file) => rawImport(await (await fetch(file)).text());
