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
import { saveDraftAssessment } from '../../src/db/assessments-repo';
import { createPatient } from '../../src/db/patients-repo';
import { createVisit, finalizeVisit } from '../../src/db/visits-repo';
import {
  dumpDatabase,
  expectFailure,
  expectOk,
  freshDatabase,
  hamdItems,
  importFixture,
} from './helpers';
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

/** A single-dose day: pre-dose 08:00, +2 h 12:00, and +24 h the next day at 10:00. */
async function seedTimedVisits() {
  const p = expectOk(await createPatient({ code: 'SD-1' }));
  const slots = [
    ['2024-01-10', '12:00', 1],
    ['2024-01-10', '08:00', 3],
    ['2024-01-11', '10:00', 0],
  ] as const;
  for (const [date, time, item1] of slots) {
    const v = expectOk(await createVisit({ patientId: p.id, date, time }));
    const entry = hamdItems(item1, 0);
    expectOk(await saveDraftAssessment({ visitId: v.id, scaleId: 'HAMD-17', entry }));
    expectOk(await finalizeVisit(v.id));
  }
}

const visitSlots = async () =>
  expectOk(await readBackup({ scope: 'all' })).visits.map((v) => `${v.date} ${v.time ?? '-'}`);

describe('long CSV import: visit times', () => {
  it('gives back two visits on one day with their times (export, then import)', async () => {
    await seedTimedVisits();
    const before = await scoreRows();
    expect(await visitSlots()).toEqual([
      '2024-01-10 08:00',
      '2024-01-10 12:00',
      '2024-01-11 10:00',
    ]);
    const csv = expectOk(await exportCsv({ scope: 'all' }));
    await freshDatabase();
    expectOk(await importExternal(sheet(readLongCsv(csv))));
    expect(await visitSlots()).toEqual([
      '2024-01-10 08:00',
      '2024-01-10 12:00',
      '2024-01-11 10:00',
    ]);
    expect(await scoreRows()).toEqual(before);
    // A second import of the same file changes nothing: visits match by date and time.
    const plan = expectOk(await prepareExternalImport(expectOk(readLongCsv(csv)).file));
    expect(plan.patients).toEqual([expect.objectContaining({ code: 'SD-1', kind: 'identical' })]);
  }, 30_000);

  it('refuses a bad time, and a visit without a time beside timed ones that day, naming where', async () => {
    await seedTimedVisits();
    const csv = expectOk(await exportCsv({ scope: 'all' }, { comments: false }));
    const badTime = csv.replace(/,12:00(\r?\n)/, ',25:00$1');
    expect(expectFailure(readLongCsv(badTime)).issues).toEqual([
      expect.stringMatching(
        /^row \d+, column \w+ \(visit_time\): expected a time of day written HH:mm .*\(got "25:00"\)/,
      ),
    ]);
    await freshDatabase();
    expectOk(await importExternal(sheet(readLongCsv(csv))));
    const stored = await dumpDatabase();
    // The same file with the 12:00 visit's time dropped: an untimed visit on a day with a timed one.
    const untimed = csv.replace(/,12:00(\r?\n)/g, ',$1');
    const failure = expectFailure(await importExternal(sheet(readLongCsv(untimed))));
    expect(failure.issues).toEqual([
      expect.stringMatching(
        /^row \d+: SD-1 already has a visit on 2024-01-10 \(at 08:00, 12:00\)\. Give this visit its time of day too\.$/,
      ),
    ]);
    expect(await dumpDatabase()).toBe(stored);
  }, 30_000);
});

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
