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

async function loadExample(page: Page) {
  await page.goto(baseUrl());
  await page.getByRole('button', { name: 'Load example patient' }).click();
  await page.getByRole('link', { name: 'DEZ-001' }).click();
  await page.getByRole('link', { name: 'Course', exact: true }).click();
  await page.getByRole('table', { name: /Scores by visit/ }).waitFor();
}

describe('the course view of the reference case', () => {
  it('shows the published reductions, response lost at week 3 and the relapse at week 4', async () => {
    const { page, context, requests } = await newSession(browser);
    await loadExample(page);
    const table = page.getByRole('table', { name: /Scores by visit/ });
    const text = await table.innerText();
    for (const pct of ['88.89 %', '72.22 %', '44.44 %', '5.56 %']) expect(text).toContain(pct);
    const hamdStatus = table.getByRole('row').filter({ hasText: 'Status' }).first();
    expect(await hamdStatus.innerText()).toMatch(
      /baseline\s+remission\s+remission\s+response lost\s+relapse/,
    );

    // Course figures above the charts: response and remission at 1 wk, 2 wk of response,
    // relapse at 4 wk (HAMD-17 row).
    const figures = page.getByRole('table', { name: /Course figures/ });
    const hamdRow = await figures.getByRole('row', { name: /^HAMD-17/ }).innerText();
    expect(hamdRow.split('\t').map((c) => c.trim())).toEqual([
      'HAMD-17',
      '1 wk',
      '1 wk',
      '2 wk',
      '4 wk',
      '2 (2023-12-07)',
      '17 (2023-12-28)',
    ]);

    // Every chart has a name, a legend naming the conventions, and a data-table alternative.
    const charts = page.getByRole('figure');
    expect(await charts.count()).toBe(6);
    for (const name of [/All scales on one axis/, /HAMD-17\): total over time/, /DARS domains/])
      await expect.poll(() => page.getByRole('figure', { name }).count()).toBe(1);
    if (process.env.E2E_SCREENSHOTS) {
      mkdirSync(process.env.E2E_SCREENSHOTS, { recursive: true });
      await page.setViewportSize({ width: 1280, height: 1400 });
      await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/course-top.png` });
    }
    const hamd = page.getByRole('figure', { name: /HAMD-17\): total over time/ });
    expect(await hamd.innerText()).toContain('Relapse: HAMD-17 ≥ 16 after response');
    await hamd.getByText('Show data table').click();
    expect(await hamd.getByRole('table').innerText()).toContain('relapse');

    const origin = new URL(baseUrl()).origin;
    expect(requests.filter((u) => !u.startsWith(origin) && !/^(data|blob):/.test(u))).toEqual([]);
    await context.close();
  });
});

function bigBackup(visits: number): string {
  const pid = '00000000-0000-4000-8000-000000000001';
  const id = (kind: number, n: number) =>
    `00000000-000${kind}-4000-8000-${String(n).padStart(12, '0')}`;
  const day = (n: number) => new Date(Date.UTC(2020, 0, 1 + n * 7)).toISOString().slice(0, 10);
  const at = '2024-01-01T00:00:00.000Z';
  const visitRows = Array.from({ length: visits }, (_, i) => ({
    id: id(2, i),
    patientId: pid,
    date: day(i),
    status: 'final',
    createdAt: at,
    updatedAt: at,
    finalizedAt: at,
  }));
  // A course that falls, relapses and recovers again; items follow the total.
  const assessments = visitRows.map((v, i) => {
    const level = Math.round(2 + 2 * Math.abs(Math.sin(i / 9)));
    const responses = Array.from({ length: 17 }, (_, k) =>
      Math.min(k < 9 ? 4 : 2, (level + k) % 3),
    );
    return {
      id: id(3, i),
      visitId: v.id,
      patientId: pid,
      date: v.date,
      scaleId: 'HAMD-17',
      scaleVersion: 'HAMD-17 (Hamilton 1960/1967)',
      entry: { mode: 'items', responses },
      status: 'final',
      updatedAt: at,
    };
  });
  return JSON.stringify({
    format: 'trajectory-backup',
    formatVersion: 1,
    exportedAt: at,
    appVersion: '0.1.0',
    scope: 'patient',
    patients: [{ id: pid, code: 'LONG-200', createdAt: at, updatedAt: at }],
    events: [
      {
        id: id(1, 1),
        patientId: pid,
        date: day(0),
        kind: 'single-dose',
        label: 'drug A',
        isIndex: true,
      },
    ],
    visits: visitRows,
    assessments,
    safetyAcks: [],
  });
}

describe('a course of 200 visits', () => {
  // How fast it draws is a figure of the benchmark (npm run bench), not of this test.
  it('draws every visit and switches its time axis', async () => {
    const { page, context } = await newSession(browser);
    await page.goto(`${baseUrl()}#/data`);
    await page.getByLabel('Backup file (.json)').setInputFiles({
      name: 'long.json',
      mimeType: 'application/json',
      buffer: Buffer.from(bigBackup(200)),
    });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText(/Imported: 1 patients added/).waitFor();
    await page.goto(`${baseUrl()}#/`);
    await page.getByRole('link', { name: 'LONG-200' }).click();
    await page.getByRole('link', { name: 'Course', exact: true }).click();
    const hamd = page.getByRole('figure', { name: /HAMD-17\): total over time/ });
    await hamd.waitFor();
    await hamd.getByText('Show data table').click();
    const table = hamd.getByRole('table');
    // One row per visit (and one for the index event).
    await expect.poll(() => table.locator('tbody tr[data-kind="point"]').count()).toBe(200);
    const last = table.locator('tbody tr[data-kind="point"]').last();
    expect(await last.innerText()).toMatch(/^2023-10-25\t199 wk\t/);
    expect(await hamd.getByRole('img').getAttribute('aria-label')).toContain('200 rated visits');
    // The chart is drawn again on the new axis (its pixels change).
    const pixels = () => hamd.locator('canvas').evaluate((c: HTMLCanvasElement) => c.toDataURL());
    const weeks = await pixels();
    await page.getByLabel('Time axis').selectOption('days');
    await expect.poll(pixels).not.toBe(weeks);
    await context.close();
  });
});
