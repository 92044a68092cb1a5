import { describe, expect, it } from 'vitest';
import { analyseCourse, type CourseInput } from './course';
import { courseFigures } from './course-figures';
import { HAMD17 } from './scales/hamd17';
import { DARS } from './scales/dars';

const points = (totals: readonly (number | null)[], dates: readonly string[]): CourseInput[] =>
  totals.map((total, i) => ({ id: `v${i}`, date: dates[i]!, total }));

const DATES = ['2024-01-01', '2024-01-08', '2024-01-15', '2024-01-22', '2024-01-29'];

describe('courseFigures', () => {
  it('days are counted from the index event when there is one', () => {
    const course = analyseCourse(HAMD17, points([20, 9, 6, 12, 17], DATES), {
      indexDate: '2024-01-03',
    });
    const f = courseFigures(HAMD17, course, '2024-01-03');
    expect(f.origin).toEqual({ kind: 'index event', date: '2024-01-03' });
    expect(f.timeToResponse).toBe(5);
    expect(f.timeToRemission).toBe(12);
    // First response 2024-01-08, first visit no longer meeting it 2024-01-22: 14 days.
    expect(f.responseDuration).toEqual({ days: 14, ongoing: false });
    expect(f.timeToRelapse).toBe(26);
    expect(f.best).toEqual({ id: 'v2', date: '2024-01-15', total: 6, days: 12 });
    expect(f.last).toEqual({ id: 'v4', date: '2024-01-29', total: 17, days: 26 });
  });

  it('without an index event, days are counted from the baseline', () => {
    const course = analyseCourse(HAMD17, points([20, 9], DATES));
    const f = courseFigures(HAMD17, course);
    expect(f.origin).toEqual({ kind: 'baseline', date: '2024-01-01' });
    expect(f.timeToResponse).toBe(7);
    expect(f.timeToRemission).toBeNull();
    expect(f.timeToRelapse).toBeNull();
  });

  it('a response still held at the last visit is ongoing', () => {
    const course = analyseCourse(HAMD17, points([20, 9, 8, null], DATES));
    expect(courseFigures(HAMD17, course).responseDuration).toEqual({ days: 7, ongoing: true });
  });

  it('no response: no duration, no times', () => {
    const course = analyseCourse(HAMD17, points([20, 18, 30], DATES));
    const f = courseFigures(HAMD17, course);
    expect(f).toMatchObject({ timeToResponse: null, responseDuration: null, timeToRelapse: null });
    expect(f.best?.total).toBe(18);
  });

  it('points before the baseline are not the best, and gaps are skipped', () => {
    const course = analyseCourse(HAMD17, points([3, 20, null, 12], DATES), {
      indexDate: '2024-01-10',
    });
    const f = courseFigures(HAMD17, course, '2024-01-10');
    expect(f.best?.total).toBe(12);
    expect(f.last?.id).toBe('v3');
  });

  // Rizvi 2015: higher DARS = less anhedonia, so the best point is the highest.
  it('DARS: the best point is the highest (Rizvi 2015)', () => {
    const course = analyseCourse(DARS, points([17, 52, 49, 35, 28], DATES));
    const f = courseFigures(DARS, course);
    expect(f.best).toMatchObject({ total: 52, date: '2024-01-08', days: 7 });
    expect(f.responseDuration).toBeNull();
  });

  it('no points at all: no origin, nothing to report', () => {
    const course = analyseCourse(HAMD17, []);
    expect(courseFigures(HAMD17, course)).toEqual({
      origin: null,
      timeToResponse: null,
      timeToRemission: null,
      responseDuration: null,
      timeToRelapse: null,
      best: null,
      last: null,
    });
  });
});
