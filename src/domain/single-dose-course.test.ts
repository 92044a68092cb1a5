import { describe, expect, it } from 'vitest';
import type { AssessmentEntry } from './assessment';
import { buildCourseTable } from './course-table';
import { buildPatientCourses } from './patient-course';

/**
 * A single-dose design on the reference patient: pre-dose, +2 h, +24 h and day 7 around
 * the dezocine dose of 2023-11-30 (given at 10:00 here; the report gives no hour), after
 * the enrolment baseline of 2023-11-24. The in-between HAMD-17 totals are invented for the
 * design; 18 and 2 are Table 1's baseline and week 1.
 */
const total = (t: number): AssessmentEntry => ({
  mode: 'summary',
  total: t,
  subscales: {},
  items: {},
});
const visits = [
  { id: 'd7', date: '2023-12-07' },
  { id: 'plus24', date: '2023-12-01', time: '10:00' },
  { id: 'plus2', date: '2023-11-30', time: '12:00' },
  { id: 'pre', date: '2023-11-30', time: '08:00' },
  { id: 'enrol', date: '2023-11-24' },
];
const totals: Record<string, number> = { enrol: 18, pre: 17, plus2: 12, plus24: 8, d7: 2 };
const assessments = visits.map((v) => ({
  id: `a-${v.id}`,
  visitId: v.id,
  scaleId: 'HAMD-17' as const,
  entry: total(totals[v.id] ?? 0),
}));

describe('a single-dose design with several visits on the dose day', () => {
  it('orders the visits by time and takes the pre-dose rating as baseline when the dose has a time', () => {
    const [hamd] = buildPatientCourses(visits, assessments, {
      indexDate: '2023-11-30',
      indexTime: '10:00',
    });
    expect(hamd?.course.points.map((p) => [p.id, p.time ?? null, p.status])).toEqual([
      ['enrol', null, 'before-baseline'],
      ['pre', '08:00', 'baseline'],
      ['plus2', '12:00', 'no-response'],
      ['plus24', '10:00', 'response'],
      ['d7', null, 'remission'],
    ]);
  });

  it('without a dose time counts every visit of the dose day as on the day (the last is baseline)', () => {
    const [hamd] = buildPatientCourses(visits, assessments, { indexDate: '2023-11-30' });
    expect(hamd?.course.points[hamd.course.baselineIndex ?? -1]?.id).toBe('plus2');
  });

  it('shows each visit time in the course table column', () => {
    const courses = buildPatientCourses(visits, assessments, {
      indexDate: '2023-11-30',
      indexTime: '10:00',
    });
    const { columns } = buildCourseTable(courses, '2023-11-30');
    expect(columns.map((c) => `${c.date} ${c.time ?? '-'} ${c.sinceIndex ?? ''}`)).toEqual([
      '2023-11-24 - −6 d',
      '2023-11-30 08:00 day 0',
      '2023-11-30 12:00 day 0',
      '2023-12-01 10:00 1 d',
      '2023-12-07 - 1 wk',
    ]);
  });
});
