import { describe, expect, it } from 'vitest';
import { buildCourseTable } from '../../domain/course-table';
import { buildPatientCourses } from '../../domain/patient-course';
import { printRows } from './sheet-rows';

// Reference case, Table 1 (Wang, Lyu & Zhao 2024): HAMD-17 and DARS totals.
const DATES = ['2023-11-24', '2023-12-07', '2023-12-14', '2023-12-21', '2023-12-28'];
const visits = DATES.map((date, i) => ({ id: `v${i}`, date }));
const summary = (total: number) => ({ mode: 'summary' as const, total, subscales: {}, items: {} });
const assessments = [
  ...[18, 2, 5, 10, 17].map((t, i) => ({
    id: `h${i}`,
    visitId: `v${i}`,
    scaleId: 'HAMD-17' as const,
    entry: summary(t),
  })),
  ...[17, 52, 49, 35, 28].map((t, i) => ({
    id: `d${i}`,
    visitId: `v${i}`,
    scaleId: 'DARS' as const,
    entry: summary(t),
  })),
];
const { rows } = buildCourseTable(
  buildPatientCourses(visits, assessments, { indexDate: '2023-11-30' }),
  '2023-11-30',
);
const printed = printRows(rows);
const row = (key: string) => printed.find((r) => r.key === key);

describe('printRows', () => {
  it('prints change and percent reduction in one row, as published', () => {
    expect(row('HAMD-17:change')?.label).toBe('Change from baseline: points (% reduction)');
    expect(row('HAMD-17:change')?.cells.map((c) => c.text)).toEqual([
      '—',
      '−16 (88.89 %)',
      '−13 (72.22 %)',
      '−8 (44.44 %)',
      '−1 (5.56 %)',
    ]);
    expect(row('HAMD-17:percent')).toBeUndefined();
  });

  it('prints the DARS increase as a signed percent change', () => {
    expect(row('DARS:change')?.label).toBe('Change from baseline: points (% change)');
    expect(row('DARS:change')?.cells[1]?.text).toBe('+35 (+205.88 %)');
  });

  it('says reliable change in one word and keeps every other row', () => {
    expect(row('HAMD-17:reliable')?.cells.map((c) => c.text)).toEqual([
      '—',
      'improved',
      'improved',
      'improved',
      'none',
    ]);
    expect(printed).toHaveLength(rows.length - 2);
    expect(row('HAMD-17:status')).toEqual(rows.find((r) => r.key === 'HAMD-17:status'));
  });
});
