// Issue 14: changing a convention is a change in history, undone from the course page.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './a11y';
import { baseUrl, launch, newSession } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

describe('changes of the conventions', () => {
  it('are listed with who made them and the latest can be undone', async () => {
    const { page } = await newSession(browser);
    await page.goto(baseUrl());
    await page.getByRole('button', { name: 'Load example patient' }).click();
    await page.getByRole('link', { name: 'DEZ-001' }).click();
    await page.getByRole('link', { name: 'Course', exact: true }).click();
    await page.getByRole('table', { name: /Scores by visit/ }).waitFor();
    await page.getByText('Conventions in use').click();
    const relapse = page.getByLabel('MADRS relapse rule');
    const before = await relapse.inputValue();
    await relapse.selectOption({ label: 'MADRS ≥ 22 at 2 consecutive visits' });
    const changes = page
      .getByRole('list', { name: 'Changes of conventions' })
      .getByRole('listitem');
    await changes
      .filter({ hasText: ': MADRS relapse rule: MADRS ≥ 22 at 2 consecutive visits' })
      .waitFor();
    expect(await changes.count()).toBe(1);
    expect(await relapse.inputValue()).toBe('ge22x2');
    await expectNoAxeViolations(page, 'the course page with its changes of conventions');

    await page
      .getByRole('button', {
        name: 'Undo “MADRS relapse rule: MADRS ≥ 22 at 2 consecutive visits”',
      })
      .click();
    await page
      .getByText('Undone: MADRS relapse rule: MADRS ≥ 22 at 2 consecutive visits.')
      .waitFor();
    await changes.filter({ hasText: ': undo MADRS relapse rule' }).waitFor();
    expect(await changes.count()).toBe(2);
    await expect.poll(() => relapse.inputValue()).toBe(before);
  });
});
