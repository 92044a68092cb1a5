import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CURRENT_SCHEMA_VERSION } from '../../src/db/versions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, newSession } from './browser';
import { dumpDatabase } from './idb';
import { itemFieldPattern } from '../../src/features/visit-entry/item-name';

// Several tabs of the app in one browser (issue 7): a change made in one tab shows in the
// other without a reload (Dexie's live queries cross tabs), and a database upgrade made by
// another tab neither leaves this one stuck nor lets it write to the old schema; an upgrade
// held up by an old tab is told to the user and goes ahead once that tab lets go.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

const UPDATED_ELSEWHERE = 'Trajectory was updated in another tab';
/** The IndexedDB version of the current schema: Dexie stores schema version n as 10n. */
const STORED_VERSION = CURRENT_SCHEMA_VERSION * 10;
const BLOCKED = 'Another tab with an older version of Trajectory keeps the database open';

/** A second tab in the same browser context (its page errors join the session's). */
const secondTab = (context: BrowserContext): Promise<Page> => context.newPage();

async function openExamplePatient(page: Page): Promise<void> {
  await page.goto(baseUrl());
  await page.getByRole('heading', { name: 'Patients' }).waitFor();
  await page.getByRole('button', { name: 'Load example patient' }).click();
  await page.getByRole('link', { name: 'DEZ-001' }).click();
  await page.getByRole('heading', { name: /DEZ-001/ }).waitFor();
}

async function createPatientWithVisit(page: Page, code: string): Promise<void> {
  await page.goto(`${baseUrl()}#/patients/new`);
  await page.getByLabel('Patient code (pseudonymous, unique)').fill(code);
  await page.getByRole('button', { name: 'Create patient' }).click();
  await page.getByRole('heading', { name: code }).waitFor();
  await page.getByLabel('Visit date', { exact: true }).fill('2024-05-06');
  await page.getByRole('button', { name: 'Start visit' }).click();
  await page.getByRole('heading', { name: /Visit of 2024-05-06/ }).waitFor();
  for (const id of ['HAMD-17', 'MADRS', 'DARS'])
    await page
      .getByRole('group', { name: 'Scales at this visit' })
      .getByLabel(id, { exact: true })
      .uncheck();
}

async function waitSaved(page: Page) {
  await expect
    .poll(() => page.getByRole('status').filter({ hasText: 'all changes saved' }).count())
    .toBeGreaterThan(0);
}

const item = (page: Page, n: number) => page.getByLabel(itemFieldPattern('PHQ-9', n));

/** The stored PHQ-9 item responses of the only PHQ-9 assessment, read with the raw API. */
async function storedPhq(page: Page): Promise<unknown> {
  const dump = await dumpDatabase(page);
  const rows = (dump?.stores.assessments ?? []).map(
    ([, r]) => r as { scaleId: string; entry: { responses?: unknown } },
  );
  const phq = rows.filter((r) => r.scaleId === 'PHQ-9');
  return phq.length === 1 ? phq[0]?.entry.responses : `${phq.length} PHQ-9 assessments`;
}

