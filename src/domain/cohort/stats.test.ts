import { describe, expect, it } from 'vitest';
import { summariseMean, tQuantile, welch, wilson } from './stats';

describe('tQuantile (jStat)', () => {
  it('gives 2.2622 at 9 df and 1.96 for large df', () => {
    expect(tQuantile(9)).toBeCloseTo(2.2622, 4);
    expect(tQuantile(1e6)).toBeCloseTo(1.96, 2);
  });
});

describe('wilson', () => {
  it('gives 0.154–0.540 for 6 of 19 (published worked value)', () => {
    const r = wilson(6, 19);
    expect(r.p).toBeCloseTo(0.3158, 4);
    if (!r.ci.ok) throw new Error(r.ci.reason);
    expect(r.ci.value.lower).toBeCloseTo(0.154, 3);
    expect(r.ci.value.upper).toBeCloseTo(0.54, 3);
  });
  it('stays within 0–1 at 0 of n and n of n', () => {
    const none = wilson(0, 5);
    const all = wilson(5, 5);
    if (!none.ci.ok || !all.ci.ok) throw new Error('no interval');
    expect(none.ci.value.lower).toBe(0);
    expect(none.ci.value.upper).toBeCloseTo(0.4345, 4);
    expect(all.ci.value.upper).toBe(1);
    expect(all.ci.value.lower).toBeCloseTo(0.5655, 4);
  });
  it('says why when nobody is counted', () => {
    const r = wilson(0, 0);
    expect(r.p).toBeNull();
    expect(r.ci).toEqual({ ok: false, reason: 'N = 0: no one to count in this window.' });
  });
});

describe('summariseMean', () => {
  it('gives mean, SD, SE and a t interval (hand computed)', () => {
    // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, SS 32, SD sqrt(32/7) = 2.13809, SE 0.75593.
    const s = summariseMean([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(s.mean).toBe(5);
    if (!s.sd.ok || !s.se.ok || !s.ci.ok) throw new Error('no figures');
    expect(s.sd.value).toBeCloseTo(2.13809, 5);
    expect(s.se.value).toBeCloseTo(0.75593, 5);
    // t(0.975, 7) = 2.364624
    expect(s.ci.value.lower).toBeCloseTo(5 - 2.364624 * 0.75593, 4);
    expect(s.ci.value.upper).toBeCloseTo(5 + 2.364624 * 0.75593, 4);
  });
  it('gives a mean but no SD or interval for one observation, with the reason', () => {
    const s = summariseMean([16]);
    expect(s.mean).toBe(16);
    expect(s.ci).toEqual({
      ok: false,
      reason: 'n = 1: a confidence interval needs at least 2 observations.',
    });
  });
});

describe('welch', () => {
  // R: t.test(extra ~ group, data = sleep): t = −1.8608, df = 17.776,
  // 95 percent confidence interval −3.3654832 0.2054832; means 0.75 and 2.33.
  const g1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
  const g2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];
  it("matches R's t.test on the sleep data", () => {
    const r = welch(g1, g2);
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.difference).toBeCloseTo(-1.58, 10);
    expect(r.value.df).toBeCloseTo(17.776, 3);
    expect(r.value.difference / r.value.se).toBeCloseTo(-1.8608, 4);
    expect(r.value.ci.lower).toBeCloseTo(-3.3654832, 5);
    expect(r.value.ci.upper).toBeCloseTo(0.2054832, 5);
  });
  it('refuses an arm with fewer than 2, saying so', () => {
    const r = welch([1], g2);
    expect(r).toEqual({
      ok: false,
      reason: 'n = 1 and 10: a difference with a confidence interval needs at least 2 in each arm.',
    });
  });
});
