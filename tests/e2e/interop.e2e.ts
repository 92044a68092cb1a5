import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, newSession } from './browser';

// Issue 15 in the browser: a clinic's wide spreadsheet is checked, its column mapping and
// plan shown before anything is written, then imported; the course is exported as a FHIR
// Bundle and a REDCap data file. Screens found by role and label.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

const SHEET = [
  'Patient,Date,HAMD17,MADRS total,Comment',
  'XL-7,2024-03-01,24,30,first visit',
  'XL-7,2024-03-08,12,15,',
].join('\r\n');

async function openData(page: Page): Promise<void> {
  await page.goto(baseUrl());
  await page.getByRole('heading', { name: 'Patients' }).waitFor();
  await page.getByRole('link', { name: 'Data & settings' }).click();
  await page.getByRole('heading', { name: 'Import from FHIR, REDCap or a spreadsheet' }).waitFor();
}

const panel = (page: Page) =>
  page.getByRole('region', { name: 'Import from FHIR, REDCap or a spreadsheet' });

async function choose(page: Page, name: string, text: string): Promise<void> {
  await page.getByLabel('File to import (.json, .csv)').setInputFiles({
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from(text),
  });
}

describe('importing and exporting for other systems', () => {
  it('shows the mapping and plan of a wide sheet, imports it, and exports FHIR and REDCap', async () => {
    const { page, context } = await newSession(browser);
    await openData(page);
    await choose(page, 'bad.csv', SHEET.replace('2024-03-08,12', '08/03/2024,12'));
    const alert = panel(page).getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain(
      'row 3, column B (Date): expected a date written YYYY-MM-DD',
    );
    await choose(page, 'clinic.csv', SHEET);
    const mapping = panel(page).getByRole('table', { name: 'How each column is read' });
    await mapping.waitFor();
    expect(await mapping.getByRole('row').allInnerTexts()).toEqual([
      'Column\tHeader\tRead as',
      'A\tPatient\tpatient code',
      'B\tDate\tvisit date (YYYY-MM-DD)',
      'C\tHAMD17\tHAMD-17 total',
      'D\tMADRS total\tMADRS total',
      'E\tComment\tnot imported',
    ]);
    expect(
      await panel(page).getByRole('list', { name: 'What importing would do' }).innerText(),
    ).toContain('XL-7: new patient: 2 new visits, 4 new assessments');
    await panel(page).getByRole('button', { name: 'Import', exact: true }).click();
    await panel(page)
      .getByText(/Imported from CSV \(wide format\): 1 patient added/)
      .waitFor();

    const region = page.getByRole('region', { name: 'Export to an EHR or REDCap' });
    const [fhir] = await Promise.all([
      page.waitForEvent('download'),
      region.getByRole('button', { name: 'Export FHIR R4 Bundle' }).click(),
    ]);
    const bundle = JSON.parse(await streamText(await fhir.createReadStream())) as {
      resourceType: string;
      entry: { resource: { resourceType: string; identifier?: { value: string }[] } }[];
    };
    expect(bundle.resourceType).toBe('Bundle');
    expect(bundle.entry.filter((e) => e.resource.resourceType === 'Encounter')).toHaveLength(2);
    expect(bundle.entry[0]?.resource.identifier?.[0]?.value).toBe('XL-7');
    const [redcap] = await Promise.all([
      page.waitForEvent('download'),
      region.getByRole('button', { name: 'Export REDCap data', exact: true }).click(),
    ]);
    const csv = await streamText(await redcap.createReadStream());
    expect(csv.split('\r\n')[1]).toMatch(/^XL-7,baseline_arm_1,2024-03-01,2,summary,/);
    await context.close();
  });
});

async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
