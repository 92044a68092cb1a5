/**
 * The time of day of a visit or an event: optional, 'HH:mm' on the 24-hour clock, in the
 * clinic's local time (as written on the paper form). A day with several ratings (a
 * single-dose design: pre-dose, +2 h) orders its visits by time; a visit without a time
 * stands for the whole day.
 */
import { timeSinceLabel, type IsoDate } from './time';

/** 'HH:mm', 00:00 to 23:59. */
export type ClockTime = string;

export function isClockTime(value: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
}

/** A moment as the clinic writes it: a date, and the time of day when one was recorded. */
export interface Moment {
  readonly date: IsoDate;
  readonly time?: ClockTime | null | undefined;
}

/** A date alone stands for the start of its day. */
export const asMoment = (at: IsoDate | Moment): Moment =>
  typeof at === 'string' ? { date: at } : at;

export interface Dated {
  readonly id: string;
  readonly date: IsoDate;
  readonly time?: ClockTime | undefined;
}

/** By date, then by time (a visit without a time first on its day), then by id. */
export function compareDated(a: Dated, b: Dated): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  const x = a.time ?? '';
  const y = b.time ?? '';
  if (x !== y) return x < y ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** By date, then by time (without a time first on its day); equal moments keep their order. */
export function compareMoments(a: Moment, b: Moment): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  const x = a.time ?? '';
  const y = b.time ?? '';
  return x === y ? 0 : x < y ? -1 : 1;
}

/** '2023-11-30 10:00', or the date alone. */
export function dateTimeText(v: { readonly date: IsoDate; readonly time?: ClockTime | undefined }) {
  return v.time ? `${v.date} ${v.time}` : v.date;
}

/**
 * Why a visit cannot have this date and time next to the patient's other visits, or null.
 * Several visits on one day need a time each, all different: two untimed visits, or an
 * untimed one beside a timed one, could not be told apart or put in order.
 */
export function visitSlotClash(
  others: readonly Dated[],
  candidate: Dated,
  patientCode: string,
): string | null {
  const sameDay = others.filter((v) => v.id !== candidate.id && v.date === candidate.date);
  if (sameDay.length === 0) return null;
  const untimed = sameDay.find((v) => v.time === undefined);
  if (untimed) {
    return `${patientCode} already has a visit on ${candidate.date} without a time. Two visits on one day need a time each: give that visit its time first.`;
  }
  if (candidate.time === undefined) {
    return `${patientCode} already has a visit on ${candidate.date} (at ${sameDay
      .map((v) => v.time ?? '')
      .sort()
      .join(', ')}). Give this visit its time of day too.`;
  }
  if (sameDay.some((v) => v.time === candidate.time)) {
    return `${patientCode} already has a visit on ${candidate.date} at ${candidate.time}.`;
  }
  return null;
}

/** Local time of day: 'now' as the clinic's clock shows it, 'HH:mm'. */
export function localClockTime(now: Date = new Date()): ClockTime {
  return `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`;
}

const minuteOfDay = (time: ClockTime) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

const dayNumber = (date: IsoDate): number =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) /
  86_400_000;

/**
 * Hours from one moment to another, each a date with an optional time (no time = the start
 * of that day). Wall-clock hours: a daylight-saving change inside the span is not counted,
 * as a nurse writing "+2 h" on the form does not count it either.
 */
export function hoursBetween(from: Moment, to: Moment): number {
  const minutes =
    (dayNumber(to.date) - dayNumber(from.date)) * 1440 +
    minuteOfDay(to.time ?? '00:00') -
    minuteOfDay(from.time ?? '00:00');
  return minutes / 60;
}

/**
 * Whether a visit counts as on or before the index event: an earlier day, or the same day
 * unless both have a time and the visit's is later (pre-dose at 08:00, dose at 10:00, +2 h
 * at 12:00: only the first is before).
 */
export function onOrBeforeIndex(
  visit: { readonly date: IsoDate; readonly time?: ClockTime | undefined },
  index: { readonly date: IsoDate; readonly time?: ClockTime | undefined | null },
): boolean {
  if (visit.date !== index.date) return visit.date < index.date;
  if (!visit.time || !index.time) return true;
  return visit.time <= index.time;
}

/** The minutes past midnight of a time of day, as a share of the day (none: 0). */
export const dayFraction = (time: ClockTime | null | undefined): number =>
  time ? minuteOfDay(time) / 1440 : 0;

/** Whole calendar days from one date to another. */
export const calendarDays = (from: IsoDate, to: IsoDate): number => dayNumber(to) - dayNumber(from);

/** "+2 h", "−2 h", "0 h", "+1.5 h": signed hours, to the tenth. */
export function signedHours(hours: number): string {
  const abs = Math.round(Math.abs(hours) * 10) / 10;
  if (abs === 0) return '0 h';
  return `${hours < 0 ? '−' : '+'}${abs} h`;
}

/** Within this many calendar days of a timed index event, a timed visit is named in hours. */
const HOURS_WITHIN_DAYS = 2;

/**
 * Time since the index event as the course table and the visit heading say it. Visits on
 * the dose day and the two days after, when both the visit and the dose have a time, in
 * hours ("−2 h", "+2 h", "+24 h"); a timed visit otherwise in days with its clock time
 * ("day 0, 08:00", "1 wk, 10:00"); a visit without a time in days ("day 0", "1 wk").
 */
export function sinceIndexText(at: Moment, index: Moment): string {
  const days = calendarDays(index.date, at.date);
  if (at.time && index.time && Math.abs(days) <= HOURS_WITHIN_DAYS) {
    return signedHours(hoursBetween(index, at));
  }
  const day = timeSinceLabel(days);
  return at.time ? `${day}, ${at.time}` : day;
}

/**
 * The visit heading's phrase for a timed visit near a timed dose ("2 hours after
 * dezocine"), or null where the day phrase of time.ts reads better (same rule as
 * sinceIndexText).
 */
export function hoursFromIndexPhrase(at: Moment, index: Moment, label: string): string | null {
  if (!at.time || !index.time) return null;
  if (Math.abs(calendarDays(index.date, at.date)) > HOURS_WITHIN_DAYS) return null;
  const hours = hoursBetween(index, at);
  if (hours === 0) return `at the time of ${label}`;
  const abs = Math.round(Math.abs(hours) * 10) / 10;
  return `${abs} hour${abs === 1 ? '' : 's'} ${hours < 0 ? 'before' : 'after'} ${label}`;
}
