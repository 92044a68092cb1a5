// `npm run sync-server`: a local pouchdb-server on 127.0.0.1 (in memory: everything is gone
// when it stops) with a clinic database set up, for trying sync. PORT=5984 by default.
// Prints the address, database and a user to enter in Settings -> Sync. Ctrl+C stops it.
import { startSyncServer } from './sync/server.mjs';
import { setupClinic } from './sync/setup.mjs';

const port = Number(process.env.PORT ?? 5984);
const admin = 'admin:admin';
const server = await startSyncServer({ port, admin });
const steps = await setupClinic({
  url: server.url,
  db: 'clinic',
  admin,
  memberRole: 'clinic',
  users: [{ name: 'clinician', password: 'clinician' }],
});
console.log(`pouchdb-server on ${server.url} (in memory; server admin ${admin})`);
for (const step of steps) console.log(`- ${step}`);
console.log(
  `Serve the app with it: SYNC_SERVER=${server.url} npm start (the app reaches it at /couchdb).\n` +
    'In the app: Data & settings -> Sync, address <app address>/couchdb, database clinic, ' +
    'user clinician / clinician.',
);
const stop = () => server.stop().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
