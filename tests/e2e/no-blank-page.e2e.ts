import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, newSession } from './browser';

// No blank page, ever (issue 12), in the built app: a screen that throws while drawing shows
// what failed and what to do while the header and the database banner keep working; a
// malformed address and damaged saved settings never crash a screen.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

async function openExamplePatient(page: Page): Promise<string> {
  await page.goto(baseUrl());
  await page.getByRole('button', { name: 'Load example patient' }).click();
  await page.getByRole('link', { name: 'DEZ-001' }).click();
  await page.getByRole('heading', { name: /DEZ-001/ }).waitFor();
  return page.url();
}

/**
 * A visit whose date was stored as a number, written with the raw IndexedDB API (as a
 * faulty tool, an extension or a damaged disk could leave it): the patient screen throws.
 */
function damageAVisitDate(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('trajectory');
        req.onerror = () => reject(req.error ?? new Error('open failed'));
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction('visits', 'readwrite');
          const store = tx.objectStore('visits');
          const all = store.getAll();
          all.onsuccess = () => {
            const visit = (all.result as Record<string, unknown>[])[0];
            if (visit) store.put({ ...visit, date: 20231201 });
          };
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error ?? new Error('write failed'));
        };
      }),
  );
}

describe('no blank page', () => {
  it('a screen that throws says what failed and what to do, exports a backup, and the header still works', async () => {
    const { page } = await newSession(browser);
    const patientUrl = await openExamplePatient(page);
    await damageAVisitDate(page);
    await page.reload();

    const failure = page
      .getByRole('alert')
      .filter({ hasText: 'Something went wrong in this screen' });
    await failure.waitFor();
    expect(await failure.innerText()).toMatch(/What failed: TypeError: /);
    for (const name of ['Reload the page', 'Export a backup'])
      expect(await failure.getByRole('button', { name }).isVisible()).toBe(true);
    expect(await failure.innerText()).toContain('Report it to whoever supports Trajectory');

    // "Export a backup" from the failed screen saves every record, the damaged one included.
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      failure.getByRole('button', { name: 'Export a backup' }).click(),
    ]);
    const backup = JSON.parse(gunzipSync(readFileSync(await file.path())).toString('utf8')) as {
      patients: unknown[];
      visits: { date: unknown }[];
    };
    expect(file.suggestedFilename()).toMatch(/\.json\.gz$/);
    expect(backup.patients).toHaveLength(1);
    expect(backup.visits.some((v) => v.date === 20231201)).toBe(true);
    await failure.getByRole('status').filter({ hasText: 'Backup saved as' }).waitFor();

    // The header still navigates, and the other screens draw.
    await page.getByRole('link', { name: 'Data & settings' }).click();
    await page.getByRole('heading', { name: 'Data & settings' }).waitFor();
    expect(await failure.count()).toBe(0);
    await page.goto(patientUrl);
    await failure.waitFor();
    await page.getByRole('link', { name: 'Patients', exact: true }).click();
    await page.getByRole('heading', { name: 'Patients' }).waitFor();
    expect(await failure.count()).toBe(0);
  });

  it('the database banner above a failed screen is still there and its link works', async () => {
    const { page } = await newSession(browser);
    const patientUrl = await openExamplePatient(page);
    await damageAVisitDate(page);
    await page.goto(patientUrl);
    await page.reload();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Something went wrong in this screen' })
      .waitFor();
    const reminder = page.getByRole('status').filter({ hasText: 'No backup has been exported' });
    await reminder.getByRole('link', { name: 'Export a backup' }).click();
    await page.getByRole('heading', { name: 'Data & settings' }).waitFor();
  });

  it('a malformed address (#/patients/%) is "Page not found", with the app around it', async () => {
    const { page } = await newSession(browser);
    await page.goto(`${baseUrl()}#/patients/%`);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await page.getByRole('link', { name: 'Patients', exact: true }).click();
    await page.getByRole('heading', { name: 'Patients' }).waitFor();
    await page.goto(`${baseUrl()}#/patients/%E0%A4%A/visits/%zz`);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
  });

  for (const [name, saved, damaged] of [
    ['not JSON', '{"state": {"clinician": "Dr', 'all settings'],
    [
      'fields of the wrong kind',
      JSON.stringify({
        state: { clinician: 42, defaultScales: ['PHQ-9', 'NOT-A-SCALE'], backupReminderDays: -3 },
        version: 2,
      }),
      'clinician name, default scales, backup reminder',
    ],
  ] as const) {
    it(`damaged saved settings (${name}) fall back to defaults with a note`, async () => {
      const { page } = await newSession(browser);
      await page.addInitScript((value) => {
        if (!sessionStorage.getItem('seeded')) {
          localStorage.setItem('trajectory-preferences', value);
          sessionStorage.setItem('seeded', '1');
        }
      }, saved);
      await page.goto(baseUrl());
      const note = page.getByRole('status').filter({ hasText: 'could not be read' });
      await note.waitFor();
      expect(await note.innerText()).toContain(
        `were reset to their defaults: ${damaged}. Clinical records are not affected.`,
      );
      // Every screen works with the defaults: a new patient and its visit with the default scales.
      await page.getByRole('link', { name: 'New patient' }).first().click();
      await page.getByLabel('Patient code (pseudonymous, unique)').fill('PREF-1');
      await page.getByRole('button', { name: 'Create patient' }).click();
      await page.getByRole('heading', { name: 'PREF-1' }).waitFor();
      await page.getByLabel('Visit date', { exact: true }).fill('2024-05-06');
      await page.getByRole('button', { name: 'Start visit' }).click();
      await page.getByRole('heading', { name: /Visit of 2024-05-06/ }).waitFor();
      const scales = page.getByRole('group', { name: 'Scales at this visit' });
      for (const id of ['HAMD-17', 'MADRS', 'PHQ-9', 'DARS'])
        expect(await scales.getByLabel(id, { exact: true }).isChecked()).toBe(true);
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Data & settings' })
        .click();
      await page.getByRole('heading', { name: 'Data & settings' }).waitFor();
      expect(await page.getByText('Something went wrong').count()).toBe(0);
    });
  }
});
