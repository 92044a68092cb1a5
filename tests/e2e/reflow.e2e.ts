import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { horizontalOverflow, loadExample, shot } from './a11y';
import { baseUrl, launch, newSession } from './browser';

// WCAG 2.2 1.4.10: every screen at a phone's 390 px and a tablet's 768 px without sideways
// scrolling of the page; wide tables scroll in their own box with the first column in view.
// Screenshots go to $E2E_SCREENSHOTS when set (looked at, not compared).

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

const SCREENS: { name: string; path: (patient: string) => string; heading: RegExp }[] = [
  { name: 'list', path: () => '#/', heading: /^Patients$/ },
  { name: 'new-patient', path: () => '#/patients/new', heading: /^New patient$/ },
  { name: 'patient', path: (p) => p, heading: /^DEZ-001/ },
  { name: 'edit-patient', path: (p) => `${p}/edit`, heading: /^Edit patient DEZ-001$/ },
  { name: 'course', path: (p) => `${p}/course`, heading: /^Course of DEZ-001$/ },
  { name: 'print', path: (p) => `${p}/print`, heading: /^Patient summary$/ },
  { name: 'data', path: () => '#/data', heading: /^Data & settings$/ },
];

async function openVisit(page: Page, patient: string, width: number) {
  await page.goto(baseUrl() + patient);
  await page.getByRole('heading', { name: 'Visits' }).waitFor();
  const start = page.getByRole('button', { name: 'Start visit' });
  if (await start.count()) await start.click();
  else await page.getByRole('link', { name: /^Continue visit/ }).click();
  await page.getByRole('heading', { name: /^Visit of /, level: 1 }).waitFor();
  await page.getByRole('spinbutton').or(page.getByRole('textbox')).first().waitFor();
  expect(await horizontalOverflow(page), `visit entry at ${width} px`).toBeLessThanOrEqual(0);
  await shot(page, `visit-items-${width}`);
}

describe('every screen reflows', () => {
  for (const width of [390, 768])
    it(`at ${width} px wide`, async () => {
      const { page, context } = await newSession(browser);
      await page.setViewportSize({ width, height: width === 390 ? 844 : 1024 });
      await page.goto(baseUrl());
      await page.getByRole('heading', { name: 'Patients' }).waitFor();
      await shot(page, `empty-list-${width}`);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      const patient = await loadExample(page, baseUrl());
      for (const s of SCREENS) {
        await page.goto(baseUrl() + s.path(patient));
        await page.getByRole('heading', { name: s.heading, level: 1 }).waitFor();
        if (s.name === 'course') await page.locator('canvas').first().waitFor();
        await shot(page, `${s.name}-${width}`);
        expect(await horizontalOverflow(page), `${s.name} at ${width} px`).toBeLessThanOrEqual(0);
      }
      await openVisit(page, patient, width);
      // Item value buttons and fields are at least 24 × 24 px (tablet and phone: 44).
      const sizes = await page
        .locator('.choice, .item-input')
        .evaluateAll((els) => els.map((el) => el.getBoundingClientRect()));
      expect(sizes.length).toBeGreaterThan(0);
      for (const r of sizes) {
        expect(r.width).toBeGreaterThanOrEqual(24);
        expect(r.height).toBeGreaterThanOrEqual(24);
      }
      await context.close();
    });

  it('a wide table scrolls in its own box with its first column kept in view', async () => {
    const { page, context } = await newSession(browser);
    await page.setViewportSize({ width: 390, height: 844 });
    const patient = await loadExample(page, baseUrl());
    await page.goto(baseUrl() + patient + '/course');
    const box = page.getByRole('region', { name: /^Scores by visit/ });
    await box.waitFor();
    // A named, focusable region: it can be scrolled from the keyboard.
    expect(await box.getAttribute('tabindex')).toBe('0');
    const firstCell = box.getByRole('rowheader').first();
    const before = await firstCell.boundingBox();
    await box.evaluate((el) => el.scrollBy({ left: 400 }));
    await expect.poll(() => box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    const after = await firstCell.boundingBox();
    expect(after?.x).toBe(before?.x);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await context.close();
  });
});
