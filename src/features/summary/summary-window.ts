/**
 * The part of a patient's course the printed summary shows: the chosen scales and the
 * chosen date range. Courses are analysed over every visit first and only then cut to the
 * range, so change, percent change and status are always counted from the true baseline,
 * and the baseline visit stays in the table (a change means nothing without it).
 */
import type { Course } from '../../domain/course';
import type { ScaleCourse } from '../../domain/patient-course';
import type { ScaleId } from '../../domain/scale-types';
import type { IsoDate } from '../../domain/time';

export interface DateRange {
  /** Inclusive; null = from the first visit. */
  readonly from: IsoDate | null;
  /** Inclusive; null = to the last visit. */
  readonly to: IsoDate | null;
}

export const inRange = (date: IsoDate, range: DateRange): boolean =>
  (range.from === null || date >= range.from) && (range.to === null || date <= range.to);

// Not imported from domain/course: the lint rule that keeps features apart takes that path
// for the `course` feature folder.

const baselineId = (c: ScaleCourse): string | undefined =>
  c.course.baselineIndex === null ? undefined : c.course.points[c.course.baselineIndex]?.id;

function cutCourse(course: Course, keep: ReadonlySet<string>): Course {
  const baseline = course.baselineIndex === null ? undefined : course.points[course.baselineIndex];
  const points = course.points.filter((p) => keep.has(p.id));
  const index = baseline ? points.indexOf(baseline) : -1;
  return { ...course, points, baselineIndex: index < 0 ? null : index };
}

/**
 * The chosen scales, each cut to the visits in the range plus every chosen scale's
 * baseline visit. Every course keeps the same visits, so the table's columns line up.
 */
export function windowCourses(
  courses: readonly ScaleCourse[],
  scales: ReadonlySet<ScaleId>,
  range: DateRange,
): ScaleCourse[] {
  const chosen = courses.filter((c) => scales.has(c.scale.id));
  const keep = new Set<string>();
  for (const c of chosen) {
    const base = baselineId(c);
    if (base !== undefined) keep.add(base);
    for (const p of c.course.points) if (inRange(p.date, range)) keep.add(p.id);
  }
  return chosen.map((c) => ({ ...c, course: cutCourse(c.course, keep) }));
}

/** True when the range leaves out any visit of the chosen courses. */
export function isCut(courses: readonly ScaleCourse[], range: DateRange): boolean {
  return courses.some((c) => c.course.points.some((p) => !inRange(p.date, range)));
}

interface Dated {
  readonly date: IsoDate;
  readonly endDate?: IsoDate | undefined;
  readonly isIndex: boolean;
}

/**
 * Treatment events for the events table: everything up to the end of the range (earlier
 * medication is the context of the course), and always the index event.
 */
export function eventsForTable<E extends Dated>(events: readonly E[], range: DateRange): E[] {
  return events.filter((e) => e.isIndex || range.to === null || e.date <= range.to);
}

/**
 * Events drawn on the charts: those within the visits shown (an event months before the
 * baseline would squeeze the course into a corner), and always the index event.
 */
export function eventsForCharts<E extends Dated>(
  events: readonly E[],
  visitDates: readonly IsoDate[],
): E[] {
  const first = visitDates.reduce<IsoDate | null>((a, d) => (a === null || d < a ? d : a), null);
  const last = visitDates.reduce<IsoDate | null>((a, d) => (a === null || d > a ? d : a), null);
  return events.filter(
    (e) =>
      e.isIndex ||
      (first !== null && last !== null && (e.endDate ?? e.date) >= first && e.date <= last),
  );
}
