// Records per second replicated through a clinic server (issue 17): `node scripts/sync-rate.mjs`.
// Starts its own pouchdb-server (in memory, 127.0.0.1, the clinic's validation design document
// in place, as a clinic sets it up) and replicates, from one device's replica to the server
// (push) and from the server to a second device's empty replica (pull), the documents of:
//   - the reference case: 1 patient, 1 index event, 5 visits, 10 assessments (17 records);
//   - a 1,000-patient clinic: 1,000 such patients (17,000 records).
// The device replicas are PouchDB in Node with its in-memory adapter (pouchdb-server's own
// PouchDB; the browser build needs IndexedDB): the figures measure the replication protocol
// and the server on this machine, not a browser's IndexedDB: an order of magnitude.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { startSyncServer } from './sync/server.mjs';
import { setupClinic } from './sync/setup.mjs';

const require = createRequire(new URL('../node_modules/pouchdb-server/', import.meta.url));
const PouchDB = require('pouchdb-core')
  .plugin(require('pouchdb-adapter-memory'))
  .plugin(require('pouchdb-adapter-http'))
  .plugin(require('pouchdb-replication'));

const ADMIN = 'admin:admin';
const basic = (user) => (url, init) => {
  const headers = new Headers(init?.headers);
  headers.set('Authorization', `Basic ${Buffer.from(user).toString('base64')}`);
  return fetch(url, { ...init, headers });
};

const hlc = (n) =>
  `2024-01-01T00:00:00.000Z-${String(n % 10000).padStart(4, '0')}-00000000000000aa`;
const stamp = (n) => ({
  author: 'Dr Li',
  device: 'bench-device',
  hlc: hlc(n),
  rev: '1-00000000000000',
});

/** The documents of one patient like the reference case (src/sync/docs.ts shape). */
function patientDocs(i) {
  const patientId = randomUUID();
  const doc = (table, record, n) => ({
    _id: record.id,
    table,
    patientId,
    ...stamp(n),
    record,
  });
  const docs = [doc('patients', { id: patientId, code: `BENCH-${i}`, name: `Patient ${i}` }, 0)];
  docs.push(doc('events', { id: randomUUID(), patientId, date: '2023-11-18', kind: 'index' }, 1));
  for (let v = 0; v < 5; v += 1) {
    const date = `2023-12-${String(1 + v * 7).padStart(2, '0')}`;
    const visitId = randomUUID();
    docs.push(doc('visits', { id: visitId, patientId, date, status: 'final' }, 2 + v));
    for (const scaleId of ['HAMD17', 'MADRS']) {
      const entry = { mode: 'items', items: Array.from({ length: 17 }, (_, k) => k % 3) };
      const record = {
        id: randomUUID(),
        patientId,
        visitId,
        scaleId,
        date,
        status: 'final',
        entry,
      };
      docs.push(doc('assessments', record, 10 + v));
    }
  }
  return docs;
}

async function measure(label, patients, server, n) {
  const db = `rate-${n}`;
  await setupClinic({
    url: server.url,
    db,
    admin: ADMIN,
    memberRole: db,
    users: [{ name: `u${n}`, password: 'pw' }],
  });
  const remote = new PouchDB(`${server.url}/${db}`, { skip_setup: true, fetch: basic(`u${n}:pw`) });
  const here = new PouchDB(`rate-here-${n}`, { adapter: 'memory' });
  const there = new PouchDB(`rate-there-${n}`, { adapter: 'memory' });
  const docs = Array.from({ length: patients }, (_, i) => patientDocs(i)).flat();
  for (let i = 0; i < docs.length; i += 1000) await here.bulkDocs(docs.slice(i, i + 1000));
  let t = performance.now();
  const pushed = await here.replicate.to(remote, { batch_size: 500 });
  const push = (performance.now() - t) / 1000;
  t = performance.now();
  const pulled = await there.replicate.from(remote, { batch_size: 500 });
  const pull = (performance.now() - t) / 1000;
  if (pushed.docs_written !== docs.length || pulled.docs_written !== docs.length + 1)
    throw new Error(
      `${label}: ${pushed.docs_written} pushed, ${pulled.docs_written} pulled of ${docs.length}`,
    );
  // The pull also brings the clinic's design document (validate_doc_update): one more.
  const rate = (s) => Math.round(docs.length / s);
  console.log(
    `${label}: ${docs.length} records; push ${push.toFixed(2)} s (${rate(push)} records/s), ` +
      `pull ${pull.toFixed(2)} s (${rate(pull)} records/s)`,
  );
  await Promise.all([here.destroy(), there.destroy()]);
}

const server = await startSyncServer({ admin: ADMIN });
try {
  await measure('Reference case (1 patient)', 1, server, 1);
  await measure('1,000-patient clinic', 1000, server, 2);
} finally {
  await server.stop();
}
