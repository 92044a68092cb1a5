import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EXPORT_CHANGED, exportBackupFile } from '../../src/db/backup/export-stream';
import { CHECKSUM_MISMATCH, parseBackup } from '../../src/db/backup/parse-backup';
import { GZIP_DAMAGED, gunzip, readBackupFile } from '../../src/db/backup/read-file';
import { getMeta } from '../../src/db/meta-repo';
import { planImport } from '../../src/db/backup/plan-import';
import {
  dumpDatabase,
  expectFailure,
  expectOk,
  freshDatabase,
  importFixture,
  readFixture,
  seedPatient,
} from './helpers';

beforeEach(freshDatabase);

/** A Blob's bytes (jsdom's Blob has no arrayBuffer(); its FileReader reads one). */
const blobBytes = (blob: Blob) =>
  new Promise<Uint8Array>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsArrayBuffer(blob);
  });

async function exportedText(): Promise<string> {
  const file = expectOk(await exportBackupFile());
  return new TextDecoder().decode((await gunzip(await blobBytes(file.blob)))!);
}

describe('streamed backup export', () => {
  it('writes gzip, one record per line, with progress up to every record', async () => {
    await importFixture();
    const seen: number[] = [];
    const file = expectOk(
      await exportBackupFile({ scope: 'all' }, { onProgress: ({ done }) => seen.push(done) }),
    );
    const bytes = await blobBytes(file.blob);
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
    const records = Object.values(file.counts).reduce((a, b) => a + b, 0);
    expect(records).toBe(30);
    expect(seen.at(-1)).toBe(records);
    const text = new TextDecoder().decode((await gunzip(bytes))!);
    // Header line, 7 table openings, 30 record lines, 7 closings, checksum: never one long line.
    expect(text.split('\n').filter(Boolean)).toHaveLength(1 + 7 + 30 + 7 + 1);
  });

  it('says so and gives no file when compression fails', async () => {
    await importFixture();
    vi.spyOn(globalThis, 'CompressionStream').mockImplementation(function () {
      throw new Error('out of memory');
    });
    const failure = expectFailure(await exportBackupFile());
    expect(failure.reason).toBe(
      'The backup could not be written (out of memory). Nothing was saved.',
    );
    expect(await getMeta('lastExportAt')).toBeNull();
  });

  it('refuses a file during which the records changed', async () => {
    await importFixture();
    let wrote = false;
    const failure = expectFailure(
      await exportBackupFile(
        { scope: 'all' },
        {
          onProgress: () => {
            if (wrote) return;
            wrote = true;
            void seedPatient('LATE');
          },
        },
      ),
    );
    expect(failure.reason).toBe(EXPORT_CHANGED);
  });

  it('stops when cancelled, and says so', async () => {
    await importFixture();
    const controller = new AbortController();
    controller.abort();
    const failure = expectFailure(
      await exportBackupFile({ scope: 'all' }, { signal: controller.signal }),
    );
    expect(failure.reason).toBe('The backup was cancelled; nothing was saved.');
  });
});

describe('backup checksum', () => {
  it('refuses a file whose content was altered, and changes nothing', async () => {
    await importFixture();
    const text = await exportedText();
    await freshDatabase();
    const before = await dumpDatabase();
    const altered = text.replace('"code":"DEZ-001"', '"code":"DEZ-002"');
    expect(altered).not.toBe(text);
    expect(expectFailure(parseBackup(altered)).reason).toBe(CHECKSUM_MISMATCH);
    expect(await dumpDatabase()).toBe(before);
  });

  it('refuses a file cut short, whether its JSON was mended or its gzip cut', async () => {
    await importFixture();
    const text = await exportedText();
    // The last assessment line dropped, the JSON still whole.
    const lines = text.split('\n');
    const lastAssessment = lines.indexOf('"safetyAcks":[') - 2;
    const cut = [
      ...lines.slice(0, lastAssessment - 1),
      lines[lastAssessment - 1]!.replace(/,$/, ''),
      ...lines.slice(lastAssessment + 1),
    ].join('\n');
    expect(expectFailure(parseBackup(cut)).reason).toBe(CHECKSUM_MISMATCH);
    const gz = await blobBytes(expectOk(await exportBackupFile()).blob);
    expect(expectFailure(await readBackupFile(gz.slice(0, gz.length - 20))).reason).toBe(
      GZIP_DAMAGED,
    );
  });

  it('is verified on a whole file, and absent (not refused) in an older file', async () => {
    await importFixture();
    expect(expectOk(parseBackup(await exportedText())).checksum).toBe('verified');
    const old = expectOk(parseBackup(readFixture('dezocine-case.json')));
    expect(old.formatVersion).toBe(1);
    expect(old.checksum).toBe('absent');
  });

  it('ignores re-indenting: the checksum is of the records, not of the layout', async () => {
    await importFixture();
    const text = await exportedText();
    const pretty = JSON.stringify(JSON.parse(text), null, 2);
    expect(expectOk(parseBackup(pretty)).checksum).toBe('verified');
  });
});

describe('implausible content', () => {
  it('is named in the plan, patient and record, before anything is written', async () => {
    const file = JSON.parse(readFixture('dezocine-case.json')) as {
      patients: { birthYear?: number }[];
      visits: { date: string }[];
    };
    file.patients[0]!.birthYear = 2024;
    const before = await dumpDatabase();
    const plan = await planImport(expectOk(parseBackup(JSON.stringify(file))), '2026-12-02');
    expect(plan.warnings).toEqual(
      ['2023-11-24', '2023-12-07', '2023-12-14', '2023-12-21', '2023-12-28'].map(
        (d) => `Patient DEZ-001, visit of ${d}: the birth year 2024 is after the visit.`,
      ),
    );
    expect(await dumpDatabase()).toBe(before);
  });
});
