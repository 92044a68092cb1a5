import { describe, expect, it } from 'vitest';
import { buildCourseTable } from '../../domain/course-table';
import { buildPatientCourses } from '../../domain/patient-course';
import { TABLE_1 } from '../../domain/testing/table-1';
import { printRows, splitColumns } from './sheet-rows';

// Reference case, Table 1 (Wang, Lyu & Zhao 2024): HAMD-17 and DARS totals.
const visits = TABLE_1.dates.map((date, i) => ({ id: `v${i}`, date }));
const summary = (total: number) => ({ mode: 'summary' as const, total, subscales: {}, items: {} });
const assessments = [
  ...TABLE_1['HAMD-17'].total.map((t, i) => ({
    id: `h${i}`,
    visitId: `v${i}`,
    scaleId: 'HAMD-17' as const,
    entry: summary(t),
  })),
  ...TABLE_1.DARS.total.map((t, i) => ({
    id: `d${i}`,
    visitId: `v${i}`,
    scaleId: 'DARS' as const,
    entry: summary(t),
  })),
];
const { rows } = buildCourseTable(
  buildPatientCourses(visits, assessments, { indexDate: TABLE_1.indexDate }),
  TABLE_1.indexDate,
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

describe('splitColumns', () => {
  const col = (i: number, isBaseline = false) => ({
    visitId: `v${i}`,
    date: `2024-01-${String(i + 1).padStart(2, '0')}`,
    sinceIndex: null,
    isBaseline,
  });
  const table = (n: number) => ({
    columns: Array.from({ length: n }, (_, i) => col(i, i === 0)),
    rows: [
      {
        key: 'x',
        scaleId: 'PHQ-9',
        label: 'PHQ-9 total',
        kind: 'total' as const,
        cells: Array.from({ length: n }, (_, i) => ({ text: String(i) })),
      },
    ],
  });

  it('keeps a table that fits as it is', () => {
    expect(splitColumns(table(6), 6)).toHaveLength(1);
  });

  it('splits a long course into parts that each repeat the baseline', () => {
    const parts = splitColumns(table(17), 6);
    expect(parts.map((p) => p.columns.map((c) => c.visitId))).toEqual([
      ['v0', 'v1', 'v2', 'v3', 'v4', 'v5'],
      ['v0', 'v6', 'v7', 'v8', 'v9', 'v10'],
      ['v0', 'v11', 'v12', 'v13', 'v14', 'v15'],
      ['v0', 'v16'],
    ]);
    expect(parts[3]?.rows[0]?.cells.map((c) => c.text)).toEqual(['0', '16']);
  });
});
