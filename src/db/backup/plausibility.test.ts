import { describe, expect, it } from 'vitest';
import type { Backup } from './backup-format';
import { localToday, plausibilityWarnings } from './plausibility';

const P = '00000000-0000-4000-8000-000000000001';
const at = '2024-01-01T00:00:00.000Z';

function backupWith(birthYear: number, visitDates: string[], eventDate = '2024-01-03'): Backup {
  return {
    format: 'trajectory-backup',
    formatVersion: 2,
    exportedAt: at,
    scope: 'all',
    patients: [{ id: P, code: 'DEZ-001', birthYear, createdAt: at, updatedAt: at }],
    events: [
      {
        id: 'e1',
        patientId: P,
        date: eventDate,
        kind: 'single-dose',
        label: 'dezocine',
        isIndex: true,
      },
    ],
    visits: visitDates.map((date, i) => ({
      id: `v${i}`,
      patientId: P,
      date,
      status: 'final' as const,
      createdAt: at,
      updatedAt: at,
    })),
    assessments: [],
    safetyAcks: [],
  };
}

describe('plausibility warnings', () => {
  it('finds nothing in a plausible file', () => {
    expect(plausibilityWarnings(backupWith(1980, ['2024-01-10']), '2026-12-02')).toEqual([]);
  });

  it('names the patient and the record of each date before 1900 or after today', () => {
    expect(
      plausibilityWarnings(
        backupWith(1980, ['1899-12-31', '2027-01-05'], '2031-02-01'),
        '2026-12-02',
      ),
    ).toEqual([
      'Patient DEZ-001, treatment event dezocine of 2031-02-01: the date 2031-02-01 is after today (2026-12-02).',
      'Patient DEZ-001, visit of 1899-12-31: the date 1899-12-31 is before 1900.',
      'Patient DEZ-001, visit of 1899-12-31: the birth year 1980 is after the visit.',
      'Patient DEZ-001, visit of 2027-01-05: the date 2027-01-05 is after today (2026-12-02).',
    ]);
  });

  it('names a birth year after a visit', () => {
    expect(plausibilityWarnings(backupWith(2025, ['2024-01-10']), '2026-12-02')).toEqual([
      'Patient DEZ-001, visit of 2024-01-10: the birth year 2025 is after the visit.',
    ]);
  });

  it('uses the local calendar date as today', () => {
    expect(localToday(new Date(2026, 11, 2, 23, 59))).toBe('2026-12-02');
  });
});
