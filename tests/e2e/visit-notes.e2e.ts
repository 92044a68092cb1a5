import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExample } from './a11y';
import { baseUrl, launch, newSession } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

describe('adverse events and note of a visit', () => {
  it('are recorded at the visit and shown in the course table and the print', async () => {
    const { page, context } = await newSession(browser);
    const patient = await loadExample(page, baseUrl());
    await page.goto(baseUrl() + patient);
    await page.getByRole('link', { name: '2023-12-07' }).click();
    await page.getByRole('heading', { name: /^Visit of 2023-12-07/ }).waitFor();
    const events = page.getByRole('group', { name: 'Adverse events / side effects' });
    await events.getByLabel('nausea').check();
    await expect.poll(() => events.getByLabel('nausea').isChecked()).toBe(true);
    await page.getByLabel('Other (separate with commas)').fill('tinnitus');
    await page.getByLabel('Note', { exact: true }).fill('felt detached for 1 h');
    await page.getByLabel('Other (separate with commas)').focus(); // blur saves the note
    await page.getByRole('link', { name: 'DEZ-001' }).click(); // blur saves the free text

    const line = 'AE: nausea, tinnitus · Note: felt detached for 1 h';
    await page.goto(baseUrl() + patient + '/course');
    const table = page.getByRole('table', { name: /Scores by visit/ });
    await table.waitFor();
    await expect.poll(() => table.innerText()).toContain(line);
    expect(await table.getByRole('rowheader', { name: 'Adverse events / note' }).count()).toBe(1);

    await page.goto(baseUrl() + patient + '/print');
    await page.getByRole('heading', { name: 'Patient summary' }).waitFor();
    // The print carries the adverse events (notes would push it onto a second page).
    expect(await page.locator('.summary-sheet').innerText()).toContain('AE: nausea, tinnitus');
    await context.close();
  });
});
