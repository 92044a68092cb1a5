import { describe, expect, it } from 'vitest';
import { buildCourseTable } from './course-table';
import { buildPatientCourses } from './patient-course';
import {
  SINGLE_DOSE_ASSESSMENTS as assessments,
  SINGLE_DOSE_INDEX,
  SINGLE_DOSE_VISITS as visits,
} from './testing/single-dose';
import { hoursFromIndexPhrase } from './visit-time';

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

  it('names each visit in hours from a timed dose in the course table, not "day 0" twice', () => {
    const courses = buildPatientCourses(visits, assessments, {
      indexDate: '2023-11-30',
      indexTime: '10:00',
    });
    const { columns } = buildCourseTable(courses, SINGLE_DOSE_INDEX);
    expect(columns.map((c) => `${c.date} ${c.time ?? '-'} ${c.sinceIndex ?? ''}`)).toEqual([
      '2023-11-24 - −6 d',
      '2023-11-30 08:00 −2 h',
      '2023-11-30 12:00 +2 h',
      '2023-12-01 10:00 +24 h',
      '2023-12-07 - 1 wk',
    ]);
  });

  it('gives the day and the clock time when the dose has no time', () => {
    const courses = buildPatientCourses(visits, assessments, { indexDate: '2023-11-30' });
    const { columns } = buildCourseTable(courses, '2023-11-30');
    expect(columns.map((c) => c.sinceIndex)).toEqual([
      '−6 d',
      'day 0, 08:00',
      'day 0, 12:00',
      '1 d, 10:00',
      '1 wk',
    ]);
  });

  it('words the visit heading in hours near a timed dose, and leaves later visits to days', () => {
    const phrase = (v: { date: string; time?: string }) =>
      hoursFromIndexPhrase(v, SINGLE_DOSE_INDEX, 'dezocine');
    expect(phrase({ date: '2023-11-30', time: '08:00' })).toBe('2 hours before dezocine');
    expect(phrase({ date: '2023-11-30', time: '10:00' })).toBe('at the time of dezocine');
    expect(phrase({ date: '2023-11-30', time: '12:30' })).toBe('2.5 hours after dezocine');
    expect(phrase({ date: '2023-12-01', time: '10:00' })).toBe('24 hours after dezocine');
    expect(phrase({ date: '2023-12-07', time: '10:00' })).toBeNull();
    expect(phrase({ date: '2023-11-30' })).toBeNull();
  });
});
