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
  it('shows the first 100, finds a patient by code or name quickly, and shows the safety flag', async () => {
    const { page, context } = await newSession(browser);
    await page.goto(`${baseUrl()}#/data`);
    const t0 = Date.now();
    await page.getByLabel('Backup file (.json)').setInputFiles({
      name: 'clinic.json',
      mimeType: 'application/json',
      buffer: Buffer.from(clinicBackup(1000)),
    });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Imported: 1000 patients added').waitFor({ timeout: 60_000 });
    console.log(`Import of 1,000 patients (5,000 records) in Chromium: ${Date.now() - t0} ms`);

    await page.goto(`${baseUrl()}#/`);
    await page
      .getByText('Showing 100 of 1000 patients: type more of a code or name to narrow the list.')
      .waitFor();
    expect(await page.getByRole('row').count()).toBe(101);

    // Search: from the key press to the narrowed list on screen (median of 5).
    const search = page.getByLabel('Search patients by code or name');
    const times: number[] = [];
    for (const query of ['P-07', 'name42', 'P-099', 'family7', 'P-0007']) {
      await search.fill('');
      await page.getByText(/Showing 100 of 1000/).waitFor();
      const t = Date.now();
      await search.fill(query);
      await page.getByText(new RegExp(`Showing \\d+ of 1000 patients\\.$`)).waitFor();
      times.push(Date.now() - t);
    }
    times.sort((a, b) => a - b);
    console.log(`Patient search with 1,000 patients: median ${times[2]} ms (${times.join(', ')})`);
    expect(times[2]).toBeLessThan(500);

    await search.fill('P-0007');
    const row = page.getByRole('row', { name: /P-0007/ });
    await expect.poll(() => row.innerText()).toContain('Safety flag');
    expect(await row.innerText()).toContain('PHQ-9');
    await search.fill('');
    await page.getByText(/Showing 100 of 1000/).waitFor();
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
