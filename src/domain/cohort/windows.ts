/**
 * Visit windows around the index event: week k (k ≥ 1) runs from day 7k − h to 7k + h
 * (h = 3 by default, so day 4–10 is week 1). In each window the visit nearest the target day
 * counts; of two equally near, the earlier. Nothing is imputed: a patient without a visit in
 * a window is simply not in that week's n.
 */
import { fail, ok, type Result } from '../result';
import type { WindowOptions } from './cohort-types';

export const MAX_HALF_WIDTH = 3;

export function checkWindow(options: WindowOptions): Result<WindowOptions> {
  const h = options.halfWidth;
  if (!Number.isInteger(h) || h < 0 || h > MAX_HALF_WIDTH) {
    return fail(
      `Window half-width must be a whole number of days from 0 to ${MAX_HALF_WIDTH} (got ${h}), so that no visit counts in two weeks.`,
    );
  }
  return ok(options);
}

/** The week whose window holds `day`, or null (between windows, or before week 1). */
export function windowOf(day: number, options: WindowOptions): number | null {
  const k = Math.round(day / 7);
  return k >= 1 && Math.abs(day - 7 * k) <= options.halfWidth ? k : null;
}

export const windowLabel = (week: number, options: WindowOptions): string =>
  `week ${week} (day ${7 * week}${options.halfWidth ? ` ± ${options.halfWidth}` : ''})`;

/**
 * The visit that counts in each window: week → the point nearest day 7k (earlier on a tie).
 * `points` are after the baseline; the baseline itself never counts as a week.
 */
export function nearestByWeek<P extends { readonly day: number }>(
  points: readonly P[],
  options: WindowOptions,
): Map<number, P> {
  const chosen = new Map<number, P>();
  for (const p of points) {
    const week = windowOf(p.day, options);
    if (week === null) continue;
    const held = chosen.get(week);
    const distance = Math.abs(p.day - 7 * week);
    if (
      !held ||
      distance < Math.abs(held.day - 7 * week) ||
      (distance === Math.abs(held.day - 7 * week) && p.day < held.day)
    ) {
      chosen.set(week, p);
    }
  }
  return chosen;
}
