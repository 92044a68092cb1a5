import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, newSession } from './browser';
import { dumpDatabase, installDiskFullSwitch, storeSizes } from './idb';
import { itemFieldPattern } from '../../src/features/visit-entry/item-name';

// Storage that fails (issue 7): IndexedDB missing or refused (private mode, site data
// blocked) gives a clear message and no crash; a full disk refuses the write with a message
// that says so, and leaves nothing half-written.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

/** The banner's advice, which no other message gives. */
const NO_STORAGE = 'Open Trajectory in a normal window with site data allowed';
const DISK_FULL = 'The device has no storage space left for this app: nothing was saved.';

async function waitSaved(page: Page) {
  await expect
    .poll(() => page.getByRole('status').filter({ hasText: 'all changes saved' }).count())
    .toBeGreaterThan(0);
}

/** Ways a browser refuses IndexedDB, installed before the app's code runs. */
const REFUSALS: { name: string; script: () => void }[] = [
  {
    // Some private modes and embedded browsers have no IndexedDB at all.
    name: 'no IndexedDB API',
    script: () => {
      Object.defineProperty(window, 'indexedDB', {
        configurable: true,
        get() {
          return undefined;
        },
      });
    },
  },
  {
    // Chrome with site data blocked: open() throws a SecurityError.
    name: 'open() refused',
    script: () => {
      IDBFactory.prototype.open = () => {
        throw new DOMException(
          "Failed to execute 'open' on 'IDBFactory': access to the Indexed Database API is denied in this context.",
          'SecurityError',
        );
      };
    },
  },
];

describe('storage unavailable or full', () => {
  for (const refusal of REFUSALS) {
    it(`says clearly that nothing can be stored (${refusal.name}), and does not crash`, async () => {
      const { page, context, pageErrors } = await newSession(browser);
      await page.addInitScript(refusal.script);
      await page.goto(baseUrl());
      const banner = page.getByRole('alert').filter({ hasText: NO_STORAGE });
      await banner.waitFor();
      expect(await banner.innerText()).toContain(
        'This browser does not let Trajectory store data on this device (private browsing, or site storage is turned off), so nothing can be saved.',
      );
      expect(await banner.innerText()).not.toMatch(/https?:/);
      // The app shell still works: navigation, the data page.
      await page.getByRole('link', { name: 'Data & settings' }).click();
      await page.getByRole('heading', { name: 'Data & settings' }).waitFor();
      await banner.waitFor();

      // Trying to save anyway is refused at once, with words that point at storage.
      await page.goto(`${baseUrl()}#/patients/new`);
      await page.getByLabel('Patient code (pseudonymous, unique)').fill('NOSTORE-1');
      await page.getByRole('button', { name: 'Create patient' }).click();
      const refused = page.getByRole('alert').filter({ hasText: 'nothing was saved' });
      await refused.waitFor();
      const message = await refused.innerText();
      expect(message).not.toContain('another tab');
      expect(message).toMatch(/stor(e|age)/i);
      expect(page.url()).toMatch(/#\/patients\/new$/);
      await banner.waitFor();

      // Nothing was created behind the refusal (seen from a tab with working storage).
      const probe = await context.newPage();
      await probe.goto(new URL('manifest.webmanifest', baseUrl()).href);
      expect(await probe.evaluate(() => indexedDB.databases())).toEqual([]);
      expect(pageErrors).toEqual([]);
      await context.close();
    });
  }

  it('refuses a draft save on a full disk, says so, and leaves nothing half-written', async () => {
    const { page, context } = await newSession(browser);
    await page.goto(`${baseUrl()}#/patients/new`);
    await page.getByLabel('Patient code (pseudonymous, unique)').fill('FULL-1');
    await page.getByRole('button', { name: 'Create patient' }).click();
    await page.getByRole('heading', { name: 'FULL-1' }).waitFor();
    await page.getByLabel('Visit date', { exact: true }).fill('2024-06-03');
    await page.getByRole('button', { name: 'Start visit' }).click();
    await page.getByRole('heading', { name: /Visit of 2024-06-03/ }).waitFor();
    await page.getByLabel(itemFieldPattern('PHQ-9', 1)).fill('1');
    await waitSaved(page);
    const before = await dumpDatabase(page);
    expect(storeSizes(before)).toMatchObject({ patients: 1, visits: 1, assessments: 1 });

    // The disk fills: each transaction gets one write through, then fails.
    await page.evaluate(installDiskFullSwitch);
    await page.evaluate(() => {
      (window as unknown as { diskFull: number }).diskFull = 1;
    });
    await page.getByLabel(itemFieldPattern('PHQ-9', 2)).fill('2');
    const alert = page.getByRole('alert').filter({ hasText: 'Not saved:' });
    await alert.waitFor();
    expect(await alert.innerText()).toBe(
      `Not saved: ${DISK_FULL} Free some space (or export a backup and remove old data), then try again.`,
    );
    const counts = await page.evaluate(() => {
      const w = window as unknown as { diskFullFailures: number; diskFullWrites: number };
      return { failures: w.diskFullFailures, writes: w.diskFullWrites };
    });
    // One write of the save went through before the failure: it was rolled back with the rest.
    expect(counts).toEqual({ failures: 1, writes: 1 });
    expect(await dumpDatabase(page)).toEqual(before);
    // The status line does not claim the change was saved.
    expect(await page.getByRole('status').filter({ hasText: 'all changes saved' }).count()).toBe(0);

    // Space is freed: the next entry saves everything shown on screen, the message goes.
    await page.evaluate(() => {
      (window as unknown as { diskFull: number | null }).diskFull = null;
    });
    await page.getByLabel(itemFieldPattern('PHQ-9', 3)).fill('3');
    await waitSaved(page);
    expect(await alert.count()).toBe(0);
    const after = await dumpDatabase(page);
    const phq = after?.stores.assessments?.map(
      ([, a]) => a as { entry: { responses: unknown[] } },
    )[0];
    expect(phq?.entry.responses.slice(0, 3)).toEqual([1, 2, 3]);
    await page.reload();
    await page.getByRole('heading', { name: /Visit of 2024-06-03/ }).waitFor();
    await expect.poll(() => page.getByLabel(itemFieldPattern('PHQ-9', 2)).inputValue()).toBe('2');
    await context.close();
  });

  it('refuses to create a patient on a full disk and stores none of it', async () => {
    const { page, context } = await newSession(browser);
    await page.goto(baseUrl());
    await page.getByRole('heading', { name: 'Patients' }).waitFor();
    await page.getByRole('button', { name: 'Load example patient' }).click();
    await page.getByRole('link', { name: 'DEZ-001' }).waitFor();
    const before = await dumpDatabase(page);
    await page.evaluate(installDiskFullSwitch);
    await page.evaluate(() => {
      (window as unknown as { diskFull: number }).diskFull = 1;
    });
    await page.getByRole('link', { name: 'New patient' }).first().click();
    await page.getByLabel('Patient code (pseudonymous, unique)').fill('FULL-2');
    await page.getByRole('button', { name: 'Create patient' }).click();
    const refused = page.getByRole('alert').filter({ hasText: DISK_FULL });
    await refused.waitFor();
    expect(page.url()).toMatch(/#\/patients\/new$/);
    expect(await dumpDatabase(page)).toEqual(before);
    await context.close();
  });
});
