// Stored cohorts (issue 14): create a cohort with two arms, enrol patients by index drug and
// from the searchable list, remove one with undo, open the cohort view on it and read n per
// arm; the patient page lists the enrolment. Axe on each screen, and reflow at 768 px.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, horizontalOverflow, shot } from './a11y';
import { baseUrl, launch, newSession } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

async function importFile(page: Page, file: string) {
  await page.getByRole('link', { name: 'Data & settings' }).click();
  await page.getByLabel('Backup file (.json)').setInputFiles({
    name: file,
    mimeType: 'application/json',
    buffer: readFileSync(resolve('fixtures', file)),
  });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByText(/^Imported/).waitFor();
}

const armList = (page: Page, arm: string) =>
  page
    .getByRole('list', { name: `Patients in arm ${arm}` })
    .getByRole('link')
    .allInnerTexts();

describe('stored cohorts', () => {
  it('creates a two-arm cohort, enrols patients, and shows n per arm in the cohort view', async () => {
    const { page, context, requests } = await newSession(browser);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(baseUrl());
    await importFile(page, 'cohort-synthetic.json');

    await page.getByRole('link', { name: 'Cohorts', exact: true }).click();
    await page.getByRole('heading', { name: 'Cohorts', level: 1 }).waitFor();
    await page.getByText('No stored cohort yet.', { exact: false }).waitFor();
    // No arm at all is refused with the reason, and nothing is created.
    await page.getByLabel('Name', { exact: true }).fill('Synthetic study');
    await page.getByRole('button', { name: 'Create cohort' }).click();
    expect(await page.getByRole('alert').innerText()).toBe('arms: a cohort needs at least one arm');
    await page.getByLabel('Arm 1 name').fill('Active');
    await page.getByLabel('Arm 2 name').fill('Comparator');
    await page.getByRole('button', { name: 'Create cohort' }).click();
    await page.getByRole('heading', { name: 'Synthetic study', level: 1 }).waitFor();

    // Arm 1: all patients whose index event is Drug A.
    await page.getByLabel('All patients whose index event is').selectOption({ label: 'Drug A' });
    await page.getByRole('button', { name: 'Enrol all 3 in arm Active' }).click();
    await page.getByText('3 patients enrolled in arm Active.').waitFor();
    expect(await armList(page, 'Active')).toEqual(['SYN-A1', 'SYN-A2', 'SYN-A3']);

    // Arm 2: chosen from the searchable list.
    await page.getByLabel('Arm', { exact: true }).selectOption({ label: 'Arm 2: Comparator' });
    await page.getByLabel('Search patients (code, name or index drug)').fill('drug b');
    for (const code of ['SYN-B1', 'SYN-B2', 'SYN-B3'])
      await page.getByRole('checkbox', { name: new RegExp(`^${code}`) }).check();
    await page.getByRole('button', { name: 'Enrol 3 chosen patients in arm Comparator' }).click();
    await page.getByText('3 patients enrolled in arm Comparator.').waitFor();
    expect(await armList(page, 'Comparator')).toEqual(['SYN-B1', 'SYN-B2', 'SYN-B3']);
    await page.getByText('Every patient is already in this cohort.').waitFor();
    await expectNoAxeViolations(page, 'stored cohort, 1280 px');
    await shot(page, 'cohorts-detail-1280');

    // Remove one, undo the removal.
    await page.getByRole('button', { name: 'Remove SYN-B3 from arm Comparator' }).click();
    await page.getByText('SYN-B3 removed from Synthetic study.').waitFor();
    expect(await armList(page, 'Comparator')).toEqual(['SYN-B1', 'SYN-B2']);
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByText('Removal undone.').waitFor();
    expect(await armList(page, 'Comparator')).toEqual(['SYN-B1', 'SYN-B2', 'SYN-B3']);

    // The cohort view on the stored cohort: its arms, n per arm.
    await page.getByRole('link', { name: 'Open in the cohort view' }).click();
    await page
      .getByRole('heading', { name: 'Cohort: Synthetic study (Active vs Comparator)' })
      .waitFor();
    await page.getByText('Active: 3 patients; Comparator: 3 patients.').waitFor();
    await page.getByRole('table', { name: 'Active: MADRS total', exact: true }).waitFor();
    await page.getByRole('table', { name: 'Comparator: MADRS total', exact: true }).waitFor();
    await expectNoAxeViolations(page, 'cohort view on a stored cohort');
    await shot(page, 'cohorts-view-1280');
    // The by-drug grouping is still there.
    await page
      .getByLabel('Cohort', { exact: true })
      .selectOption({ label: 'Patients by the drug of their index event' });
    await page.getByLabel('Arm A: patients whose index event is').waitFor();

    // The list and the patient page.
    await page.getByRole('link', { name: 'Cohorts', exact: true }).click();
    const row = page.getByRole('row', { name: /Synthetic study/ });
    expect(await row.innerText()).toContain('Active (3), Comparator (3)');
    await expectNoAxeViolations(page, 'cohort list');
    await shot(page, 'cohorts-list-1280');
    await page.getByRole('link', { name: 'Patients', exact: true }).click();
    await page.getByRole('link', { name: 'SYN-B2' }).click();
    const enrolments = page.getByRole('region', { name: 'Cohorts' });
    expect(await enrolments.innerText()).toContain('Synthetic study: arm 2 (Comparator)');

    // 768 px: the cohort page reflows without sideways scrolling.
    await page.setViewportSize({ width: 768, height: 1000 });
    await enrolments.getByRole('link', { name: 'Synthetic study' }).click();
    await page.getByRole('heading', { name: 'Synthetic study', level: 1 }).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await expectNoAxeViolations(page, 'stored cohort, 768 px');
    await shot(page, 'cohorts-detail-768');
    await page.getByRole('link', { name: 'Cohorts', exact: true }).click();
    await page.getByRole('row', { name: /Synthetic study/ }).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await shot(page, 'cohorts-list-768');

    const origin = new URL(baseUrl()).origin;
    expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:'))).toEqual([]);
    await context.close();
  });
});
