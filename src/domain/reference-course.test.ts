/**
 * The reference case: Wang H, Lyu N, Zhao Q. Case report: Dezocine's rapid and sustained
 * antidepressant effects. Front Pharmacol 2024;15:1411119 (CC BY), Table 1, as transcribed in
 * ../shared/reference/dezocine-case.md. Every expected figure below is either stated in the
 * report or computed by hand from Table 1 (the "Figures to expect" table of dezocine-case.md).
 */
import { describe, expect, it } from 'vitest';
import { courseFigures } from './course-figures';
import { severityOf } from './severity';
import { HAMD17 } from './scales/hamd17';
import { MADRS } from './scales/madrs';
import { PHQ9 } from './scales/phq9';
import { DARS } from './scales/dars';

// Timeline (dezocine-case.md): baseline 2023-11-24, dezocine 2023-11-30, weekly follow-ups.
import { INDEX_DATE, HAMD_TOTALS, follow } from './testing/reference-case';

describe('the course: response, remission, response lost, relapse (Wang 2024)', () => {
  it('the default baseline is the last assessment on or before the index event (2023-11-24)', () => {
    expect(follow(HAMD17).baselineIndex).toBe(0);
  });

  // Report: response (≥ 50 %) at weeks 1 and 2; HAMD-17 2 and 5 within remission (≤ 7, Frank 1991);
  // week 3 44.44 % (response lost, not relapse); week 4 HAMD-17 17 ≥ 16 (desvenlafaxine RCT).
  it('HAMD-17: remission at weeks 1 and 2, response lost at week 3, relapse at week 4', () => {
    const course = follow(HAMD17);
    expect(course.points.map((p) => p.status)).toEqual([
      'baseline',
      'remission',
      'remission',
      'response-lost',
      'relapse',
    ]);
    expect(course.points.map((p) => p.response)).toEqual([null, true, true, false, false]);
    expect(course.points.map((p) => p.remission)).toEqual([null, true, true, false, false]);
    expect(course.events.response?.id).toBe('w1');
    expect(course.events.remission?.id).toBe('w1');
    expect(course.events.responseLost?.id).toBe('w3');
    expect(course.events.relapse?.id).toBe('w4');
  });

  it('HAMD-17 week 3 is not a relapse (10 < 16)', () => {
    expect(follow(HAMD17).points[3]?.status).not.toBe('relapse');
  });

  // MADRS 22 ≥ 22 at week 4 (RESET NCT02371980); remission ≤ 10 at weeks 1 and 2 (4, 9).
  it('MADRS: remission at weeks 1 and 2, response lost at week 3, relapse at week 4 (≥ 22)', () => {
    const course = follow(MADRS);
    expect(course.points.map((p) => p.status)).toEqual([
      'baseline',
      'remission',
      'remission',
      'response-lost',
      'relapse',
    ]);
    expect(course.events.relapse?.id).toBe('w4');
  });

  // SUSTAIN-1 (Daly 2019) requires 2 consecutive visits ≥ 22: one high visit is not yet relapse.
  it('MADRS under the 2-consecutive rule: week 4 alone is not yet relapse (SUSTAIN-1)', () => {
    const course = follow(MADRS, 'ge22x2');
    expect(course.points[4]?.status).toBe('response-lost');
    expect(course.events.relapse).toBeUndefined();
  });

  // PHQ-9 remission < 5 (SUSTAIN-3) at weeks 1 and 2 (1, 2); week 4 12 ≥ 10 (Kroenke 2001 cut-off).
  it('PHQ-9: remission at weeks 1 and 2, response lost at week 3, relapse at week 4', () => {
    expect(follow(PHQ9).points.map((p) => p.status)).toEqual([
      'baseline',
      'remission',
      'remission',
      'response-lost',
      'relapse',
    ]);
  });

  it('HAMD-17 18 at baseline is Moderate (consensus, CamCOPS hamd.py); 2 at week 1 is None', () => {
    const at = (total: number) => {
      const r = severityOf(HAMD17, total);
      return r.ok ? r.value.band.label : r.reason;
    };
    expect(HAMD_TOTALS.map(at)).toEqual(['Moderate', 'None', 'None', 'Mild', 'Moderate']);
  });
});

describe('course figures, counted from the dezocine dose on 2023-11-30 (Wang 2024)', () => {
  const figures = courseFigures(HAMD17, follow(HAMD17), INDEX_DATE);

  it('origin is the index event', () => {
    expect(figures.origin).toEqual({ kind: 'index event', date: '2023-11-30' });
  });

  it('response and remission at 7 days', () => {
    expect(figures.timeToResponse).toBe(7);
    expect(figures.timeToRemission).toBe(7);
  });

  it('response lasted 14 days (2023-12-07 to the first visit without it, 2023-12-21)', () => {
    expect(figures.responseDuration).toEqual({ days: 14, ongoing: false });
  });

  it('relapse at 28 days', () => {
    expect(figures.timeToRelapse).toBe(28);
  });

  it('nadir HAMD-17 2 on 2023-12-07; last 17 on 2023-12-28', () => {
    expect(figures.best).toEqual({ id: 'w1', date: '2023-12-07', total: 2, days: 7 });
    expect(figures.last).toEqual({ id: 'w4', date: '2023-12-28', total: 17, days: 28 });
  });

  it('DARS best is 52 on 2023-12-07 (higher is better)', () => {
    expect(courseFigures(DARS, follow(DARS), INDEX_DATE).best).toMatchObject({
      total: 52,
      date: '2023-12-07',
    });
  });
});
