import { fail, ok, type Result } from './result';
import type { RemissionRule, ScaleDefinition } from './scale-types';

/**
 * Response by the scale's rule. The percent rule is checked in integers,
 * (b - x) x 100 >= percent x b, so 9 of 18 is exactly a 50 % response.
 */
export function isResponse(
  scale: ScaleDefinition,
  baseline: number,
  value: number,
): Result<boolean> {
  const rule = scale.response;
  if (!rule) return fail(`${scale.id} has no published response criterion.`);
  if (rule.kind === 'max-value') return ok(value <= rule.maxValue);
  if (baseline <= 0) return fail(`Baseline ${scale.id} total is 0: response cannot be judged.`);
  return ok((baseline - value) * 100 >= rule.percent * baseline);
}

export function remissionRule(scale: ScaleDefinition, ruleId?: string): Result<RemissionRule> {
  const [first] = scale.remission;
  if (!first) return fail(`${scale.id} has no published remission cut-off.`);
  if (ruleId === undefined) return ok(first);
  const rule = scale.remission.find((r) => r.id === ruleId);
  return rule ? ok(rule) : fail(`${scale.id} has no remission rule "${ruleId}".`);
}

export function isRemission(
  scale: ScaleDefinition,
  total: number,
  ruleId?: string,
): Result<boolean> {
  const rule = remissionRule(scale, ruleId);
  if (!rule.ok) return rule;
  const { cutoff, inclusive } = rule.value;
  return ok(inclusive ? total <= cutoff : total < cutoff);
}

export interface ReliableChange {
  /** Jacobson–Truax RC = (x - b) / S_diff, sign as measured. */
  readonly rc: number;
  /** Smallest change in points that is reliable: 1.96 x S_diff. */
  readonly threshold: number;
  readonly reliable: boolean;
  readonly verdict: 'reliable improvement' | 'reliable worsening' | 'no reliable change';
}

/**
 * Jacobson & Truax 1991: S_diff = sqrt(2) x SEM, SEM = SD x sqrt(1 - r); reliable when
 * |RC| > 1.96 (p < .05).
 */
export function reliableChange(
  scale: ScaleDefinition,
  baseline: number,
  value: number,
): Result<ReliableChange> {
  const figures = scale.reliableChange;
  if (!figures)
    return fail(`${scale.id} has no verified reliability figures for a reliable change index.`);
  const sem = figures.sd * Math.sqrt(1 - figures.reliability);
  const sDiff = Math.SQRT2 * sem;
  const rc = (value - baseline) / sDiff;
  const reliable = Math.abs(rc) > 1.96;
  const better = scale.direction === 'higher-is-better' ? rc > 0 : rc < 0;
  return ok({
    rc,
    threshold: 1.96 * sDiff,
    reliable,
    verdict: !reliable
      ? 'no reliable change'
      : better
        ? 'reliable improvement'
        : 'reliable worsening',
  });
}
