/**
 * The x axis of every course chart: hours, days or weeks since the index event, or the
 * calendar date. Time is counted from the index event when there is one, else from the
 * baseline (the same origin as the course figures in src/domain/course-figures.ts).
 *
 * The time of day goes all the way through, so two visits on one day get distinct x:
 * - hours: wall-clock hours from the index event's moment (its time, else the start of
 *   its day) to the visit's moment;
 * - days and weeks: whole days from the origin's date, plus the share of the day that had
 *   passed at the visit's time (a dose at 10:00 is drawn at day 0.42);
 * - date: the local timestamp of the date and time.
 * A visit or event without a time stands at the start of its day (00:00) in every mode,
 * and its table row names the day and says "no time" in hours mode, so nobody reads an
 * hour into it.
 */
import { format, parseISO } from 'date-fns';
import { daysBetween, timeSinceLabel, type IsoDate } from '../domain/time';
import { round } from '../domain/format';
import {
  asMoment,
  dayFraction,
  hoursBetween,
  signedHours,
  sinceIndexText,
  type ClockTime,
  type Moment,
} from '../domain/visit-time';
import type { TimeAxisChoice, TimeAxisMode, TreatmentEvent } from './chart-types';

export interface TimeOrigin {
  readonly date: IsoDate;
  /** The index event's (or baseline visit's) time of day, when recorded. */
  readonly time?: ClockTime | undefined;
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
  baseline: IsoDate | Moment | undefined,
  fallback: IsoDate | Moment | undefined,
): TimeOrigin {
  const indexEvent = events.find((e) => e.isIndex && (!indexDate || e.date === indexDate));
  const date = indexDate ?? indexEvent?.date;
  if (date) {
    const time = indexEvent?.time ?? undefined;
    return { date, ...(time ? { time } : {}), kind: 'index event', label: indexEvent?.label };
  }
  const from = asMoment(baseline ?? fallback ?? '1970-01-01');
  return { date: from.date, ...(from.time ? { time: from.time } : {}), kind: 'baseline' };
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

/**
 * The x value of a date, or of a date and time: hours, days, weeks (fractional: −6 d is
 * −6/7 wk) or a local timestamp. A moment without a time is the start of its day.
 */
export function xValue(when: IsoDate | Moment, axis: TimeAxis): number {
  const at = asMoment(when);
  switch (axis.mode) {
    case 'hours':
      return hoursBetween(axis.origin, at);
    case 'days':
      return daysSince(at.date, axis.origin) + dayFraction(at.time);
    case 'weeks':
      return (daysSince(at.date, axis.origin) + dayFraction(at.time)) / 7;
    case 'date':
      return parseISO(at.time ? `${at.date}T${at.time}` : at.date).getTime();
  }
}

/**
 * Time since the origin as clinicians say it, in the data tables and summaries. On the
 * hours axis: "+2 h", "−2 h", and "day 7 (no time)" for a visit without a time. Otherwise
 * as the course table says it: "1 wk", "−6 d", "day 0, 08:00", "+2 h" near a timed dose.
 */
export function timeSinceText(when: IsoDate | Moment, origin: TimeOrigin, mode?: TimeAxisMode) {
  const at = asMoment(when);
  if (mode === 'hours') {
    return at.time
      ? signedHours(hoursBetween(origin, at))
      : `${timeSinceLabel(daysSince(at.date, origin))} (no time)`;
  }
  if (!at.time) return timeSinceLabel(daysSince(at.date, origin));
  return sinceIndexText(at, origin);
}

const minus = (value: number, text: string) => (value < 0 ? `−${text}` : text);

/** Tick labels for the numeric modes; the 'date' mode is labelled by the date adapter. */
export function tickLabel(value: number, mode: TimeAxisMode): string {
  const abs = Math.abs(value);
  if (mode === 'hours') return value === 0 ? '0 h' : minus(value, `${round(abs, 1)} h`);
  if (value === 0) return 'day 0';
  if (mode === 'days') return minus(value, `${round(abs, 1)} d`);
  if (mode === 'weeks') return minus(value, `${round(abs, 1)} wk`);
  return format(value, 'yyyy-MM-dd');
}

export function axisTitle(axis: TimeAxis): string {
  if (axis.mode === 'date') return 'Date';
  const unit = axis.mode === 'hours' ? 'Hours' : axis.mode === 'days' ? 'Days' : 'Weeks';
  const { origin } = axis;
  // The clock time matters only when hours are counted from it.
  const when = axis.mode === 'hours' && origin.time ? `${origin.date} ${origin.time}` : origin.date;
  if (origin.kind === 'baseline') return `${unit} since baseline (${when})`;
  const what = origin.label ?? 'index event';
  return `${unit} since ${what} (${when})`;
}

/** One x-axis unit per day: 24 hours, 1 day, 1/7 week, or a day of milliseconds. */
export const unitsPerDay = (mode: TimeAxisMode): number =>
  mode === 'date' ? DAY_MS : mode === 'weeks' ? 1 / 7 : mode === 'hours' ? 24 : 1;

/**
 * Hours since the index event are offered, and chosen by the automatic axis, when every
 * visit lies within 8 days of the index event, before or after (without one, of the first
 * visit): a single-dose design's screening, pre-dose, +2 h, +24 h and day-7 visits fit; a
 * longer course is read in weeks.
 */
export const HOURS_AXIS_MAX_DAYS = 8;

export function hoursAxisOffered(visits: readonly Moment[], index: Moment | undefined): boolean {
  const from = index ?? visits[0];
  if (!from) return false;
  return visits.every((v) => Math.abs(hoursBetween(from, v)) <= HOURS_AXIS_MAX_DAYS * 24);
}

/** The axis drawn for a choice: 'auto' is hours for a short course (above), else weeks. */
export function resolveTimeAxis(choice: TimeAxisChoice, hoursOffered: boolean): TimeAxisMode {
  if (choice === 'auto') return hoursOffered ? 'hours' : 'weeks';
  return choice;
}

/**
 * Axis bounds with a little room on each side, so a marker or a dose line on the first or
 * last day is not cut in half by the chart edge.
 */
export function xExtent(
  values: readonly number[],
  mode: TimeAxisMode,
): { readonly min: number; readonly max: number; readonly stepSize: number | undefined } {
  const unit = mode === 'hours' ? 1 : unitsPerDay(mode);
  if (!values.length) return { min: 0, max: 28 * unitsPerDay(mode), stepSize: undefined };
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = Math.max(unit, (hi - lo) * 0.04);
  const span = hi - lo;
  const stepSize =
    mode === 'hours'
      ? span <= 48
        ? 6
        : span <= 400
          ? 24
          : undefined
      : mode === 'days' && span <= 120
        ? 7
        : mode === 'weeks' && span <= 26
          ? 1
          : undefined;
  return { min: lo - pad, max: hi + pad, stepSize };
}
