import { describe, expect, it } from 'vitest';
import { buildPatientCourses } from '../../domain/patient-course';
import { TABLE_1 } from '../../domain/testing/table-1';
import { eventsForCharts, eventsForTable, isCut, windowCourses } from './summary-window';

// The reference case's visit dates (Wang, Lyu & Zhao 2024, Table 1) with HAMD-17 and DARS totals.
const DATES = TABLE_1.dates;
const HAMD = TABLE_1['HAMD-17'].total;
const DARS = TABLE_1.DARS.total;
const visits = DATES.map((date, i) => ({ id: `v${i}`, date }));
const summary = (total: number) => ({ mode: 'summary' as const, total, subscales: {}, items: {} });
const assessments = [
  ...HAMD.map((t, i) => ({
    id: `h${i}`,
    visitId: `v${i}`,
    scaleId: 'HAMD-17' as const,
    entry: summary(t),
  })),
  ...DARS.map((t, i) => ({
    id: `d${i}`,
    visitId: `v${i}`,
    scaleId: 'DARS' as const,
    entry: summary(t),
  })),
];
const courses = buildPatientCourses(visits, assessments, { indexDate: '2023-11-30' });
const all = new Set(['HAMD-17', 'DARS'] as const);

describe('windowCourses', () => {
  it('keeps every visit of the chosen scales for the whole course', () => {
    const shown = windowCourses(courses, all, { from: null, to: null });
    expect(shown.map((c) => c.scale.id)).toEqual(['HAMD-17', 'DARS']);
    expect(shown[0]?.course.points.map((p) => p.total)).toEqual(HAMD);
    expect(isCut(courses, { from: null, to: null })).toBe(false);
  });

  it('leaves out unchosen scales', () => {
    expect(
      windowCourses(courses, new Set(['DARS'] as const), { from: null, to: null }).map(
        (c) => c.scale.id,
      ),
    ).toEqual(['DARS']);
  });

  it('keeps the baseline with a range that starts later, and counts change from it', () => {
    const range = { from: '2023-12-14', to: '2023-12-21' };
    const [hamd] = windowCourses(courses, all, range);
    expect(hamd?.course.points.map((p) => p.date)).toEqual([
      '2023-11-24',
      '2023-12-14',
      '2023-12-21',
    ]);
    expect(hamd?.course.baselineIndex).toBe(0);
    // 2 wk: (18 - 5) / 18 = 72.22 %, from the true baseline.
    expect(hamd?.course.points[1]?.change?.percentImprovement).toBeCloseTo(72.222, 2);
    expect(hamd?.course.points[2]?.status).toBe('response-lost');
    expect(isCut(courses, range)).toBe(true);
  });

  it('keeps the same columns for every scale', () => {
    const shown = windowCourses(courses, all, { from: '2023-12-20', to: null });
    expect(shown.map((c) => c.course.points.map((p) => p.id))).toEqual([
      ['v0', 'v3', 'v4'],
      ['v0', 'v3', 'v4'],
    ]);
  });
});

const events = [
  { id: 'bup', date: '2023-08-24', isIndex: false },
  { id: 'rhino', date: '2023-11-29', endDate: '2023-12-01', isIndex: false },
  { id: 'dez', date: '2023-11-30', isIndex: true },
  { id: 'late', date: '2024-02-01', isIndex: false },
];

describe('events', () => {
  it('lists earlier treatment in the table, up to the end of the range', () => {
    expect(
      eventsForTable(events, { from: '2023-12-01', to: '2023-12-31' }).map((e) => e.id),
    ).toEqual(['bup', 'rhino', 'dez']);
    expect(eventsForTable(events, { from: null, to: null })).toHaveLength(4);
  });

  it('draws only events within the visits shown, and always the index event', () => {
    expect(eventsForCharts(events, DATES).map((e) => e.id)).toEqual(['rhino', 'dez']);
    expect(eventsForCharts(events, ['2023-12-21', '2023-12-28']).map((e) => e.id)).toEqual(['dez']);
    expect(eventsForCharts(events, []).map((e) => e.id)).toEqual(['dez']);
  });
});
