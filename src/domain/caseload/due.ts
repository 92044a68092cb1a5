/**
 * When a patient is next due, from the expected interval between visits (weekly unless the
 * clinician set another for the patient). Pure: "today" is passed in.
 *
 * - The next visit is due `interval` days after the last finished visit.
 * - Overdue: that day has passed (today is later than the due date).
 * - Due this week: the due date falls today or in the six days after (the next 7 days).
 * - A patient without a finished visit is due for a first visit now.
 */
import { daysBetween, type IsoDate } from '../time';

/** Weekly, as the trials behind the reference case rated. */
export const DEFAULT_VISIT_INTERVAL_DAYS = 7;
/** The interval a clinician may set, in whole days. */
export const VISIT_INTERVAL_LIMITS = { min: 1, max: 365 } as const;

export type DueState = 'overdue' | 'due-this-week' | 'first-visit' | 'later';

export interface VisitDue {
  readonly state: DueState;
  readonly intervalDays: number;
  readonly lastVisit: IsoDate | null;
  /** null when there is no finished visit to count from. */
  readonly dueDate: IsoDate | null;
  /** Days since the due date (overdue), or until it (negative or 0); null without a visit. */
  readonly daysLate: number | null;
}

/** The calendar date `days` after `date` (UTC day numbers, so no daylight-saving shift). */
export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = [date.slice(0, 4), date.slice(5, 7), date.slice(8, 10)].map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
}

/** The patient's interval: the one set, else weekly. */
export function intervalOf(expectedIntervalDays: number | undefined): number {
  return expectedIntervalDays ?? DEFAULT_VISIT_INTERVAL_DAYS;
}

export function visitDue(
  lastVisit: IsoDate | null,
  expectedIntervalDays: number | undefined,
  today: IsoDate,
): VisitDue {
  const intervalDays = intervalOf(expectedIntervalDays);
  if (lastVisit === null)
    return { state: 'first-visit', intervalDays, lastVisit, dueDate: null, daysLate: null };
  const dueDate = addDays(lastVisit, intervalDays);
  const daysLate = daysBetween(dueDate, today);
  const state: DueState = daysLate > 0 ? 'overdue' : daysLate > -7 ? 'due-this-week' : 'later';
  return { state, intervalDays, lastVisit, dueDate, daysLate };
}

/** Words for the due column: "3 days overdue", "due today", "due in 2 days", "first visit". */
export function dueText(due: VisitDue): string {
  const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;
  if (due.daysLate === null) return 'first visit due';
  if (due.daysLate > 0) return `${days(due.daysLate)} overdue`;
  if (due.daysLate === 0) return 'due today';
  return `due in ${days(-due.daysLate)}`;
}
