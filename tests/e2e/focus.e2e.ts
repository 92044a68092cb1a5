import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemFieldPattern } from '../../src/features/visit-entry/item-name';
import { loadExample } from './a11y';
import { baseUrl, launch, newSession } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

const focusIsOn = (page: Page, name: string | RegExp) =>
  expect
    .poll(() =>
      page.evaluate(() => {
        const el = document.activeElement;
        return el?.tagName === 'H1' ? el.textContent : `<${el?.tagName ?? 'none'}>`;
      }),
    )
    .toMatch(name);

/** WCAG relative luminance contrast of two CSS rgb() colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
    const ch = (v = 0) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(bl);
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('focus and titles', () => {
  it('moves focus to the main heading after every route change and names each page', async () => {
    const { page, context } = await newSession(browser);
    const patient = await loadExample(page, baseUrl());
    expect(await page.title()).toBe('Patients · Trajectory');

    await page.getByRole('link', { name: 'DEZ-001' }).click();
    await focusIsOn(page, /^DEZ-001/);
    expect(await page.title()).toBe('DEZ-001 · Trajectory');

    await page.getByRole('link', { name: '2023-12-07' }).click();
    await focusIsOn(page, /^Visit of 2023-12-07/);
    expect(await page.title()).toBe('Visit of 2023-12-07 · DEZ-001 · Trajectory');

    await page.goto(baseUrl() + patient + '/course');
    await page.getByRole('link', { name: 'Data & settings' }).click();
    await focusIsOn(page, 'Data & settings');
    expect(await page.title()).toBe('Data & settings · Trajectory');

    await page.goBack();
    await focusIsOn(page, /^Course of DEZ-001/);
    expect(await page.title()).toBe('Course · DEZ-001 · Trajectory');

    await page.getByRole('link', { name: 'Patients', exact: true }).click();
    await focusIsOn(page, 'Patients');
    await page.getByRole('link', { name: 'New patient' }).click();
    await focusIsOn(page, 'New patient');
    expect(await page.title()).toBe('New patient · Trajectory');

    await page.getByRole('link', { name: 'Cohort view', exact: true }).click();
    await focusIsOn(page, /^Cohort/);
    expect(await page.title()).toBe('Cohort · Trajectory');
    await context.close();
  });

  it('has a skip link, and Escape closes forms with focus back on their button', async () => {
    const { page, context } = await newSession(browser);
    const patient = await loadExample(page, baseUrl());
    // A fresh load (not a route change): focus starts at the top of the document.
    await page.goto('about:blank');
    await page.goto(baseUrl() + patient);
    await page.getByRole('heading', { name: 'Visits' }).waitFor();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    expect((await skip.boundingBox())?.y).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    await focusIsOn(page, /^DEZ-001/);
    expect(new URL(page.url()).hash).toBe(patient);

    const add = page.getByRole('button', { name: 'Add treatment event' });
    await add.click();
    await page.getByLabel('Label (shown on charts)').fill('sertraline');
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: 'New treatment event' }).waitFor({ state: 'detached' });
    expect(await add.evaluate((el) => el === document.activeElement)).toBe(true);

    await page.getByRole('link', { name: 'Edit patient' }).click();
    await page.getByRole('heading', { name: 'Edit patient DEZ-001' }).waitFor();
    // With a change typed, Escape asks first (the in-app dialog); its own Escape keeps editing.
    const diagnosis = page.getByLabel('Diagnosis');
    await diagnosis.fill('changed');
    await page.keyboard.press('Escape');
    const discard = page.getByRole('alertdialog', { name: 'Discard the changes to this patient?' });
    await discard.waitFor();
    await page.keyboard.press('Escape');
    await discard.waitFor({ state: 'detached' });
    expect(await diagnosis.inputValue()).toBe('changed');
    await page.keyboard.press('Escape');
    await discard.waitFor();
    await page.getByRole('button', { name: 'Discard changes' }).click();
    await focusIsOn(page, /^DEZ-001/);
    // Unchanged, Escape leaves at once.
    await page.getByRole('link', { name: 'Edit patient' }).click();
    await page.getByRole('heading', { name: 'Edit patient DEZ-001' }).waitFor();
    await page.keyboard.press('Escape');
    await focusIsOn(page, /^DEZ-001/);
    await context.close();
  });

  it('names item fields with short name and range, and draws a 3:1 focus ring', async () => {
    const { page, context } = await newSession(browser);
    await page.goto(baseUrl());
    await page.getByRole('link', { name: 'New patient' }).first().click();
    await page.getByLabel('Patient code (pseudonymous, unique)').fill('RING-1');
    await page.getByRole('button', { name: 'Create patient' }).click();
    await page.getByRole('button', { name: 'Start visit' }).click();
    const item5 = page.getByLabel(itemFieldPattern('HAMD-17', 5));
    expect(await item5.getAttribute('aria-label')).toBe('HAMD-17 item 5, Insomnia, middle, 0 to 2');
    await item5.focus();
    const ring = await item5.evaluate((el) => {
      const s = getComputedStyle(el);
      return { color: s.outlineColor, width: parseFloat(s.outlineWidth), style: s.outlineStyle };
    });
    expect(ring.style).toBe('solid');
    expect(ring.width).toBeGreaterThanOrEqual(2);
    // Against the card, the page and the header blue.
    for (const bg of ['rgb(255, 255, 255)', 'rgb(246, 248, 250)'])
      expect(contrast(ring.color, bg)).toBeGreaterThanOrEqual(3);
    // In the blue header (reached by keyboard, so :focus-visible applies) the white halo
    // carries the contrast.
    await page.goto('about:blank');
    await page.goto(baseUrl());
    await page.getByRole('heading', { name: 'Patients' }).waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const brand = page.getByRole('link', { name: 'Trajectory', exact: true });
    expect(await brand.evaluate((el) => el === document.activeElement)).toBe(true);
    const halo = await brand.evaluate((el) => getComputedStyle(el).boxShadow);
    expect(halo).toMatch(/^rgb\(255, 255, 255\)/);
    expect(contrast(halo, 'rgb(31, 78, 121)')).toBeGreaterThanOrEqual(3);
    await context.close();
  });

  for (const size of [
    { width: 1280, height: 800 },
    { width: 768, height: 1024 },
  ])
    it(`keeps the focused item clear of the sticky finish bar at ${size.width}×${size.height}`, async () => {
      const { page, context } = await newSession(browser);
      await page.setViewportSize(size);
      await page.goto(baseUrl());
      await page.getByRole('link', { name: 'New patient' }).first().click();
      await page.getByLabel('Patient code (pseudonymous, unique)').fill(`BAR-${size.width}`);
      await page.getByRole('button', { name: 'Create patient' }).click();
      await page.getByRole('button', { name: 'Start visit' }).click();
      await page.getByLabel(itemFieldPattern('HAMD-17', 1)).focus();
      const hidden: number[] = [];
      for (let n = 1; n <= 17; n++) {
        const field = page.getByLabel(itemFieldPattern('HAMD-17', n));
        await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
        // Measured at once and, if covered, again once the next frame has been drawn (its
        // layout and resize observers run): counted only if the clinician would see it covered,
        // not for the instant between a DOM change and its frame.
        const covered = await field.evaluate(async (el) => {
          const isCovered = () => {
            const box = el.getBoundingClientRect();
            const bar = document.querySelector('.finish-bar')?.getBoundingClientRect();
            return !bar || box.top < 0 || box.bottom > bar.top;
          };
          if (!isCovered()) return false;
          await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
          return isCovered();
        });
        if (covered) hidden.push(n);
        await page.keyboard.press('0');
      }
      expect(hidden, 'items hidden behind the finish bar or above the page').toEqual([]);
      await context.close();
    });
});
