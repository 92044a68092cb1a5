import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './a11y';
import { baseUrl, launch, newSession } from './browser';
import { dumpDatabase } from './idb';

// A failed upgrade step (issue 12): a v2 database holding a record the v3 step cannot convert
// (a dose event whose label was stored as a number, as a faulty old import could leave it).
// The app names the step, the table, the record and the error in plain words, keeps every
// record as it was, and hands the stored records over as a backup file.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

const BROKEN_ID = '5b1f0c1e-2222-4333-8444-555566667777';
const PATIENT_ID = '5b1f0c1e-0000-4000-8000-000000000001';

describe('an upgrade step that fails', () => {
  it('says which record blocked it and offers the stored records as a backup', async () => {
    const { page } = await newSession(browser);
    await page.goto(baseUrl());
    await page.getByText('No patients yet').waitFor();
    // Replace the app's database with a v2 one, as an old release left it (Dexie stores
    // version n as 10n; the stores and indexes are v2's declaration).
    await page.evaluate(
      async ({ brokenId, patientId }) => {
        await new Promise<void>((resolve, reject) => {
          const del = indexedDB.deleteDatabase('trajectory');
          del.onsuccess = () => resolve();
          del.onerror = () => reject(del.error ?? new Error('delete failed'));
        });
        await new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('trajectory', 20);
          req.onupgradeneeded = () => {
            const db = req.result;
            const patients = db.createObjectStore('patients', { keyPath: 'id' });
            patients.createIndex('codeKey', 'codeKey', { unique: true });
            patients.createIndex('nameWords', 'nameWords', { multiEntry: true });
            const events = db.createObjectStore('events', { keyPath: 'id' });
            events.createIndex('[patientId+date]', ['patientId', 'date']);
            const visits = db.createObjectStore('visits', { keyPath: 'id' });
            visits.createIndex('[patientId+date]', ['patientId', 'date']);
            const assessments = db.createObjectStore('assessments', { keyPath: 'id' });
            assessments.createIndex('visitId', 'visitId');
            assessments.createIndex('[patientId+date]', ['patientId', 'date']);
            assessments.createIndex('[patientId+scaleId]', ['patientId', 'scaleId']);
            assessments.createIndex('flaggedItems', 'flaggedItems', { multiEntry: true });
            const acks = db.createObjectStore('safetyAcks', { keyPath: 'id' });
            acks.createIndex('patientId', 'patientId');
            acks.createIndex('assessmentId', 'assessmentId');
            const history = db.createObjectStore('history', { keyPath: 'id', autoIncrement: true });
            for (const i of ['recordId', 'patientId', 'at', 'groupId']) history.createIndex(i, i);
            db.createObjectStore('meta', { keyPath: 'key' });
            patients.put({
              id: patientId,
              code: 'OLD-001',
              codeKey: 'old-001',
              name: '',
              nameWords: [],
              createdAt: '2023-01-02T10:00:00.000Z',
              updatedAt: '2023-01-02T10:00:00.000Z',
            });
            events.put({
              id: brokenId,
              patientId,
              date: '2023-01-03',
              kind: 'single-dose',
              label: 42,
              isIndex: true,
            });
          };
          req.onsuccess = () => {
            req.result.close();
            resolve();
          };
          req.onerror = () => reject(req.error ?? new Error('open failed'));
        });
      },
      { brokenId: BROKEN_ID, patientId: PATIENT_ID },
    );
    await page.reload();

    const banner = page.getByRole('alert').filter({ hasText: 'could not update the records' });
    await banner.waitFor();
    expect(await banner.innerText()).toContain(
      `The upgrade step "v3-event-drug-names" (to version 3) stopped at record ${BROKEN_ID} of the events table: the record lacks a field the step needs, or a field holds the wrong kind of value (TypeError:`,
    );
    expect(await banner.innerText()).toContain('Nothing was changed');
    // Not mistaken for a browser that refuses storage, nor for an empty database.
    expect(await page.getByText('private browsing').count()).toBe(0);
    expect(await page.getByText('No patients yet').count()).toBe(0);
    await expectNoAxeViolations(page, 'the failed-upgrade banner');

    // The database is as the old release left it.
    const stored = await dumpDatabase(page);
    expect(stored?.version).toBe(20);
    expect(stored?.stores.events).toEqual([
      [
        BROKEN_ID,
        {
          id: BROKEN_ID,
          patientId: PATIENT_ID,
          date: '2023-01-03',
          kind: 'single-dose',
          label: 42,
          isIndex: true,
        },
      ],
    ]);

    // The stored records, as a backup file.
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      banner.getByRole('button', { name: 'Download the stored records as a backup' }).click(),
    ]);
    expect(file.suggestedFilename()).toMatch(
      /^trajectory-before-upgrade-v2-\d{4}-\d{2}-\d{2}\.json$/,
    );
    const backup = JSON.parse(readFileSync(await file.path(), 'utf8')) as {
      format: string;
      patients: { id: string; code: string; codeKey?: string }[];
      events: { id: string; label: unknown }[];
    };
    expect(backup.format).toBe('trajectory-backup');
    expect(backup.patients).toMatchObject([{ id: PATIENT_ID, code: 'OLD-001' }]);
    expect(backup.patients[0]?.codeKey).toBeUndefined();
    expect(backup.events).toMatchObject([{ id: BROKEN_ID, label: 42 }]);
    await banner.getByRole('status').filter({ hasText: 'Saved as' }).waitFor();

    // The shell still works around it.
    await page.getByRole('link', { name: 'Data & settings' }).click();
    await page.getByRole('heading', { name: 'Data & settings' }).waitFor();
    await banner.waitFor();
    expect(await page.getByRole('heading', { name: /went wrong|failed/i }).count()).toBe(0);
  });
});
