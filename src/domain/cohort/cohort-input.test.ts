import { describe, expect, it } from 'vitest';
import { enrolledCohortPatients, type RecordView } from './cohort-input';

const record = (id: string, indexDate: string | null): RecordView => ({
  patient: { id, code: id.toUpperCase() },
  indexEvent: indexDate ? { date: indexDate, label: 'dezocine', drug: 'dezocine' } : null,
  visits: [
    { id: `${id}-v1`, date: '2024-01-01', status: 'final' },
    { id: `${id}-v2`, date: '2024-01-08', status: 'draft' },
  ],
  assessments: [],
});

describe('a stored cohort as cohort input', () => {
  it('puts each enrolled patient in their stored arm, keeps one without an index event, leaves out the rest', () => {
    const records = [record('a', '2024-01-01'), record('b', null), record('c', '2024-01-02')];
    const patients = enrolledCohortPatients(records, [
      { patientId: 'b', armId: 'arm-2' },
      { patientId: 'a', armId: 'arm-1' },
    ]);
    expect(patients.map((p) => [p.code, p.armId, p.indexDate, p.visits.length])).toEqual([
      ['A', 'arm-1', '2024-01-01', 1],
      ['B', 'arm-2', null, 1],
    ]);
  });
});
