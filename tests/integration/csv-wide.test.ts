import { beforeEach, describe, expect, it } from 'vitest';
import { csvRows } from '../../src/db/backup/csv-export';
import { readBackup } from '../../src/db/backup/export-backup';
import type { DbResult } from '../../src/db/result';
import { readWideCsv } from '../../src/interop/csv/csv-wide';
import type { SheetImport } from '../../src/interop/csv/sheet-import';
import { dumpDatabase, expectFailure, expectOk, freshDatabase, importFixture } from './helpers';
import { importExternal } from './interop-helpers';

beforeEach(freshDatabase);

const sheet = (read: DbResult<SheetImport>) =>
  read.ok ? { ok: true as const, value: read.value.file } : read;

/** Table 1 of the reference case as a clinic keeps it in Excel (semicolons, as some locales write). */
const TABLE_1 = [
  'Patient;Date;HAMD17;MADRS total;PHQ-9 score;DARS_hobbies;DARS_food;DARS_social;DARS_sensory;Comment',
  'DEZ-001;2023-11-24;18;23;14;3;4;4;6;baseline',
  'DEZ-001;2023-12-07;2;4;1;15;9;10;18;',
  'DEZ-001;2023-12-14;5;9;2;15;5;10;19;',
  'DEZ-001;2023-12-21;10;15;8;9;8;4;14;',
  'DEZ-001;2023-12-28;17;22;12;9;7;1;11;"relapse, week 4"',
].join('\r\n');

const totals = async (scale: string) =>
  csvRows(expectOk(await readBackup({ scope: 'all' })))
    .filter((r) => r.scale === scale && r.measure === 'total')
    .map((r) => r.value);

describe('wide CSV import (one row per visit)', () => {
  it('reads a visit time column: pre-dose and +2 h on one day are two visits', async () => {
    const file = [
      'patient_code,visit_date,visit_time,HAMD17',
      'SD-1,2024-01-10,08:00,17',
      'SD-1,2024-01-10,12:00,12',
      'SD-1,2024-01-11,10:00,8',
    ].join('\n');
    const read = expectOk(readWideCsv(file));
    expect(read.columns[2]?.meaning).toBe('visit time of day (HH:mm, 24-hour clock)');
    expectOk(await importExternal(sheet(readWideCsv(file))));
    const { visits } = expectOk(await readBackup({ scope: 'all' }));
    expect(visits.map((v) => `${v.date} ${v.time ?? '-'}`)).toEqual([
      '2024-01-10 08:00',
      '2024-01-10 12:00',
      '2024-01-11 10:00',
    ]);
    expect(await totals('HAMD-17')).toEqual([17, 12, 8]);
  });

  it('refuses two rows of one day at the same time, naming both rows', () => {
    const file = [
      'patient_code,visit_date,visit_time,HAMD17',
      'SD-1,2024-01-10,08:00,17',
      'SD-1,2024-01-10,08:00,12',
    ].join('\n');
    expect(expectFailure(readWideCsv(file)).issues).toEqual([
      'row 3: patient SD-1 has a second row for 2024-01-10 at 08:00 (first: row 2); one row per visit',
    ]);
  });

  it('reads Table 1 of the reference case and shows how every column is read', async () => {
    const read = expectOk(readWideCsv(TABLE_1));
    expect(read.columns.map((c) => c.meaning)).toEqual([
      'patient code',
      'visit date (YYYY-MM-DD)',
      'HAMD-17 total',
      'MADRS total',
      'PHQ-9 total',
      'DARS Pastimes/hobbies',
      'DARS Food/drinks',
      'DARS Social activities',
      'DARS Sensory experiences',
      null,
    ]);
    expectOk(await importExternal({ ok: true, value: read.file }));
    expect(await totals('HAMD-17')).toEqual([18, 2, 5, 10, 17]);
    expect(await totals('DARS')).toEqual([17, 52, 49, 35, 28]);
  });

  it('checks totals against the items and names row and column', async () => {
    await importFixture();
    const dump = await dumpDatabase();
    const items = Array.from({ length: 9 }, (_, i) => `phq9_${i + 1}`).join(',');
    const csv = `patient_code,visit_date,${items},phq9_total,rater\r\nN-1,2024-02-01,1,1,1,1,1,1,1,1,0,8,Dr Lee\r\nN-1,2024-02-08,1,1,1,1,1,1,1,1,0,7,Dr Lee\r\n`;
    const failure = expectFailure(await importExternal(sheet(readWideCsv(csv))));
    expect(failure.issues).toEqual([
      'row 3, column L (phq9_total): expected 8, the PHQ-9 total of the item responses (got 7)',
    ]);
    expect(await dumpDatabase()).toBe(dump);
  });

  it('refuses a date that is not YYYY-MM-DD and an item out of range', () => {
    const failure = expectFailure(
      readWideCsv('code,date,HAMD-17 item 3\r\nA,24/11/2023,1\r\nB,2023-11-24,9\r\n'),
    );
    expect(failure.issues).toEqual([
      'row 2, column B (date): expected a date written YYYY-MM-DD, e.g. 2023-11-24 (got "24/11/2023"); format the column as yyyy-mm-dd',
      'row 3, column C (HAMD-17 item 3): HAMD-17 item 3 must be between 0 and 4 (got 9)',
    ]);
  });
});
