import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemFieldPattern } from '../../src/features/visit-entry/item-name';
import { keyCount, loadExample, startKeyCounter } from './a11y';
import { baseUrl, launch, newSession } from './browser';

// Key presses from the patient page (focus on its heading, as after any route change) to a
// finished visit, counted by a keydown listener on the page.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

const focusedName = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');

async function typeDigits(page: Page, digits: string) {
  for (const key of digits) await page.keyboard.press(key);
}

describe('visit entry from the keyboard', () => {
  it('a HAMD-17-only visit of a new patient (four scales offered) takes 21 key presses', async () => {
    const { page, context } = await newSession(browser);
    await page.goto(baseUrl());
    await page.getByRole('link', { name: 'New patient' }).first().click();
    await page.getByLabel('Patient code (pseudonymous, unique)').fill('KEYS-2');
    await page.getByRole('button', { name: 'Create patient' }).click();
    const heading = page.getByRole('heading', { name: 'KEYS-2', level: 1 });
    await heading.waitFor();
    await expect.poll(() => heading.evaluate((h) => h === document.activeElement)).toBe(true);
    await startKeyCounter(page);

    await page.keyboard.press('Alt+V');
    await page.getByRole('heading', { name: /^Visit of / }).waitFor();
    // The shortcut lands on the first item, not on the heading.
    await expect.poll(() => focusedName(page)).toMatch(itemFieldPattern('HAMD-17', 1));
    await typeDigits(page, '21302110302111011');
    await expect.poll(() => page.getByLabel('HAMD-17 live total').innerText()).toBe('20');
    // MADRS, PHQ-9 and DARS were offered and left empty: Ctrl+Enter finishes from here.
    expect(await focusedName(page)).toMatch(itemFieldPattern('MADRS', 1));
    await page.keyboard.press('Control+Enter');
    await page.getByRole('heading', { name: 'Visits' }).waitFor();

    const keys = await keyCount(page);
    console.log(`Key presses, patient page to a finished HAMD-17-only visit: ${keys}`);
    expect(keys).toBeLessThanOrEqual(22);
    expect(keys).toBe(2 + 17 + 2);
    // The untouched scales were dropped; the visit table shows the total.
    const text = await page.getByRole('region', { name: 'Visits' }).innerText();
    expect(text).toContain('HAMD-17 20');
    expect(text).not.toContain('MADRS');
    await context.close();
  });

  it("a visit of the last visit's four scales takes one key per item plus three", async () => {
    const { page, context } = await newSession(browser);
    const patient = await loadExample(page, baseUrl());
    await page.goto(baseUrl() + patient);
    const heading = page.getByRole('heading', { name: 'DEZ-001', level: 1 });
    await heading.waitFor();
    await startKeyCounter(page);

    await page.keyboard.press('Alt+V');
    await page.getByRole('heading', { name: /^Visit of / }).waitFor();
    // DEZ-001's last visit had HAMD-17, MADRS, PHQ-9 and DARS: those are offered.
    const offered = page.getByRole('group', { name: 'Scales at this visit' });
    for (const id of ['HAMD-17', 'MADRS', 'PHQ-9', 'DARS'])
      expect(await offered.getByLabel(id, { exact: true }).isChecked()).toBe(true);
    expect(await offered.getByLabel('CGI-S', { exact: true }).isChecked()).toBe(false);
    await expect.poll(() => focusedName(page)).toMatch(itemFieldPattern('HAMD-17', 1));

    const hamd = '10101010101010101'; // 17 items
    const madrs = '1111111111'; // 10 items
    const phq = '1111111101'; // 10 items, item 9 = 0
    const dars = '33333333333333333'; // 17 items
    await typeDigits(page, hamd + madrs + phq + dars);
    // After the last item focus is on "Finish visit": Enter finishes.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Finish visit');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Visits' }).waitFor();

    const items = hamd.length + madrs.length + phq.length + dars.length;
    const keys = await keyCount(page);
    console.log(`Key presses for a four-scale visit of ${items} items: ${keys}`);
    expect(items).toBe(54);
    expect(keys).toBeLessThanOrEqual(items + 3);
    const text = await page.getByRole('region', { name: 'Visits' }).innerText();
    expect(text).toContain('HAMD-17 9');
    expect(text).toContain('MADRS 10');
    expect(text).toContain('PHQ-9 8');
    expect(text).toContain('DARS 51');
    await context.close();
  });
});
