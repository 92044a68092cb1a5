import { describe, expect, it } from 'vitest';
import { analyseCourse, defaultBaselineIndex, type CourseInput } from './course';
import { HAMD17 } from './scales/hamd17';
import { MADRS } from './scales/madrs';
import { PHQ9 } from './scales/phq9';
import { DARS } from './scales/dars';

/** Weekly visits from 2024-01-01: v0, v1, ... */
const visits = (totals: readonly (number | null)[]): CourseInput[] =>
  totals.map((total, i) => ({
    id: `v${i}`,
    date: new Date(Date.UTC(2024, 0, 1 + 7 * i)).toISOString().slice(0, 10),
    total,
  }));

const statuses = (
  scale: Parameters<typeof analyseCourse>[0],
  totals: readonly (number | null)[],
  relapseRuleId?: string,
) => analyseCourse(scale, visits(totals), { relapseRuleId }).points.map((p) => p.status);

describe('baseline', () => {
  const points: CourseInput[] = [
    { id: 'screen', date: '2023-11-10', total: 20 },
    { id: 'gap', date: '2023-11-20', total: null },
    { id: 'base', date: '2023-11-24', total: 18 },
    { id: 'w1', date: '2023-12-07', total: 2 },
  ];

  it('by default: the last assessment with a total on or before the index event', () => {
    expect(defaultBaselineIndex(points, '2023-11-30')).toBe(2);
  });

  it('an assessment on the index day itself counts as on or before it', () => {
    expect(defaultBaselineIndex(points, '2023-11-24')).toBe(2);
  });

  it('a gap (no total) is never chosen as the baseline', () => {
    expect(defaultBaselineIndex(points, '2023-11-21')).toBe(0);
  });

  it('without an index event, or with none before it: the first assessment with a total', () => {
    expect(defaultBaselineIndex(points)).toBe(0);
    expect(defaultBaselineIndex(points, '2023-01-01')).toBe(0);
    expect(defaultBaselineIndex([{ id: 'x', date: '2023-01-01', total: null }])).toBeNull();
  });

  it('points before the baseline are not compared; a chosen baseline id overrides the default', () => {
    const course = analyseCourse(HAMD17, points, { baselineId: 'screen' });
    expect(course.baselineIndex).toBe(0);
    expect(course.points.map((p) => p.status)).toEqual([
      'baseline',
      'no-total',
      'no-response',
      'remission',
    ]);
    const byDate = analyseCourse(HAMD17, points, { indexDate: '2023-11-30' });
    expect(byDate.points.map((p) => p.status)).toEqual([
      'before-baseline',
      'no-total',
      'baseline',
      'remission',
    ]);
  });

  it('a chosen baseline without a total falls back to the default', () => {
    expect(
      analyseCourse(HAMD17, points, { baselineId: 'gap', indexDate: '2023-11-30' }).baselineIndex,
    ).toBe(2);
  });

  it('no total anywhere: no baseline, every point a gap', () => {
    const course = analyseCourse(HAMD17, visits([null, null]));
    expect(course.baselineIndex).toBeNull();
    expect(course.points.map((p) => p.status)).toEqual(['no-total', 'no-total']);
  });
});

