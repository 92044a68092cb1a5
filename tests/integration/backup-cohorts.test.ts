import { beforeEach, describe, expect, it } from 'vitest';
import { backupToJson } from '../../src/db/backup/backup-text';
import { readBackup } from '../../src/db/backup/export-backup';
import { exportBackupFile } from '../../src/db/backup/export-stream';
import { importBackup } from '../../src/db/backup/import-backup';
import { CHECKSUM_MISMATCH, parseBackup } from '../../src/db/backup/parse-backup';
import { gunzip } from '../../src/db/backup/read-file';
import { addArm, createCohort } from '../../src/db/cohorts-repo';
import { db } from '../../src/db/db';
import { enrolPatients } from '../../src/db/enrolments-repo';
import { undo } from '../../src/db/history-repo';
import { createPatient } from '../../src/db/patients-repo';
import { withoutStamps } from '../../src/db/revision';
import { expectFailure, expectOk, freshDatabase, importFixture } from './helpers';

beforeEach(freshDatabase);

const blobBytes = (blob: Blob) =>
  new Promise<Uint8Array>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsArrayBuffer(blob);
  });

/** Two patients in a two-arm study; returns the stored cohort and enrolments, unstamped. */
async function seedStudy() {
  const a = expectOk(await createPatient({ code: 'A-1' }));
  const b = expectOk(await createPatient({ code: 'B-2' }));
  const cohort = expectOk(
    await createCohort({ name: 'AXS-05 study', kind: 'study', arms: ['AXS-05'] }),
  );
  const both = expectOk(await addArm(cohort.id, 'Bupropion', { base: cohort }));
  expectOk(
    await enrolPatients(cohort.id, both.arms[0]?.id ?? '', [a.id], { enrolledOn: '2024-02-01' }),
  );
  expectOk(await enrolPatients(cohort.id, both.arms[1]?.id ?? '', [b.id]));
  return {
    cohorts: (await db.cohorts.toArray()).map(withoutStamps),
    enrolments: (await db.enrolments.toArray()).map(withoutStamps),
  };
}

const sortById = <T extends { id: string }>(rows: T[]) =>
  [...rows].sort((x, y) => x.id.localeCompare(y.id));

describe('cohorts in backups', () => {
  it('carries cohorts, arms and enrolments through a streamed backup into an empty database', async () => {
    const before = await seedStudy();
    const file = expectOk(await exportBackupFile());
    expect([file.counts.cohorts, file.counts.enrolments]).toEqual([1, 2]);
    const text = new TextDecoder().decode((await gunzip(await blobBytes(file.blob)))!);
    const parsed = expectOk(parseBackup(text));
    expect(parsed.checksum).toBe('verified');
    await freshDatabase();
    const summary = expectOk(await importBackup(parsed, { onConflict: 'skip' }));
    expect(summary.added).toEqual(['A-1', 'B-2']);
    expect(summary.enrolmentsLeftOut).toBeUndefined();
    expect((await db.cohorts.toArray()).map(withoutStamps)).toEqual(before.cohorts);
    expect(sortById((await db.enrolments.toArray()).map(withoutStamps))).toEqual(
      sortById(before.enrolments),
    );
    // One undo takes the whole import back, cohorts included.
    expectOk(await undo((await db.history.toArray())[0]?.id ?? 0));
    expect([await db.cohorts.count(), await db.enrolments.count()]).toEqual([0, 0]);
  });

  it('reads files made before stored cohorts, and refuses a file whose cohorts were cut out', async () => {
    await importFixture();
    expect(await db.patients.count()).toBe(1);
    await seedStudy();
    const json = backupToJson(expectOk(await readBackup({ scope: 'all' })));
    const cut = JSON.parse(json) as Record<string, unknown>;
    delete cut.enrolments;
    expect(expectFailure(parseBackup(JSON.stringify(cut))).issues).toEqual([CHECKSUM_MISMATCH]);
  });

  it('leaves cohorts out of a one-patient backup', async () => {
    await seedStudy();
    const patient = await db.patients.where('codeKey').equals('a-1').first();
    const one = expectOk(await readBackup({ scope: 'patient', patientId: patient?.id ?? '' }));
    expect([one.cohorts, one.enrolments]).toEqual([undefined, undefined]);
  });

  it('refuses, naming where, an enrolment of an unknown arm, patient or cohort, and a patient enrolled twice', async () => {
    await seedStudy();
    const backup = expectOk(await readBackup({ scope: 'all' }));
    const a = await db.patients.where('codeKey').equals('a-1').first();
    const first = backup.enrolments?.find((e) => e.patientId !== a?.id);
    const second = backup.enrolments?.find((e) => e.patientId === a?.id);
    if (!first || !second) throw new Error('no enrolments');
    const nobody = '0b1d0000-0000-4000-8000-00000000dead';
    const broken = {
      ...backup,
      enrolments: [
        { ...first, armId: nobody },
        { ...second, patientId: nobody },
        { ...second, id: '0b1d0000-0000-4000-8000-0000000000f1', cohortId: nobody },
        { ...second, id: '0b1d0000-0000-4000-8000-0000000000f2' },
        { ...second, id: '0b1d0000-0000-4000-8000-0000000000f3' },
      ],
    };
    const failure = expectFailure(parseBackup(backupToJson(broken)));
    expect(failure.issues).toEqual([
      `enrolments[0].armId: cohort "AXS-05 study" has no arm with id ${nobody} (its arms: AXS-05, Bupropion)`,
      `enrolments[1].patientId: no patient with id ${nobody} in this file`,
      `enrolments[2].cohortId: no cohort with id ${nobody} in this file`,
      'enrolments[4].patientId: patient A-1 is already in cohort "AXS-05 study" (enrolments[3]); a patient is in a cohort once',
    ]);
  });

  it('refuses a file cohort named like a different stored cohort, writing nothing', async () => {
    await seedStudy();
    const backup = expectOk(await readBackup({ scope: 'all' }));
    const other = {
      ...backup,
      cohorts: (backup.cohorts ?? []).map((c) => ({
        ...c,
        id: '0b1d0000-0000-4000-8000-0000000000f9',
      })),
      enrolments: [],
    };
    const parsed = expectOk(parseBackup(backupToJson(other)));
    const failure = expectFailure(await importBackup(parsed, { onConflict: 'replace' }));
    expect(failure.issues).toEqual([
      'cohorts[0].name: a different stored cohort is already named "AXS-05 study"; rename one of them, then import again. Nothing was imported.',
    ]);
    expect(await db.cohorts.count()).toBe(1);
  });
});
