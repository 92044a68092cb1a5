import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, newSession } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

const at = '2024-01-01T00:00:00.000Z';
const uuid = (kind: number, n: number) =>
  `00000000-000${kind}-4000-8000-${String(n).padStart(12, '0')}`;

/** `count` patients with two PHQ-9 visits each; patient 7 endorses item 9 at the last one. */
function clinicBackup(count: number): string {
  const patients = [];
  const visits = [];
  const assessments = [];
  for (let p = 0; p < count; p++) {
    patients.push({
      id: uuid(1, p),
      code: `P-${String(p).padStart(4, '0')}`,
      name: `Name${p} Family${p % 50}`,
      createdAt: at,
      updatedAt: at,
    });
    for (let v = 0; v < 2; v++) {
      const id = uuid(2, p * 2 + v);
      const date = `2024-0${v + 1}-15`;
      visits.push({
        id,
        patientId: uuid(1, p),
        date,
        status: 'final',
        createdAt: at,
        updatedAt: at,
        finalizedAt: at,
      });
      const item9 = p === 7 && v === 1 ? 2 : 0;
      const base = v === 0 ? 2 : 1;
      assessments.push({
        id: uuid(3, p * 2 + v),
        visitId: id,
        patientId: uuid(1, p),
        date,
        scaleId: 'PHQ-9',
        scaleVersion: 'PHQ-9 (Kroenke 2001)',
        entry: {
          mode: 'items',
          responses: [base, base, base, base, base, base, base, base, item9, 0],
        },
        status: 'final',
        updatedAt: at,
      });
    }
  }
  return JSON.stringify({
    format: 'trajectory-backup',
    formatVersion: 1,
    exportedAt: at,
    appVersion: '0.1.0',
    scope: 'all',
    patients,
    events: [],
    visits,
    assessments,
    safetyAcks: [],
  });
}

const shot = async (page: Page, name: string) => {
  const dir = process.env.E2E_SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
};

describe('the patient list with 1,000 patients', () => {
  it('shows a page of 100, sorts by any column, finds patients by code or name, and shows the safety flag', async () => {
    const { page, context } = await newSession(browser);
    await page.goto(`${baseUrl()}#/data`);
    await page.getByLabel('Backup file (.json)').setInputFiles({
      name: 'clinic.json',
      mimeType: 'application/json',
      buffer: Buffer.from(clinicBackup(1000)),
    });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Imported: 1000 patients added').waitFor({ timeout: 60_000 });

    await page.goto(`${baseUrl()}#/`);
    await page.getByText('Showing 1–100 of 1000 patients.').waitFor();
    expect(await page.getByRole('row').count()).toBe(101);
    const codes = () => page.locator('tbody tr th').allInnerTexts();
    expect((await codes()).slice(0, 2)).toEqual(['P-0000', 'P-0001']);
    await page.getByRole('button', { name: 'Next 100' }).click();
    await page.getByText('Showing 101–200 of 1000 patients.').waitFor();
    expect((await codes())[0]).toBe('P-0100');
    await page.getByRole('button', { name: 'Previous 100' }).click();
    await page.getByText('Showing 1–100 of 1000 patients.').waitFor();

    // Sorting: every column header is a button, and aria-sort names the current order.
    const header = (name: string) => page.getByRole('columnheader', { name, exact: true });
    expect(await header('Code').getAttribute('aria-sort')).toBe('ascending');
    await header('Code').getByRole('button').click();
    await expect.poll(() => header('Code').getAttribute('aria-sort')).toBe('descending');
    await expect.poll(async () => (await codes())[0]).toBe('P-0999');
    // Safety first click: most open flags first, so patient 7 leads.
    await header('Safety').getByRole('button').click();
    await expect.poll(() => header('Safety').getAttribute('aria-sort')).toBe('descending');
    expect(await header('Code').getAttribute('aria-sort')).toBe('none');
    await expect.poll(async () => (await codes())[0]).toBe('P-0007');
    // PHQ-9 totals: all 8 but patient 7 (10, item 9 = 2), so it leads descending and
    // trails ascending.
    await header('PHQ-9').getByRole('button').click();
    await expect.poll(async () => (await codes())[0]).toBe('P-0007');
    await header('PHQ-9').getByRole('button').click();
    await expect.poll(() => header('PHQ-9').getAttribute('aria-sort')).toBe('ascending');
    await expect.poll(async () => (await codes())[0]).toBe('P-0000');
    await header('Name').getByRole('button').click();
    await expect.poll(async () => (await codes())[0]).toBe('P-0000');
    await header('Code').getByRole('button').click();
    await expect.poll(async () => (await codes())[0]).toBe('P-0000');

    // Search narrows the list by code prefix or by a word of the name, ignoring case; how
    // fast it does so is a figure of the benchmark (npm run bench), not of this test.
    const search = page.getByLabel('Search patients by code or name');
    for (const [query, count] of [
      ['P-07', 100],
      ['name42', 11],
      ['P-099', 10],
      ['family7', 20],
      ['P-0007', 1],
    ] as const) {
      await search.fill('');
      await page.getByText(/Showing 1–100 of 1000/).waitFor();
      await search.fill(query);
      await page.getByText(`Showing ${count} of 1000 patients.`).waitFor();
      const codes = await page.locator('tbody tr th').allInnerTexts();
      const names = await page.locator('tbody tr td:first-of-type').allInnerTexts();
      expect(codes, query).toHaveLength(count);
      codes.forEach((code, i) => {
        const matches = query.startsWith('P-')
          ? code.startsWith(query)
          : (names[i] ?? '')
              .toLowerCase()
              .split(' ')
              .some((word) => word.startsWith(query));
        expect(matches, `${query}: ${code} ${names[i] ?? ''}`).toBe(true);
      });
    }

    await search.fill('P-0007');
    const row = page.getByRole('row', { name: /P-0007/ });
    await expect.poll(() => row.innerText()).toContain('Safety flag');
    expect(await row.innerText()).toContain('PHQ-9');
    await search.fill('');
    await page.getByText(/Showing 1–100 of 1000/).waitFor();
    await shot(page, 'patient-list');

    await page.goto(`${baseUrl()}#/`);
    await search.fill('P-0007');
    await page.getByRole('link', { name: 'P-0007' }).click();
    const flag = page.getByRole('region', { name: 'Safety flags to acknowledge' });
    await flag.waitFor();
    expect(await flag.innerText()).toContain('PHQ-9 item 9 = 2');
    await shot(page, 'flagged-patient');
    await context.close();
  });
});
