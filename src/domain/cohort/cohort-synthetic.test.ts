/**
 * The synthetic cohort (fixtures/cohort-synthetic.json) against figures computed by hand and
 * checked independently (scipy.stats: t.ppf, ttest_ind(equal_var=False), Wilson by formula).
 * Index day 0 = 2024-01-08; windows day 7k ± 3; MADRS response ≥ 50 %, remission ≤ 10,
 * relapse ≥ 22 after response (the defaults).
 *
 * MADRS by day:          baseline        wk1      wk2                 wk3     wk4
 *   A1  d−2 30 | d7 21 | d13 15, d15 14 (tie: d13 counts) |   —   | d28 10 (remission)
 *   A2  d0  24 | d6 18 | d14 12 (response)               | d21 8 | d29 24 (relapse)
 *   A3  d−1 28 | d8 26 | dropout
 *   B1  d0  26 | d7 22 | d14 20                          | d21 16| d28 12 (response)
 *   B2  d−3 32 | d10 28| d17 30 | dropout
 *   B3  d0  22 | d7 17 | d14 11 (response)               |   —   | d28 9 (remission)
 */
import { describe, expect, it } from 'vitest';
import type { Result } from '../result';
import { summariseCohort, type CohortSummary, type WeekCell } from './cohort-summary';
import type { Interval } from './stats';
import { ARM_A, ARM_B, syntheticPatients } from './testing/synthetic-cohort';
import { timeToEvent } from './time-to-event';

const summary: CohortSummary = summariseCohort({
  arms: [ARM_A, ARM_B],
  patients: syntheticPatients(),
});

function at(armId: string, measureId: string, week: number): WeekCell {
  const row = summary.table.find((t) => t.armId === armId && t.measure.id === measureId);
  const found = row?.weeks.find((w) => w.week === week);
  if (!found) throw new Error(`no ${measureId} week ${week} in ${armId}`);
  return found;
}

function ci(r: Result<Interval> | undefined): [number, number] {
  if (!r?.ok) throw new Error(r ? r.reason : 'no interval');
  return [r.value.lower, r.value.upper];
}

describe('synthetic cohort: windows and n', () => {
  it('counts weeks 1–4 and three patients per arm', () => {
    expect(summary.weeks).toEqual([1, 2, 3, 4]);
    expect([...summary.armCounts.values()]).toEqual([3, 3]);
    expect(summary.excluded).toEqual([]);
  });
  it('takes the nearest visit per window (earlier on a tie) and imputes nothing', () => {
    expect([1, 2, 3, 4].map((w) => at(ARM_A.id, 'MADRS', w).value.n)).toEqual([3, 2, 1, 2]);
    expect([1, 2, 3, 4].map((w) => at(ARM_B.id, 'MADRS', w).value.n)).toEqual([3, 3, 1, 2]);
    // A1 week 2 is day 13 (15), not day 15 (14): mean of 15 and 12.
    expect(at(ARM_A.id, 'MADRS', 2).value.mean).toBe(13.5);
  });
  it('gives the baseline row from each patient’s own baseline', () => {
    const base = at(ARM_A.id, 'MADRS', 0);
    expect(base.value.n).toBe(3);
    expect(base.value.mean).toBeCloseTo(82 / 3, 10);
    expect(base.change).toBeNull();
  });
});

describe('synthetic cohort: MADRS change from baseline', () => {
  it('arm A week 1: −5.667 (SD 3.512, SE 2.028), 95 % CI −14.391 to 3.057', () => {
    const c = at(ARM_A.id, 'MADRS', 1).change;
    expect(c?.n).toBe(3);
    expect(c?.mean).toBeCloseTo(-5.666667, 5);
    expect(c?.sd.ok && c.sd.value).toBeCloseTo(3.511885, 5);
    expect(c?.se.ok && c.se.value).toBeCloseTo(2.027588, 5);
    const [lo, hi] = ci(c?.ci);
    expect(lo).toBeCloseTo(-14.390672, 4);
    expect(hi).toBeCloseTo(3.057338, 4);
  });
  it('arm B week 1: −4.333, 95 % CI −5.768 to −2.899', () => {
    const [lo, hi] = ci(at(ARM_B.id, 'MADRS', 1).change?.ci);
    expect(lo).toBeCloseTo(-5.767551, 4);
    expect(hi).toBeCloseTo(-2.899116, 4);
  });
  it('arm A week 3 has one patient: a mean, and the reason there is no CI', () => {
    const c = at(ARM_A.id, 'MADRS', 3).change;
    expect(c?.mean).toBe(-16);
    expect(c?.ci).toEqual({
      ok: false,
      reason: 'n = 1: a confidence interval needs at least 2 observations.',
    });
  });
  it('mean percent change and share of possible improvement, week 1 arm A', () => {
    const w1 = at(ARM_A.id, 'MADRS', 1);
    expect(w1.percentChange?.n).toBe(3);
    expect(w1.percentChange?.mean).toBeCloseTo(-20.714286, 5);
    expect(w1.improvementShare?.mean).toBeCloseTo(20.714286, 5);
  });
  it('anhedonia subscale (items 1, 2, 6, 7, 8), week 1 arm A: −3, CI −7.968 to 1.968', () => {
    const c = at(ARM_A.id, 'MADRS:anhedonia', 1).change;
    expect(c?.mean).toBe(-3);
    const [lo, hi] = ci(c?.ci);
    expect(lo).toBeCloseTo(-7.968275, 4);
    expect(hi).toBeCloseTo(1.968275, 4);
    expect(at(ARM_A.id, 'MADRS:anhedonia', 1).response).toBeNull();
  });
});

