import Papa from 'papaparse';
import { beforeEach, describe, expect, it } from 'vitest';
import { csvRows } from '../../src/db/backup/csv-export';
import { readBackup } from '../../src/db/backup/export-backup';
import { importBackup } from '../../src/db/backup/import-backup';
import { parseBackup } from '../../src/db/backup/parse-backup';
import type { DbResult } from '../../src/db/result';
import type { SheetImport } from '../../src/interop/csv/sheet-import';
import { buildRedcapData, buildRedcapDictionary } from '../../src/interop/redcap/redcap-export';
import { DICTIONARY_COLUMNS } from '../../src/interop/redcap/redcap-fields';
import { readRedcapData } from '../../src/interop/redcap/redcap-import';
import { generateCohort } from '../../src/interop/testing/cohort';
import {
  dumpDatabase,
  expectFailure,
  expectOk,
  freshDatabase,
  importFixture,
  readFixture,
} from './helpers';
import { importExternal } from './interop-helpers';

beforeEach(freshDatabase);

const sheet = (read: DbResult<SheetImport>) =>
  read.ok ? { ok: true as const, value: read.value.file } : read;
const rowsOf = (csv: string) => Papa.parse<string[]>(csv.trim(), { skipEmptyLines: true }).data;
const scoreRows = async () =>
  csvRows(expectOk(await readBackup({ scope: 'all' }))).map((r) => ({
    ...r,
    days_since_index: null,
  }));

describe('REDCap', () => {
  it('the committed dictionary and data of the reference case are what the app exports', async () => {
    await importFixture();
    expect(buildRedcapDictionary()).toBe(readFixture('redcap/dezocine-dictionary.csv'));
    const data = buildRedcapData(expectOk(await readBackup({ scope: 'all' })));
    expect(data).toBe(readFixture('redcap/dezocine-data.csv'));
  });

  it('the fixtures follow the format: 18 dictionary columns, data columns all defined, calc fields left out', () => {
    const [header, ...fields] = rowsOf(readFixture('redcap/dezocine-dictionary.csv'));
    expect(header).toEqual([...DICTIONARY_COLUMNS]);
    expect(fields.every((f) => f.length === 18)).toBe(true);
    const forms = new Set(fields.map((f) => f[1]));
    expect([...forms]).toEqual([
      'visit',
      'hamd17',
      'madrs',
      'phq9',
      'dars',
      'cgi_s',
      'cgi_i',
      'ham_a',
      'gad7',
    ]);
    const types = new Map(fields.map((f) => [f[0], f[3]]));
    for (const f of fields) {
      expect(f[0]).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(['text', 'radio', 'calc']).toContain(f[3]);
      if (f[3] === 'radio') expect(f[5]).toMatch(/^-?\w+, [^|]+( \| -?\w+, [^|]+)*$/);
    }
    expect(types.get('hamd17_3')).toBe('radio');
    expect(types.get('hamd17_total')).toBe('calc');
    const [dataHeader, ...data] = rowsOf(readFixture('redcap/dezocine-data.csv'));
    expect(dataHeader?.slice(0, 2)).toEqual(['record_id', 'redcap_event_name']);
    for (const column of dataHeader?.slice(2) ?? []) {
      const form = /^(.+)_complete$/.exec(column)?.[1];
      if (form) expect(forms).toContain(form);
      else expect(types.get(column)).toMatch(/^(text|radio)$/);
    }
    expect(data.map((r) => r[1])).toEqual([
      'baseline_arm_1',
      'week_1_arm_1',
      'week_2_arm_1',
      'week_3_arm_1',
      'week_4_arm_1',
    ]);
    const at = (name: string) => dataHeader?.indexOf(name) ?? -1;
    expect(data.map((r) => r[at('hamd17_total_recorded')])).toEqual(['18', '2', '5', '10', '17']);
    expect(data.map((r) => r[at('visit_complete')])).toEqual(['2', '2', '2', '2', '2']);
  });

  it('round trip of the reference case and a generated cohort gives every score back', async () => {
    await importFixture();
    expectOk(
      await importBackup(expectOk(parseBackup(JSON.stringify(generateCohort(31, 30)))), {
        onConflict: 'skip',
      }),
    );
    const before = await scoreRows();
    const data = buildRedcapData(expectOk(await readBackup({ scope: 'all' })));
    await freshDatabase();
    expectOk(await importExternal(sheet(readRedcapData(data))));
    expect(await scoreRows()).toEqual(before);
  }, 30_000);

  it('names row and column of a wrong choice, refuses to reopen a finished visit, and writes nothing', async () => {
    await importFixture();
    const dump = await dumpDatabase();
    const fixture = readFixture('redcap/dezocine-data.csv');
    const wrong = fixture.replace(/(DEZ-001,week_2_arm_1,2023-12-14,2,summary,,,,,,,)\d+/, '$19');
    expect(expectFailure(await importExternal(sheet(readRedcapData(wrong)))).issues).toEqual([
      'row 4, column L (hamd17_7): HAMD-17 item 7 must be between 0 and 4 (got 9)',
    ]);
    const reopened = fixture.replace(
      'DEZ-001,week_2_arm_1,2023-12-14,2',
      'DEZ-001,week_2_arm_1,2023-12-14,1',
    );
    expect(expectFailure(await importExternal(sheet(readRedcapData(reopened)))).issues[0]).toBe(
      'row 4: the visit of 2023-12-14 is draft in the file but finished here; finish or change it in the app first',
    );
    expect(await dumpDatabase()).toBe(dump);
  });
});
