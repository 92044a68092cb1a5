import { describe, expect, it } from 'vitest';
import { kaplanMeier } from './kaplan-meier';

/**
 * Textbook example: remission times (weeks) of the 21 leukaemia patients on 6-MP in Freireich
 * et al. 1963 (Gehan 1965), worked in Kleinbaum & Klein, Survival Analysis: A Self-Learning
 * Text (3rd ed., ch. 2) and by R: survfit(Surv(time, cens) ~ 1, data = MASS::gehan[gehan$treat
 * == "6-MP", ]) prints, per event time, n.risk, n.event, survival, std.err and the 95 % CI.
 */
const sixMp = [
  ...[6, 6, 6, 7, 10, 13, 16, 22, 23].map((time) => ({ time, event: true })),
  ...[6, 9, 10, 11, 17, 19, 20, 25, 32, 32, 34, 35].map((time) => ({ time, event: false })),
];

const published = [
  // time, n.risk, n.event, survival, std.err, lower, upper
  [6, 21, 3, 0.857, 0.0764, 0.72, 1.0],
  [7, 17, 1, 0.807, 0.0869, 0.653, 0.996],
  [10, 15, 1, 0.753, 0.0963, 0.586, 0.968],
  [13, 12, 1, 0.69, 0.1068, 0.51, 0.935],
  [16, 11, 1, 0.627, 0.1141, 0.439, 0.896],
  [22, 7, 1, 0.538, 0.1282, 0.337, 0.858],
  [23, 6, 1, 0.448, 0.1346, 0.249, 0.807],
] as const;

describe('kaplanMeier', () => {
  const km = kaplanMeier(sixMp);
  it.each(published)(
    'week %i: %i at risk, %i events, S = %f (SE %f, CI %f–%f)',
    (time, atRisk, events, survival, se, lower, upper) => {
      const step = km.steps.find((s) => s.time === time);
      expect(step?.atRisk).toBe(atRisk);
      expect(step?.events).toBe(events);
      expect(step?.survival).toBeCloseTo(survival, 3);
      expect(step?.se).toBeCloseTo(se, 4);
      expect(step?.ci?.lower).toBeCloseTo(lower, 3);
      expect(step?.ci?.upper).toBeCloseTo(upper, 3);
    },
  );
  it('counts censorings at their own times and at event times', () => {
    expect(km.steps.find((s) => s.time === 6)?.censored).toBe(1);
    expect(km.steps.find((s) => s.time === 9)).toMatchObject({
      atRisk: 16,
      events: 0,
      censored: 1,
    });
    expect(km.n).toBe(21);
    expect(km.events).toBe(9);
  });
  it('gives the median 23 weeks, CI 16 to not reached (as survfit)', () => {
    expect(km.median).toEqual({ median: 23, lower: 16, upper: null });
  });
  it('reports "not reached" when the curve stays above 0.5', () => {
    const r = kaplanMeier([
      { time: 7, event: true },
      { time: 14, event: false },
      { time: 21, event: false },
    ]);
    expect(r.median.median).toBeNull();
    expect(r.steps[0]?.survival).toBeCloseTo(2 / 3, 10);
  });
  it('ends at 0 with no SE when everyone has the event', () => {
    const r = kaplanMeier([
      { time: 7, event: true },
      { time: 14, event: true },
    ]);
    expect(r.steps.map((s) => s.survival)).toEqual([0.5, 0]);
    expect(r.steps[1]?.se).toBeNull();
    expect(r.median.median).toBe(7);
  });
});
