/**
 * The x axis of every course chart: days or weeks since the index event, or the calendar
 * date. Time is counted from the index event when there is one, else from the baseline
 * (the same origin as the course figures in src/domain/course-figures.ts).
 */
import { format, parseISO } from 'date-fns';
import { daysBetween, timeSinceLabel, type IsoDate } from '../domain/time';
import { round } from '../domain/format';
import type { TimeAxisMode, TreatmentEvent } from './chart-types';

export interface TimeOrigin {
  readonly date: IsoDate;
  readonly kind: 'index event' | 'baseline';
  /** The index event's drug and dose, used in the axis title. */
  readonly label?: string | undefined;
}

export interface TimeAxis {
  readonly mode: TimeAxisMode;
  readonly origin: TimeOrigin;
}

const DAY_MS = 86_400_000;

/**
 * The origin: the index date (labelled from the index event when one is on that date),
 * else the baseline date, else the first date there is.
 */
export function timeOrigin(
  indexDate: IsoDate | null | undefined,
  events: readonly TreatmentEvent[],
  baselineDate: IsoDate | undefined,
  fallbackDate: IsoDate | undefined,
): TimeOrigin {
  const indexEvent = events.find((e) => e.isIndex && (!indexDate || e.date === indexDate));
  const date = indexDate ?? indexEvent?.date;
  if (date) return { date, kind: 'index event', label: indexEvent?.label };
  return { date: baselineDate ?? fallbackDate ?? '1970-01-01', kind: 'baseline' };
}

// daysBetween costs about 7 µs (date-fns parses both dates each time); a chart asks for the
// same dates several times (x, table, summary) and all-scales for every scale, so the day
// counts are kept per origin object, which lives as long as one build's result.
const dayCache = new WeakMap<TimeOrigin, Map<IsoDate, number>>();

export function daysSince(date: IsoDate, origin: TimeOrigin): number {
  let cache = dayCache.get(origin);
  if (!cache) {
    cache = new Map();
    dayCache.set(origin, cache);
  }
  let days = cache.get(date);
  if (days === undefined) {
    days = daysBetween(origin.date, date);
    cache.set(date, days);
  }
  return days;
}

/** The x value of a date: days, weeks (fractional: −6 d is −6/7 wk) or a local-midnight timestamp. */
export function xValue(date: IsoDate, axis: TimeAxis): number {
  switch (axis.mode) {
    case 'days':
      return daysSince(date, axis.origin);
    case 'weeks':
      return daysSince(date, axis.origin) / 7;
    case 'date':
      return parseISO(date).getTime();
  }
}

/** "1 wk", "10 d", "−6 d", "day 0": time since the origin as clinicians say it. */
export const timeSinceText = (date: IsoDate, origin: TimeOrigin): string =>
  timeSinceLabel(daysSince(date, origin));

const minus = (value: number, text: string) => (value < 0 ? `−${text}` : text);

/** Tick labels for the numeric modes; the 'date' mode is labelled by the date adapter. */
export function tickLabel(value: number, mode: TimeAxisMode): string {
  if (value === 0) return 'day 0';
  const abs = Math.abs(value);
  if (mode === 'days') return minus(value, `${round(abs, 1)} d`);
  if (mode === 'weeks') return minus(value, `${round(abs, 1)} wk`);
  return format(value, 'yyyy-MM-dd');
}

export function axisTitle(axis: TimeAxis): string {
  if (axis.mode === 'date') return 'Date';
  const unit = axis.mode === 'days' ? 'Days' : 'Weeks';
  const { origin } = axis;
  if (origin.kind === 'baseline') return `${unit} since baseline (${origin.date})`;
  const what = origin.label ?? 'index event';
  return `${unit} since ${what} (${origin.date})`;
}

/**
 * Axis bounds with a little room on each side, so a marker or a dose line on the first or
 * last day is not cut in half by the chart edge.
 */
export function xExtent(
  values: readonly number[],
  mode: TimeAxisMode,
): { readonly min: number; readonly max: number; readonly stepSize: number | undefined } {
  const unit = mode === 'date' ? DAY_MS : mode === 'weeks' ? 1 / 7 : 1;
  if (!values.length) return { min: 0, max: 28 * unit, stepSize: undefined };
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = Math.max(unit, (hi - lo) * 0.04);
  const span = hi - lo;
  const stepSize =
    mode === 'days' && span <= 120 ? 7 : mode === 'weeks' && span <= 26 ? 1 : undefined;
  return { min: lo - pad, max: hi + pad, stepSize };
}
