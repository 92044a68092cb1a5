import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { itemFieldPattern } from '../../src/features/visit-entry/item-name';
import { expectNoAxeViolations, loadExample } from './a11y';
import { baseUrl, launch, newSession } from './browser';

// axe-core on every screen and state: zero violations (WCAG 2.2 AA, best practices, and
// the 24 × 24 px target size).

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

const heading = (page: Page, name: string | RegExp) =>
  page.getByRole('heading', { name, level: 1 }).waitFor();

describe('axe-core finds no violations', () => {
  it('on the list (empty and filled), the patient forms with errors and the patient page', async () => {
    const { page, context } = await newSession(browser);
    await page.goto(baseUrl());
    await heading(page, 'Patients');
    await expectNoAxeViolations(page, 'the empty patient list');

    await page.getByRole('link', { name: 'New patient' }).first().click();
    await heading(page, 'New patient');
    await page.getByLabel('Birth year').fill('18');
    await page.getByRole('button', { name: 'Create patient' }).click();
    // Issue 11: field errors sit at their fields (aria-invalid, aria-describedby), no alert.
    await page.getByText(/Birth year must be a year/).waitFor();
    await expectNoAxeViolations(page, 'the new-patient form with errors');

    const patient = await loadExample(page, baseUrl());
    await expectNoAxeViolations(page, 'the filled patient list');
    await page.goto(baseUrl() + patient);
    await heading(page, /^DEZ-001/);
    await expectNoAxeViolations(page, 'the patient page');
    await page.getByRole('button', { name: 'Add treatment event' }).click();
    await page.getByRole('button', { name: 'Add event' }).click();
    // Issue 11: errors at their fields, marked invalid.
    await page.locator('form [aria-invalid="true"]').first().waitFor();
    await expectNoAxeViolations(page, 'the event form with errors');
    await context.close();
  });

  it('on visit entry item by item (with a refused key) and in summary mode', async () => {
    const { page, context } = await newSession(browser);
    await page.goto(baseUrl());
    await page.getByRole('link', { name: 'New patient' }).first().click();
    await page.getByLabel('Patient code (pseudonymous, unique)').fill('AXE-1');
    await page.getByRole('button', { name: 'Create patient' }).click();
    await page.getByRole('button', { name: 'Start visit' }).click();
    await heading(page, /^Visit of /);
    await page.getByLabel(itemFieldPattern('HAMD-17', 1)).focus();
    for (const key of '2130') await page.keyboard.press(key);
    await page.keyboard.press('9'); // item 5 is 0–2: refused with a message
    // At the field, and (issue 11) in the score panel's list of refused values.
    await page.getByText(/^HAMD-17 item 5 must be between 0 and 2 \(got 9\)\./).waitFor();
    await expectNoAxeViolations(page, 'item-by-item visit entry with a refused key');
    await page
      .getByRole('region', { name: /^PHQ-9 / })
      .getByRole('radio', { name: 'Summary (totals)' })
      .check();
    await page.getByLabel('PHQ-9 total', { exact: true }).fill('40');
    // Issue 11: the refusal is named at the field and in the score panel.
    await page
      .locator('#PHQ-9-total-error')
      .getByText(/PHQ-9 total must be/)
      .waitFor();
    await expectNoAxeViolations(page, 'summary entry with an out-of-range total');
    await context.close();
  });

  it('on the course, the print page, the data page and the cohort page', async () => {
    const { page, context } = await newSession(browser);
    const patient = await loadExample(page, baseUrl());
    await page.goto(baseUrl() + patient + '/course');
    await heading(page, /^Course of DEZ-001/);
    await page.locator('canvas').first().waitFor();
    for (const toggle of await page.getByText('Show data table').all()) await toggle.click();
    await expectNoAxeViolations(page, 'the course page with its data tables open');
    await page.goto(baseUrl() + patient + '/print');
    await heading(page, 'Patient summary');
    await expectNoAxeViolations(page, 'the print page');
    await page.goto(baseUrl() + '#/data');
    await heading(page, 'Data & settings');
    await expectNoAxeViolations(page, 'the data page');
    await page.goto(baseUrl() + '#/cohort');
    await heading(page, /^Cohort/);
    await expectNoAxeViolations(page, 'the cohort page (issue 14)');
    await page.goto(baseUrl() + patient + '/visits/missing');
    await heading(page, 'Visit not found');
    await expectNoAxeViolations(page, 'a visit that does not exist');
    await context.close();
  });

  it('on a phone (390 px): list, patient, visit entry, course', async () => {
    const { page, context } = await newSession(browser);
    await page.setViewportSize({ width: 390, height: 844 });
    const patient = await loadExample(page, baseUrl());
    await expectNoAxeViolations(page, 'the list at 390 px');
    await page.goto(baseUrl() + patient);
    await heading(page, /^DEZ-001/);
    await expectNoAxeViolations(page, 'the patient page at 390 px');
    await page.getByRole('button', { name: 'Start visit' }).click();
    await heading(page, /^Visit of /);
    await expectNoAxeViolations(page, 'visit entry at 390 px');
    await page.goto(baseUrl() + patient + '/course');
    await heading(page, /^Course of DEZ-001/);
    await expectNoAxeViolations(page, 'the course at 390 px');
    await context.close();
  });
});
