import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, newSession } from './browser';
import { itemFieldPattern } from '../../src/features/visit-entry/item-name';

// Issue 11, as a clinician meets it: a refused value is never lost silently (and never lets
// a remission show), dates make sense, nothing typed is lost on Back, forms speak plainly.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

const SHOTS = process.env.E2E_SCREENSHOTS;
const shot = async (page: Page, name: string) => {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
};

const card = (page: Page, scaleId: string) =>
  page.getByRole('region', { name: new RegExp(`^${scaleId.replace('-', '\\-')} `) });

/** A new patient with a visit in progress that offers only `scaleId`. */
async function newVisit(page: Page, code: string, scaleId: string) {
  await page.goto(baseUrl());
  await page.getByRole('link', { name: 'New patient' }).first().click();
  await page.getByLabel('Patient code (pseudonymous, unique)').fill(code);
  await page.getByRole('button', { name: 'Create patient' }).click();
  await page.getByRole('heading', { name: code }).waitFor();
  await page.getByLabel('Visit date', { exact: true }).fill('2024-01-05');
  await page.getByRole('button', { name: 'Start visit' }).click();
  await page.getByRole('heading', { name: /Visit of 2024-01-05/ }).waitFor();
  for (const id of ['HAMD-17', 'MADRS', 'PHQ-9', 'DARS'])
    if (id !== scaleId)
      await page
        .getByRole('group', { name: 'Scales at this visit' })
        .getByLabel(id, { exact: true })
        .uncheck();
}

/** The course page of the patient must not show a remission (the draft is never scored). */
async function courseShowsNoRemission(page: Page) {
  await page
    .getByRole('link', { name: /^[A-Z]+-\d+$/ })
    .first()
    .click();
  await page.getByRole('alertdialog', { name: 'Leave without saving?' }).waitFor();
  await page.getByRole('button', { name: 'Leave without saving' }).click();
  await page.getByRole('link', { name: 'Course', exact: true }).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.waitForLoadState('networkidle');
  expect((await page.locator('main').innerText()).toLowerCase()).not.toContain('remission: yes');
  expect(await page.getByRole('cell', { name: 'remission' }).count()).toBe(0);
}

describe('a refused safety item can never sit beside a remission', () => {
  it('summary entry: HAMD-17 total 3 with item 3 = 4', async () => {
    const { page, context } = await newSession(browser);
    await newVisit(page, 'SUM-1', 'HAMD-17');
    await card(page, 'HAMD-17').getByRole('radio', { name: 'Summary (totals)' }).check();
    // Enter ends the number (issue 12: "3" could still become 30 while it is typed).
    await page.getByLabel('HAMD-17 total', { exact: true }).fill('3');
    await page.getByLabel('HAMD-17 total', { exact: true }).press('Enter');
    const panel = page.getByLabel('HAMD-17 score');
    await expect.poll(() => panel.innerText()).toContain('Remission: yes');
    await page.getByLabel('HAMD-17 item 3', { exact: true }).fill('4');
    await expect.poll(() => panel.innerText()).toContain('HAMD-17 is not scored');
    expect(await panel.innerText()).not.toMatch(/Remission|Response|Severity/);
    expect(await page.getByLabel('HAMD-17 item 3', { exact: true }).inputValue()).toBe('4');
    await page.getByRole('button', { name: 'Finish visit' }).click();
    const banner = page.getByRole('alert').filter({ hasText: 'The visit was not finished' });
    await banner.waitFor();
    expect(await banner.getByRole('listitem').first().innerText()).toContain(
      'HAMD-17 item 3 (suicide) = 4 was not saved: the total 3 cannot include it',
    );
    await shot(page, 'refused-summary');
    await courseShowsNoRemission(page);
    await context.close();
  });

  it('item-by-item entry: HAMD-17 all 0 but item 3 typed as 5, and a pasted "12"', async () => {
    const { page, context } = await newSession(browser);
    await newVisit(page, 'ITM-1', 'HAMD-17');
    await page.getByLabel(itemFieldPattern('HAMD-17', 1)).click();
    await page.keyboard.press('0');
    await page.keyboard.press('0');
    await page.keyboard.press('5');
    const item3 = page.getByLabel(itemFieldPattern('HAMD-17', 3));
    expect(await item3.inputValue()).toBe('5');
    await page.getByLabel(itemFieldPattern('HAMD-17', 4)).click();
    for (let i = 4; i <= 17; i++) await page.keyboard.press('0');
    const panel = page.getByLabel('HAMD-17 score');
    await expect.poll(() => panel.innerText()).toContain('HAMD-17 is not scored');
    expect(await panel.innerText()).not.toContain('Remission');
    // A real paste event: "12" is refused whole, never cut to 1.
    await page.getByLabel(itemFieldPattern('HAMD-17', 5)).evaluate((input) => {
      const data = new DataTransfer();
      data.setData('text/plain', '12');
      input.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    });
    expect(await page.getByLabel(itemFieldPattern('HAMD-17', 5)).inputValue()).toBe('12');
    await page.getByRole('button', { name: 'Finish visit' }).click();
    const items = page
      .getByRole('alert')
      .filter({ hasText: 'The visit was not finished' })
      .getByRole('listitem');
    await items.first().waitFor();
    expect(await items.allInnerTexts()).toEqual([
      expect.stringMatching(/^HAMD-17 item 3 \(suicide\) = 5 was not saved/),
      expect.stringMatching(/^HAMD-17 item 5 = 12 was not saved/),
    ]);
    await shot(page, 'refused-items');
    await courseShowsNoRemission(page);
    await context.close();
  });
});

