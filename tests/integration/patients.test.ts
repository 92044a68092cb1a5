import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../src/db/db';
import { listHistory, undo } from '../../src/db/history-repo';
import {
  findPatientByCode,
  getPatient,
  getPatientRecord,
  listPatients,
} from '../../src/db/patient-queries';
import {
  countPurge,
  createPatient,
  deletePatient,
  purgePatient,
  updatePatient,
} from '../../src/db/patients-repo';
import { revNumber, withoutStamps } from '../../src/db/revision';
import {
  dumpDatabase,
  expectFailure,
  expectOk,
  freshDatabase,
  seedPatient,
  withoutStampsDeep,
} from './helpers';

beforeEach(freshDatabase);

describe('patients', () => {
  it('creates a patient with a trimmed code and a create entry in history', async () => {
    const p = expectOk(
      await createPatient({ code: '  DEZ-001 ', name: 'Hui Wang', birthYear: 1998, sex: 'female' }),
    );
    expect(p).toMatchObject({
      code: 'DEZ-001',
      codeKey: 'dez-001',
      nameWords: ['hui wang', 'hui', 'wang'],
    });
    expect(await getPatient(p.id)).toEqual(p);
    const history = await listHistory({ recordId: p.id });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      action: 'create',
      table: 'patients',
      before: null,
      after: p,
    });
  });

  it('refuses a duplicate code, ignoring case and spaces, and writes nothing', async () => {
    expectOk(await createPatient({ code: 'DEZ-001' }));
    const before = await dumpDatabase();
    const failure = expectFailure(await createPatient({ code: ' dez-001' }));
    expect(failure.reason).toMatch(/"dez-001" is already used .*"DEZ-001"/);
    expect(await dumpDatabase()).toBe(before);
  });

  it.each([
    ['a non-breaking hyphen', 'DUP\u20111'],
    ['a zero-width space', 'DUP-\u200B1'],
    ['full-width characters', 'ＤＵＰ－１'],
  ])('refuses "DUP-1" typed with %s as the same code', async (_what, code) => {
    expectOk(await createPatient({ code: 'DUP-1' }));
    const before = await dumpDatabase();
    const failure = expectFailure(await createPatient({ code }));
    expect(failure.reason).toContain('is already used by another patient (as "DUP-1"');
    expect(failure.reason).toContain('look-alike characters');
    expect(await dumpDatabase()).toBe(before);
  });

  it('refuses invalid fields, naming each, and writes nothing', async () => {
    const before = await dumpDatabase();
    const failure = expectFailure(await createPatient({ code: '   ', birthYear: 1800 }));
    expect(failure.issues).toEqual(['code: is required', 'birthYear: must be a year from 1900 on']);
    expect(await dumpDatabase()).toBe(before);
  });

  it('keeps the previous value in history on edit, and undo restores it', async () => {
    const p = expectOk(await createPatient({ code: 'P-1', name: 'Old Name', notes: 'x' }));
    const edited = expectOk(
      await updatePatient(p.id, { name: 'New Name', notes: null }, { base: p }),
    );
    expect(edited.name).toBe('New Name');
    expect(edited).not.toHaveProperty('notes');
    const [update] = await listHistory({ recordId: p.id });
    expect(update).toMatchObject({
      action: 'update',
      before: p,
      after: edited,
      operation: 'edit patient',
    });

    const undone = expectOk(await undo(update!.id, { by: 'Dr Lee' }));
    expect(undone.records).toBe(1);
    // Undo is a new write: the old values come back under the next revision.
    const restored = await getPatient(p.id);
    expect(withoutStamps(restored!)).toEqual(withoutStamps(p));
    expect(revNumber(restored?.rev)).toBe(3);
    const [undoEntry] = await listHistory({ recordId: p.id });
    expect(undoEntry).toMatchObject({
      action: 'undo',
      before: edited,
      after: restored,
      by: 'Dr Lee',
      undoOf: update!.groupId,
    });
  });

  it('an edit that changes nothing writes no history', async () => {
    const p = expectOk(await createPatient({ code: 'P-1', name: 'Same' }));
    expectOk(await updatePatient(p.id, { name: ' Same ' }, { base: p }));
    expect(await listHistory({ recordId: p.id })).toHaveLength(1);
  });

  it('refuses to change a code to one already in use', async () => {
    expectOk(await createPatient({ code: 'A-1' }));
    const b = expectOk(await createPatient({ code: 'B-1' }));
    expect(expectFailure(await updatePatient(b.id, { code: 'a-1' }, { base: b })).reason).toMatch(
      /already used/,
    );
    expect(await getPatient(b.id)).toEqual(b);
  });

  it('undo of a create deletes the record; undoing the undo brings it back (redo)', async () => {
    const p = expectOk(await createPatient({ code: 'P-1' }));
    const [create] = await listHistory({ recordId: p.id });
    expectOk(await undo(create!.id));
    expect(await getPatient(p.id)).toBeUndefined();
    const [undoEntry] = await listHistory({ recordId: p.id });
    expectOk(await undo(undoEntry!.id));
    expect(withoutStamps((await getPatient(p.id))!)).toEqual(withoutStamps(p));
  });

  it('refuses to undo a change when the record changed again afterwards', async () => {
    const p = expectOk(await createPatient({ code: 'P-1', name: 'A' }));
    expectOk(await updatePatient(p.id, { name: 'B' }, { base: p }));
    const [, create] = await listHistory({ recordId: p.id });
    const before = await dumpDatabase();
    expect(expectFailure(await undo(create!.id)).reason).toMatch(/changed again afterwards/);
    expect(await dumpDatabase()).toBe(before);
  });

  it('refuses to undo when the restored code is now used by another patient', async () => {
    const a = expectOk(await createPatient({ code: 'A-1' }));
    expectOk(await updatePatient(a.id, { code: 'A-2' }, { base: a }));
    expectOk(await createPatient({ code: 'A-1' }));
    const [rename] = await listHistory({ recordId: a.id });
    expect(expectFailure(await undo(rename!.id)).reason).toMatch(
      /"A-1" is now used by another patient/,
    );
  });

  it('deletes a patient with all its records in one change, and undo restores every one', async () => {
    const { patient } = await seedPatient();
    const full = await getPatientRecord(patient.id);
    const historyBefore = await db.history.count();
    const result = expectOk(await deletePatient(patient.id));
    expect(result.records).toBe(4); // patient, index event, visit, assessment
    expect(await getPatientRecord(patient.id)).toBeNull();
    expect(await db.events.count()).toBe(0);
    expect(await db.assessments.count()).toBe(0);
    const entries = await db.history.where('id').above(historyBefore).toArray();
    expect(entries).toHaveLength(4);
    expect(new Set(entries.map((e) => e.groupId)).size).toBe(1);
    expect(entries.every((e) => e.action === 'delete' && e.after === null)).toBe(true);

    expectOk(await undo(entries[0]!.id));
    expect(withoutStampsDeep(await getPatientRecord(patient.id))).toEqual(withoutStampsDeep(full));
  });

  it('refuses to undo a patient creation while the patient has records', async () => {
    const { patient } = await seedPatient();
    const create = (await listHistory({ recordId: patient.id })).at(-1)!;
    const failure = expectFailure(await undo(create.id));
    expect(failure.reason).toMatch(/records would remain for a patient that no longer exists/);
    expect(await getPatient(patient.id)).toBeDefined();
  });
});

