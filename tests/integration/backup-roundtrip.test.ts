import { beforeEach, describe, expect, it } from 'vitest';
import { saveDraftAssessment, updateFinalAssessment } from '../../src/db/assessments-repo';
import { backupFileName, backupToJson, exportBackup } from '../../src/db/backup/export-backup';
import { importBackup } from '../../src/db/backup/import-backup';
import { parseBackup } from '../../src/db/backup/parse-backup';
import { db } from '../../src/db/db';
import { undo } from '../../src/db/history-repo';
import { getMeta } from '../../src/db/meta-repo';
import { getPatientRecord } from '../../src/db/patient-queries';
import { acknowledgeSafetyFlag } from '../../src/db/safety-repo';
import { finalizeVisit } from '../../src/db/visits-repo';
import {
  expectOk,
  freshDatabase,
  hamdItems,
  importFixture,
  phq9,
  seedPatient,
  withoutStampsDeep,
} from './helpers';

beforeEach(freshDatabase);

/** A database with every kind of record: the reference case, drafts, items, finals, an acknowledgement. */
async function richDatabase(): Promise<void> {
  await importFixture();
  const a = await seedPatient('A-1', '2024-01-10');
  const phq = expectOk(
    await saveDraftAssessment({ visitId: a.visit.id, scaleId: 'PHQ-9', entry: phq9(2) }),
  );
  expectOk(
    await acknowledgeSafetyFlag({ assessmentId: phq.id, item: 9, acknowledgedBy: 'Dr Lee' }),
  );
  expectOk(await finalizeVisit(a.visit.id));
  expectOk(
    await updateFinalAssessment({
      visitId: a.visit.id,
      scaleId: 'HAMD-17',
      entry: hamdItems(1, 1, 1, 1),
      rater: 'Dr Lee',
      base: hamdItems(2, 1, 0),
    }),
  );
  await seedPatient('B-2', '2024-02-01');
}

/** Clinical data (revisions left out: an import or an undo is a new write). */
const clinicalDump = async () =>
  JSON.stringify(
    withoutStampsDeep(
      await Promise.all(
        [db.patients, db.events, db.visits, db.assessments, db.safetyAcks].map((t) => t.toArray()),
      ),
    ),
  );

const withoutTime = (json: string) => json.replace(/"exportedAt": "[^"]+"/, '"exportedAt": "…"');

describe('export → import round trip', () => {
  it('gives back the same database, record for record, and the same file', async () => {
    await richDatabase();
    const original = await clinicalDump();
    const backup = expectOk(await exportBackup());
    expect(backup).toMatchObject({
      format: 'trajectory-backup',
      formatVersion: 1,
      scope: 'all',
      appVersion: expect.any(String) as string,
    });
    expect(backup.patients.map((p) => p.code)).toEqual(['A-1', 'B-2', 'DEZ-001']);
    expect(backup.patients[0]).not.toHaveProperty('codeKey');
    expect(backup.assessments[0]).not.toHaveProperty('flaggedItems');
    const file = backupToJson(backup);

    await freshDatabase();
    const summary = expectOk(
      await importBackup(expectOk(parseBackup(file)), { onConflict: 'skip' }),
    );
    expect(summary.added).toEqual(['A-1', 'B-2', 'DEZ-001']);
    expect(await clinicalDump()).toBe(original);
    expect(withoutTime(backupToJson(expectOk(await exportBackup())))).toBe(withoutTime(file));
  });

  it('exports one patient, and that file restores exactly that patient', async () => {
    await richDatabase();
    const a = (await db.patients.where('codeKey').equals('a-1').first())!;
    const before = await getPatientRecord(a.id);
    const backup = expectOk(await exportBackup({ scope: 'patient', patientId: a.id }));
    expect(backup.scope).toBe('patient');
    expect(backup.patients).toHaveLength(1);
    expect(backupFileName(backup)).toMatch(/^trajectory-A-1-\d{4}-\d{2}-\d{2}\.json$/);
    await freshDatabase();
    expectOk(
      await importBackup(expectOk(parseBackup(backupToJson(backup))), { onConflict: 'skip' }),
    );
    expect(withoutStampsDeep(await getPatientRecord(a.id))).toEqual(withoutStampsDeep(before));
    expect(await db.patients.count()).toBe(1);
  });

  it('records the time of a full export, not of a one-patient export', async () => {
    await importFixture();
    expect(await getMeta('lastExportAt')).toBeNull();
    expectOk(
      await exportBackup({ scope: 'patient', patientId: 'de20c1e0-0000-4000-8000-000000000001' }),
    );
    expect(await getMeta('lastExportAt')).toBeNull();
    const all = expectOk(await exportBackup());
    expect(await getMeta('lastExportAt')).toBe(all.exportedAt);
    expect(backupFileName(all)).toMatch(/^trajectory-backup-/);
  });

  it('refuses to export a patient that does not exist', async () => {
    expect((await exportBackup({ scope: 'patient', patientId: 'nobody' })).ok).toBe(false);
  });

  it('writes one import group to history, which one undo takes back', async () => {
    await seedPatient('KEEP');
    const before = await clinicalDump();
    const summary = await importFixture();
    const entries = await db.history.where('groupId').equals(summary.groupId!).toArray();
    expect(entries).toHaveLength(30);
    expect(
      entries.every((e) => e.action === 'create' && e.operation === 'import backup of 2024-01-01'),
    ).toBe(true);
    expectOk(await undo(entries[0]!.id));
    expect(await clinicalDump()).toBe(before);
  });
});
