import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, horizontalOverflow, shot } from './a11y';
import { baseUrl, launch, newSession } from './browser';
import { readTable } from './tables';

// A single-dose design (src/domain/testing/single-dose.ts): dose at 10:00, HAMD-17 rated
// pre-dose (08:00), at +2 h (12:00) and at +24 h (10:00 the next day).

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

async function ratedVisit(page: Page, date: string, time: string, total: number) {
  await page.getByLabel('Visit date', { exact: true }).fill(date);
  await page.getByRole('textbox', { name: 'Time (optional)', exact: true }).first().fill(time);
  await page.getByRole('button', { name: 'Start visit' }).click();
  await page.getByRole('heading', { name: new RegExp(`^Visit of ${date} ${time}`) }).waitFor();
  const scales = page.getByRole('group', { name: 'Scales at this visit' });
  for (const id of ['MADRS', 'PHQ-9', 'DARS']) {
    const box = scales.getByLabel(id, { exact: true });
    if (await box.isChecked()) await box.uncheck();
  }
  await page
    .getByRole('region', { name: /^HAMD-17 / })
    .getByRole('radio', { name: 'Summary (totals)' })
    .check();
  await page.getByLabel('HAMD-17 total', { exact: true }).fill(String(total));
  await expect
    .poll(() => page.getByRole('status').filter({ hasText: 'all changes saved' }).count())
    .toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Finish visit' }).click();
  await page.getByRole('heading', { name: 'Visits' }).waitFor();
}

describe('a single-dose design: several ratings on the dose day', () => {
  it('draws pre-dose, +2 h and +24 h apart on an hours axis and says so in the tables', async () => {
    const { page, context } = await newSession(browser);
    await page.goto(baseUrl());
    await page.getByRole('link', { name: 'New patient' }).first().click();
    await page.getByLabel('Patient code (pseudonymous, unique)').fill('SD-001');
    await page.getByRole('button', { name: 'Create patient' }).click();
    await page.getByRole('heading', { name: 'SD-001' }).waitFor();

    await page.getByRole('button', { name: 'Add treatment event' }).click();
    await page.getByLabel('Date', { exact: true }).fill('2023-11-30');
    await page
      .getByRole('region', { name: 'Treatment events' })
      .getByLabel('Time (optional)')
      .fill('10:00');
    await page.getByLabel('Label (shown on charts)').fill('dezocine');
    await page.getByLabel('Drug', { exact: true }).fill('dezocine');
    await page.getByLabel('Index event (time is counted from it)').check();
    await page.getByRole('button', { name: 'Add event' }).click();
    await page.getByRole('cell', { name: 'Index event' }).waitFor();

    await ratedVisit(page, '2023-11-30', '08:00', 17);
    await ratedVisit(page, '2023-11-30', '12:00', 12);
    await ratedVisit(page, '2023-12-01', '10:00', 8);

    await page.getByRole('link', { name: 'Course', exact: true }).click();
    await page.getByRole('heading', { name: 'Course of SD-001' }).waitFor();
    const axis = page.getByLabel('Time axis');
    expect(await axis.inputValue()).toBe('auto');
    expect(await axis.locator('option:checked').innerText()).toBe(
      'Automatic: hours (course within 8 days)',
    );

    const figure = page.getByRole('figure', { name: /HAMD-17\): total over time/ });
    await figure.getByText('Show data table').click();
    const data = await readTable(figure.getByRole('table'));
    expect(data.columns[0]).toBe('Time since index event');
    expect(data.rows.map((r) => `${r.header} | ${r.cells[0]}`)).toEqual([
      '2023-11-30 08:00 | −2 h',
      '2023-11-30 10:00 | 0 h',
      '2023-11-30 12:00 | +2 h',
      '2023-12-01 10:00 | +24 h',
    ]);
    await expect
      .poll(() => figure.getByRole('img').getAttribute('aria-label'))
      .toContain('at −2 h');

    const course = await readTable(page.getByRole('table', { name: /Scores by visit/ }));
    expect(course.columns.map((c) => c.replace(/\s+/g, ' '))).toEqual([
      '2023-11-30 08:00 −2 h baseline',
      '2023-11-30 12:00 +2 h',
      '2023-12-01 10:00 +24 h',
    ]);

    await expectNoAxeViolations(page, 'course page on the hours axis');
    for (const width of [1280, 768, 390]) {
      await page.setViewportSize({ width, height: 900 });
      // Chart.js resizes its canvases on the next ResizeObserver callback: until then the
      // canvas keeps the wider layout's width. The page must reflow once they have resized.
      await expect
        .poll(() => horizontalOverflow(page), { message: `course at ${width} px`, timeout: 5_000 })
        .toBeLessThanOrEqual(0);
      await shot(page, `single-dose-course-${width}`);
    }

    // The days axis keeps the clock time too: same-day visits stay apart in its table.
    await axis.selectOption('days');
    const days = await readTable(figure.getByRole('table'));
    expect(days.rows.map((r) => r.cells[0])).toEqual(['−2 h', '0 h', '+2 h', '+24 h']);
    await context.close();
  });
});