describe('patient list', () => {
  beforeEach(async () => {
    expectOk(await createPatient({ code: 'DEZ-001', name: 'Hui Wang' }));
    expectOk(await createPatient({ code: 'DEZ-002', name: 'Anna Berg' }));
    expectOk(await createPatient({ code: 'KET-010', name: 'Wei Dezhong' }));
  });

  it.each([
    ['', ['DEZ-001', 'DEZ-002', 'KET-010']],
    ['dez', ['DEZ-001', 'DEZ-002', 'KET-010']], // codes DEZ-…, and the name Dezhong
    ['DEZ-00', ['DEZ-001', 'DEZ-002']],
    ['wang', ['DEZ-001']],
    ['  ANNA ', ['DEZ-002']],
    ['hui w', ['DEZ-001']],
    ['zzz', []],
  ])('search %j finds %j', async (search, codes) => {
    const list = await listPatients(search);
    expect(list.patients.map((p) => p.code)).toEqual(codes);
    expect(list.patientCount).toBe(3);
  });

  it('stops at the limit and says so', async () => {
    const list = await listPatients('', 2);
    expect(list.patients).toHaveLength(2);
    expect(list.truncated).toBe(true);
  });

  it('finds a patient by code ignoring case', async () => {
    expect((await findPatientByCode('ket-010'))?.name).toBe('Wei Dezhong');
  });
});

describe('erasure', () => {
  it('purges a patient with every record and all history, leaving other patients alone', async () => {
    const { patient } = await seedPatient('ERASE-1');
    const other = await seedPatient('KEEP-1', '2024-02-01');
    expectOk(await updatePatient(patient.id, { notes: 'x' }, { base: patient }));
    expect(await countPurge(patient.id)).toEqual({
      events: 1,
      visits: 1,
      assessments: 1,
      safetyAcks: 0,
      history: 5,
    });
    const purged = expectOk(await purgePatient(patient.id));
    expect(purged).toMatchObject({ code: 'ERASE-1', history: 5 });
    expect(await getPatientRecord(patient.id)).toBeNull();
    expect(await db.history.where('patientId').equals(patient.id).count()).toBe(0);
    expect(JSON.stringify(await db.history.toArray())).not.toContain('ERASE-1');
    expect(await getPatientRecord(other.patient.id)).not.toBeNull();
  });
});
