import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, horizontalOverflow, shot } from './a11y';
import { baseUrl, launch, newSession } from './browser';
import { dumpDatabase } from './idb';

// The sync conflicts screen (issue 17), in the built app. A conflict is seeded as sync lists
// it (meta `syncConflicts`: both versions and the version they started from): the patient's
// name was changed on both devices, the notes on the other device only. The screen shows
// both side by side with the proposal; the clinician chooses; the entry goes, the choice is
// stored with the other device's notes, and the history keeps both versions.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

type Row = Record<string, unknown>;

async function rows(page: Page, table: string): Promise<Row[]> {
  const dump = await dumpDatabase(page);
  return (dump?.stores[table] ?? []).map(([, r]) => r as Row);
}

/** Lists a conflict of the stored patient as a sync round does (raw IndexedDB write). */
async function seedConflict(page: Page, patient: Row): Promise<void> {
  const hlc = (s: number) =>
    `${new Date(Date.now() + s * 1000).toISOString()}-0000-00000000000000bb`;
  const version = (record: Row, rev: string, author: string, device: string, s: number) => ({
    rev,
    author,
    device,
    hlc: hlc(s),
    record,
  });
  const conflict = {
    id: patient.id,
    kind: 'versions',
    table: 'patients',
    patientId: patient.id,
    reason: 'changed on two devices',
    versions: [
      version(patient, String(patient.rev), 'Dr Li', String(patient.device), 0),
      version(
        { ...patient, name: 'Annie Smith', notes: 'seen weekly' },
        '2-00000000000b0b',
        'Dr Wu',
        'device-b',
        1,
      ),
    ],
    base: version({ ...patient, name: 'Ann' }, '1-000000000000aa', 'Dr Li', 'x', -60),
    seenAt: new Date().toISOString(),
  };
  await page.evaluate(
    (value) =>
      new Promise<void>((done, fail) => {
        const open = indexedDB.open('trajectory');
        open.onerror = () => fail(new Error(String(open.error)));
        open.onsuccess = () => {
          const tx = open.result.transaction('meta', 'readwrite');
          tx.objectStore('meta').put({ key: 'syncConflicts', value: [value] });
          tx.oncomplete = () => {
            open.result.close();
            done();
          };
          tx.onerror = () => fail(new Error(String(tx.error)));
        };
      }),
    conflict,
  );
}

describe('sync conflicts screen', () => {
  it('shows both versions side by side, the clinician chooses, and history keeps both', async () => {
    const { page } = await newSession(browser);
    await page.goto(`${baseUrl()}#/sync/conflicts`);
    await page.getByText('No conflicts:').waitFor();

    await page.goto(`${baseUrl()}#/patients/new`);
    await page.getByLabel('Patient code (pseudonymous, unique)').fill('SYNC-1');
    await page.getByLabel('Name (optional)').fill('Ann Smith');
    await page.getByRole('button', { name: 'Create patient' }).click();
    await page.getByRole('heading', { name: 'SYNC-1' }).waitFor();
    const [patient] = await rows(page, 'patients');
    if (!patient) throw new Error('no patient stored');
    await seedConflict(page, patient);

    await page.goto(`${baseUrl()}#/sync/conflicts`);
    await page.reload();
    const card = page.getByRole('region', { name: /SYNC-1: Patient record/ });
    await card.waitFor();
    const table = card.getByRole('table', { name: /What differs between the two versions/ });
    const nameRow = table.getByRole('row', { name: /^name/ });
    await expect
      .poll(() => nameRow.innerText())
      .toMatch(/Ann\s+Ann Smith\s+Annie Smith\s+your choice/);
    const notesRow = table.getByRole('row', { name: /^notes/ });
    await expect.poll(() => notesRow.innerText()).toMatch(/seen weekly\s*$/);
    await expectNoAxeViolations(page, 'sync conflicts with a choice');
    await shot(page, 'sync-conflicts-1280');
    await page.setViewportSize({ width: 768, height: 900 });
    expect(await horizontalOverflow(page)).toBe(0);
    await shot(page, 'sync-conflicts-768');
    await page.setViewportSize({ width: 1280, height: 900 });

    // Keyboard: the choice and the save are reached and used without a mouse.
    const save = card.getByRole('button', { name: 'Resolve with these choices' });
    expect(await save.isDisabled()).toBe(true);
    await card.getByRole('radio', { name: /Keep version 2: Annie Smith/ }).focus();
    await page.keyboard.press('Space');
    await save.focus();
    await page.keyboard.press('Enter');
    await page.getByText('No conflicts:').waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: /resolved with your choices\. The patient's history keeps both versions/ })
      .waitFor();

    const [stored] = await rows(page, 'patients');
    expect(stored).toMatchObject({ name: 'Annie Smith', notes: 'seen weekly' });
    const history = (await rows(page, 'history')).filter((h) => h.recordId === patient.id);
    const names = history.flatMap((h) => [h.before, h.after]).map((r) => (r as Row | null)?.name);
    expect(names).toEqual(expect.arrayContaining(['Ann Smith', 'Annie Smith']));
    expect(history.at(-1)).toMatchObject({ operation: 'resolve sync conflict' });
  });
});
