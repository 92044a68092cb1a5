/**
 * A clinic database on a pouchdb-server the test starts on a free loopback port, set up by
 * the clinic script (scripts/sync/setup.mjs), and the devices that replicate with it: this
 * device is the app's database with its PouchDB replica; another device is a PouchDB replica
 * of its own that pulls, edits and pushes as another browser would.
 */
import PouchDB, { type Database } from 'pouchdb-browser';
import { startSyncServer } from '../../scripts/sync/server.mjs';
import { setupClinic } from '../../scripts/sync/setup.mjs';
import type { RecordDoc } from '../../src/sync/docs';

export type SyncServer = Awaited<ReturnType<typeof startSyncServer>>;
export { startSyncServer };

const basic = (user: string) => (url: string | Request, init?: RequestInit) => {
  const headers = new Headers(init?.headers);
  headers.set('Authorization', `Basic ${btoa(user)}`);
  return fetch(url, { ...init, headers });
};

export const remoteAs = (server: SyncServer, name: string, user: string): Database =>
  new PouchDB(`${server.url}/${name}`, { skip_setup: true, fetch: basic(user) });

export const replica = (name: string): Database => new PouchDB(name);


/**
 * A clinic database with two members, a{n} and b{n} (password "pw"), set up by the clinic
 * script with its validation design document. pouchdb-server 4.2.0's own pouchdb-validation
 * overwrites a replicated document's `_revisions`, so a replicated edit of an existing
 * document would be answered 201 and not stored (pouchdb/pouchdb-server#419); the server the
 * tests start loads scripts/sync/validation-fix.mjs, which keeps CouchDB's behaviour.
 */
export async function newClinic(server: SyncServer, n: number): Promise<string> {
  const name = `clinic-${n}`;
  await setupClinic({
    url: server.url,
    db: name,
    admin: 'admin:admin',
    memberRole: name,
    users: [
      { name: `a${n}`, password: 'pw' },
      { name: `b${n}`, password: 'pw' },
    ],
  });
  return name;
}

/** A clock later than any this device made so far (another device's, a moment ahead). */
export const laterClock = (seconds = 1, node = 'bb'): string =>
  `${new Date(Date.now() + seconds * 1000).toISOString()}-0000-${node.padStart(16, '0')}`;

/** Another device edits a record in its replica (as the app would write it) and pushes. */
export async function editElsewhere(
  device: Database,
  remote: Database,
  id: string,
  edit: (record: Record<string, unknown>) => Record<string, unknown>,
  stamps: { readonly rev: string; readonly author: string; readonly hlc?: string },
): Promise<void> {
  await device.replicate.from(remote);
  const doc = (await device.get(id)) as unknown as RecordDoc;
  await device.put({
    ...doc,
    rev: stamps.rev,
    author: stamps.author,
    device: 'device-b',
    hlc: stamps.hlc ?? laterClock(),
    record: edit({ ...(doc.record as unknown as Record<string, unknown>) }),
  });
  await device.replicate.to(remote);
}