describe('two tabs', () => {
  it('shows a change made in one tab in the other, without a reload', async () => {
    const { page: a, context, pageErrors } = await newSession(browser);
    await openExamplePatient(a);
    const b = await secondTab(context);
    await b.goto(a.url());
    await b.getByRole('heading', { name: /DEZ-001/ }).waitFor();

    // B adds a treatment event: A's event table shows it.
    await b.getByRole('button', { name: 'Add treatment event' }).click();
    await b.getByLabel('Date', { exact: true }).fill('2024-02-01');
    await b.getByLabel('Label (shown on charts)').fill('esketamine');
    await b.getByLabel('Drug', { exact: true }).fill('esketamine');
    await b.getByRole('button', { name: 'Add event' }).click();
    await b.getByRole('cell', { name: 'esketamine', exact: true }).waitFor();
    await a.getByRole('cell', { name: 'esketamine', exact: true }).waitFor({ timeout: 5_000 });

    // A starts a visit: B's visit panel turns into "continue the visit in progress".
    await a.getByLabel('Visit date', { exact: true }).fill('2024-02-08');
    await a.getByRole('button', { name: 'Start visit' }).click();
    await a.getByRole('heading', { name: /Visit of 2024-02-08/ }).waitFor();
    await b.getByRole('link', { name: 'Continue visit of 2024-02-08' }).waitFor({ timeout: 5_000 });

    // A deletes the event again: it leaves B's table too.
    await a.goBack();
    await a.getByRole('heading', { name: /DEZ-001/ }).waitFor();
    await a.getByRole('button', { name: 'Delete esketamine' }).click();
    // The in-app confirmation (no window.confirm): the safe choice has the focus.
    await a.getByRole('alertdialog', { name: /Delete the event/ }).waitFor();
    await a.getByRole('button', { name: 'Delete event' }).click();
    await expect
      .poll(() => b.getByRole('cell', { name: 'esketamine', exact: true }).count(), {
        timeout: 5_000,
      })
      .toBe(0);

    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('keeps both tabs’ entries when the same draft visit is open in two tabs', async () => {
    const { page: a, context, pageErrors } = await newSession(browser);
    await createPatientWithVisit(a, 'TAB-2');
    const b = await secondTab(context);
    await b.goto(a.url());
    await b.getByRole('heading', { name: /Visit of 2024-05-06/ }).waitFor();

    await item(a, 1).fill('2');
    await waitSaved(a);
    expect(((await storedPhq(a)) as unknown[]).slice(0, 2)).toEqual([2, null]);
    // An entry made next in B must not wipe A's from the database (B's form was open before A
    // typed)…
    await item(b, 2).fill('3');
    await waitSaved(b);
    expect(((await storedPhq(a)) as unknown[]).slice(0, 2)).toEqual([2, 3]);
    // …and each tab shows the other's entry without a reload.
    await expect.poll(() => item(b, 1).inputValue(), { timeout: 5_000 }).toBe('2');
    await expect.poll(() => item(a, 2).inputValue(), { timeout: 5_000 }).toBe('3');

    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('stops writing when another tab upgrades the database, without blocking that upgrade', async () => {
    const { page: a, context, pageErrors } = await newSession(browser);
    await createPatientWithVisit(a, 'TAB-3');
    await item(a, 1).fill('1');
    await item(a, 2).fill('2');
    await waitSaved(a);
    const visitUrl = a.url();
    const b = await secondTab(context);
    await b.goto(baseUrl());
    await b.getByRole('link', { name: 'TAB-3' }).waitFor();
    const before = await dumpDatabase(b);
    if (!before) throw new Error('no database');
    expect(before.version).toBe(STORED_VERSION); // Dexie stores schema version n as 10n.

    // B opens the database at a newer version with the raw API, as a newer release would.
    const upgrade = await b.evaluate(async (version) => {
      const log: string[] = [];
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          log.push('still waiting after 10 s');
          resolve();
        }, 10_000);
        const req = indexedDB.open('trajectory', version);
        req.onblocked = () => log.push('blocked');
        req.onupgradeneeded = () => {
          req.result.createObjectStore('addedByNewRelease', { keyPath: 'id' });
          log.push('upgrade');
        };
        req.onsuccess = () => {
          log.push(`open at ${req.result.version}`);
          req.result.close();
          clearTimeout(timer);
          resolve();
        };
        req.onerror = () => {
          log.push(`error ${req.error?.name ?? ''}`);
          clearTimeout(timer);
          resolve();
        };
      });
      return log;
    }, before.version + 10);
    // Both app tabs closed their connections at once: the upgrade was never blocked.
    expect(upgrade).toEqual(['upgrade', `open at ${STORED_VERSION + 10}`]);

    // A says so, and its draft (saved before) is safe.
    const banner = a.getByRole('alert').filter({ hasText: UPDATED_ELSEWHERE });
    await banner.waitFor({ timeout: 5_000 });
    expect(await banner.innerText()).toContain('stopped writing');
    await b.getByRole('alert').filter({ hasText: UPDATED_ELSEWHERE }).waitFor({ timeout: 5_000 });

    // A no longer writes: an entry there is refused with a message, and nothing changes.
    const upgraded = await dumpDatabase(b);
    await item(a, 3).fill('3');
    await a
      .getByRole('alert')
      .filter({ hasText: /^Not saved: .*nothing was saved/ })
      .waitFor();
    // The write that entry started has come back refused, and no other is in flight (the
    // status says "Saving…" while any is): whatever it could have changed, it has by now.
    await a.getByRole('status').filter({ hasText: 'Not saved (see the message below).' }).waitFor();
    const after = await dumpDatabase(b);
    expect(after).toEqual(upgraded);
    expect(after?.version).toBe(STORED_VERSION + 10);
    expect(Object.keys(after?.stores ?? {})).toContain('addedByNewRelease');
    expect(((await storedPhq(b)) as unknown[]).slice(0, 3)).toEqual([1, 2, null]);

    // "Reload now" gets A going again, on the same visit, with what was saved.
    await a.getByRole('button', { name: 'Reload now' }).click();
    await a.getByRole('heading', { name: /Visit of 2024-05-06/ }).waitFor();
    expect(a.url()).toBe(visitUrl);
    await expect.poll(() => item(a, 2).inputValue()).toBe('2');
    expect(await item(a, 3).inputValue()).toBe('');
    expect(await a.getByRole('alert').filter({ hasText: UPDATED_ELSEWHERE }).count()).toBe(0);
    await item(a, 3).fill('3');
    await waitSaved(a);
    expect(((await storedPhq(b)) as unknown[]).slice(0, 3)).toEqual([1, 2, 3]);

    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('tells the user when an old tab blocks the upgrade, and goes on once it closes', async () => {
    const { page: a, context, pageErrors } = await newSession(browser);
    // An old tab: a same-origin page holding the database at schema version 1 (as the first
    // release created it) and ignoring requests to close.
    const old = await secondTab(context);
    await old.goto(new URL('manifest.webmanifest', baseUrl()).href);
    const created = await old.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const req = indexedDB.open('trajectory', 10);
          req.onupgradeneeded = () => {
            const db = req.result;
            const store = (
              name: string,
              keyPath: string,
              indexes: [string, string | string[], boolean?][],
              auto = false,
            ) => {
              const s = db.createObjectStore(name, { keyPath, autoIncrement: auto });
              for (const [index, path, unique] of indexes)
                s.createIndex(index, path, { unique: unique ?? false });
            };
            store('patients', 'id', [
              ['code', 'code', true],
              ['name', 'name'],
            ]);
            store('events', 'id', [['[patientId+date]', ['patientId', 'date']]]);
            store('visits', 'id', [['[patientId+date]', ['patientId', 'date']]]);
            store('assessments', 'id', [
              ['visitId', 'visitId'],
              ['[patientId+date]', ['patientId', 'date']],
              ['[patientId+scaleId]', ['patientId', 'scaleId']],
            ]);
            store('safetyAcks', 'id', [
              ['patientId', 'patientId'],
              ['assessmentId', 'assessmentId'],
            ]);
            store(
              'history',
              'id',
              [
                ['recordId', 'recordId'],
                ['patientId', 'patientId'],
                ['at', 'at'],
                ['groupId', 'groupId'],
              ],
              true,
            );
            store('meta', 'key', []);
          };
          req.onsuccess = () => {
            // Kept open on purpose, with no versionchange handler: the old tab never lets go.
            (window as unknown as { oldConnection: IDBDatabase }).oldConnection = req.result;
            resolve(req.result.version);
          };
          req.onerror = () => reject(req.error ?? new Error('open failed'));
        }),
    );
    expect(created).toBe(10);

    await a.goto(baseUrl());
    const blocked = a.getByRole('alert').filter({ hasText: BLOCKED });
    await blocked.waitFor({ timeout: 10_000 });
    expect(await a.getByRole('table').count()).toBe(0);

    // The old tab lets go: the upgrade runs, the banner goes, the app works.
    await old.evaluate(() =>
      (window as unknown as { oldConnection: IDBDatabase }).oldConnection.close(),
    );
    await expect.poll(() => blocked.count(), { timeout: 10_000 }).toBe(0);
    await a.getByRole('link', { name: 'New patient' }).first().click();
    await a.getByLabel('Patient code (pseudonymous, unique)').fill('TAB-4');
    await a.getByRole('button', { name: 'Create patient' }).click();
    await a.getByRole('heading', { name: 'TAB-4' }).waitFor();
    const dump = await dumpDatabase(old);
    expect(dump?.version).toBe(STORED_VERSION);
    expect(dump?.stores.patients?.length).toBe(1);
    const log = dump?.stores.meta?.find(([key]) => key === 'migrationLog');
    expect(log).toBeDefined();
    expect(await a.getByRole('alert').count()).toBe(0);

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
