import { differenceInCalendarDays, parseISO, isValid } from 'date-fns';

/** Dates are ISO calendar dates, 'YYYY-MM-DD', as a clinician writes a visit date. */
export type IsoDate = string;

export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && isValid(parseISO(value));
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(parseISO(to), parseISO(from));
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