describe('response, remission and loss of response', () => {
  it('HAMD-17: no response, response, remission, response lost (Riedel 2010; Frank 1991)', () => {
    // 20 → 15 (25 %), 10 (50 %, response), 6 (≤ 7, remission), 12 (40 %: lost, < 16: no relapse).
    const course = analyseCourse(HAMD17, visits([20, 15, 10, 6, 12]));
    expect(course.points.map((p) => p.status)).toEqual([
      'baseline',
      'no-response',
      'response',
      'remission',
      'response-lost',
    ]);
    expect(course.events.response?.id).toBe('v2');
    expect(course.events.remission?.id).toBe('v3');
    expect(course.events.responseLost?.id).toBe('v4');
    expect(course.events.relapse).toBeUndefined();
  });

  it('remission without a 50 % fall still starts an episode (HAMD-17 10 → 6: 40 %, ≤ 7)', () => {
    const course = analyseCourse(HAMD17, visits([10, 6]));
    expect(course.points[1]).toMatchObject({
      status: 'remission',
      response: false,
      remission: true,
    });
    expect(course.events.remission?.id).toBe('v1');
    expect(course.events.response).toBeUndefined();
  });

  it('the remission rule can be chosen (MADRS ≤ 12, ASPIRE/SUSTAIN-3/RESET)', () => {
    const course = analyseCourse(MADRS, visits([30, 12]), { remissionRuleId: 'le12' });
    expect(course.rules.remission?.id).toBe('le12');
    expect(course.points[1]?.status).toBe('remission');
    expect(analyseCourse(MADRS, visits([30, 12])).points[1]?.status).toBe('response');
  });

  it('every compared point carries its change and reliable-change figures', () => {
    const p = analyseCourse(HAMD17, visits([18, 2])).points[1]!;
    expect(p.change?.improvement).toBe(16);
    expect(p.reliable?.verdict).toBe('reliable improvement');
  });
});

describe('relapse: threshold rules', () => {
  // Desvenlafaxine RCT; McIntyre 2015: HAMD-17 ≥ 16 after response.
  it('HAMD-17 ≥ 16 after response is relapse (desvenlafaxine RCT; McIntyre 2015)', () => {
    const course = analyseCourse(HAMD17, visits([20, 8, 16]));
    expect(course.points.map((p) => p.status)).toEqual(['baseline', 'response', 'relapse']);
    expect(course.events.relapse?.id).toBe('v2');
  });

  it('HAMD-17 15 after response is not relapse', () => {
    expect(statuses(HAMD17, [20, 8, 15])).toEqual(['baseline', 'response', 'response-lost']);
  });

  // Esketamine SUSTAIN-1 (Daly 2019): MADRS ≥ 22 at 2 consecutive assessments.
  it('MADRS ≥ 22 at one visit then a low one is NOT relapse under the 2-consecutive rule (SUSTAIN-1)', () => {
    const course = analyseCourse(MADRS, visits([30, 10, 24, 12]), { relapseRuleId: 'ge22x2' });
    expect(course.points.map((p) => p.status)).toEqual([
      'baseline',
      'remission',
      'response-lost',
      'response',
    ]);
    expect(course.events.relapse).toBeUndefined();
  });

  it('MADRS ≥ 22 at two visits in a row is relapse, beginning at the first of the two (SUSTAIN-1)', () => {
    const course = analyseCourse(MADRS, visits([30, 10, 24, 25, 26]), { relapseRuleId: 'ge22x2' });
    expect(course.points.map((p) => p.status)).toEqual([
      'baseline',
      'remission',
      'relapse',
      'relapse',
      'relapse',
    ]);
    expect(course.events.relapse).toEqual({ id: 'v2', date: '2024-01-15', index: 2 });
    expect(course.rules.relapse?.id).toBe('ge22x2');
  });

  it('the same two visits under the 1-visit rule relapse at the first (RESET, NCT02371980)', () => {
    const course = analyseCourse(MADRS, visits([30, 10, 24, 25]));
    expect(course.events.relapse?.id).toBe('v2');
  });

  // Vilazodone (Durgam 2018): MADRS ≥ 18 at 2 consecutive visits.
  it('MADRS 18 then 18 is relapse under ≥ 18 × 2 (Durgam 2018); 17 then 18 is not yet', () => {
    expect(
      analyseCourse(MADRS, visits([30, 8, 18, 18]), { relapseRuleId: 'ge18x2' }).events.relapse?.id,
    ).toBe('v2');
    expect(
      analyseCourse(MADRS, visits([30, 8, 17, 18]), { relapseRuleId: 'ge18x2' }).events.relapse,
    ).toBeUndefined();
  });

  it('a patient who never responded cannot relapse, however high the score', () => {
    const course = analyseCourse(HAMD17, visits([18, 17, 30, 40]));
    expect(course.points.map((p) => p.status)).toEqual([
      'baseline',
      'no-response',
      'no-response',
      'no-response',
    ]);
    expect(course.events.relapse).toBeUndefined();
    expect(course.events.responseLost).toBeUndefined();
  });

  it('a new response after relapse starts a new episode; the first relapse stays the event', () => {
    const course = analyseCourse(HAMD17, visits([18, 2, 17, 20, 4, 16]));
    expect(course.points.map((p) => p.status)).toEqual([
      'baseline',
      'remission',
      'relapse',
      'relapse',
      'remission',
      'relapse',
    ]);
    expect(course.events.relapse?.id).toBe('v2');
    expect(course.events.response?.id).toBe('v1');
  });

  it('a gap (null total) is "no-total", never a zero: no remission, no change', () => {
    const course = analyseCourse(HAMD17, visits([18, null, 12]));
    expect(course.points[1]).toMatchObject({
      status: 'no-total',
      total: null,
      change: null,
      response: null,
      remission: null,
    });
    expect(course.events.remission).toBeUndefined();
    expect(course.events.response).toBeUndefined();
  });

  it('a gap does not break a run of high scores as a low score would (SUSTAIN-1: consecutive assessments)', () => {
    const course = analyseCourse(MADRS, visits([30, 10, 24, null, 25]), {
      relapseRuleId: 'ge22x2',
    });
    expect(course.points.map((p) => p.status)).toEqual([
      'baseline',
      'remission',
      'relapse',
      'no-total',
      'relapse',
    ]);
    expect(course.events.relapse?.id).toBe('v2');
  });
});

