import { parseISO, isValid } from 'date-fns';

/** Dates are ISO calendar dates, 'YYYY-MM-DD', as a clinician writes a visit date. */
export type IsoDate = string;

export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && isValid(parseISO(value));
}

const dayNumber = (date: IsoDate): number =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) /
  86_400_000;

/**
 * Whole calendar days from `from` to `to` (negative when `to` is earlier). Plain UTC day
 * numbers: no time zone or daylight-saving shift can make a week 6 or 8 days, and it is
 * cheap enough for charts of hundreds of visits.
 */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * Time since the index event as clinicians say it: whole weeks as "1 wk", other spans in
 * days ("10 d"), before the event with a minus sign ("−6 d"), the day itself "day 0".
 */
export function timeSinceLabel(days: number): string {
  if (days === 0) return 'day 0';
  const sign = days < 0 ? '−' : '';
  const abs = Math.abs(days);
  return abs % 7 === 0 ? `${sign}${abs / 7} wk` : `${sign}${abs} d`;
}

const count = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/**
 * Time from the index event in words, for headings: the unit that reads best (days up to
 * two weeks and for spans that are not whole weeks up to about two months, weeks, months
 * up to two years, then years), and "before" for a date before the event. Never "−19303 d".
 */
export function timeFromIndexPhrase(days: number, eventLabel: string): string {
  if (days === 0) return `on the day of ${eventLabel}`;
  const abs = Math.abs(days);
  const side = days < 0 ? 'before' : 'after';
  let span: string;
  if (abs < 14 || (abs <= 60 && abs % 7 !== 0)) span = count(abs, 'day');
  else if (abs <= 60) span = count(abs / 7, 'week');
  else if (abs < 730) span = `about ${count(Math.round(abs / 30.4375), 'month')}`;
  else span = `about ${count(Math.round(abs / 365.25), 'year')}`;
  return `${span} ${side} ${eventLabel}`;
}
