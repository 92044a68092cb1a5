import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, newSession } from './browser';
import { dumpDatabase } from './idb';
import { itemFieldPattern } from '../../src/features/visit-entry/item-name';

// Two tabs save the same record (issue 12), in the built app: different fields merge; the
// same field changed to different values stops the second save and shows ConflictChooser with
// both values; the choice is what is stored, and the other value is kept in the history.
// Covered for the patient form, a treatment event and a finished visit.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

const CHANGED_ELSEWHERE = 'was changed elsewhere while you edited it';

async function createPatient(page: Page, code: string, name: string): Promise<string> {
  await page.goto(`${baseUrl()}#/patients/new`);
  await page.getByLabel('Patient code (pseudonymous, unique)').fill(code);
  await page.getByLabel('Name (optional)').fill(name);
  await page.getByRole('button', { name: 'Create patient' }).click();
  await page.getByRole('heading', { name: code }).waitFor();
  return page.url();
}

type Row = Record<string, unknown>;

async function stored(page: Page, table: string): Promise<Row[]> {
  const dump = await dumpDatabase(page);
  return (dump?.stores[table] ?? []).map(([, r]) => r as Row);
}

/** Every value a field of one record has had, from the history (creation and each change). */
async function historyValues(page: Page, recordId: string, pick: (r: Row) => unknown) {
  const entries = (await stored(page, 'history')).filter((h) => h.recordId === recordId);
  return entries
    .flatMap((h) => [h.before, h.after])
    .filter((r): r is Row => !!r)
    .map(pick);
}

