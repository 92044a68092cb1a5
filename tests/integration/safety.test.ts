import { beforeEach, describe, expect, it } from 'vitest';
import { saveDraftAssessment, updateFinalAssessment } from '../../src/db/assessments-repo';
import { listHistory } from '../../src/db/history-repo';
import { acknowledgeSafetyFlag, listOpenSafetyFlags } from '../../src/db/safety-repo';
import { finalizeVisit } from '../../src/db/visits-repo';
import { expectFailure, expectOk, freshDatabase, hamdItems, phq9, seedPatient } from './helpers';

beforeEach(freshDatabase);

describe('safety flags', () => {
  it('flags a draft at threshold, for the patient and in the all-patients list', async () => {
    const { patient, visit } = await seedPatient();
    const other = await seedPatient('P-002');
    expect(await listOpenSafetyFlags()).toEqual([]);
    const a = expectOk(
      await saveDraftAssessment({ visitId: visit.id, scaleId: 'PHQ-9', entry: phq9(1) }),
    );
    expectOk(
      await saveDraftAssessment({ visitId: other.visit.id, scaleId: 'PHQ-9', entry: phq9(0) }),
    );
    expect(a.flaggedItems).toEqual([9]);
    const flags = await listOpenSafetyFlags(patient.id);
    expect(flags).toEqual([
      expect.objectContaining({
        patientCode: 'P-001',
        assessmentId: a.id,
        scaleId: 'PHQ-9',
        item: 9,
        value: 1,
        minValue: 1,
        status: 'draft',
      }),
    ]);
    expect(await listOpenSafetyFlags()).toEqual(flags);
    expect(await listOpenSafetyFlags(other.patient.id)).toEqual([]);
  });

  it('HAMD-17 item 3 flags at 2, not at 1', async () => {
    const { patient, visit } = await seedPatient();
    expectOk(
      await saveDraftAssessment({
        visitId: visit.id,
        scaleId: 'HAMD-17',
        entry: hamdItems(0, 0, 1),
      }),
    );
    expect(await listOpenSafetyFlags(patient.id)).toEqual([]);
    expectOk(
      await saveDraftAssessment({
        visitId: visit.id,
        scaleId: 'HAMD-17',
        entry: hamdItems(0, 0, 2),
      }),
    );
    expect(
      (await listOpenSafetyFlags(patient.id)).map((f) => [f.scaleId, f.item, f.value]),
    ).toEqual([['HAMD-17', 3, 2]]);
  });

  it('stays open until acknowledged, and opens again when the value changes', async () => {
    const { patient, visit } = await seedPatient();
    const a = expectOk(
      await saveDraftAssessment({ visitId: visit.id, scaleId: 'PHQ-9', entry: phq9(1) }),
    );
    const ack = expectOk(
      await acknowledgeSafetyFlag({
        assessmentId: a.id,
        item: 9,
        acknowledgedBy: 'Dr Lee',
        note: 'Safety plan made',
      }),
    );
    expect(ack).toMatchObject({ patientId: patient.id, scaleId: 'PHQ-9', value: 1 });
    expect(await listOpenSafetyFlags()).toEqual([]);
    expect((await listHistory({ recordId: ack.id }))[0]).toMatchObject({
      action: 'create',
      by: 'Dr Lee',
    });
    expect(
      expectFailure(
        await acknowledgeSafetyFlag({ assessmentId: a.id, item: 9, acknowledgedBy: 'x' }),
      ).reason,
    ).toMatch(/already acknowledged/);

    expectOk(await finalizeVisit(visit.id));
    expectOk(
      await updateFinalAssessment({
        visitId: visit.id,
        scaleId: 'PHQ-9',
        entry: phq9(3),
        base: a.entry,
      }),
    );
    expect((await listOpenSafetyFlags()).map((f) => [f.value, f.status])).toEqual([[3, 'final']]);
  });

  it('refuses to acknowledge what is not flagged', async () => {
    const { hamd } = await seedPatient();
    expect(
      expectFailure(
        await acknowledgeSafetyFlag({ assessmentId: hamd.id, item: 3, acknowledgedBy: 'x' }),
      ).reason,
    ).toMatch(/HAMD-17 item 3 of 2024-01-10 is not flagged/);
  });
});
