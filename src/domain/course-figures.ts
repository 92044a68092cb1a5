import type { Course, CoursePoint, PointRef } from './course';
import type { ScaleDefinition } from './scale-types';
import { daysBetween, type IsoDate } from './time';

export interface TimedPoint {
  readonly id: string;
  readonly date: IsoDate;
  readonly total: number;
  /** Days since the origin (index event, else baseline). */
  readonly days: number;
}

/** The figures a clinician reads above the charts; days are counted from `origin`. */
export interface CourseFigures {
  readonly origin: { readonly kind: 'index event' | 'baseline'; readonly date: IsoDate } | null;
  readonly timeToResponse: number | null;
  readonly timeToRemission: number | null;
  /** From the first response to the first visit that no longer meets it. */
  readonly responseDuration: { readonly days: number; readonly ongoing: boolean } | null;
  readonly timeToRelapse: number | null;
  /** Best score from baseline on: the lowest (nadir) on symptom scales, the highest on DARS. */
  readonly best: TimedPoint | null;
  readonly last: TimedPoint | null;
}

const isGood = (p: CoursePoint) => p.status === 'response' || p.status === 'remission';

export function courseFigures(
  scale: ScaleDefinition,
  course: Course,
  indexDate?: IsoDate | null,
): CourseFigures {
  const baseline = course.baselineIndex === null ? undefined : course.points[course.baselineIndex];
  const origin = indexDate
    ? { kind: 'index event' as const, date: indexDate }
    : baseline
      ? { kind: 'baseline' as const, date: baseline.date }
      : null;
  const since = (r: PointRef | undefined) =>
    r && origin ? daysBetween(origin.date, r.date) : null;

  const rated = course.points.filter(
    (p, i): p is CoursePoint & { total: number } =>
      p.total !== null && course.baselineIndex !== null && i >= course.baselineIndex,
  );
  const timed = (p: CoursePoint & { total: number }): TimedPoint => ({
    id: p.id,
    date: p.date,
    total: p.total,
    days: origin ? daysBetween(origin.date, p.date) : 0,
  });
  const better = (a: number, b: number) => (scale.direction === 'higher-is-better' ? a > b : a < b);
  const best = rated.reduce<(CoursePoint & { total: number }) | undefined>(
    (acc, p) => (acc === undefined || better(p.total, acc.total) ? p : acc),
    undefined,
  );
  const last = rated[rated.length - 1];

  let responseDuration: CourseFigures['responseDuration'] = null;
  const start = course.events.response ?? course.events.remission;
  if (start) {
    const after = course.points.slice(start.index + 1).filter((p) => p.total !== null);
    const end = after.find((p) => !isGood(p));
    const lastGood = end ?? after[after.length - 1];
    responseDuration = {
      days: lastGood ? daysBetween(start.date, lastGood.date) : 0,
      ongoing: end === undefined,
    };
  }

  return {
    origin,
    timeToResponse: since(course.events.response),
    timeToRemission: since(course.events.remission),
    responseDuration,
    timeToRelapse: since(course.events.relapse),
    best: best ? timed(best) : null,
    last: last ? timed(last) : null,
  };
}
