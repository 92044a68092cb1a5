import { act, renderHook, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { saveDraftAssessment } from '../../src/db/assessments-repo';
import { useHistory } from '../../src/db/history-hooks';
import {
  useDraftVisit,
  useMeta,
  useOpenSafetyFlags,
  usePatientList,
  usePatientRecord,
} from '../../src/db/hooks';
import { setMeta } from '../../src/db/meta-repo';
import { createPatient, updatePatient } from '../../src/db/patients-repo';
import { finalizeVisit } from '../../src/db/visits-repo';
import { expectOk, freshDatabase, phq9, seedPatient } from './helpers';

beforeEach(freshDatabase);

describe('live hooks follow the database', () => {
  it('usePatientList updates when a patient is added', async () => {
    const { result } = renderHook(() => usePatientList('de'));
    await waitFor(() => expect(result.current?.patients).toEqual([]));
    await act(async () => {
      expectOk(await createPatient({ code: 'DEZ-001' }));
    });
    await waitFor(() => expect(result.current?.patients.map((p) => p.code)).toEqual(['DEZ-001']));
  });

  it('usePatientRecord, useHistory, useDraftVisit and useOpenSafetyFlags follow writes', async () => {
    const { patient, visit } = await seedPatient();
    const { result } = renderHook(() => ({
      record: usePatientRecord(patient.id),
      history: useHistory({ patientId: patient.id }),
      draft: useDraftVisit(patient.id),
      flags: useOpenSafetyFlags(),
    }));
    await waitFor(() => expect(result.current.record?.patient.code).toBe('P-001'));
    expect(result.current.draft?.id).toBe(visit.id);
    await act(async () => {
      expectOk(await updatePatient(patient.id, { code: 'P-009' }, { base: patient }));
      expectOk(await saveDraftAssessment({ visitId: visit.id, scaleId: 'PHQ-9', entry: phq9(2) }));
      expectOk(await finalizeVisit(visit.id));
    });
    await waitFor(() => expect(result.current.record?.patient.code).toBe('P-009'));
    await waitFor(() => expect(result.current.draft).toBeNull());
    await waitFor(() =>
      expect(result.current.flags?.map((f) => [f.patientCode, f.item])).toEqual([['P-009', 9]]),
    );
    expect(result.current.history?.[0]?.operation).toBe('finalize visit 2024-01-10');
  });

  it('usePatientRecord gives null for an unknown patient, useMeta null for an unset key', async () => {
    const { result } = renderHook(() => ({
      record: usePatientRecord('nobody'),
      header: useMeta('clinicHeader'),
    }));
    await waitFor(() => expect(result.current.record).toBeNull());
    expect(result.current.header).toBeNull();
    await act(() => setMeta('clinicHeader', 'Mood clinic'));
    await waitFor(() => expect(result.current.header).toBe('Mood clinic'));
  });
});
