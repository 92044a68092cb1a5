import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './a11y';
import { launch } from './browser';
import {
  ADMIN,
  createPatient,
  device,
  joinClinic,
  openSync,
  serverDocs,
  signIn,
  startRig,
  stored,
  syncRegion,
  waitSynced,
  type SyncRig,
} from './sync-rig';

// Two devices (two browser contexts, each its own IndexedDB) sync through a clinic's
// pouchdb-server that this file starts on a free loopback port (issue 17): what one makes the
// other receives; edits made apart offline are all kept and the conflict is shown; a record
// the server refuses is shown as refused; a wrong password or another clinic's database
// receives nothing and says why. Every wait is on something the screen or the data shows.

let browser: Browser;
let rig: SyncRig;
beforeAll(async () => {
  rig = await startRig();
  browser = await launch();
}, 120_000);
afterAll(async () => {
  await browser.close();
  await rig.close();
});

describe('two devices sync through the clinic server', () => {
  it('a patient and a visit made on device A reach device B', async () => {
    const a = await device(browser, rig);
    const b = await device(browser, rig);
    await joinClinic(a.page, rig, 'ana');
    await joinClinic(b.page, rig, 'ben');
    await expectNoAxeViolations(a.page, 'Settings → Sync, on and synced');

    await createPatient(a.page, rig, 'SYNC-1', 'Ada Byron');
    await a.page.getByLabel('Visit date', { exact: true }).fill('2024-03-04');
    await a.page.getByRole('button', { name: 'Start visit' }).click();
    await a.page.getByRole('heading', { name: /Visit of 2024-03-04/ }).waitFor();
    await waitSynced(a.page, rig);

    // B receives both through its live feed: the patient in the list, the visit on its page.
    await b.page.goto(`${rig.app}#/`);
    await b.page
      .getByRole('link', { name: /SYNC-1/ })
      .first()
      .click();
    await b.page.getByRole('heading', { name: 'SYNC-1' }).waitFor();
    const [patient] = await stored(b.page, 'patients');
    expect(patient).toMatchObject({ code: 'SYNC-1', name: 'Ada Byron', author: 'this device' });
    const visits = await stored(b.page, 'visits');
    expect(visits).toMatchObject([{ date: '2024-03-04', status: 'draft' }]);
    const history = await stored(b.page, 'history');
    expect(history.filter((h) => h.operation === 'change from another device')).toHaveLength(2);
    // Nothing of B's to send: what it received is not counted as its own change.
    await waitSynced(b.page, rig);
    expect((await serverDocs(rig)).map((d) => d.table).sort()).toEqual(['patients', 'visits']);
  });

  it('both offline edit the same patient; after reconnecting nothing is lost and the conflict is shown on both', async () => {
    const a = await device(browser, rig);
    const b = await device(browser, rig);
    await joinClinic(a.page, rig, 'ana');
    await joinClinic(b.page, rig, 'ben');
    const url = await createPatient(a.page, rig, 'SYNC-2', 'Grace Hopper');
    await waitSynced(a.page, rig);
    await b.page.goto(url);
    await b.page.getByRole('heading', { name: 'SYNC-2' }).waitFor();

    for (const [s, name] of [
      [a, 'Grace B. Hopper'],
      [b, 'Grace Murray Hopper'],
    ] as const) {
      // The form's code is loaded once online (a fresh context has no service worker yet).
      await s.page.goto(`${url}/edit`);
      await s.page.getByLabel('Name (optional)').waitFor();
      await s.context.setOffline(true);
      await s.page.goto(`${url}/edit`);
      await s.page.getByLabel('Name (optional)').fill(name);
      await s.page.getByRole('button', { name: 'Save changes' }).click();
      await s.page.waitForURL(url); // the save went back to the patient's page
      await openSync(s.page, rig);
      await syncRegion(s.page).getByText('1 change', { exact: true }).waitFor();
      await syncRegion(s.page)
        .getByRole('status')
        .filter({ hasText: /^Offline\./ })
        .waitFor();
    }
    await a.context.setOffline(false);
    await waitSynced(a.page, rig);
    await b.context.setOffline(false);
    await waitSynced(b.page, rig);

    // Shown on both: the count and the way to the conflicts screen.
    for (const s of [a, b]) {
      const sync = syncRegion(s.page);
      await sync.getByText('1 record changed on two devices').waitFor();
      expect(await sync.getByRole('link', { name: 'Review conflicts' }).getAttribute('href')).toBe(
        '#/sync/conflicts',
      );
    }
    // Both versions on both devices, the same; and on the server (the winner and the other).
    const versionsOn = async (s: typeof a) => {
      const meta = await stored(s.page, 'meta');
      const conflicts = meta.find((m) => m.key === 'syncConflicts')?.value as Row[];
      expect(conflicts).toHaveLength(1);
      return (conflicts[0]?.versions as Row[])
        .map((v) => (v.record as Row).name)
        .sort() as string[];
    };
    const both = ['Grace B. Hopper', 'Grace Murray Hopper'];
    expect(await versionsOn(a)).toEqual(both);
    expect(await versionsOn(b)).toEqual(both);
    const [onServer] = (await serverDocs(rig)).filter((d) => (d.record as Row).code === 'SYNC-2');
    expect(onServer?._conflicts).toHaveLength(1);
  });

  it('a record the server refuses is shown as refused, with the reason, and kept here', async () => {
    // A clinic rule this device does not know: the server refuses codes starting with TEST-.
    const rule = `function (doc) { if (doc.record && /^TEST-/.test(doc.record.code || '')) throw({ forbidden: 'Record ' + doc._id + ': test codes are not kept on the clinic server' }); }`;
    const put = await fetch(`${rig.couch}/clinic/_design/clinic-rules`, {
      method: 'PUT',
      headers: {
        Authorization: `Basic ${Buffer.from(ADMIN).toString('base64')}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ validate_doc_update: rule }),
    });
    expect(put.status).toBe(201);
    const a = await device(browser, rig);
    await joinClinic(a.page, rig, 'ana');
    await createPatient(a.page, rig, 'TEST-9', 'Test Person');
    await waitSynced(a.page, rig);
    const sync = syncRegion(a.page);
    await sync.getByRole('heading', { name: 'Refused by the server' }).waitFor();
    await sync.getByText(/test codes are not kept on the clinic server/).waitFor();
    expect((await stored(a.page, 'patients')).map((p) => p.code)).toContain('TEST-9');
    expect((await serverDocs(rig)).map((d) => (d.record as Row | undefined)?.code)).not.toContain(
      'TEST-9',
    );
  });

  it('a wrong password, or another clinic’s database, receives nothing and says why', async () => {
    const c = await device(browser, rig);
    await openSync(c.page, rig);
    const sync = syncRegion(c.page);
    await sync.getByLabel('Clinic database').fill('clinic');
    await sync.getByLabel('Name on the server').fill('ana');
    await sync.getByLabel('Password').fill('not-her-password');
    await sync.getByRole('button', { name: 'Sign in' }).click();
    await sync
      .getByRole('alert')
      .filter({ hasText: 'The sync server did not accept the name "ana" with that password.' })
      .waitFor();
    // olga belongs to the other clinic.
    await signIn(c.page, rig, 'olga');
    await sync
      .getByRole('alert')
      .filter({ hasText: 'olga is not a member of the database "clinic"' })
      .waitFor();
    await sync.getByLabel('Sync with the clinic server').click();
    await sync
      .getByRole('alert')
      .filter({ hasText: 'Sign in to the clinic server first' })
      .waitFor();
    expect(await sync.getByLabel('Sync with the clinic server').isChecked()).toBe(false);
    expect(await stored(c.page, 'patients')).toEqual([]);
    expect(await serverDocs(rig)).not.toEqual([]);
  });
});

type Row = Record<string, unknown>;
