import { beforeEach, describe, expect, it } from 'vitest';
import { saveDraftAssessment } from '../../src/db/assessments-repo';
import { db } from '../../src/db/db';
import { addEvent, deleteEvent, setIndexEvent, updateEvent } from '../../src/db/events-repo';
import { listHistory, undo } from '../../src/db/history-repo';
import { getPatientRecord } from '../../src/db/patient-queries';
import { createPatient } from '../../src/db/patients-repo';
import {
  createVisit,
  deleteVisit,
  finalizeVisit,
  getDraftVisit,
  updateVisit,
} from '../../src/db/visits-repo';
import {
  dumpDatabase,
  expectFailure,
  expectOk,
  freshDatabase,
  hamdItems,
  seedPatient,
  withoutStampsDeep,
} from './helpers';

beforeEach(freshDatabase);

const indexLabels = async (patientId: string) =>
  (await db.events.toArray())
    .filter((e) => e.patientId === patientId && e.isIndex)
    .map((e) => e.label);

describe('treatment events and the index event', () => {
  it('keeps at most one index event per patient: a new index clears the old one in the same change', async () => {
    const { patient, event } = await seedPatient();
    const other = expectOk(await createPatient({ code: 'OTHER' }));
    expectOk(
      await addEvent({
        patientId: other.id,
        date: '2024-01-01',
        kind: 'note',
        label: 'other index',
        isIndex: true,
      }),
    );
    const ketamine = expectOk(
      await addEvent({
        patientId: patient.id,
        date: '2024-02-01',
        kind: 'single-dose',
        label: 'ketamine',
        isIndex: true,
      }),
    );
    expect(await indexLabels(patient.id)).toEqual(['ketamine']);
    expect(await indexLabels(other.id)).toEqual(['other index']);
    const [cleared] = await listHistory({ recordId: event.id });
    const [created] = await listHistory({ recordId: ketamine.id });
    expect(cleared).toMatchObject({
      action: 'update',
      before: { isIndex: true },
      after: { isIndex: false },
    });
    expect(cleared!.groupId).toBe(created!.groupId);

    expectOk(await undo(created!.id));
    expect(await indexLabels(patient.id)).toEqual(['dezocine']);
  });

  it('setIndexEvent moves or clears the index in one change', async () => {
    const { patient } = await seedPatient();
    const bupropion = expectOk(
      await addEvent({
        patientId: patient.id,
        date: '2023-12-01',
        kind: 'medication-start',
        label: 'bupropion SR',
        dose: 150,
        unit: 'mg',
      }),
    );
    expect(expectOk(await setIndexEvent(patient.id, bupropion.id))?.isIndex).toBe(true);
    expect(await indexLabels(patient.id)).toEqual(['bupropion SR']);
    expect((await getPatientRecord(patient.id))?.indexEvent?.id).toBe(bupropion.id);
    expectOk(await setIndexEvent(patient.id, null));
    expect(await indexLabels(patient.id)).toEqual([]);
    expect(expectFailure(await setIndexEvent(patient.id, 'nope')).reason).toMatch(
      /no treatment event/,
    );
  });

  it('editing an event into the index clears the other; undo of an old index restore is refused if it would give two', async () => {
    const { patient, event } = await seedPatient();
    const second = expectOk(
      await addEvent({
        patientId: patient.id,
        date: '2024-02-01',
        kind: 'procedure',
        label: 'ECT',
      }),
    );
    expectOk(await deleteEvent(event.id));
    expectOk(await updateEvent(second.id, { isIndex: true }, { base: second }));
    const [deletion] = await listHistory({ recordId: event.id });
    const failure = expectFailure(await undo(deletion!.id));
    expect(failure.reason).toMatch(/2 index events \(dezocine, ECT\)/);
    expect(await indexLabels(patient.id)).toEqual(['ECT']);
  });

  it('checks event fields', async () => {
    const p = expectOk(await createPatient({ code: 'P' }));
    const failure = expectFailure(
      await addEvent({
        patientId: p.id,
        date: '2024-13-01',
        kind: 'procedure',
        label: '',
        dose: -1,
        endDate: '2023-01-01',
      }),
    );
    expect(failure.issues).toEqual([
      'date: must be a date written YYYY-MM-DD (got "2024-13-01")',
      'label: is required',
      'dose: must not be negative',
    ]);
    const backwards = expectFailure(
      await addEvent({
        patientId: p.id,
        date: '2024-02-01',
        kind: 'procedure',
        label: 'x',
        endDate: '2024-01-01',
      }),
    );
    expect(backwards.issues).toEqual(['endDate: must not be before the start date']);
    expect(
      expectFailure(
        await addEvent({ patientId: 'nobody', date: '2024-01-01', kind: 'note', label: 'x' }),
      ).reason,
    ).toMatch(/no patient/);
  });
});

