import { beforeEach, describe, expect, it } from 'vitest';
import { saveDraftAssessment, updateFinalAssessment } from '../../src/db/assessments-repo';
import { backupToJson } from '../../src/db/backup/backup-text';
import { readBackup } from '../../src/db/backup/export-backup';
import { exportBackupFile, recordBackupSaved } from '../../src/db/backup/export-stream';
import { importBackup } from '../../src/db/backup/import-backup';
import { parseBackup } from '../../src/db/backup/parse-backup';
import { gunzip, readBackupFile } from '../../src/db/backup/read-file';
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

/** The file without its time of export and the checksum that covers it. */
const withoutTime = (json: string) =>
  json
    .replace(/"exportedAt":"[^"]+"/, '"exportedAt":"…"')
    .replace(/"checksum":\{[^}]*\}/, '"checksum":…');

/** A Blob's bytes (jsdom's Blob has no arrayBuffer(); its FileReader reads one). */
const fileBytes = (blob: Blob) =>
  new Promise<Uint8Array>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsArrayBuffer(blob);
  });

/** The text of an exported .json.gz. */
const fileText = async (blob: Blob) =>
  new TextDecoder().decode((await gunzip(await fileBytes(blob)))!);

describe('export → import round trip', () => {
  it('gives back the same database, record for record, and the same file', async () => {
    await richDatabase();
    const original = await clinicalDump();
    const exported = expectOk(await exportBackupFile());
    expect(exported.fileName).toMatch(/^trajectory-backup-\d{4}-\d{2}-\d{2}\.json\.gz$/);
    const file = await fileText(exported.blob);
    const backup = expectOk(parseBackup(file));
    expect(backup).toMatchObject({
      format: 'trajectory-backup',
      formatVersion: 2,
      scope: 'all',
      appVersion: expect.any(String) as string,
      checksum: 'verified',
    });
    expect(backup.patients.map((p) => p.code)).toEqual(['A-1', 'B-2', 'DEZ-001']);
    expect(backup.patients[0]).not.toHaveProperty('codeKey');
    expect(backup.assessments[0]).not.toHaveProperty('flaggedItems');
    // The streamed file is the in-memory reader's backup, written the same way.
    expect(file).toBe(
      backupToJson({
        ...expectOk(await readBackup({ scope: 'all' })),
        exportedAt: backup.exportedAt,
      }),
    );

    await freshDatabase();
    const summary = expectOk(
      await importBackup(expectOk(await readBackupFile(await fileBytes(exported.blob))), {
        onConflict: 'skip',
      }),
    );
    expect(summary.added).toEqual(['A-1', 'B-2', 'DEZ-001']);
    expect(await clinicalDump()).toBe(original);
    const again = expectOk(await exportBackupFile());
    expect(withoutTime(await fileText(again.blob))).toBe(withoutTime(file));
  });

  it('exports one patient, and that file restores exactly that patient', async () => {
    await richDatabase();
    const a = (await db.patients.where('codeKey').equals('a-1').first())!;
    const before = await getPatientRecord(a.id);
    const exported = expectOk(await exportBackupFile({ scope: 'patient', patientId: a.id }));
    expect(exported.fileName).toMatch(/^trajectory-A-1-\d{4}-\d{2}-\d{2}\.json\.gz$/);
    const backup = expectOk(await readBackupFile(await fileBytes(exported.blob)));
    expect(backup.scope).toBe('patient');
    expect(backup.patients).toHaveLength(1);
    await freshDatabase();
    expectOk(await importBackup(backup, { onConflict: 'skip' }));
    expect(withoutStampsDeep(await getPatientRecord(a.id))).toEqual(withoutStampsDeep(before));
    expect(await db.patients.count()).toBe(1);
  });

  it('records the time of a full backup once it is saved, not of a one-patient file', async () => {
    await importFixture();
    expect(await getMeta('lastExportAt')).toBeNull();
    const one = expectOk(
      await exportBackupFile({
        scope: 'patient',
        patientId: 'de20c1e0-0000-4000-8000-000000000001',
      }),
    );
    await recordBackupSaved(one);
    expect(await getMeta('lastExportAt')).toBeNull();
    const all = expectOk(await exportBackupFile());
    // Building the file records nothing: only handing it to the browser does.
    expect(await getMeta('lastExportAt')).toBeNull();
    await recordBackupSaved(all);
    expect(await getMeta('lastExportAt')).toBe(all.exportedAt);
  });

  it('refuses to export a patient that does not exist', async () => {
    expect((await exportBackupFile({ scope: 'patient', patientId: 'nobody' })).ok).toBe(false);
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
