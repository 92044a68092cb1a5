/**
 * The reference case: Wang H, Lyu N, Zhao Q. Case report: Dezocine's rapid and sustained
 * antidepressant effects. Front Pharmacol 2024;15:1411119 (CC BY), Table 1, as transcribed in
 * ../shared/reference/dezocine-case.md. Every expected figure below is either stated in the
 * report or computed by hand from Table 1 (the "Figures to expect" table of dezocine-case.md).
 */
import { describe, expect, it } from 'vitest';
import type { SummaryEntry } from './assessment';
import { analyseCourse, type Course, type CourseInput } from './course';
import { courseFigures } from './course-figures';
import { changeFromBaseline, type Change } from './change';
import { formatPercent, formatSigned, round } from './format';
import { safetyChecks } from './safety';
import { scoreEntry } from './scoring';
import { severityOf } from './severity';
import { validateSummary } from './validation';
import type { ScaleDefinition } from './scale-types';
import { HAMD17 } from './scales/hamd17';
import { MADRS } from './scales/madrs';
import { PHQ9 } from './scales/phq9';
import { DARS } from './scales/dars';

// Timeline (dezocine-case.md): baseline 2023-11-24, dezocine 2023-11-30, weekly follow-ups.
const INDEX_DATE = '2023-11-30';
const DATES = ['2023-11-24', '2023-12-07', '2023-12-14', '2023-12-21', '2023-12-28'] as const;
const IDS = ['baseline', 'w1', 'w2', 'w3', 'w4'] as const;

// Table 1 (Wang 2024): baseline, 1, 2, 3, 4 weeks after the dezocine dose.
const HAMD_TOTALS = [18, 2, 5, 10, 17] as const;
const MADRS_TOTALS = [23, 4, 9, 15, 22] as const;
const PHQ_TOTALS = [14, 1, 2, 8, 12] as const;
const DARS_TOTALS = [17, 52, 49, 35, 28] as const;
const DARS_DOMAINS = {
  hobbies: [3, 15, 15, 9, 9],
  food: [4, 9, 5, 8, 7],
  social: [4, 10, 10, 4, 1],
  sensory: [6, 18, 19, 14, 11],
} as const;
const HAMD_ITEM7 = [4, 0, 0, 2, 3] as const;
const MADRS_ITEM8 = [4, 0, 0, 2, 4] as const;
const PHQ_ITEM1 = [3, 0, 0, 1, 3] as const;

const WEEKS = [1, 2, 3, 4] as const;

const summaryAt = (scaleId: string, t: number): SummaryEntry => {
  const at = (values: readonly number[]) => values[t]!;
  switch (scaleId) {
    case 'HAMD-17':
      return {
        mode: 'summary',
        total: at(HAMD_TOTALS),
        subscales: {},
        items: { '7': at(HAMD_ITEM7) },
      };
    case 'MADRS':
      return {
        mode: 'summary',
        total: at(MADRS_TOTALS),
        subscales: {},
        items: { '8': at(MADRS_ITEM8) },
      };
    case 'PHQ-9':
      return {
        mode: 'summary',
        total: at(PHQ_TOTALS),
        subscales: {},
        items: { '1': at(PHQ_ITEM1) },
      };
    default:
      return {
        mode: 'summary',
        total: at(DARS_TOTALS),
        subscales: {
          hobbies: at(DARS_DOMAINS.hobbies),
          food: at(DARS_DOMAINS.food),
          social: at(DARS_DOMAINS.social),
          sensory: at(DARS_DOMAINS.sensory),
        },
        items: {},
      };
  }
};

/** Score every time point of one scale through the real pipeline, then follow the course. */
const courseInput = (scale: ScaleDefinition): CourseInput[] =>
  DATES.map((date, t) => {
    const result = scoreEntry(scale, summaryAt(scale.id, t));
    if (!result.ok) throw new Error(result.issues.map((i) => i.message).join(' '));
    return { id: IDS[t]!, date, total: result.score.total };
  });

const follow = (scale: ScaleDefinition, relapseRuleId?: string): Course =>
  analyseCourse(scale, courseInput(scale), { indexDate: INDEX_DATE, relapseRuleId });

const changes = (scale: ScaleDefinition, totals: readonly number[]): Change[] =>
  WEEKS.map((w) => {
    const result = changeFromBaseline(scale, totals[0]!, totals[w]!);
    if (!result.ok) throw new Error(result.reason);
    return result.value;
  });

