/**
 * Whether a clinical date makes sense. Pure: "today" is passed in. A date before the
 * patient's birth year is impossible and refused; a date after today is possible (a planned
 * visit, a booked infusion) but is most often a mistyped year, so it needs confirming.
 */
import type { IsoDate } from './time';

export type DateCheck =
  | { readonly kind: 'ok' }
  | { readonly kind: 'refused'; readonly reason: string }
  | { readonly kind: 'confirm'; readonly reason: string };

export function checkClinicalDate(
  what: string,
  date: IsoDate,
  context: { readonly today: IsoDate; readonly birthYear?: number | undefined },
): DateCheck {
  const year = Number(date.slice(0, 4));
  if (context.birthYear !== undefined && year < context.birthYear)
    return {
      kind: 'refused',
      reason: `${what} ${date} is before the patient's birth year (${context.birthYear}). Check the year.`,
    };
  if (date > context.today)
    return {
      kind: 'confirm',
      reason: `${what} ${date} is after today (${context.today}). A mistyped year is the usual cause.`,
    };
  return { kind: 'ok' };
}

/** Today's calendar date where the clinician is (local time), as YYYY-MM-DD. */
export function localToday(now: Date = new Date()): IsoDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
