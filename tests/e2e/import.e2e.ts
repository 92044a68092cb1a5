import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, newSession } from './browser';
import { dumpDatabase, installDiskFullSwitch, storeSizes, type DatabaseDump } from './idb';

// Importing a backup through the Data page (issue 7): a bad file, or a good one whose write
// fails, leaves the database exactly as it was (every store compared record by record with
// the raw IndexedDB API) and says what is wrong and where; a patient already stored is never
// merged silently: the clinician chooses to skip or to replace.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

interface Backup {
  formatVersion: number;
  patients: { id: string; code: string; createdAt: string; updatedAt: string }[];
  events: { id: string; patientId: string; label: string }[];
  assessments: { scaleId: string; entry: { total?: number } }[];
  [key: string]: unknown;
}
const FIXTURE = readFileSync('fixtures/dezocine-case.json', 'utf8');
const fixture = (): Backup => JSON.parse(FIXTURE) as Backup;
const DEZ = 'de20c1e0-0000-4000-8000-000000000001';

async function setup(page: Page): Promise<void> {
  await page.goto(baseUrl());
  await page.getByRole('heading', { name: 'Patients' }).waitFor();
  await page.getByRole('button', { name: 'Load example patient' }).click();
  await page.getByRole('link', { name: 'DEZ-001' }).click();
  await page.getByRole('heading', { name: /DEZ-001/ }).waitFor();
  // A change made on this device after the example was loaded: it is not in any file.
  await page.getByRole('button', { name: 'Add treatment event' }).click();
  await page.getByLabel('Date', { exact: true }).fill('2024-01-10');
  await page.getByLabel('Label (shown on charts)').fill('local-only note');
  await page.getByLabel('Kind').selectOption({ label: 'Note' });
  await page.getByRole('button', { name: 'Add event' }).click();
  await page.getByRole('cell', { name: 'local-only note', exact: true }).waitFor();
  await page.getByRole('link', { name: 'Data & settings' }).click();
  await page.getByRole('heading', { name: 'Import a backup' }).waitFor();
}

const importPanel = (page: Page) => page.getByRole('region', { name: 'Import a backup' });

async function choose(page: Page, name: string, text: string | Buffer): Promise<void> {
  await page.getByLabel('Backup file (.json)').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: typeof text === 'string' ? Buffer.from(text) : text,
  });
}

async function refusal(page: Page): Promise<string> {
  const alert = importPanel(page).getByRole('alert');
  await alert.waitFor();
  return alert.innerText();
}

/** The records of one patient in a dump, by store. */
function patientRows(dump: DatabaseDump | null, patientId: string): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const store of ['patients', 'events', 'visits', 'assessments', 'safetyAcks']) {
    out[store] = (dump?.stores[store] ?? [])
      .map(([, r]) => r as { id: string; patientId?: string })
      .filter((r) => (store === 'patients' ? r.id === patientId : r.patientId === patientId));
  }
  return out;
}

