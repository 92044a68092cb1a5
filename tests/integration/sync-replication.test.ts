/**
 * Sync against a real CouchDB API: a pouchdb-server this test starts on a free loopback port,
 * set up by the same script a clinic uses (scripts/sync/setup.mjs). This device is the app's
 * database with its PouchDB replica (fake-indexeddb); "the other device" writes to the server
 * through its own replica, as another browser would.
 */
import PouchDB, { type Database } from 'pouchdb-browser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSyncServer } from '../../scripts/sync/server.mjs';
import { setupClinic } from '../../scripts/sync/setup.mjs';
import { db } from '../../src/db/db';
import { updatePatient } from '../../src/db/patients-repo';
import { getPatient } from '../../src/db/patient-queries';
import { readSyncConflicts, readSyncState } from '../../src/db/sync-store';
import { docOf, type RecordDoc } from '../../src/sync/docs';
import { syncRound } from '../../src/sync/replicate';
import { expectOk, freshDatabase, seedPatient } from './helpers';

let server: Awaited<ReturnType<typeof startSyncServer>>;
let clinic = 0;
let remoteName = '';

const basic = (user: string) => (url: string | Request, init?: RequestInit) => {
  const headers = new Headers(init?.headers);
  headers.set('Authorization', `Basic ${btoa(user)}`);
  return fetch(url, { ...init, headers });
};
const remoteAs = (user: string, name = remoteName): Database =>
  new PouchDB(`${server.url}/${name}`, { skip_setup: true, fetch: basic(user) });
const replica = (name: string): Database => new PouchDB(name);

beforeAll(async () => {
  server = await startSyncServer({ admin: 'admin:admin' });
}, 60_000);

afterAll(async () => {
  await server.stop();
});

beforeEach(async () => {
  await freshDatabase();
  clinic += 1;
  remoteName = `clinic-${clinic}`;
  await setupClinic({
    url: server.url,
    db: remoteName,
    admin: 'admin:admin',
    memberRole: remoteName,
    users: [
      { name: `a${clinic}`, password: 'pw' },
      { name: `b${clinic}`, password: 'pw' },
    ],
  });
});

