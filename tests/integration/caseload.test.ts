// Issue 14: the caseload's read and the expected interval on the patient record.
import { beforeEach, describe, expect, it } from 'vitest';
import { readCaseloadRecords } from '../../src/db/caseload-queries';
import { createPatient, updatePatient } from '../../src/db/patients-repo';
import { createVisit, finalizeVisit } from '../../src/db/visits-repo';
import { expectFailure, expectOk, freshDatabase, seedPatient } from './helpers';

beforeEach(freshDatabase);

describe('the caseload read', () => {
  it('gives finished visits and assessments, and a visit in progress apart', async () => {
    const { patient, event, visit, hamd } = await seedPatient('P-001', '2024-01-10');
    expectOk(await finalizeVisit(visit.id));
    const draft = expectOk(await createVisit({ patientId: patient.id, date: '2024-01-17' }));
    const never = expectOk(await createPatient({ code: 'P-002', expectedIntervalDays: 14 }));
    const records = await readCaseloadRecords();
    const byCode = new Map(records.map((r) => [r.patient.code, r]));
    const first = byCode.get('P-001');
    expect(first?.indexDate).toBe(event.date);
    expect(first?.visits.map((v) => v.id)).toEqual([visit.id]);
    expect(first?.assessments.map((a) => a.id)).toEqual([hamd.id]);
    expect(first?.draftDate).toBe(draft.date);
    expect(byCode.get('P-002')).toMatchObject({
      patient: { id: never.id, expectedIntervalDays: 14 },
      indexDate: null,
      visits: [],
      assessments: [],
      draftDate: null,
    });
  });
});

describe('the expected interval between visits', () => {
  it('is stored when set, cleared back to weekly, and refused out of range', async () => {
    const patient = expectOk(await createPatient({ code: 'P-001' }));
    expect(patient.expectedIntervalDays).toBeUndefined();
    const monthly = expectOk(
      await updatePatient(patient.id, { expectedIntervalDays: 28 }, { base: patient }),
    );
    expect(monthly.expectedIntervalDays).toBe(28);
    const cleared = expectOk(
      await updatePatient(patient.id, { expectedIntervalDays: null }, { base: monthly }),
    );
    expect(cleared.expectedIntervalDays).toBeUndefined();
    const refused = expectFailure(
      await updatePatient(patient.id, { expectedIntervalDays: 0 }, { base: cleared }),
    );
    expect(refused.issues).toEqual(['expectedIntervalDays: must be at least 1 day']);
    expect(
      expectFailure(await createPatient({ code: 'P-002', expectedIntervalDays: 2.5 })).issues,
    ).toEqual(['expectedIntervalDays: must be a whole number of days']);
  });
});
