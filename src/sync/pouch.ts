/**
 * PouchDB, loaded only when sync is on: a dynamic import, so the first load of the app (and
 * every device that never syncs) does not download it. The two databases of a sync: this
 * browser's replica and the clinic's database on the server, reached with the session cookie.
 */
import type { Database } from 'pouchdb-browser';
import { withSession } from './session';

export interface Pair {
  readonly local: Database;
  readonly remote: Database;
}

/** A short, stable name for the replica of one server and database (one replica each). */
export function replicaName(address: string, database: string): string {
  let hash = 0x811c9dc5;
  for (const char of `${address}|${database}`) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `trajectory-sync-${hash.toString(16).padStart(8, '0')}`;
}

export async function openPair(address: string, database: string): Promise<Pair> {
  const { default: PouchDB } = await import('pouchdb-browser');
  return {
    local: new PouchDB(replicaName(address, database)),
    remote: new PouchDB(`${address}/${encodeURIComponent(database)}`, {
      skip_setup: true,
      fetch: withSession,
    }),
  };
}