describe('sync with a clinic database', () => {
  it('sends every record of this device, and the other device receives them', async () => {
    const { patient, visit, hamd, event } = await seedPatient('DEZ-001');
    const local = replica(`here-${clinic}`);
    const round = await syncRound(local, remoteAs(`a${clinic}:pw`));
    expect(round).toMatchObject({ sent: 4, conflicts: 0, refused: [] });
    const other = remoteAs(`b${clinic}:pw`);
    const stored = (await other.get(hamd.id)) as unknown as RecordDoc;
    expect(stored).toMatchObject({
      table: 'assessments',
      patientId: patient.id,
      rev: (await db.assessments.get(hamd.id))?.rev,
      author: 'this device',
    });
    for (const id of [patient.id, visit.id, event.id]) expect((await other.get(id))._id).toBe(id);
    const state = await readSyncState();
    expect(state.lastSyncAt).not.toBeNull();
    // A second round sends nothing new.
    expect(await syncRound(local, remoteAs(`a${clinic}:pw`))).toMatchObject({ sent: 0 });
  });

  it("applies the other device's edit, with its author, in history", async () => {
    const { patient } = await seedPatient('DEZ-001');
    const local = replica(`here-${clinic}`);
    await syncRound(local, remoteAs(`a${clinic}:pw`));
    const other = remoteAs(`b${clinic}:pw`);
    const theirs = (await other.get(patient.id)) as unknown as RecordDoc;
    await other.put({
      ...theirs,
      rev: '2-0000000000beef',
      author: 'Dr Wu',
      hlc: '2024-01-01T00:00:00.000Z-0000-ffffffffffffffff',
      record: { ...theirs.record, name: 'Hui Wang-Li' },
    });
    const round = await syncRound(local, remoteAs(`a${clinic}:pw`));
    expect(round.received).toBe(1);
    const now = await getPatient(patient.id);
    expect(now).toMatchObject({ name: 'Hui Wang-Li', author: 'Dr Wu', rev: '2-0000000000beef' });
    const entry = await db.history.where('recordId').equals(patient.id).last();
    expect(entry).toMatchObject({ operation: 'change from another device', by: 'Dr Wu' });
  });

  it('two devices edit the same patient apart: nothing is applied, both versions are listed', async () => {
    const { patient } = await seedPatient('DEZ-001');
    const local = replica(`here-${clinic}`);
    await syncRound(local, remoteAs(`a${clinic}:pw`));
    const other = remoteAs(`b${clinic}:pw`);
    const theirs = (await other.get(patient.id)) as unknown as RecordDoc;
    await other.put({
      ...theirs,
      rev: '2-0000000000beef',
      author: 'Dr Wu',
      record: { ...theirs.record, name: 'Name from B' },
    });
    const base = await getPatient(patient.id);
    if (!base) throw new Error('patient missing');
    expectOk(await updatePatient(patient.id, { name: 'Name from A' }, { base, by: 'Dr Li' }));
    const round = await syncRound(local, remoteAs(`a${clinic}:pw`));
    expect(round.conflicts).toBe(1);
    expect((await getPatient(patient.id))?.name).toBe('Name from A');
    const [conflict] = await readSyncConflicts();
    expect(conflict?.reason).toBe('changed on two devices');
    const versions = conflict?.versions.map((v) => [
      v.author,
      (v.record as { name?: string }).name,
    ]);
    expect(versions).toHaveLength(2);
    expect(versions).toEqual(
      expect.arrayContaining([
        ['Dr Li', 'Name from A'],
        ['Dr Wu', 'Name from B'],
      ]),
    );
    // The server keeps both too: a third device pulling from it sees the two leaves.
    const third = replica(`third-${clinic}`);
    await third.replicate.from(remoteAs(`b${clinic}:pw`));
    const [onThird] = (
      await third.changes({ since: 0, include_docs: true, conflicts: true })
    ).results.filter((c) => c.id === patient.id);
    expect(onThird?.doc?._conflicts).toHaveLength(1);
  });

  it('an edit made here after the first send is stored on the server (replicated update)', async () => {
    const { patient } = await seedPatient('DEZ-001');
    const local = replica(`here-${clinic}`);
    await syncRound(local, remoteAs(`a${clinic}:pw`));
    const base = await getPatient(patient.id);
    if (!base) throw new Error('patient missing');
    expectOk(await updatePatient(patient.id, { name: 'Edited here' }, { base, by: 'Dr Li' }));
    expect(await syncRound(local, remoteAs(`a${clinic}:pw`))).toMatchObject({ sent: 1 });
    const onServer = (await remoteAs(`b${clinic}:pw`).get(patient.id)) as unknown as RecordDoc;
    expect(onServer).toMatchObject({ author: 'Dr Li', record: { name: 'Edited here' } });
  });

  it('a record the server refuses is listed as refused with its reason, and stays here', async () => {
    const { patient } = await seedPatient('DEZ-001');
    const local = replica(`here-${clinic}`);
    // A malformed record in the replica (as a buggy or old client might write it).
    const doc = docOf(
      {
        table: 'patients',
        record: { ...(await db.patients.get(patient.id))!, id: 'other-id' },
        hlc: '2024-01-01T00:00:00.000Z-0000-ffffffffffffffff',
        base: null,
        tombstone: null,
      },
      undefined,
    );
    await local.put({ ...doc, _id: 'malformed-1' });
    const round = await syncRound(local, remoteAs(`a${clinic}:pw`));
    expect(round.refused).toEqual([
      { id: 'malformed-1', reason: 'Record malformed-1: record.id must be the document id' },
    ]);
    expect((await readSyncState()).refused).toHaveLength(1);
    expect(await db.patients.get(patient.id)).toBeDefined();
  });

  it('without credentials, or with another clinic’s, nothing is read or written', async () => {
    await seedPatient('DEZ-001');
    const otherClinic = `a${clinic}:pw`;
    const name = remoteName;
    clinic += 1;
    remoteName = `clinic-${clinic}`;
    await setupClinic({
      url: server.url,
      db: remoteName,
      admin: 'admin:admin',
      memberRole: remoteName,
    });
    await expect(syncRound(replica(`x-${clinic}`), remoteAs(otherClinic))).rejects.toMatchObject({
      status: 401,
    });
    expect((await fetch(`${server.url}/${name}/_all_docs`)).status).toBe(401);
    expect((await fetch(`${server.url}/${name}/_changes`)).status).toBe(401);
    const admin = remoteAs('admin:admin');
    expect((await admin.info()).doc_count).toBe(1); // the design document only
  });
});
