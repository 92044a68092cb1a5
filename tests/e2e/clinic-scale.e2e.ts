/**
 * A clinic-defined scale end to end (issue 16): the HL7 SDC PHQ-9 example Questionnaire is
 * imported on the data page (a problem first: nothing stored), then a visit of it is entered
 * item by item, and its total and Kroenke band show with the "clinic-defined" mark.
 */
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, horizontalOverflow, shot } from './a11y';
import { baseUrl, launch, newSession } from './browser';

const FILE = resolve('fixtures/fhir/questionnaire-sdc-phq9.json');
const TITLE = 'Patient Health Questionnaire - 9 Item';
const BANDS = [
  '0–4 None–minimal',
  '5–9 Mild',
  '10–14 Moderate',
  '15–19 Moderately severe',
  '20–27 Severe',
];

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

describe('a clinic-defined scale from a FHIR Questionnaire', () => {
  it('is imported on the data page and entered at a visit, with total, band and mark', async () => {
    const { page, context } = await newSession(browser);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(baseUrl());
    await page.getByRole('link', { name: 'Data & settings' }).click();
    const panel = page.getByRole('region', { name: 'Add a scale from a FHIR Questionnaire' });
    await panel.getByLabel('Questionnaire file (FHIR R4 JSON)').setInputFiles(FILE);
    await panel.getByLabel('Key (lower-case letters, digits or -)').fill('sdc-phq9');
    await panel.getByLabel(/^Severity bands/).fill(BANDS.join('\n'));

    // Bands without a source: refused in plain words, nothing stored.
    await panel.getByRole('button', { name: 'Check the questionnaire' }).click();
    await expect
      .poll(() => panel.getByRole('alert').innerText())
      .toContain('say where the bands come from');
    expect(await panel.getByText('Clinic-defined scales on this device').count()).toBe(0);

    await panel
      .getByLabel('Source of the bands')
      .fill('Kroenke et al. 2001, J Gen Intern Med 16:606');
    await panel.getByRole('button', { name: 'Check the questionnaire' }).click();
    await panel.getByRole('heading', { name: `Preview: ${TITLE} (clinic-defined)` }).waitFor();
    expect(await panel.getByText('9 items · total 0 to 27').count()).toBe(1);
    expect(await panel.getByRole('table', { name: /Severity bands/ }).innerText()).toContain(
      'Moderately severe',
    );
    await expectNoAxeViolations(page, 'clinic scale preview');
    await shot(page, 'clinic-scale-preview-1280');
    await page.setViewportSize({ width: 768, height: 1024 });
    expect(await horizontalOverflow(page)).toBe(0);
    await shot(page, 'clinic-scale-preview-768');
    await page.setViewportSize({ width: 1280, height: 900 });
    await panel.getByRole('button', { name: 'Save as a clinic-defined scale' }).click();
    await expect.poll(() => panel.getByRole('status').innerText()).toContain(`Saved ${TITLE}`);

    await page.goto(baseUrl());
    await page.getByRole('link', { name: 'New patient' }).first().click();
    await page.getByLabel('Patient code (pseudonymous, unique)').fill('CLINIC-1');
    await page.getByRole('button', { name: 'Create patient' }).click();
    await page.getByRole('button', { name: 'Start visit' }).click();
    await page.getByRole('checkbox', { name: `${TITLE} (clinic-defined)` }).check();
    const heading = page.getByRole('heading', { name: `${TITLE} clinic-defined` });
    await heading.waitFor();
    const responses = [2, 2, 1, 1, 2, 1, 1, 1, 0]; // total 11: Moderate (10–14)
    for (const [i, value] of responses.entries())
      await page.getByLabel(new RegExp(`^${TITLE} item ${i + 1},`)).fill(String(value));
    const total = page.getByLabel(`${TITLE} live total`);
    await expect.poll(() => total.innerText()).toContain('11');
    await expect
      .poll(() => page.getByLabel(`${TITLE} score`, { exact: true }).innerText())
      .toContain('Moderate');
    await expectNoAxeViolations(page, 'visit with a clinic-defined scale');
    await shot(page, 'clinic-scale-visit-1280');
    await page.setViewportSize({ width: 768, height: 1024 });
    expect(await horizontalOverflow(page)).toBe(0);
    await shot(page, 'clinic-scale-visit-768');
    await context.close();
  });
});