describe('relapse: loss-of-response rule (project option)', () => {
  it('HAMD-17 falling below a 50 % reduction after response is relapse under this rule', () => {
    const course = analyseCourse(HAMD17, visits([18, 2, 10]), {
      relapseRuleId: 'loss-of-response',
    });
    expect(course.points.map((p) => p.status)).toEqual(['baseline', 'remission', 'relapse']);
    expect(course.events.relapse?.id).toBe('v2');
  });

  it('still responding is not relapse', () => {
    expect(statuses(PHQ9, [14, 6, 7], 'loss-of-response')).toEqual([
      'baseline',
      'response',
      'response',
    ]);
  });

  it('never responded: no relapse', () => {
    expect(statuses(PHQ9, [14, 12, 14], 'loss-of-response')).toEqual([
      'baseline',
      'no-response',
      'no-response',
    ]);
  });
});

describe('scales without response rules', () => {
  // Rizvi 2015: no published response or remission for DARS.
  it('DARS points are "rated" with their direction-aware change (Rizvi 2015)', () => {
    const course = analyseCourse(DARS, visits([17, 52, 10]));
    expect(course.points.map((p) => p.status)).toEqual(['baseline', 'rated', 'rated']);
    expect(course.points[1]?.change).toMatchObject({ change: 35, direction: 'improvement' });
    expect(course.points[2]?.change?.direction).toBe('worsening');
    expect(course.rules).toEqual({ remission: null, relapse: null });
    expect(course.events).toEqual({});
  });
});

describe('unknown rule ids (a stale preference) never drop a rule silently', () => {
  it('falls back to the default rule and says so', () => {
    const course = analyseCourse(
      HAMD17,
      [
        { id: 'a', date: '2024-01-01', total: 18 },
        { id: 'b', date: '2024-01-08', total: 2 },
        { id: 'c', date: '2024-01-15', total: 30 },
      ],
      { relapseRuleId: 'no-such-rule', remissionRuleId: 'nor-this' },
    );
    expect(course.rules.relapse?.id).toBe('ge16');
    expect(course.rules.remission?.id).toBe('le7');
    expect(course.points[2]?.status).toBe('relapse');
    expect(course.notes).toEqual([
      'HAMD-17 has no remission rule "nor-this"; the default (HAMD-17 ≤ 7) is used.',
      'HAMD-17 has no relapse rule "no-such-rule"; the default (HAMD-17 ≥ 16 after response) is used.',
    ]);
  });
});
