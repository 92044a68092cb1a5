// Sets up a clinic database on a CouchDB 3.x or pouchdb-server:
//   node scripts/sync-setup.mjs --url http://127.0.0.1:5984 --db clinic-a \
//     --admin admin:secret --role clinic-a [--user name:password ...]
// Creates the database, gives it members (the role) and admins (<role>-admin), writes the
// design document whose validate_doc_update refuses malformed records, and the users named.
import { parseArgs } from 'node:util';
import { setupClinic } from './sync/setup.mjs';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:5984' },
    db: { type: 'string' },
    admin: { type: 'string' },
    role: { type: 'string' },
    user: { type: 'string', multiple: true, default: [] },
  },
});
const missing = ['db', 'admin', 'role'].filter((k) => !values[k]);
if (missing.length) {
  console.error(`Missing ${missing.map((k) => `--${k}`).join(', ')}. Example:
  node scripts/sync-setup.mjs --url http://127.0.0.1:5984 --db clinic-a --admin admin:secret --role clinic-a --user alice:pw`);
  process.exit(2);
}
const users = values.user.map((text) => {
  const at = text.indexOf(':');
  if (at < 1) {
    console.error(`--user must be name:password (got "${text}").`);
    process.exit(2);
  }
  return { name: text.slice(0, at), password: text.slice(at + 1) };
});
try {
  const steps = await setupClinic({
    url: values.url,
    db: values.db,
    admin: values.admin,
    memberRole: values.role,
    users,
  });
  for (const step of steps) console.log(`- ${step}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
