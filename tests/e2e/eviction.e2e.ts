import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './a11y';
import { baseUrl, launch, newSession } from './browser';
import { dumpDatabase } from './idb';

// Eviction noticed (issue 12): the browser clears the database behind the app's back; the
// app's marker outside IndexedDB says it held patients, so the app says what happened and
// how to get the records back, and never shows "No patients yet".

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

const CLEARED = 'The browser has cleared the records Trajectory stored on this device.';

describe('a database cleared by the browser', () => {
  it('is noticed after a reload, with the last count and a way back; not "No patients yet"', async () => {
    const { page } = await newSession(browser);
    await page.goto(baseUrl());
    await page.getByText('No patients yet').waitFor();
    for (const code of ['EVICT-1', 'EVICT-2']) {
      await page.goto(`${baseUrl()}#/patients/new`);
      await page.getByLabel('Patient code (pseudonymous, unique)').fill(code);
      await page.getByRole('button', { name: 'Create patient' }).click();
      await page.getByRole('heading', { name: code }).waitFor();
    }
    await page.goto(baseUrl());
    await page.getByRole('link', { name: 'EVICT-2' }).waitFor();

    // What storage-pressure eviction does to IndexedDB (and may do to localStorage), done
    // behind the app's back: the app closes its connection when asked, so the delete runs.
    await page.evaluate(async () => {
      localStorage.clear();
      await new Promise<void>((resolve, reject) => {
        const req = indexedDB.deleteDatabase('trajectory');
        req.onsuccess = () => resolve();
        req.onerror = () => reject(req.error ?? new Error('delete failed'));
      });
    });
    expect(await dumpDatabase(page)).toBeNull();
    await page.reload();

    const banner = page.getByRole('alert').filter({ hasText: CLEARED });
    await banner.waitFor();
    const today = new Date().toISOString().slice(0, 10);
    expect(await banner.innerText()).toContain(
      `On ${today} it held 2 patients; now it holds none.`,
    );
    await page.getByText('were cleared by the browser').waitFor();
    expect(await page.getByText('No patients yet').count()).toBe(0);
    await expectNoAxeViolations(page, 'the cleared-database banner');

    // Asking for persistent storage gives the browser's answer, whatever it is.
    await banner.getByRole('button', { name: 'Ask the browser to keep this data' }).click();
    await banner.getByRole('status').waitFor();

    // Still said after another reload, until records are back.
    await page.reload();
    await banner.waitFor();
    await banner.getByRole('link', { name: 'Data & settings, Import a backup' }).click();
    await page.getByRole('heading', { name: 'Import a backup' }).waitFor();
    await banner.waitFor();

    // A new patient (or a restore) ends it.
    await page.goto(`${baseUrl()}#/patients/new`);
    await page.getByLabel('Patient code (pseudonymous, unique)').fill('EVICT-3');
    await page.getByRole('button', { name: 'Create patient' }).click();
    await page.getByRole('heading', { name: 'EVICT-3' }).waitFor();
    await expect.poll(() => banner.count()).toBe(0);
  });

  it('says nothing on a device that never held records', async () => {
    const { page } = await newSession(browser);
    await page.goto(baseUrl());
    await page.getByText('No patients yet').waitFor();
    expect(await page.getByRole('alert').filter({ hasText: CLEARED }).count()).toBe(0);
  });
});
