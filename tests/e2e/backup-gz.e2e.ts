import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, loadExample, shot } from './a11y';
import { baseUrl, launch, newSession } from './browser';
import { dumpDatabase } from './idb';

// Backups as the clinician makes them (issue 18, issue 12): a gzip-compressed file from the
// browser's CompressionStream, with a checksum that import verifies; an altered copy is
// refused and nothing changes.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

describe('compressed backup with a checksum', () => {
  it('exports a .json.gz that imports back verified, and refuses an altered copy', async () => {
    const { page } = await newSession(browser);
    await loadExample(page, baseUrl());
    await page.getByRole('link', { name: 'Data & settings' }).click();
    const exportPanel = page.getByRole('region', { name: 'Back up and export' });
    await exportPanel.getByText('never').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export backup (.json.gz)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^trajectory-backup-\d{4}-\d{2}-\d{2}\.json\.gz$/);
    await exportPanel.getByText(/^Backup saved as trajectory-backup-/).waitFor();
    // Recorded once handed over: the date replaces "never".
    await expect.poll(() => exportPanel.getByText('never').count()).toBe(0);
    await shot(page, 'backup-exported-1280');
    await expectNoAxeViolations(page, 'after a backup');

    const gz = readFileSync(await download.path());
    expect([gz[0], gz[1]]).toEqual([0x1f, 0x8b]);
    const text = gunzipSync(gz).toString('utf8');
    expect(text).toMatch(/"checksum":\{"algorithm":"SHA-256","value":"[0-9a-f]{64}"\}\}\n$/);

    const input = page.getByLabel('Backup file (.json)');
    await input.setInputFiles({ name: 'copy.json.gz', mimeType: 'application/gzip', buffer: gz });
    const importPanel = page.getByRole('region', { name: 'Import a backup' });
    await importPanel
      .getByText("The file's checksum matches its content: it is complete and unaltered.")
      .waitFor();
    await importPanel.getByText(/identical: nothing would change/).waitFor();
    await importPanel.getByRole('button', { name: 'Cancel' }).click();

    const before = await dumpDatabase(page);
    const altered = text.replace('"code":"DEZ-001"', '"code":"DEZ-009"');
    expect(altered).not.toBe(text);
    await input.setInputFiles({
      name: 'altered.json',
      mimeType: 'application/json',
      buffer: Buffer.from(altered),
    });
    const alert = importPanel.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain(
      "The file's checksum does not match its content: the file was altered or cut short after it was exported.",
    );
    expect(await dumpDatabase(page)).toEqual(before);
  });
});
