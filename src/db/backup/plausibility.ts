/**
 * Content that is valid but unlikely: dates before 1900 or after today, a birth year after
 * one of the patient's visits. Such a file is not refused (a typo in an old record should
 * not block a restore) but each case is shown in the import plan, before anything is
 * written, naming the patient and the record.
 */
import type { Backup } from './backup-format';

/** Earliest plausible clinical date. */
export const EARLIEST_DATE = '1900-01-01';

/** The local calendar date, 'YYYY-MM-DD'. */
export function localToday(now: Date = new Date()): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

export function plausibilityWarnings(backup: Backup, today: string): string[] {
  const warnings: string[] = [];
  const codeOf = new Map(backup.patients.map((p) => [p.id, p.code]));
  const who = (patientId: string) => `Patient ${codeOf.get(patientId) ?? patientId}`;
  const checkDate = (patientId: string, what: string, date: string) => {
    if (date < EARLIEST_DATE)
      warnings.push(`${who(patientId)}, ${what}: the date ${date} is before 1900.`);
    else if (date > today)
      warnings.push(`${who(patientId)}, ${what}: the date ${date} is after today (${today}).`);
  };
  const thisYear = Number(today.slice(0, 4));
  for (const p of backup.patients) {
    if (p.birthYear === undefined) continue;
    if (p.birthYear < 1900)
      warnings.push(`Patient ${p.code}: birth year ${p.birthYear} is before 1900.`);
    else if (p.birthYear > thisYear)
      warnings.push(`Patient ${p.code}: birth year ${p.birthYear} is after this year.`);
  }
  for (const e of backup.events) {
    checkDate(e.patientId, `treatment event ${e.label} of ${e.date}`, e.date);
    if (e.endDate !== undefined)
      checkDate(e.patientId, `end of treatment event ${e.label} of ${e.date}`, e.endDate);
  }
  const birthYear = new Map(backup.patients.map((p) => [p.id, p.birthYear]));
  for (const v of backup.visits) {
    checkDate(v.patientId, `visit of ${v.date}`, v.date);
    const born = birthYear.get(v.patientId);
    if (born !== undefined && born > Number(v.date.slice(0, 4)))
      warnings.push(
        `${who(v.patientId)}, visit of ${v.date}: the birth year ${born} is after the visit.`,
      );
  }
  return warnings;
}