describe('synthetic cohort: arm A − arm B (Welch)', () => {
  it.each([
    [1, -1.333333, 2.108029, -9.754148, 7.087481],
    [2, -7.166667, 2.907457, -16.903236, 2.569903],
  ])('week %i: %f (df %f), CI %f to %f', (week, diff, df, lo, hi) => {
    const d = summary.differences.find((x) => x.measure.id === 'MADRS' && x.week === week);
    if (!d?.difference.ok) throw new Error('no difference');
    expect(d.difference.value.difference).toBeCloseTo(diff, 5);
    expect(d.difference.value.df).toBeCloseTo(df, 5);
    expect(d.difference.value.ci.lower).toBeCloseTo(lo, 4);
    expect(d.difference.value.ci.upper).toBeCloseTo(hi, 4);
  });
  it('says why at week 3 (one patient per arm)', () => {
    const d = summary.differences.find((x) => x.measure.id === 'MADRS' && x.week === 3);
    expect(d?.difference.ok).toBe(false);
    expect(d && !d.difference.ok && d.difference.reason).toMatch(/^n = 1 and 1:/);
  });
});

describe('synthetic cohort: rates with Wilson CIs', () => {
  it.each([
    [ARM_A.id, 1, 0, 3, 0, 0.561497],
    [ARM_A.id, 2, 2, 2, 0.34238, 1],
    [ARM_A.id, 4, 1, 2, 0.094531, 0.905469],
    [ARM_B.id, 2, 1, 3, 0.061492, 0.79234],
  ])('%s week %i: MADRS response %i/%i, CI %f–%f', (arm, week, x, n, lo, hi) => {
    const r = at(arm, 'MADRS', week).response;
    expect([r?.x, r?.n]).toEqual([x, n]);
    const [l, h] = ci(r?.ci);
    expect(l).toBeCloseTo(lo, 5);
    expect(h).toBeCloseTo(hi, 5);
  });
  it('remission at week 4: 1/2 in each arm; week 3 arm A 1/1', () => {
    expect(at(ARM_A.id, 'MADRS', 4).remission).toMatchObject({ x: 1, n: 2 });
    expect(at(ARM_B.id, 'MADRS', 4).remission).toMatchObject({ x: 1, n: 2 });
    expect(at(ARM_A.id, 'MADRS', 3).remission).toMatchObject({ x: 1, n: 1 });
  });
  it('CGI-I response (1–2) at week 1: 2/3 vs 1/3, no change rows', () => {
    const a = at(ARM_A.id, 'CGI-I', 1);
    expect(a.response).toMatchObject({ x: 2, n: 3 });
    const [lo, hi] = ci(a.response?.ci);
    expect(lo).toBeCloseTo(0.20766, 4);
    expect(hi).toBeCloseTo(0.938508, 4);
    expect(at(ARM_B.id, 'CGI-I', 1).response).toMatchObject({ x: 1, n: 3 });
    expect(a.change).toBeNull();
    expect(a.value.mean).toBeCloseTo(7 / 3, 10);
  });
});

describe('synthetic cohort: Kaplan–Meier', () => {
  const steps = (kind: 'response' | 'remission' | 'relapse', armId: string) =>
    timeToEvent([ARM_A, ARM_B], summary.series, 'MADRS', kind).find((t) => t.armId === armId)
      ?.estimate;
  it('time to response, arm A: censored day 8, events day 13 and 14; median 13', () => {
    const km = steps('response', ARM_A.id);
    expect(km?.steps.map((s) => [s.time, s.atRisk, s.events, s.censored, s.survival])).toEqual([
      [8, 3, 0, 1, 1],
      [13, 2, 1, 0, 0.5],
      [14, 1, 1, 0, 0],
    ]);
    expect(km?.median.median).toBe(13);
  });
  it('time to response, arm B: event day 14, censored day 17 (dropout), event day 28', () => {
    const km = steps('response', ARM_B.id);
    expect(km?.steps.map((s) => [s.time, s.atRisk, s.events, s.censored])).toEqual([
      [14, 3, 1, 0],
      [17, 2, 0, 1],
      [28, 1, 1, 0],
    ]);
    expect(km?.steps[0]?.survival).toBeCloseTo(2 / 3, 10);
    expect(km?.median.median).toBe(28);
  });
  it('time to relapse after response, arm A: A2 relapses 15 days after response, A1 censored at 15', () => {
    const km = steps('relapse', ARM_A.id);
    expect(km?.n).toBe(2);
    expect(km?.steps.map((s) => [s.time, s.atRisk, s.events, s.censored, s.survival])).toEqual([
      [15, 2, 1, 1, 0.5],
    ]);
  });
  it('time to remission, arm B: B3 at day 28, the others censored', () => {
    const km = steps('remission', ARM_B.id);
    expect(km?.events).toBe(1);
    expect(km?.steps.at(-1)).toMatchObject({ time: 28, atRisk: 2, events: 1, censored: 1 });
  });
});
