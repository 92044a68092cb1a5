/**
 * A visit's moment as FHIR writes it. A date alone stays a FHIR `date` ('2023-11-30'); with a
 * time of day it becomes a `dateTime`, which FHIR R4 requires to carry a time-zone offset
 * once hours are given ('2023-11-30T10:00:00+08:00'). The time was typed as the clinic's
 * local time, so the offset is the device's for that day (daylight saving included).
 */
import type { IsoDate } from '../../domain/time';
import type { ClockTime } from '../../domain/visit-time';

/** '+08:00', '-05:00', 'Z' is not used: FHIR readers take '+00:00' alike. */
export function offsetText(minutesEastOfUtc: number): string {
  const sign = minutesEastOfUtc < 0 ? '-' : '+';
  const abs = Math.abs(minutesEastOfUtc);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** Minutes east of UTC of this device's zone at that local date and time. */
export function localOffsetAt(date: IsoDate, time: ClockTime): number {
  const local = new Date(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
    Number(time.slice(0, 2)),
    Number(time.slice(3, 5)),
  );
  // getTimezoneOffset is minutes WEST of UTC; `|| 0` turns -0 into 0.
  return -local.getTimezoneOffset() || 0;
}

export function fhirDateTime(
  date: IsoDate,
  time: ClockTime | undefined,
  offset: (date: IsoDate, time: ClockTime) => number = localOffsetAt,
): string {
  return time === undefined ? date : `${date}T${time}:00${offsetText(offset(date, time))}`;
}
