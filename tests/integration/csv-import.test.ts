import { beforeEach, describe, expect, it } from 'vitest';
import { csvRows, exportCsv } from '../../src/db/backup/csv-export';
import { readBackup } from '../../src/db/backup/export-backup';
import { prepareExternalImport } from '../../src/db/backup/external-import';
import { importBackup } from '../../src/db/backup/import-backup';
import { parseBackup } from '../../src/db/backup/parse-backup';
import { readLongCsv } from '../../src/interop/csv/csv-long';
import type { SheetImport } from '../../src/interop/csv/sheet-import';
import type { DbResult } from '../../src/db/result';
import { generateCohort } from '../../src/interop/testing/cohort';
import { dumpDatabase, expectFailure, expectOk, freshDatabase, importFixture } from './helpers';
import { importExternal } from './interop-helpers';

beforeEach(freshDatabase);

const sheet = (read: DbResult<SheetImport>) =>
  read.ok ? { ok: true as const, value: read.value.file } : read;

/** Every score row of the database, without days since the index event (a CSV carries no events). */
const scoreRows = async () =>
  csvRows(expectOk(await readBackup({ scope: 'all' }))).map((r) => ({
    ...r,
    days_since_index: null,
  }));

async function seedCohort() {
  await importFixture();
  expectOk(
    await importBackup(expectOk(parseBackup(JSON.stringify(generateCohort(23, 30)))), {
      onConflict: 'skip',
    }),
  );
}

describe('long CSV import (the app own format)', () => {
  it.each([true, false])(
    'round trip with comment lines %s gives every score back',
    async (comments) => {
      await seedCohort();
      const before = await scoreRows();
      const csv = expectOk(await exportCsv({ scope: 'all' }, { comments }));
      await freshDatabase();
      expectOk(await importExternal(sheet(readLongCsv(new TextEncoder().encode(csv)))));
      expect(await scoreRows()).toEqual(before);
    },
  );

  it('shows how each column is read, and plans a second import as identical', async () => {
    await importFixture();
    const csv = expectOk(await exportCsv({ scope: 'all' }));
    const read = expectOk(readLongCsv(csv));
    expect(read.columns.find((c) => c.header === 'days_since_index')?.meaning).toBeNull();
    expect(read.columns.find((c) => c.header === 'value')?.meaning).toMatch(/the score/);
    const plan = expectOk(await prepareExternalImport(read.file));
    expect(plan.patients).toEqual([
      expect.objectContaining({ code: 'DEZ-001', kind: 'identical' }),
    ]);
  }, 30_000);

  it('names row and column of each problem and writes nothing', async () => {
    await importFixture();
    const dump = await dumpDatabase();
    const csv = expectOk(await exportCsv({ scope: 'all' }, { comments: false }))
      .replace(
        'DEZ-001,2023-12-07,7,HAMD-17,HAMD-17 (Hamilton 1960/1967),summary,total,total,Total,2,',
        'DEZ-001,2023-12-07,7,HAMD-17,HAMD-17 (Hamilton 1960/1967),summary,total,total,Total,99,',
      )
      .replace(',PHQ-9,', ',PHQ-10,');
    const failure = expectFailure(await importExternal(sheet(readLongCsv(csv))));
    expect(failure.issues).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^row \d+, column D \(scale\): expected a scale this app knows.*\(got "PHQ-10"\)/,
        ),
      ]),
    );
    expect(await dumpDatabase()).toBe(dump);
    const onlyTotal = expectOk(await exportCsv({ scope: 'all' }, { comments: false })).replace(
      /(DEZ-001,2023-12-07,7,HAMD-17,[^,]+,summary,total,total,Total,)2,/,
      '$199,',
    );
    const bad = expectFailure(await importExternal(sheet(readLongCsv(onlyTotal))));
    expect(bad.issues[0]).toMatch(
      /^row 13, column J \(value\): HAMD-17 total must be between 0 and 52 \(got 99\)/,
    );
  }, 30_000);
});
