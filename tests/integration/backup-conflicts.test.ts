import { beforeEach, describe, expect, it, vi } from 'vitest';
import { importBackup } from '../../src/db/backup/import-backup';
import { parseBackup } from '../../src/db/backup/parse-backup';
import { planImport } from '../../src/db/backup/plan-import';
import { db } from '../../src/db/db';
import { listHistory, undo } from '../../src/db/history-repo';
import { findPatientByCode, getPatientRecord } from '../../src/db/patient-queries';
import { createPatient } from '../../src/db/patients-repo';
import { createVisit } from '../../src/db/visits-repo';
import {
  dumpDatabase,
  expectFailure,
  expectOk,
  freshDatabase,
  importFixture,
  readFixture,
  withoutStampsDeep,
} from './helpers';

beforeEach(freshDatabase);

const DEZ = 'de20c1e0-0000-4000-8000-000000000001';
const WEEK1_HAMD = 'de20c1e0-0003-4000-8000-000000000021';

type Json = {
  scope: string;
  patients: Record<string, unknown>[];
  assessments: { id: string; entry: { total: number } }[];
};
const parsedCase = (edit: (b: Json) => void = () => undefined) => {
  const backup = JSON.parse(readFixture('dezocine-case.json')) as Json;
  edit(backup);
  return expectOk(parseBackup(JSON.stringify(backup)));
};

