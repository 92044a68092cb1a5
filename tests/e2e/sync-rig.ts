import type { Browser, Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { startSyncServer } from '../../scripts/sync/server.mjs';
import { setupClinic } from '../../scripts/sync/setup.mjs';
import { newSession, type Session } from './browser';
import { dumpDatabase } from './idb';

/**
 * What the sync tests run against, all started by the test itself: a pouchdb-server on a free
 * loopback port with two clinics set up by the clinic script, and the built app served on
 * another port with /couchdb passed on to that server (as README says to serve it).
 * Clinic `clinic`: users ana and ben. Clinic `other`: user olga. Every password is "pw".
 */
export interface SyncRig {
  readonly couch: string;
  readonly app: string;
  /** Kills the server (SIGKILL, as a crash) and starts it again on the same port and data. */
  crash(): Promise<void>;
  restart(): Promise<void>;
  close(): Promise<void>;
}

export const ADMIN = 'admin:admin';

export async function startRig({ dir }: { dir?: string } = {}): Promise<SyncRig> {
  let server = await startSyncServer({ admin: ADMIN, ...(dir ? { dir } : {}) });
  const port = Number(new URL(server.url).port);
  const users = (names: string[]) => names.map((name) => ({ name, password: 'pw' }));
  await setupClinic({
    url: server.url,
    db: 'clinic',
    admin: ADMIN,
    memberRole: 'clinic',
    users: users(['ana', 'ben']),
  });
  await setupClinic({
    url: server.url,
    db: 'other',
    admin: ADMIN,
    memberRole: 'other',
    users: users(['olga']),
  });
  process.env.SYNC_SERVER = server.url;
  let app: PreviewServer;
  try {
    app = await preview({
      preview: { host: '127.0.0.1', port: 0, strictPort: false },
      logLevel: 'silent',
    });
  } finally {
    delete process.env.SYNC_SERVER;
  }
  const address = app.httpServer.address();
  if (address === null || typeof address === 'string') throw new Error('app server has no port');
  return {
    couch: server.url,
    app: `http://127.0.0.1:${address.port}/`,
    crash: () => server.stop('SIGKILL'),
    restart: async () => {
      server = await startSyncServer({ admin: ADMIN, port, ...(dir ? { dir } : {}) });
    },
    close: async () => {
      await app.close();
      await server.stop();
    },
  };
}

/** A device: a browser context of its own (its own IndexedDB), on the app. */
export async function device(browser: Browser, rig: SyncRig): Promise<Session> {
  const session = await newSession(browser);
  await session.page.goto(rig.app);
  await session.page.getByRole('heading', { level: 1 }).first().waitFor();
  return session;
}

export const syncRegion = (page: Page) => page.getByRole('region', { name: 'Sync' });

export async function openSync(page: Page, rig: SyncRig): Promise<void> {
  await page.goto(`${rig.app}#/data`);
  await syncRegion(page).getByRole('heading', { name: 'Sync' }).waitFor();
}

/** Fills the sign-in form and presses Sign in (the caller waits for the outcome). */
export async function signIn(page: Page, rig: SyncRig, name: string, database = 'clinic') {
  await openSync(page, rig);
  const sync = syncRegion(page);
  await sync.getByLabel('Clinic database').fill(database);
  await sync.getByLabel('Name on the server').fill(name);
  await sync.getByLabel('Password').fill('pw');
  await sync.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs in as `name` and turns sync on, then waits until the first round is done. */
export async function joinClinic(page: Page, rig: SyncRig, name: string): Promise<void> {
  await signIn(page, rig, name);
  const sync = syncRegion(page);
  await sync.getByText(`Signed in as ${name} to clinic.`).waitFor();
  // The box shows what is saved: it is ticked once the setting is written.
  await sync.getByLabel('Sync with the clinic server').click();
  await sync
    .getByRole('checkbox', { name: 'Sync with the clinic server', checked: true })
    .waitFor();
  await waitSynced(page, rig);
}

/** Waits on the Sync screen until nothing is waiting to be sent and the last round ended well. */
export async function waitSynced(page: Page, rig: SyncRig, timeout = 30_000): Promise<void> {
  if (!page.url().endsWith('#/data')) await openSync(page, rig);
  const sync = syncRegion(page);
  await sync.getByText('0 changes').waitFor({ timeout });
  await sync
    .getByRole('status')
    .filter({ hasText: /^Synced\./ })
    .waitFor({ timeout });
}

export async function createPatient(page: Page, rig: SyncRig, code: string, name: string) {
  await page.goto(`${rig.app}#/patients/new`);
  await page.getByLabel('Patient code (pseudonymous, unique)').fill(code);
  await page.getByLabel('Name (optional)').fill(name);
  await page.getByRole('button', { name: 'Create patient' }).click();
  await page.getByRole('heading', { name: code }).waitFor();
  return page.url();
}

export type Row = Record<string, unknown>;

export async function stored(page: Page, table: string): Promise<Row[]> {
  const dump = await dumpDatabase(page);
  return (dump?.stores[table] ?? []).map(([, r]) => r as Row);
}

/** The server's documents (as its admin sees them), with their conflicting revisions. */
export async function serverDocs(rig: SyncRig, db = 'clinic'): Promise<Row[]> {
  const response = await fetch(`${rig.couch}/${db}/_all_docs?include_docs=true&conflicts=true`, {
    headers: { Authorization: `Basic ${Buffer.from(ADMIN).toString('base64')}` },
  });
  const body = (await response.json()) as { rows: { id: string; doc: Row }[] };
  return body.rows.filter((r) => !r.id.startsWith('_design/')).map((r) => r.doc);
}
