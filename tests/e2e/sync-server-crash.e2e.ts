import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from './browser';
import {
  createPatient,
  device,
  joinClinic,
  openSync,
  signIn,
  serverDocs,
  startRig,
  stored,
  syncRegion,
  waitSynced,
  type SyncRig,
} from './sync-rig';

// The clinic server dies (SIGKILL) while a device is sending, and comes back on the same port
// with the same data (issue 17): the device says the server is not answering and keeps what
// waits; the restarted server has ended the sessions, so each device says it is signed out
// and resumes once signed in; every record arrives once, with nothing lost or doubled.

let browser: Browser;
let rig: SyncRig;
const dir = mkdtempSync(join(tmpdir(), 'trajectory-sync-crash-'));
beforeAll(async () => {
  rig = await startRig({ dir });
  browser = await launch();
}, 120_000);
afterAll(async () => {
  await browser.close();
  await rig.close();
  rmSync(dir, { recursive: true, force: true });
});

const codes = async (page: Parameters<typeof stored>[0]) =>
  (await stored(page, 'patients')).map((p) => p.code as string).sort();

describe('the server goes away mid-sync and comes back', () => {
  it(
    'sync stops with a plain message, resumes once signed in again; nothing lost or duplicated',
    { timeout: 180_000 },
    async () => {
      const a = await device(browser, rig);
      const b = await device(browser, rig);
      await joinClinic(a.page, rig, 'ana');
      await joinClinic(b.page, rig, 'ben');
      await createPatient(a.page, rig, 'KILL-1', 'First');
      await waitSynced(a.page, rig);

      // A saves and the server is killed as A's round starts sending it.
      await createPatient(a.page, rig, 'KILL-2', 'Second');
      await rig.crash();
      await createPatient(a.page, rig, 'KILL-3', 'Third, made while the server is down');
      await openSync(a.page, rig);
      const sync = syncRegion(a.page);
      await sync
        .getByRole('status')
        .filter({ hasText: /^Not synced\. The sync server is not answering/ })
        .waitFor();
      await sync.getByText(/^Next try at/).waitFor();
      expect(await sync.getByText('0 changes').count()).toBe(0);

      await rig.restart();
      // pouchdb-server makes a new cookie secret when it starts, so sessions end with it (a
      // CouchDB keeps its secret in its config). The device says so and waits for a sign-in;
      // then it sends what waited, and B, signed in again, receives it.
      for (const [s, name] of [
        [a, 'ana'],
        [b, 'ben'],
      ] as const) {
        await openSync(s.page, rig);
        await syncRegion(s.page)
          .getByRole('status')
          .filter({ hasText: /^Signed out\./ })
          .waitFor({ timeout: 90_000 });
        await signIn(s.page, rig, name);
        await waitSynced(s.page, rig);
      }
      await b.page.goto(`${rig.app}#/`);
      await b.page
        .getByRole('link', { name: /KILL-3/ })
        .first()
        .waitFor();

      const all = ['KILL-1', 'KILL-2', 'KILL-3'];
      expect(await codes(a.page)).toEqual(all);
      expect(await codes(b.page)).toEqual(all);
      const onServer = (await serverDocs(rig)).map((d) => (d.record as { code: string }).code);
      expect(onServer.sort()).toEqual(all);
      // Each record applied on B once: one history entry from another device per patient.
      const received = (await stored(b.page, 'history')).filter(
        (h) => h.operation === 'change from another device',
      );
      expect(received.map((h) => h.recordId).sort()).toEqual(
        (await stored(b.page, 'patients')).map((p) => p.id).sort(),
      );
    },
  );
});
