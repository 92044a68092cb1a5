import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, horizontalOverflow, loadExample, shot } from './a11y';
import { baseUrl, launch, newSession } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

/** The screen reflows at 390 and 768 px wide (and is looked at in screenshots at 768 and 1280). */
async function checkReflow(page: Page, name: string): Promise<void> {
  for (const width of [390, 768, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await horizontalOverflow(page), `${name} at ${width} px`).toBeLessThanOrEqual(0);
    await shot(page, `${name}-${width}`);
  }
}

describe('patient mode for self-report', () => {
  it('hands the device over for PHQ-9, locks the screen until the clinician PIN, and flags item 9 on return', async () => {
    const { page } = await newSession(browser);
    const patient = await loadExample(page, baseUrl());

    // The clinician sets a PIN in settings.
    await page.goto(baseUrl() + '#/data');
    await page.getByLabel('PIN', { exact: true }).fill('2468');
    await page.getByLabel('Repeat the PIN').fill('2468');
    await page.getByRole('button', { name: 'Set PIN' }).click();
    await page.getByText('PIN saved.').waitFor();

    // A timed visit (pre-dose style): the time is part of its heading.
    await page.goto(baseUrl() + patient);
    await page.getByLabel('Visit date', { exact: true }).fill('2024-01-10');
    await page.getByLabel('Time (optional)').fill('09:30');
    await page.getByRole('button', { name: 'Start visit' }).click();
    await page.getByRole('heading', { name: /^Visit of 2024-01-10 09:30/ }).waitFor();

    const handover = page.getByRole('region', { name: 'Patient mode (self-report)' });
    expect(await handover.getByRole('checkbox', { name: 'PHQ-9' }).isChecked()).toBe(true);
    expect(await handover.getByRole('radio', { name: 'One question at a time' }).isChecked()).toBe(
      true,
    );
    await handover.getByRole('button', { name: 'Hand the device to the patient' }).click();

    // The patient sees the questions only: no record, no navigation, no totals.
    await page.getByRole('heading', { name: 'Questionnaire', level: 1 }).waitFor();
    expect(await page.title()).toBe('Questionnaire · Trajectory');
    const text = await page.locator('main').innerText();
    expect(text).not.toContain('DEZ-001');
    expect(text).not.toMatch(/total/i);
    expect(await page.getByRole('navigation').count()).toBe(0);
    expect(await page.getByRole('link').count()).toBe(1); // the skip link only
    await page.getByText(/Over the last 2 weeks, how often have you been bothered/).waitFor();
    await expectNoAxeViolations(page, 'patient mode, one question at a time');
    await checkReflow(page, 'patient-mode-question');
    await page.setViewportSize({ width: 1280, height: 900 });

    // Escape, Back and a typed address do not leave patient mode.
    await page.keyboard.press('Escape');
    await page.goBack();
    await page.evaluate(() => (window.location.hash = '#/'));
    await page.getByRole('heading', { name: 'Question 1 of 10' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Questionnaire', level: 1 }).count()).toBe(1);

    for (let item = 1; item <= 10; item += 1) {
      await page.getByRole('heading', { name: `Question ${item} of 10` }).waitFor();
      const answer =
        item === 9
          ? 'More than half the days'
          : item === 10
            ? 'Not difficult at all'
            : 'Not at all';
      await page.getByRole('radio', { name: answer }).check();
      await page.getByRole('button', { name: item === 10 ? 'Finish' : 'Next' }).click();
    }

    // Hand-back screen: only the clinician PIN leaves.
    await page
      .getByRole('heading', { name: /Please hand the device back to your clinician/ })
      .waitFor();
    await expectNoAxeViolations(page, 'patient mode, hand back');
    await checkReflow(page, 'patient-mode-hand-back');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByLabel('Clinician PIN').fill('1111');
    await page.getByRole('button', { name: 'End patient mode' }).click();
    await page.getByRole('alert').filter({ hasText: 'That PIN is not right' }).waitFor();
    expect(await page.getByRole('heading', { name: /Please hand the device back/ }).count()).toBe(
      1,
    );
    await page.getByLabel('Clinician PIN').fill('2468');
    await page.getByRole('button', { name: 'End patient mode' }).click();

    // Back at the visit: the patient's answers are there, rated self-report, item 9 flagged.
    await page.getByRole('heading', { name: /^Visit of 2024-01-10 09:30/ }).waitFor();
    const flag = page.getByRole('alert').filter({ hasText: 'Safety item endorsed by the patient' });
    await flag.waitFor();
    expect(await flag.innerText()).toContain('PHQ-9 item 9 = 2');
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(1);
    await shot(page, 'patient-mode-return-1280');
  });

  it('shows the whole form when chosen, with DARS by item number only, and passes axe', async () => {
    const { page } = await newSession(browser);
    const patient = await loadExample(page, baseUrl());
    await page.goto(baseUrl() + '#/data');
    await page.getByLabel('PIN', { exact: true }).fill('2468');
    await page.getByLabel('Repeat the PIN').fill('2468');
    await page.getByRole('button', { name: 'Set PIN' }).click();
    await page.getByText('PIN saved.').waitFor();
    await page.goto(baseUrl() + patient);
    await page.getByLabel('Visit date', { exact: true }).fill('2024-01-11');
    await page.getByRole('button', { name: 'Start visit' }).click();
    const handover = page.getByRole('region', { name: 'Patient mode (self-report)' });
    await handover.getByRole('checkbox', { name: 'DARS' }).check();
    await handover.getByRole('radio', { name: 'The whole form' }).check();
    await handover.getByRole('button', { name: 'Hand the device to the patient' }).click();
    await page.getByRole('heading', { name: 'Dimensional Anhedonia Rating Scale' }).waitFor();
    expect(
      await page.getByRole('group', { name: /^17\. DARS item 17 \(Sensory 5\)$/ }).count(),
    ).toBe(1);
    expect(await page.getByRole('radio').count()).toBe(10 * 4 + 17 * 5);
    await expectNoAxeViolations(page, 'patient mode, whole form');
    await checkReflow(page, 'patient-mode-form');
  });
});