describe('nothing lost on navigation', () => {
  it('an edited finished visit asks before Back and before a typed address', async () => {
    const { page, context } = await newSession(browser);
    await newVisit(page, 'NAV-1', 'PHQ-9');
    await page.getByLabel(itemFieldPattern('PHQ-9', 1)).click();
    for (const key of '0000000000') await page.keyboard.press(key);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Visits' }).waitFor();
    await page.getByRole('link', { name: '2024-01-05' }).click();
    await page.getByRole('heading', { name: /Visit of 2024-01-05/ }).waitFor();
    await page.getByLabel(itemFieldPattern('PHQ-9', 2)).click();
    await page.keyboard.press('3');
    await page.getByText('Unsaved changes: PHQ-9').waitFor();

    await page.goBack();
    const dialog = page.getByRole('alertdialog', { name: 'Leave without saving?' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('The changes to PHQ-9 are not saved.');
    await shot(page, 'leave-dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByLabel(itemFieldPattern('PHQ-9', 2)).inputValue()).toBe('3');
    expect(page.url()).toMatch(/\/visits\//);

    await page.evaluate(() => {
      window.location.hash = '#/data';
    });
    await dialog.waitFor();
    expect(await page.getByLabel(itemFieldPattern('PHQ-9', 2)).inputValue()).toBe('3');
    await page.getByRole('button', { name: 'Leave without saving' }).click();
    await page.getByRole('heading', { name: /Data/ }).first().waitFor();
    await context.close();
  });
});

describe('forms in plain words', () => {
  it('look-alike codes, a negative dose, 1e3, a visit before birth and after today', async () => {
    const { page, context } = await newSession(browser);
    await page.goto(baseUrl());
    await page.getByRole('link', { name: 'New patient' }).first().click();
    await page.getByRole('button', { name: 'Create patient' }).click();
    const code = page.getByLabel('Patient code (pseudonymous, unique)');
    await expect.poll(() => code.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#p-code-error').innerText()).toBe('Patient code is required.');
    expect(await code.evaluate((el) => el === document.activeElement)).toBe(true);
    await code.fill('DUP-1');
    await page.getByLabel('Birth year').fill('1970');
    await page.getByRole('button', { name: 'Create patient' }).click();
    await page.getByRole('heading', { name: 'DUP-1' }).waitFor();

    await page.goto(`${baseUrl()}#/patients/new`);
    await code.fill('DUP\u20111');
    await page.getByRole('button', { name: 'Create patient' }).click();
    await expect.poll(() => code.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#p-code-error').innerText()).toContain(
      'already used by another patient (as "DUP-1"',
    );
    await code.fill('DUP-\u200B1');
    await page.getByRole('button', { name: 'Create patient' }).click();
    await expect.poll(() => page.locator('#p-code-error').innerText()).toContain('(as "DUP-1"');

    await page.goto(baseUrl());
    await page.getByRole('link', { name: 'DUP-1' }).click();
    await page.getByRole('button', { name: 'Add treatment event' }).click();
    await page.getByLabel('Date', { exact: true }).fill('2024-01-03');
    await page.getByLabel('Label (shown on charts)').fill('ketamine');
    const dose = page.getByLabel('Dose', { exact: true });
    for (const [typed, message] of [
      ['-5', 'Dose must not be negative'],
      ['1e3', 'Dose must be a number written with digits'],
    ] as const) {
      await dose.fill(typed);
      await page.getByRole('button', { name: 'Add event' }).click();
      await expect.poll(() => page.locator('#ev-dose-error').innerText()).toContain(message);
      expect(await dose.getAttribute('aria-describedby')).toBe('ev-dose-error');
    }
    await page.getByRole('button', { name: 'Cancel' }).click();

    const visitDate = page.getByLabel('Visit date', { exact: true });
    await visitDate.fill('1969-05-01');
    await page.getByRole('button', { name: 'Start visit' }).click();
    await page
      .getByText("The visit date 1969-05-01 is before the patient's birth year (1970).")
      .waitFor();
    await visitDate.fill('2099-05-01');
    await page.getByRole('button', { name: 'Start visit' }).click();
    const future = page.getByRole('alertdialog', { name: 'A visit date after today?' });
    await future.waitFor();
    await shot(page, 'future-date-dialog');
    await page.keyboard.press('Enter'); // the default is the safe choice: correct the date
    await future.waitFor({ state: 'detached' });
    expect(await page.getByRole('heading', { name: 'DUP-1' }).count()).toBe(1);
    await context.close();
  });
});