describe('visits', () => {
  it('refuses a visit dated before the patient was born, on creation and on a date change', async () => {
    const patient = expectOk(await createPatient({ code: 'B-1', birthYear: 1970 }));
    const before = await dumpDatabase();
    const refused = expectFailure(await createVisit({ patientId: patient.id, date: '1969-12-31' }));
    expect(refused.reason).toBe(
      "The visit date 1969-12-31 is before B-1's birth year (1970). Check the year.",
    );
    expect(await dumpDatabase()).toBe(before);
    const visit = expectOk(await createVisit({ patientId: patient.id, date: '1970-01-01' }));
    const moved = expectFailure(
      await updateVisit(visit.id, { date: '1907-01-01' }, { base: visit }),
    );
    expect(moved.reason).toContain('is before B-1');
  });

  it('allows one draft visit per patient and one visit per date', async () => {
    const { patient, visit } = await seedPatient();
    expect((await getDraftVisit(patient.id))?.id).toBe(visit.id);
    expect(
      expectFailure(await createVisit({ patientId: patient.id, date: '2024-01-17' })).reason,
    ).toMatch(/already has a draft visit \(2024-01-10\)/);
    expectOk(await finalizeVisit(visit.id));
    expect(await getDraftVisit(patient.id)).toBeNull();
    expect(
      expectFailure(await createVisit({ patientId: patient.id, date: '2024-01-10' })).reason,
    ).toMatch(/already has a visit on 2024-01-10/);
  });

  it('allows several visits on one day with a time each, ordered by time (single-dose design)', async () => {
    const { patient } = await seedPatient();
    const draft = await getDraftVisit(patient.id);
    expectOk(await finalizeVisit(draft?.id ?? ''));
    const at = async (date: string, time?: string) => {
      const v = expectOk(
        await createVisit({ patientId: patient.id, date, ...(time ? { time } : {}) }),
      );
      expectOk(await finalizeVisit(v.id));
      return v;
    };
    const plus2 = await at('2024-01-20', '12:00');
    await at('2024-01-20', '08:00');
    expect(
      expectFailure(await createVisit({ patientId: patient.id, date: '2024-01-20', time: '12:00' }))
        .reason,
    ).toBe('P-001 already has a visit on 2024-01-20 at 12:00.');
    expect(
      expectFailure(await createVisit({ patientId: patient.id, date: '2024-01-20' })).reason,
    ).toMatch(/Give this visit its time of day too/);
    expect(
      expectFailure(await createVisit({ patientId: patient.id, date: '2024-01-20', time: '25:00' }))
        .reason,
    ).toMatch(/time: must be a time of day written HH:mm/);
    // A time moved onto another visit's time is refused; the stored visit keeps its own.
    expect(
      expectFailure(await updateVisit(plus2.id, { time: '08:00' }, { base: plus2 })).reason,
    ).toBe('P-001 already has a visit on 2024-01-20 at 08:00.');
    const moved = expectOk(await updateVisit(plus2.id, { time: '14:00' }, { base: plus2 }));
    expect(moved.time).toBe('14:00');
    const record = await getPatientRecord(patient.id);
    expect(record?.visits.map((v) => `${v.date} ${v.time ?? ''}`.trim())).toEqual([
      '2024-01-10',
      '2024-01-20 08:00',
      '2024-01-20 14:00',
    ]);
    // Clearing the time of one of two visits that day would make them indistinguishable.
    expect(
      expectFailure(await updateVisit(moved.id, { time: null }, { base: moved })).reason,
    ).toMatch(/Give this visit its time of day too/);
  });

  it('finalizes the visit and all its assessments in one change, which undo reverses', async () => {
    const { visit, hamd } = await seedPatient();
    const madrs = expectOk(
      await saveDraftAssessment({
        visitId: visit.id,
        scaleId: 'MADRS',
        entry: { mode: 'summary', total: 20, subscales: {}, items: {} },
      }),
    );
    const final = expectOk(await finalizeVisit(visit.id, { by: 'Dr Lee' }));
    expect(final).toMatchObject({ status: 'final', finalizedAt: expect.any(String) as string });
    const stored = await db.assessments.where('visitId').equals(visit.id).toArray();
    expect(stored.map((a) => a.status)).toEqual(['final', 'final']);
    const [entry] = await listHistory({ recordId: visit.id });
    const group = await db.history.where('groupId').equals(entry!.groupId).toArray();
    expect(group.map((e) => e.recordId).sort()).toEqual([visit.id, hamd.id, madrs.id].sort());
    expect(expectFailure(await finalizeVisit(visit.id)).reason).toMatch(/already final/);

    expectOk(await undo(entry!.id));
    expect((await db.visits.get(visit.id))?.status).toBe('draft');
    expect((await db.assessments.get(hamd.id))?.status).toBe('draft');
  });

  it('moves the assessments with the visit date, and undo moves them back', async () => {
    const { visit, hamd } = await seedPatient();
    expectOk(await updateVisit(visit.id, { date: '2024-01-11', notes: 'moved' }, { base: visit }));
    expect((await db.assessments.get(hamd.id))?.date).toBe('2024-01-11');
    const [edit] = await listHistory({ recordId: visit.id });
    expectOk(await undo(edit!.id));
    expect((await db.assessments.get(hamd.id))?.date).toBe('2024-01-10');
    expect(withoutStampsDeep(await db.visits.get(visit.id))).toEqual(withoutStampsDeep(visit));
  });

  it('refuses a new date that another visit has', async () => {
    const { patient, visit } = await seedPatient();
    expectOk(await finalizeVisit(visit.id));
    const second = expectOk(await createVisit({ patientId: patient.id, date: '2024-01-17' }));
    expect(
      expectFailure(await updateVisit(second.id, { date: '2024-01-10' }, { base: second })).reason,
    ).toMatch(/already has a visit/);
  });

  it('deletes a visit with its assessments in one change; undo restores them', async () => {
    const { patient, visit } = await seedPatient();
    const before = await getPatientRecord(patient.id);
    expect(expectOk(await deleteVisit(visit.id)).records).toBe(2);
    expect(await db.assessments.count()).toBe(0);
    const [deletion] = await listHistory({ recordId: visit.id });
    expectOk(await undo(deletion!.id));
    expect(withoutStampsDeep(await getPatientRecord(patient.id))).toEqual(
      withoutStampsDeep(before),
    );
  });

  it('a failed write leaves the database unchanged', async () => {
    const { visit } = await seedPatient();
    const before = await dumpDatabase();
    expectFailure(await updateVisit(visit.id, { date: 'yesterday' }, { base: visit }));
    expectFailure(
      await saveDraftAssessment({ visitId: visit.id, scaleId: 'HAMD-17', entry: hamdItems(9) }),
    );
    expect(await dumpDatabase()).toBe(before);
  });
});
