import { fail, ok, type Result } from './result';
import type { ScaleDefinition } from './scale-types';
import { totalRange } from './ranges';

export type ChangeDirection = 'improvement' | 'worsening' | 'no change';

/**
 * Change from baseline, aware of the scale's direction. Raw figures keep their sign
 * (DARS 17 -> 52 is +35 points, +205.88 %); `improvement` and `percentImprovement` are
 * positive when the patient is better on any scale, and `direction` says so in words.
 */
export interface Change {
  readonly baseline: number;
  readonly value: number;
  /** value - baseline, in points, sign as measured. */
  readonly change: number;
  /** (value - baseline) / baseline x 100, sign as measured; null when baseline is 0. */
  readonly percentChange: number | null;
  /** Points of improvement: baseline - value on symptom scales, value - baseline on DARS. */
  readonly improvement: number;
  /** Percent improvement: the percent reduction on symptom scales, percent increase on DARS. */
  readonly percentImprovement: number | null;
  /**
   * Share of the possible improvement achieved, x 100: (b - x) / (b - min) on symptom scales
   * (the percent reduction when the scale starts at 0, as HAMD-17, MADRS and PHQ-9 do),
   * (x - b) / (max - b) on DARS. A common axis across scales. null at the best end of a scale.
   */
  readonly improvementShare: number | null;
  readonly direction: ChangeDirection;
  /** Why a percent figure is missing, when it is. */
  readonly percentNote: string | null;
}

export function changeFromBaseline(
  scale: ScaleDefinition,
  baseline: number,
  value: number,
): Result<Change> {
  if (scale.kind === 'change') {
    return fail(`${scale.id} rates change itself; it has no change from baseline.`);
  }
  const range = totalRange(scale);
  const change = value - baseline;
  const better = scale.direction === 'higher-is-better' ? 1 : -1;
  const improvement = better * change;
  const percentChange = baseline === 0 ? null : (change / baseline) * 100;
  const room = scale.direction === 'higher-is-better' ? range.max - baseline : baseline - range.min;
  const percentNote =
    baseline === 0
      ? `Baseline ${scale.id} total is 0: a percent change from 0 is undefined.`
      : room === 0
        ? `Baseline is at the best end of ${scale.id}: no improvement was possible.`
        : null;
  return ok({
    baseline,
    value,
    change,
    percentChange,
    improvement,
    percentImprovement: percentChange === null ? null : better * percentChange,
    improvementShare: room === 0 ? null : (improvement / room) * 100,
    direction: improvement > 0 ? 'improvement' : improvement < 0 ? 'worsening' : 'no change',
    percentNote,
  });
}