describe('import conflicts: plan, then skip or replace, never a silent merge', () => {
  it('plans a clean import with no conflicts', async () => {
    const plan = await planImport(parsedCase());
    expect(plan).toEqual({
      inFile: {
        patients: 1,
        events: 4,
        visits: 5,
        assessments: 20,
        safetyAcks: 0,
        cohorts: 0,
        enrolments: 0,
      },
      newPatients: ['DEZ-001'],
      conflicts: [],
      collisions: [],
      warnings: [],
    });
  });

  it('sees the same file again as an identical conflict; skip changes nothing', async () => {
    await importFixture();
    const plan = await planImport(parsedCase());
    expect(plan.newPatients).toEqual([]);
    expect(plan.conflicts).toEqual([
      {
        patientId: DEZ,
        code: 'DEZ-001',
        existing: [{ id: DEZ, code: 'DEZ-001' }],
        reasons: ['a patient with the same id is already stored (code "DEZ-001")'],
        identical: true,
        deletes: [],
      },
    ]);
    const before = await dumpDatabase();
    const summary = expectOk(await importBackup(parsedCase(), { onConflict: 'skip' }));
    expect(summary).toEqual({
      added: [],
      replaced: [],
      skipped: ['DEZ-001'],
      changes: 0,
      groupId: null,
      rules: 'none',
    });
    expect(await dumpDatabase()).toBe(before);
  });

  it('replace writes only what differs, keeping the previous value in history, and undo takes it back', async () => {
    await importFixture();
    const before = await getPatientRecord(DEZ);
    const edited = parsedCase(
      (b) => (b.assessments.find((a) => a.id === WEEK1_HAMD)!.entry.total = 3),
    );
    const plan = await planImport(edited);
    expect(plan.conflicts[0]?.identical).toBe(false);

    const skipped = expectOk(await importBackup(edited, { onConflict: 'skip' }));
    expect(skipped.changes).toBe(0);
    const summary = expectOk(await importBackup(edited, { onConflict: 'replace', by: 'Dr Lee' }));
    expect(summary).toMatchObject({ replaced: ['DEZ-001'], changes: 1 });
    const [entry] = await listHistory({ recordId: WEEK1_HAMD });
    expect(entry).toMatchObject({
      action: 'update',
      by: 'Dr Lee',
      before: { entry: { total: 2 } },
      after: { entry: { total: 3 } },
    });

    expectOk(await undo(entry!.id));
    expect(withoutStampsDeep(await getPatientRecord(DEZ))).toEqual(withoutStampsDeep(before));
  });

  it('a stored patient with the same code under another id is a conflict; replace removes it and its records', async () => {
    const other = expectOk(await createPatient({ code: 'dez-001', name: 'Someone else' }));
    expectOk(await createVisit({ patientId: other.id, date: '2024-03-01' }));
    const plan = await planImport(parsedCase());
    expect(plan.conflicts).toEqual([
      expect.objectContaining({
        code: 'DEZ-001',
        existing: [{ id: other.id, code: 'dez-001' }],
        reasons: ['code "DEZ-001" is already used by another stored patient ("dez-001")'],
        identical: false,
      }),
    ]);

    const before = await dumpDatabase();
    expectOk(await importBackup(parsedCase(), { onConflict: 'skip' }));
    expect(await dumpDatabase()).toBe(before);

    const summary = expectOk(await importBackup(parsedCase(), { onConflict: 'replace' }));
    expect(summary.changes).toBe(2 + 30); // stored patient and visit deleted, 30 records added
    expect(await getPatientRecord(other.id)).toBeNull();
    expect((await findPatientByCode('DEZ-001'))?.id).toBe(DEZ);
    expect(await db.visits.count()).toBe(5);
  });

  it('skip imports the new patients of a file and leaves the conflicting ones', async () => {
    await importFixture();
    const file = parsedCase((b) => {
      b.scope = 'all';
      b.patients.push({
        id: '0d9c7f0e-0000-4000-8000-000000000002',
        code: 'NEW-1',
        createdAt: '2024-01-01T00:00:00.000Z',
        updatedAt: '2024-01-01T00:00:00.000Z',
      });
    });
    expect((await planImport(file)).newPatients).toEqual(['NEW-1']);
    const summary = expectOk(await importBackup(file, { onConflict: 'skip' }));
    expect(summary).toMatchObject({ added: ['NEW-1'], skipped: ['DEZ-001'], changes: 1 });
  });

  it('a record id already used by another stored patient is refused, naming both; nothing is deleted', async () => {
    // Issue 12: "replace" used to delete the unrelated stored patient and its records.
    const other = expectOk(await createPatient({ code: 'OLD-7', name: 'Unrelated' }));
    const visit = expectOk(await createVisit({ patientId: other.id, date: '2024-03-01' }));
    const file = parsedCase((b) => {
      const json = JSON.stringify(b).replaceAll('de20c1e0-0002-4000-8000-000000000002', visit.id);
      Object.assign(b, JSON.parse(json));
    });
    const plan = await planImport(file);
    expect(plan.newPatients).toEqual(['DEZ-001']);
    expect(plan.conflicts).toEqual([]);
    expect(plan.collisions).toEqual([
      expect.stringMatching(
        new RegExp(
          `^visits id ${visit.id} \\(visit of 2023-12-0\\d of file patient "DEZ-001"\\) is already the id of a visit of stored patient "OLD-7", which the file does not name\\.$`,
        ),
      ),
    ]);
    const before = await dumpDatabase();
    for (const onConflict of ['skip', 'replace'] as const) {
      const failure = expectFailure(await importBackup(file, { onConflict }));
      expect(failure.reason).toMatch(/stored patient "OLD-7".*nothing was imported/);
      expect(await dumpDatabase()).toBe(before);
    }
    expect(await getPatientRecord(other.id)).not.toBeNull();
  });

  it('the plan lists, per patient, what replace deletes', async () => {
    await importFixture();
    expectOk(await createVisit({ patientId: DEZ, date: '2024-06-01' }));
    const [conflict] = (await planImport(parsedCase())).conflicts;
    expect(conflict?.deletes).toEqual(['visit of 2024-06-01']);
  });
});

describe('an import is all or nothing', () => {
  it('a storage failure half-way leaves the database as it was and says why', async () => {
    await importFixture();
    const file = parsedCase((b) => {
      b.scope = 'all';
      b.patients.push({
        id: '0d9c7f0e-0000-4000-8000-000000000002',
        code: 'NEW-1',
        createdAt: '2024-01-01T00:00:00.000Z',
        updatedAt: '2024-01-01T00:00:00.000Z',
      });
    });
    const before = await dumpDatabase();
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const spy = vi.spyOn(db.history, 'bulkAdd').mockRejectedValue(quota);
    const failure = expectFailure(await importBackup(file, { onConflict: 'replace' }));
    spy.mockRestore();
    expect(failure.reason).toMatch(/no storage space left .*nothing was saved/);
    expect(await dumpDatabase()).toBe(before);
  });

  it('an unexpected error is a bug: it is thrown, and nothing is written', async () => {
    const before = await dumpDatabase();
    const spy = vi.spyOn(db.history, 'bulkAdd').mockRejectedValue(new TypeError('boom'));
    await expect(importBackup(parsedCase(), { onConflict: 'skip' })).rejects.toThrow('boom');
    spy.mockRestore();
    expect(await dumpDatabase()).toBe(before);
  });
});
