// The caseload (issue 14): who is overdue or due this week from each patient's expected
// interval, the latest status, and open safety flags acknowledged several at once with one note.
import type { Browser, Page } from 'playwright-core';
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

// The page's clock is fixed, so "today" is 2024-03-20 whatever day the test runs.
const TODAY = new Date('2024-03-20T10:00:00');
const STAMP = '2024-03-01T00:00:00.000Z';
const id = (n: number) => `ca5e1000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A PHQ-9 summary visit; item 9 (thoughts of self-harm) given when it is to be flagged. */
function visit(n: number, patient: number, date: string, total: number, item9?: number) {
  return {
    visit: {
      id: id(100 + n),
      patientId: id(patient),
      date,
      status: 'final',
      createdAt: STAMP,
      updatedAt: STAMP,
      finalizedAt: STAMP,
    },
    assessment: {
      id: id(200 + n),
      visitId: id(100 + n),
      patientId: id(patient),
      date,
      scaleId: 'PHQ-9',
      scaleVersion: 'PHQ-9 (Kroenke 2001)',
      entry: {
        mode: 'summary',
        total,
        subscales: {},
        items: item9 === undefined ? {} : { '9': item9 },
      },
      status: 'final',
      updatedAt: STAMP,
    },
  };
}

const patient = (n: number, code: string, extra: object = {}) => ({
  id: id(n),
  code,
  createdAt: STAMP,
  updatedAt: STAMP,
  ...extra,
});

function backup(): string {
  const visits = [
    visit(1, 1, '2024-03-01', 20), // CL-OVER baseline
    visit(2, 1, '2024-03-08', 9, 2), // CL-OVER: weekly, due 03-15: 5 days overdue; flag
    visit(3, 2, '2024-03-14', 12, 1), // CL-MONTH: every 28 days, due 04-11; flag
    visit(4, 3, '2024-03-15', 15), // CL-SOON: weekly, due 03-22 (in 2 days)
  ];
  return JSON.stringify({
    format: 'trajectory-backup',
    formatVersion: 1,
    exportedAt: STAMP,
    appVersion: '0.1.0',
    scope: 'all',
    patients: [
      patient(1, 'CL-OVER'),
      patient(2, 'CL-MONTH', { expectedIntervalDays: 28 }),
      patient(3, 'CL-SOON'),
      patient(4, 'CL-NEW'),
    ],
    events: [],
    visits: visits.map((v) => v.visit),
    assessments: visits.map((v) => v.assessment),
    safetyAcks: [],
  });
}

async function importCaseload(page: Page) {
  await page.getByRole('link', { name: 'Data & settings' }).click();
  await page.getByLabel('Backup file (.json)').setInputFiles({
    name: 'caseload.json',
    mimeType: 'application/json',
    buffer: Buffer.from(backup()),
  });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByText(/^Imported/).waitFor();
}

const rows = async (page: Page, table: string) =>
  (await page.getByRole('table', { name: table }).locator('tbody tr').allInnerTexts()).map((r) =>
    r.split('\t').map((c) => c.trim()),
  );

describe('the caseload', () => {
  it('lists who is overdue and due this week, and acknowledges several flags with one note', async () => {
    const { page, requests } = await newSession(browser);
    await page.clock.setFixedTime(TODAY);
    await page.goto(baseUrl());
    await importCaseload(page);
    await page.getByRole('link', { name: 'Caseload' }).click();
    await page.getByRole('heading', { name: 'Caseload', level: 1 }).waitFor();
    await page
      .getByText(
        'Today 2024-03-20: 1 patient overdue, 1 due in the next 7 days, 1 patient without a finished visit, 1 due later.',
      )
      .waitFor();
    expect(await rows(page, 'Visits due, overdue first')).toEqual([
      [
        'CL-OVER',
        'Overdue',
        '2024-03-15 (5 days overdue)',
        '2024-03-08',
        'weekly',
        'response (PHQ-9)',
      ],
      ['CL-NEW', 'No finished visit', '— (first visit due)', '—', 'weekly', '—'],
      [
        'CL-SOON',
        'Due this week',
        '2024-03-22 (due in 2 days)',
        '2024-03-15',
        'weekly',
        'baseline (PHQ-9)',
      ],
      [
        'CL-MONTH',
        'Later',
        '2024-04-11 (due in 22 days)',
        '2024-03-14',
        'every 28 days',
        'baseline (PHQ-9)',
      ],
    ]);

    // Two open flags, of two patients: choose both, one note.
    await page.getByText('2 open flags to acknowledge.').waitFor();
    await page.getByRole('button', { name: 'Acknowledge 0 chosen flags' }).click();
    await page
      .getByRole('alert')
      .getByText('Choose at least one safety flag to acknowledge.')
      .waitFor();
    await page.getByLabel('Choose CL-OVER PHQ-9 item 9 = 2 of 2024-03-08').check();
    await page.getByLabel('Choose CL-MONTH PHQ-9 item 9 = 1 of 2024-03-14').check();
    await page.getByLabel('Acknowledged by').fill('Dr Lee');
    await page
      .getByLabel('Action taken (one note for every chosen flag)')
      .fill('Both called; safety plans reviewed');
    await page.getByRole('button', { name: 'Acknowledge 2 chosen flags' }).click();
    await page.getByText('Acknowledged 2 safety flags. No open safety flags.').waitFor();
    await expectNoAxeViolations(page, 'the caseload page');

    // Each patient's history names the acknowledgement, with who made it.
    await page.getByRole('link', { name: 'CL-OVER' }).click();
    await page.getByRole('heading', { name: /CL-OVER/, level: 1 }).waitFor();
    await page.getByRole('heading', { name: /^History/ }).click();
    await page.getByRole('cell', { name: 'acknowledge 2 safety flags' }).first().waitFor();

    // A longer interval on the patient form moves CL-SOON from "due this week" to "later".
    await page.goto(`${baseUrl()}#/patients/${id(3)}/edit`);
    await page.getByLabel('Days between visits (empty: weekly)').fill('0');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page
      .getByText(
        'Days between visits must be a whole number from 1 to 365, or empty for weekly (got "0").',
      )
      .waitFor();
    await page.getByLabel('Days between visits (empty: weekly)').fill('14');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('seen every 14 days').waitFor();
    await page.getByRole('link', { name: 'Caseload' }).click();
    await page.getByText(/0 due in the next 7 days, .* 2 due later\./).waitFor();
    const soon = (await rows(page, 'Visits due, overdue first')).find((r) => r[0] === 'CL-SOON');
    expect(soon).toEqual([
      'CL-SOON',
      'Later',
      '2024-03-29 (due in 9 days)',
      '2024-03-15',
      'every 14 days',
      'baseline (PHQ-9)',
    ]);

    await page.setViewportSize({ width: 390, height: 800 });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    expect(requests.filter((u) => !u.startsWith(baseUrl()))).toEqual([]);
  });
});