describe('importing a backup', () => {
  it('refuses a bad file, says what and where, and changes nothing', async () => {
    const { page, context } = await newSession(browser);
    await setup(page);
    const before = await dumpDatabase(page);
    expect(storeSizes(before)).toMatchObject({
      patients: 1,
      events: 5,
      visits: 5,
      assessments: 20,
    });
    expect(before?.stores.history?.length).toBeGreaterThan(0);

    // (a) Not JSON: cut off in the middle.
    await choose(page, 'cut-off.json', FIXTURE.slice(0, 400));
    let message = await refusal(page);
    expect(message).toContain('cut-off.json was not imported; nothing was changed.');
    expect(message).toMatch(/Not valid JSON: .*line \d+/);
    expect(await dumpDatabase(page)).toEqual(before);

    // (b) A HAMD-17 total out of range (0–52).
    const bad = fixture();
    const at = bad.assessments.findIndex((a) => a.scaleId === 'HAMD-17');
    const hamd = bad.assessments[at];
    if (!hamd) throw new Error('no HAMD-17 in the fixture');
    hamd.entry.total = 99;
    await choose(page, 'bad-score.json', JSON.stringify(bad, null, 2));
    message = await refusal(page);
    expect(message).toContain('bad-score.json was not imported; nothing was changed.');
    expect(message).toContain(`assessments[${at}]`);
    expect(message).toContain('HAMD-17');
    expect(message).toContain('99');
    expect(await dumpDatabase(page)).toEqual(before);

    // (c) A newer format version.
    await choose(page, 'newer.json', JSON.stringify({ ...fixture(), formatVersion: 3 }));
    message = await refusal(page);
    expect(message).toContain('newer.json was not imported; nothing was changed.');
    expect(message).toContain('formatVersion 3 is newer than this app understands');
    expect(await dumpDatabase(page)).toEqual(before);

    // (d) Not a backup at all.
    await choose(page, 'list.json', '[1, 2, 3]');
    message = await refusal(page);
    expect(message).toContain('not a Trajectory backup');
    expect(await dumpDatabase(page)).toEqual(before);

    // Nothing was offered for import at any point.
    expect(await page.getByRole('button', { name: /^Import/ }).count()).toBe(0);
    await context.close();
  });

  it('writes nothing when the disk fills in the middle of an import', async () => {
    const { page, context } = await newSession(browser);
    await setup(page);
    const before = await dumpDatabase(page);
    // A file of a new patient: the fixture under new ids and a new code.
    const other = JSON.parse(
      FIXTURE.replaceAll('de20c1e0-', 'de20c1e1-').replaceAll('DEZ-001', 'DEZ-002'),
    ) as Backup;
    await choose(page, 'dez-002.json', JSON.stringify(other));
    await importPanel(page).getByText('New: DEZ-002').waitFor();
    // Ten records go in, then the disk is full.
    await page.evaluate(installDiskFullSwitch);
    await page.evaluate(() => {
      (window as unknown as { diskFull: number }).diskFull = 10;
    });
    await importPanel(page).getByRole('button', { name: 'Import', exact: true }).click();
    const message = await refusal(page);
    expect(message).toContain('dez-002.json was not imported; nothing was changed.');
    expect(message).toMatch(/no storage space left/);
    expect(
      await page.evaluate(
        () => (window as unknown as { diskFullFailures: number }).diskFullFailures,
      ),
    ).toBe(1);
    expect(await dumpDatabase(page)).toEqual(before);
    await context.close();
  });

  it('offers to skip or replace a patient that is already stored, and never merges', async () => {
    const { page, context } = await newSession(browser);
    await setup(page);
    const before = await dumpDatabase(page);
    const stored = patientRows(before, DEZ);
    expect(stored.events?.length).toBe(5);

    // The file: DEZ-001 as exported elsewhere, with one event relabelled, plus a new patient.
    const file = fixture();
    const dezocine = file.events.find((e) => e.label === 'dezocine');
    if (!dezocine) throw new Error('no dezocine event in the fixture');
    dezocine.label = 'dezocine 0.1 mg/kg';
    file.patients.push({
      id: 'de20c1e0-0000-4000-8000-0000000000ff',
      code: 'NEW-002',
      createdAt: '2024-01-02T00:00:00.000Z',
      updatedAt: '2024-01-02T00:00:00.000Z',
    });
    file.scope = 'all';
    const text = JSON.stringify(file);

    await choose(page, 'clinic.json', text);
    const plan = importPanel(page).getByRole('status');
    await plan.getByText(/These patients already exist here\. Replacing/).waitFor();
    expect(await plan.innerText()).toContain('New: NEW-002');
    expect(
      await plan.getByRole('listitem').filter({ hasText: 'DEZ-001' }).innerText(),
    ).not.toContain('identical');
    // Choosing the file writes nothing; only skip or replace are offered, never a merge.
    expect(await dumpDatabase(page)).toEqual(before);
    const buttons = await plan.getByRole('button').allInnerTexts();
    expect(buttons).toEqual([
      'Import, skipping existing patients',
      'Import, replacing existing patients',
      'Cancel',
    ]);

    // Skip: NEW-002 is added; DEZ-001 stays exactly as stored (its local event included).
    await importPanel(page)
      .getByRole('button', { name: 'Import, skipping existing patients' })
      .click();
    await importPanel(page)
      .getByRole('status')
      .filter({ hasText: 'Imported: 1 patients added' })
      .waitFor();
    expect(await importPanel(page).getByRole('status').innerText()).toContain(
      '1 skipped (DEZ-001)',
    );
    const skipped = await dumpDatabase(page);
    expect(patientRows(skipped, DEZ)).toEqual(stored);
    expect(skipped?.stores.patients?.map(([, p]) => (p as { code: string }).code).sort()).toEqual([
      'DEZ-001',
      'NEW-002',
    ]);

    // Replace: DEZ-001 becomes the file's version, whole; the local event goes (into history).
    await choose(page, 'clinic.json', text);
    await plan.getByText(/These patients already exist here\. Replacing/).waitFor();
    expect(await plan.getByRole('listitem').filter({ hasText: 'NEW-002' }).innerText()).toContain(
      'identical: nothing would change',
    );
    await importPanel(page)
      .getByRole('button', { name: 'Import, replacing existing patients' })
      .click();
    await importPanel(page)
      .getByRole('status')
      .filter({ hasText: 'Imported: 0 patients added, 2 replaced.' })
      .waitFor();
    const replaced = await dumpDatabase(page);
    const events = (patientRows(replaced, DEZ).events ?? []) as { id: string; label: string }[];
    expect(events.map((e) => e.id).sort()).toEqual(file.events.map((e) => e.id).sort());
    expect(events.map((e) => e.label)).toContain('dezocine 0.1 mg/kg');
    expect(events.map((e) => e.label)).not.toContain('local-only note');
    expect(patientRows(replaced, DEZ).visits).toEqual(stored.visits);
    expect(replaced?.stores.history?.length).toBeGreaterThan(skipped?.stores.history?.length ?? 0);
    const history = JSON.stringify(replaced?.stores.history);
    expect(history).toContain('local-only note');
    await context.close();
  });
});