describe('the transcribed data are valid summary data (Wang 2024, Table 1)', () => {
  it.each(IDS.map((id, t) => [id, t] as const))(
    '%s: every scale validates as summary data',
    (_id, t) => {
      for (const scale of [HAMD17, MADRS, PHQ9, DARS]) {
        expect(validateSummary(scale, summaryAt(scale.id, t))).toEqual({ ok: true });
      }
    },
  );

  // dezocine-case.md: "DARS domains add up to the DARS total at every time point".
  it.each(IDS.map((id, t) => [id, t] as const))(
    '%s: the four DARS domains sum to the DARS total',
    (_id, t) => {
      const s = summaryAt('DARS', t);
      const sum = Object.values(s.subscales).reduce((a, b) => a + b, 0);
      expect(sum).toBe(DARS_TOTALS[t]);
      // The same domains without the total give that total back.
      const result = scoreEntry(DARS, { ...s, total: null });
      expect(result.ok && result.score.total).toBe(DARS_TOTALS[t]);
    },
  );

  it('scores are marked as summary data, not item responses', () => {
    const result = scoreEntry(HAMD17, summaryAt('HAMD-17', 0));
    expect(result.ok && result.score.completeness).toBe('summary');
  });

  // The report gives no PHQ-9 item 9, MADRS item 10 or HAMD-17 item 3: nothing to call "safe".
  it('safety items were not published: "not-recorded" on every scale', () => {
    for (const scale of [HAMD17, MADRS, PHQ9]) {
      const result = scoreEntry(scale, summaryAt(scale.id, 0));
      if (!result.ok) throw new Error('invalid');
      expect(safetyChecks(scale, result.score).map((c) => c.status)).toEqual(['not-recorded']);
    }
  });
});

describe('percent reduction from baseline (Wang 2024; dezocine-case.md "Figures to expect")', () => {
  // Stated in the report: (18 − 2)/18, (18 − 5)/18, (18 − 10)/18; week 4 (18 − 17)/18.
  it('HAMD-17: 88.89, 72.22, 44.44, 5.56 % (Wang 2024)', () => {
    expect(changes(HAMD17, HAMD_TOTALS).map((c) => formatPercent(c.percentImprovement!))).toEqual([
      '88.89 %',
      '72.22 %',
      '44.44 %',
      '5.56 %',
    ]);
  });

  it('MADRS: 82.61, 60.87, 34.78, 4.35 % (computed from Table 1)', () => {
    expect(changes(MADRS, MADRS_TOTALS).map((c) => round(c.percentImprovement!))).toEqual([
      82.61, 60.87, 34.78, 4.35,
    ]);
  });

  it('PHQ-9: 92.86, 85.71, 42.86, 14.29 % (computed from Table 1)', () => {
    expect(changes(PHQ9, PHQ_TOTALS).map((c) => round(c.percentImprovement!))).toEqual([
      92.86, 85.71, 42.86, 14.29,
    ]);
  });

  it('on the symptom scales the raw percent change keeps its sign (a fall is negative)', () => {
    expect(formatPercent(changes(HAMD17, HAMD_TOTALS)[0]!.percentChange!)).toBe('−88.89 %');
  });
});

describe('DARS: a rise is improvement (Rizvi 2015; Wang 2024)', () => {
  const dars = changes(DARS, DARS_TOTALS);

  // Stated in the report: +35 points at week 1 and +32 at week 2.
  it('+35, +32, +18, +11 points, each recognised as improvement (Wang 2024)', () => {
    expect(dars.map((c) => formatSigned(c.change))).toEqual(['+35', '+32', '+18', '+11']);
    expect(dars.map((c) => c.direction)).toEqual([
      'improvement',
      'improvement',
      'improvement',
      'improvement',
    ]);
    expect(dars.map((c) => c.improvement)).toEqual([35, 32, 18, 11]);
  });

  it('percent change from baseline +205.88, +188.24, +105.88, +64.71 % (computed from Table 1)', () => {
    expect(dars.map((c) => formatPercent(c.percentChange!, { signed: true }))).toEqual([
      '+205.88 %',
      '+188.24 %',
      '+105.88 %',
      '+64.71 %',
    ]);
    expect(dars.map((c) => round(c.percentImprovement!))).toEqual([205.88, 188.24, 105.88, 64.71]);
  });

  it('share of possible improvement (x − b)/(68 − b): 68.63, 62.75, 35.29, 21.57 % (dezocine-case.md)', () => {
    expect(dars.map((c) => round(c.improvementShare!))).toEqual([68.63, 62.75, 35.29, 21.57]);
  });

  it('on the common axis the symptom scales read their percent reduction', () => {
    expect(changes(HAMD17, HAMD_TOTALS).map((c) => round(c.improvementShare!))).toEqual([
      88.89, 72.22, 44.44, 5.56,
    ]);
  });

  it('DARS course points are "rated" (no published response rule) and say improvement', () => {
    const course = follow(DARS);
    expect(course.points.map((p) => p.status)).toEqual([
      'baseline',
      'rated',
      'rated',
      'rated',
      'rated',
    ]);
    expect(course.points.slice(1).map((p) => p.change?.direction)).toEqual([
      'improvement',
      'improvement',
      'improvement',
      'improvement',
    ]);
  });
});

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
