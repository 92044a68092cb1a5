/**
 * One patient's course on one scale, aligned on the index event (day 0): every rated visit
 * with its day, total, subscales, change from the patient's baseline and course state. The
 * course rules are the app's (analyseCourse): the cohort counts what the course page shows.
 */
import { buildPatientCourses, type RuleChoice } from '../patient-course';
import type { ScaleId } from '../scale-types';
import { daysBetween } from '../time';
import type { CourseStatus } from '../course';
import type { CohortPatientInput } from './cohort-types';

export interface SeriesPoint {
  readonly visitId: string;
  readonly date: string;
  /** Days since the index event (negative before it). */
  readonly day: number;
  readonly isBaseline: boolean;
  readonly total: number;
  /** Signed change from baseline (value − baseline); null at baseline and on CGI-I. */
  readonly change: number | null;
  /** Signed percent change; null where undefined (baseline 0, CGI-I). */
  readonly percentChange: number | null;
  /** Share of the possible improvement achieved, ×100: the common axis across scales. */
  readonly improvementShare: number | null;
  readonly response: boolean | null;
  readonly remission: boolean | null;
  readonly status: CourseStatus;
  /** Subscale id → score (null when not known at this visit). */
  readonly subscales: Readonly<Record<string, number | null>>;
}

export interface PatientSeries {
  readonly patientId: string;
  readonly code: string;
  readonly armId: string;
  readonly scaleId: ScaleId;
  /** The baseline point; null on change scales (CGI-I) and when nothing is rated. */
  readonly baseline: SeriesPoint | null;
  /** Rated visits from the baseline on (baseline included), by date. */
  readonly points: readonly SeriesPoint[];
  /** Days since index of the first response, remission and relapse (course events). */
  readonly responseDay: number | null;
  readonly remissionDay: number | null;
  readonly relapseDay: number | null;
  /** Day of the last rated visit: where time-to-event is censored. */
  readonly lastDay: number;
}

/** Every scale's series for one patient; [] when the patient has no index event. */
export function patientSeries(
  patient: CohortPatientInput,
  rules: Partial<Record<ScaleId, RuleChoice>> = {},
): PatientSeries[] {
  const indexDate = patient.indexDate;
  if (indexDate === null) return [];
  const courses = buildPatientCourses(patient.visits, patient.assessments, {
    indexDate,
    baselineVisitId: patient.baselineVisitId,
    rules,
  });
  const dayOf = (date: string) => daysBetween(indexDate, date);
  return courses.flatMap((c) => {
    const baselineIndex = c.course.baselineIndex;
    const isChange = c.scale.kind === 'change';
    const points: SeriesPoint[] = [];
    c.course.points.forEach((p, i) => {
      if (p.total === null) return;
      if (!isChange && (baselineIndex === null || i < baselineIndex)) return;
      const score = c.scores.get(p.id);
      const subscales = Object.fromEntries(
        (score?.subscales ?? []).map((s) => [s.id, s.score] as const),
      );
      points.push({
        visitId: p.id,
        date: p.date,
        day: dayOf(p.date),
        isBaseline: i === baselineIndex,
        total: p.total,
        change: p.change?.change ?? null,
        percentChange: p.change?.percentChange ?? null,
        improvementShare: p.change?.improvementShare ?? (i === baselineIndex ? 0 : null),
        response: p.response,
        remission: p.remission,
        status: p.status,
        subscales,
      });
    });
    const last = points.at(-1);
    if (!last) return [];
    const ev = c.course.events;
    return [
      {
        patientId: patient.patientId,
        code: patient.code,
        armId: patient.armId,
        scaleId: c.scale.id,
        baseline: points.find((p) => p.isBaseline) ?? null,
        points,
        responseDay: ev.response ? dayOf(ev.response.date) : null,
        remissionDay: ev.remission ? dayOf(ev.remission.date) : null,
        relapseDay: ev.relapse ? dayOf(ev.relapse.date) : null,
        lastDay: last.day,
      },
    ];
  });
}
