// The clinic's side of sync is configuration of an existing CouchDB (or pouchdb-server), not a
// server of ours: one database per clinic, readable and writable only by its members (a role),
// and a design document whose validate_doc_update refuses malformed records. Idempotent: run
// it again and it leaves what is there.

/** The documents the app writes: one per record, its id the record's id (src/sync/docs.ts). */
export const DESIGN_DOC_ID = '_design/trajectory';

// Written as a string: CouchDB runs it in its own JavaScript engine (ES5 in CouchDB 3.x).
// Who may write at all is the database's members (its _security, enforced by the server);
// this function checks the shape of what they write.
const VALIDATE = `function (newDoc, oldDoc, userCtx) {
  if (newDoc._id.indexOf('_design/') === 0) {
    if (userCtx.roles.indexOf('_admin') === -1) throw({ unauthorized: 'Only an administrator may change design documents.' });
    return;
  }
  var tables = ['patients', 'events', 'visits', 'assessments', 'safetyAcks', 'cohorts', 'enrolments'];
  var ofNoPatient = newDoc.table === 'cohorts';
  function refuse(what) { throw({ forbidden: 'Record ' + newDoc._id + ': ' + what }); }
  if (tables.indexOf(newDoc.table) === -1) refuse('table must be one of ' + tables.join(', '));
  if (typeof newDoc.author !== 'string' || newDoc.author === '') refuse('author is missing');
  if (typeof newDoc.device !== 'string' || newDoc.device === '') refuse('device is missing');
  if (typeof newDoc.hlc !== 'string' || !/^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z-[0-9a-f]{4}-[0-9a-f]{16}$/.test(newDoc.hlc)) refuse('hlc is not a clock');
  if (typeof newDoc.patientId !== 'string' || (newDoc.patientId === '') !== ofNoPatient) refuse(ofNoPatient ? 'a cohort belongs to no patient' : 'patientId is missing');
  if (newDoc._deleted) return;
  var r = newDoc.record;
  if (!r || typeof r !== 'object') refuse('record is missing');
  if (r.id !== newDoc._id) refuse('record.id must be the document id');
  if (newDoc.table === 'patients') {
    if (typeof r.code !== 'string' || r.code.replace(/\\s/g, '') === '') refuse('patient code is missing');
  } else if (ofNoPatient) {
    if (typeof r.name !== 'string' || r.name.replace(/\\s/g, '') === '') refuse('cohort name is missing');
    if (!r.arms || !r.arms.length) refuse('a cohort needs at least one arm');
  } else if (r.patientId !== newDoc.patientId) refuse('record.patientId must be the document patientId');
  if ((newDoc.table === 'visits' || newDoc.table === 'assessments') && !/^\\d{4}-\\d{2}-\\d{2}$/.test(r.date)) refuse('date must be YYYY-MM-DD');
  if ((newDoc.table === 'visits' || newDoc.table === 'assessments') && r.status !== 'draft' && r.status !== 'final') refuse('status must be draft or final');
  if (newDoc.table === 'assessments' && (!r.entry || (r.entry.mode !== 'items' && r.entry.mode !== 'summary'))) refuse('entry must be items or summary');
}`;

async function request(base, path, { method = 'GET', body, auth } = {}) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (auth) headers.Authorization = `Basic ${Buffer.from(auth).toString('base64')}`;
  const response = await fetch(new URL(path, base), {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

function check(step, result, ok = [200, 201, 202]) {
  if (!ok.includes(result.status))
    throw new Error(`${step}: the server answered ${result.status} ${JSON.stringify(result.body)}`);
}

/**
 * Sets up `db` on the server at `url` with admin credentials `admin` ("name:password"):
 * the database, its members (`memberRole`; admins: `adminRole`), the validation design
 * document, and the given users ({ name, password }) with the member role.
 */
export async function setupClinic({
  url,
  db,
  admin,
  memberRole,
  adminRole = `${memberRole}-admin`,
  users = [],
}) {
  const steps = [];
  const created = await request(url, `/${encodeURIComponent(db)}`, { method: 'PUT', auth: admin });
  check(`creating database ${db}`, created, [201, 202, 412]);
  steps.push(created.status === 412 ? `database ${db} kept` : `database ${db} created`);
  check(
    'setting members',
    await request(url, `/${encodeURIComponent(db)}/_security`, {
      method: 'PUT',
      auth: admin,
      body: {
        admins: { names: [], roles: [adminRole] },
        members: { names: [], roles: [memberRole] },
      },
    }),
  );
  steps.push(`members: role ${memberRole}; admins: role ${adminRole}`);
  const path = `/${encodeURIComponent(db)}/${DESIGN_DOC_ID}`;
  const existing = await request(url, path, { auth: admin });
  const design = {
    _id: DESIGN_DOC_ID,
    ...(existing.status === 200 ? { _rev: existing.body._rev } : {}),
    validate_doc_update: VALIDATE,
  };
  check(
    'writing the validation design document',
    await request(url, path, { method: 'PUT', auth: admin, body: design }),
  );
  steps.push('validate_doc_update written');
  for (const user of users) {
    const userPath = `/_users/org.couchdb.user:${encodeURIComponent(user.name)}`;
    const had = await request(url, userPath, { auth: admin });
    const doc = {
      _id: `org.couchdb.user:${user.name}`,
      ...(had.status === 200 ? { _rev: had.body._rev } : {}),
      name: user.name,
      password: user.password,
      roles: user.roles ?? [memberRole],
      type: 'user',
    };
    check(
      `writing user ${user.name}`,
      await request(url, userPath, { method: 'PUT', auth: admin, body: doc }),
    );
    steps.push(`user ${user.name} (${doc.roles.join(', ')})`);
  }
  return steps;
}