describe('two tabs save the same record', () => {
  it('patient form: different fields merge; the same field asks, and the choice is stored', async () => {
    const { page: a, context } = await newSession(browser);
    const patientUrl = await createPatient(a, 'CONF-1', 'Ann Smith');
    const b = await context.newPage();
    const editUrl = `${patientUrl}/edit`;
    for (const tab of [a, b]) {
      await tab.goto(editUrl);
      await tab.getByRole('heading', { name: 'Edit patient CONF-1' }).waitFor();
    }
    // A the name, B the notes: both kept.
    await a.getByLabel('Name (optional)').fill('Anne Smith');
    await a.getByRole('button', { name: 'Save changes' }).click();
    await a.getByRole('heading', { name: 'CONF-1' }).waitFor();
    await b.getByLabel('Notes').fill('seen weekly');
    await b.getByRole('button', { name: 'Save changes' }).click();
    await b.getByRole('heading', { name: 'CONF-1' }).waitFor();
    expect(await stored(a, 'patients')).toMatchObject([
      { name: 'Anne Smith', notes: 'seen weekly' },
    ]);

    // Both the name: B is stopped with both values and nothing saved yet.
    for (const tab of [a, b]) {
      await tab.goto(editUrl);
      await tab.getByRole('heading', { name: 'Edit patient CONF-1' }).waitFor();
      await expect.poll(() => tab.getByLabel('Name (optional)').inputValue()).toBe('Anne Smith');
    }
    await a.getByLabel('Name (optional)').fill('Anna Smith');
    await a.getByRole('button', { name: 'Save changes' }).click();
    await a.getByRole('heading', { name: 'CONF-1' }).waitFor();
    await b.getByLabel('Name (optional)').fill('Annie Smith');
    await b.getByRole('button', { name: 'Save changes' }).click();
    const chooser = b.getByRole('alert').filter({ hasText: CHANGED_ELSEWHERE });
    await chooser.waitFor();
    expect(await chooser.getByRole('radio', { name: 'Keep yours: Annie Smith' }).count()).toBe(1);
    expect(
      await chooser.getByRole('radio', { name: 'Keep the stored value: Anna Smith' }).count(),
    ).toBe(1);
    expect(await stored(a, 'patients')).toMatchObject([{ name: 'Anna Smith' }]);

    await chooser.getByRole('radio', { name: 'Keep yours: Annie Smith' }).check();
    await chooser.getByRole('button', { name: 'Save with these choices' }).click();
    await b.getByRole('heading', { name: 'CONF-1' }).waitFor();
    const [patient] = await stored(a, 'patients');
    expect(patient).toMatchObject({ name: 'Annie Smith', notes: 'seen weekly' });
    // Nothing lost: A's value is in the history, and A's tab shows the choice.
    expect(await historyValues(a, String(patient?.id), (r) => r.name)).toContain('Anna Smith');
    await a.getByRole('heading', { name: 'CONF-1' }).waitFor();
    await a.getByText('Annie Smith').first().waitFor();
  });

  it('treatment event: the same field asks; keeping the stored value keeps it, and B’s other change', async () => {
    const { page: a, context } = await newSession(browser);
    const patientUrl = await createPatient(a, 'CONF-2', '');
    await a.getByRole('button', { name: 'Add treatment event' }).click();
    await a.getByLabel('Date', { exact: true }).fill('2024-02-01');
    await a.getByLabel('Label (shown on charts)').fill('ketamine');
    await a.getByLabel('Dose', { exact: true }).fill('0.5');
    await a.getByRole('button', { name: 'Add event' }).click();
    await a.getByRole('button', { name: 'Edit ketamine' }).waitFor();
    const b = await context.newPage();
    await b.goto(patientUrl);
    for (const tab of [a, b]) await tab.getByRole('button', { name: 'Edit ketamine' }).click();

    await a.getByLabel('Dose', { exact: true }).fill('0.75');
    await a.getByRole('button', { name: 'Save event' }).click();
    await a.getByRole('button', { name: 'Edit ketamine' }).waitFor();
    await b.getByLabel('Dose', { exact: true }).fill('1');
    await b.getByLabel('Details').fill('over 40 minutes');
    await b.getByRole('button', { name: 'Save event' }).click();
    const chooser = b.getByRole('alert').filter({ hasText: CHANGED_ELSEWHERE });
    await chooser.waitFor();
    expect(await chooser.getByRole('radio', { name: 'Keep yours: 1' }).count()).toBe(1);
    expect(await chooser.getByRole('radio', { name: 'Keep the stored value: 0.75' }).count()).toBe(
      1,
    );
    expect(await stored(a, 'events')).toMatchObject([{ dose: 0.75 }]);

    await chooser.getByRole('radio', { name: 'Keep the stored value: 0.75' }).check();
    await chooser.getByRole('button', { name: 'Save with these choices' }).click();
    await expect.poll(async () => (await stored(a, 'events'))[0]?.details).toBe('over 40 minutes');
    const [event] = await stored(a, 'events');
    expect(event).toMatchObject({ dose: 0.75, details: 'over 40 minutes' });
    expect(await historyValues(a, String(event?.id), (r) => r.dose)).toEqual(
      expect.arrayContaining([0.5, 0.75]),
    );
  });

  it('finished visit: "Save changes" in both tabs asks in the second, and the choice is stored', async () => {
    const { page: a, context } = await newSession(browser);
    await createPatient(a, 'CONF-3', '');
    await a.getByLabel('Visit date', { exact: true }).fill('2024-05-06');
    await a.getByRole('button', { name: 'Start visit' }).click();
    await a.getByRole('heading', { name: /Visit of 2024-05-06/ }).waitFor();
    const visitUrl = a.url();
    for (const id of ['HAMD-17', 'MADRS', 'DARS'])
      await a
        .getByRole('group', { name: 'Scales at this visit' })
        .getByLabel(id, { exact: true })
        .uncheck();
    const item = (tab: Page, n: number) => tab.getByLabel(itemFieldPattern('PHQ-9', n));
    for (let n = 1; n <= 10; n += 1) await item(a, n).fill('1');
    await expect
      .poll(() => a.getByRole('status').filter({ hasText: 'all changes saved' }).count())
      .toBeGreaterThan(0);
    await a.getByRole('button', { name: 'Finish visit' }).click();
    await a.getByRole('heading', { name: 'Visits' }).waitFor();

    const b = await context.newPage();
    for (const tab of [a, b]) {
      await tab.goto(visitUrl);
      await tab.getByRole('heading', { name: /Visit of 2024-05-06/ }).waitFor();
      await expect.poll(() => item(tab, 2).inputValue()).toBe('1');
    }
    // B edits first (unsaved), A saves meanwhile: B's save did not see A's value.
    await item(b, 2).fill('0');
    await item(b, 5).fill('2');
    await b.getByText('Unsaved changes: PHQ-9. Click “Save changes”.').waitFor();
    await item(a, 2).fill('3');
    await a.getByRole('button', { name: 'Save changes' }).click();
    await a.getByText('Changes saved; the previous values are kept in the history.').waitFor();
    await b.getByRole('button', { name: 'Save changes' }).click();
    const chooser = b.getByRole('alert').filter({ hasText: CHANGED_ELSEWHERE });
    await chooser.waitFor();
    expect(await chooser.getByRole('group', { name: 'PHQ-9 item 2' }).count()).toBe(1);
    expect(await chooser.getByRole('radio', { name: 'Keep yours: 0' }).count()).toBe(1);
    expect(await chooser.getByRole('radio', { name: 'Keep the stored value: 3' }).count()).toBe(1);

    await chooser.getByRole('radio', { name: 'Keep yours: 0' }).check();
    await chooser.getByRole('button', { name: 'Save with these choices' }).click();
    await b.getByText('Changes saved; the previous values are kept in the history.').waitFor();
    const phq = (await stored(a, 'assessments')).filter((r) => r.scaleId === 'PHQ-9');
    expect(phq).toHaveLength(1);
    const responses = (phq[0]?.entry as { responses: unknown[] }).responses;
    expect(responses.slice(0, 5)).toEqual([1, 0, 1, 1, 2]);
    // A's 3 is in the history; A's tab, not editing any more, shows what is stored.
    expect(
      await historyValues(
        a,
        String(phq[0]?.id),
        (r) => (r.entry as { responses: unknown[] }).responses[1],
      ),
    ).toContain(3);
    await expect.poll(() => item(a, 2).inputValue()).toBe('0');
    await expect.poll(() => item(a, 5).inputValue()).toBe('2');
  });
});
