// Starts pouchdb-server (the CouchDB HTTP API in Node; a test and development server, not for
// a clinic: use Apache CouchDB 3.x there) on 127.0.0.1, in memory, from a temporary folder so
// its config.json and log.txt stay out of the project. Used by `npm run sync-server` and by
// the sync tests, which start their own on a free port.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const BIN = resolve(import.meta.dirname, '../../node_modules/pouchdb-server/bin/pouchdb-server');
// A fix of pouchdb-server's validation, which loses replicated edits (the file says why).
const FIX = resolve(import.meta.dirname, 'validation-fix.mjs');

/** A port nothing listens on now, chosen by the system. */
export function freePort(host = '127.0.0.1') {
  return new Promise((done, fail) => {
    const probe = createServer()
      .once('error', fail)
      .listen(0, host, () => {
        const { port } = probe.address();
        probe.close(() => done(port));
      });
  });
}

async function answers(url) {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

/**
 * Starts a server and waits until it answers; sets the admin ("name:password"). Returns its
 * address and stop(), which kills it by its own process id and removes its folder.
 * With `dir` (a folder of the caller's), the databases are kept on disk there (leveldb) and
 * survive a stop: starting again with the same `dir` and `port` is the same server back.
 */
export async function startSyncServer({
  port,
  admin = 'admin:admin',
  host = '127.0.0.1',
  dir: kept,
} = {}) {
  const chosen = port ?? (await freePort(host));
  const dir = kept ?? mkdtempSync(join(tmpdir(), 'trajectory-sync-'));
  const storage = kept ? [] : ['--in-memory'];
  const child = spawn(
    process.execPath,
    ['--import', FIX, BIN, ...storage, '--host', host, '--port', String(chosen)],
    {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let errors = '';
  child.stderr.on('data', (chunk) => (errors += chunk));
  const url = `http://${host}:${chosen}`;
  const deadline = Date.now() + 30_000;
  while (!(await answers(`${url}/`))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill();
      throw new Error(`pouchdb-server did not start on ${url}: ${errors || 'no answer in 30 s'}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const [name, password] = admin.split(':');
  const made = await fetch(`${url}/_config/admins/${encodeURIComponent(name)}`, {
    method: 'PUT',
    body: JSON.stringify(password),
  });
  // 401: a kept server already has its admin (the admin party is over).
  if (!made.ok && !(kept && made.status === 401))
    throw new Error(`Could not set the server admin: ${made.status}`);
  const cleanUp = () => {
    if (!kept) rmSync(dir, { recursive: true, force: true });
  };
  // stop('SIGKILL'): the server dies as in a crash, mid-request.
  const stop = (signal = 'SIGTERM') =>
    new Promise((done) => {
      if (child.exitCode !== null) {
        cleanUp();
        done();
        return;
      }
      child.once('exit', () => {
        cleanUp();
        done();
      });
      child.kill(signal);
    });
  return { url, pid: child.pid, stop };
}
