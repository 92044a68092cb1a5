/**
 * Group statistics for observed cases: mean, SD, SE, t-based and Wilson intervals, the Welch
 * difference of two means. Distributions come from jStat (t and normal quantiles); only the
 * small closed-form formulas are written here, each tested against a published worked value.
 * A figure that cannot be computed is a failure with the reason, never a 0.
 */
import { jStat } from 'jstat';
import { fail, ok, type Result } from '../result';

export interface Interval {
  readonly lower: number;
  readonly upper: number;
}

/** Two-sided 95 % intervals throughout. */
export const CONFIDENCE = 0.95;

/** The t quantile for a two-sided interval at `df` degrees of freedom (jStat). */
export function tQuantile(df: number, confidence = CONFIDENCE): number {
  return jStat.studentt.inv(1 - (1 - confidence) / 2, df);
}

/** The standard normal quantile for a two-sided interval (1.96 at 95 %). */
export function zQuantile(confidence = CONFIDENCE): number {
  return jStat.normal.inv(1 - (1 - confidence) / 2, 0, 1);
}

export interface MeanSummary {
  readonly n: number;
  /** null when n = 0. */
  readonly mean: number | null;
  /** Sample SD (n − 1); a failure when n < 2. */
  readonly sd: Result<number>;
  readonly se: Result<number>;
  /** mean ± t(n − 1) · SE. */
  readonly ci: Result<Interval>;
}

const needTwo = (what: string, n: number) => `n = ${n}: a ${what} needs at least 2 observations.`;

export function summariseMean(values: readonly number[]): MeanSummary {
  const n = values.length;
  if (n === 0) {
    const reason = 'n = 0: no observation in this window.';
    return { n, mean: null, sd: fail(reason), se: fail(reason), ci: fail(reason) };
  }
  const mean = values.reduce((s, v) => s + v, 0) / n;
  if (n < 2) {
    return {
      n,
      mean,
      sd: fail(needTwo('SD', n)),
      se: fail(needTwo('SE', n)),
      ci: fail(needTwo('confidence interval', n)),
    };
  }
  const ss = values.reduce((s, v) => s + (v - mean) ** 2, 0);
  const sd = Math.sqrt(ss / (n - 1));
  const se = sd / Math.sqrt(n);
  const half = tQuantile(n - 1) * se;
  return { n, mean, sd: ok(sd), se: ok(se), ci: ok({ lower: mean - half, upper: mean + half }) };
}

export interface Proportion {
  readonly x: number;
  readonly n: number;
  /** null when n = 0. */
  readonly p: number | null;
  readonly ci: Result<Interval>;
}

/**
 * Wilson score interval (Wilson 1927; Newcombe 1998, Stat Med 17:857, method 3). Unlike the
 * Wald interval it stays inside 0–1 and is usable for small n: 6 of 19 gives 0.154–0.540.
 */
export function wilson(x: number, n: number, confidence = CONFIDENCE): Proportion {
  if (!Number.isInteger(x) || !Number.isInteger(n) || x < 0 || x > n) {
    throw new Error(`wilson: invalid count ${x} of ${n}`);
  }
  if (n === 0) return { x, n, p: null, ci: fail('N = 0: no one to count in this window.') };
  const z = zQuantile(confidence);
  const p = x / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return {
    x,
    n,
    p,
    ci: ok({ lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) }),
  };
}

export interface WelchDifference {
  /** mean(a) − mean(b). */
  readonly difference: number;
  readonly se: number;
  /** Welch–Satterthwaite degrees of freedom. */
  readonly df: number;
  readonly ci: Interval;
}

/**
 * Difference of two means with unequal variances (Welch 1947). Checked against R's
 * `t.test(extra ~ group, data = sleep)`: −1.58, df 17.776, 95 % CI −3.3655 to 0.2055.
 */
export function welch(a: readonly number[], b: readonly number[]): Result<WelchDifference> {
  if (a.length < 2 || b.length < 2) {
    return fail(
      `n = ${a.length} and ${b.length}: a difference with a confidence interval needs at least 2 in each arm.`,
    );
  }
  const sa = summariseMean(a);
  const sb = summariseMean(b);
  if (!sa.sd.ok || !sb.sd.ok || sa.mean === null || sb.mean === null) {
    throw new Error('welch: summary of n >= 2 has no SD');
  }
  const va = sa.sd.value ** 2 / a.length;
  const vb = sb.sd.value ** 2 / b.length;
  const se = Math.sqrt(va + vb);
  if (se === 0) return fail('Both arms have no spread (SD 0): no interval can be given.');
  const df = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
  const difference = sa.mean - sb.mean;
  const half = tQuantile(df) * se;
  return ok({ difference, se, df, ci: { lower: difference - half, upper: difference + half } });
}
