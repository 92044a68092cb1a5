import { describe, expect, it } from 'vitest';
import { summariseCohort } from './cohort-summary';
import { cohortLongRows, LONG_COLUMNS } from './long-rows';
import { ARM_A, ARM_B, syntheticPatients } from './testing/synthetic-cohort';

const summary = summariseCohort({ arms: [ARM_A, ARM_B], patients: syntheticPatients() });
const rows = cohortLongRows(summary);

describe('cohortLongRows', () => {
  it('has one row per patient × visit × scale from the baseline on', () => {
    // MADRS: 5 + 5 + 2 + 5 + 3 + 4 visits; CGI-I: one per patient.
    expect(rows.filter((r) => r.scale === 'MADRS')).toHaveLength(24);
    expect(rows.filter((r) => r.scale === 'CGI-I')).toHaveLength(6);
  });
  it('marks the counted visit per window: A1 day 13 is week 2, day 15 is not', () => {
    const a1 = rows.filter((r) => r.patient_code === 'SYN-A1' && r.scale === 'MADRS');
    expect(a1.map((r) => [r.day, r.week, r.window_week, r.is_baseline])).toEqual([
      [-2, 0, null, 1],
      [7, 1, 1, 0],
      [13, 2, 2, 0],
      [15, 2, null, 0],
      [28, 4, 4, 0],
    ]);
  });
  it('carries baseline, change, percent change, response, remission and subscales', () => {
    const row = rows.find(
      (r) => r.patient_code === 'SYN-A2' && r.day === 21 && r.scale === 'MADRS',
    );
    expect(row).toMatchObject({
      arm: 'Drug A',
      total: 8,
      baseline: 24,
      change: -16,
      pct_change: -66.666667,
      response: 1,
      remission: 1,
      madrs_anhedonia: 4,
      madrs_anhedonia_change: -8,
      dars_hobbies: null,
    });
  });
  it('fills every column of every row (null, never undefined)', () => {
    for (const r of rows)
      expect(Object.keys(r).sort()).toEqual(LONG_COLUMNS.map((c) => c.name).sort());
  });
});
