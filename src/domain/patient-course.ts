import type { AssessmentEntry } from './assessment';
import { analyseCourse, type Course, type CourseInput } from './course';
import { courseFigures, type CourseFigures } from './course-figures';
import { SCALES } from './scales/registry';
import type { ScaleDefinition, ScaleId } from './scale-types';
import { scoreEntry, type Score } from './scoring';
import type { IsoDate } from './time';
import { compareDated, type ClockTime } from './visit-time';

export interface VisitInput {
  readonly id: string;
  readonly date: IsoDate;
  readonly time?: ClockTime | undefined;
}

export interface AssessmentInput {
  readonly id: string;
  readonly visitId: string;
  readonly scaleId: ScaleId;
  readonly entry: AssessmentEntry;
}

export interface RuleChoice {
  readonly bandConvention?: string | undefined;
  readonly remissionRule?: string | undefined;
  readonly relapseRule?: string | undefined;
}

export interface CourseRequest {
  readonly indexDate?: IsoDate | null | undefined;
  /** The index event's time of day, when recorded. */
  readonly indexTime?: ClockTime | null | undefined;
  /** A visit the clinician chose as baseline (else the default rule). */
  readonly baselineVisitId?: string | undefined;
  readonly rules?: Partial<Record<ScaleId, RuleChoice>>;
}

/** One scale followed over every visit of a patient. */
export interface ScaleCourse {
  readonly scale: ScaleDefinition;
  /** One point per visit (sorted by date); total null where the scale has no total. */
  readonly course: Course;
  /** Score per visit id, where the scale was rated. */
  readonly scores: ReadonlyMap<string, Score>;
  readonly figures: CourseFigures;
}

/**
 * Scores every assessment and follows each rated scale across all the patient's visits, so a
 * visit without a scale is a gap in that scale's course, never a zero.
 */
export function buildPatientCourses(
  visits: readonly VisitInput[],
  assessments: readonly AssessmentInput[],
  request: CourseRequest = {},
): ScaleCourse[] {
  const sorted = [...visits].sort(compareDated);
  return SCALES.flatMap((scale) => {
    const own = assessments.filter((a) => a.scaleId === scale.id);
    if (own.length === 0) return [];
    const scores = new Map<string, Score>();
    for (const a of own) {
      const result = scoreEntry(scale, a.entry);
      if (result.ok) scores.set(a.visitId, result.score);
    }
    const inputs: CourseInput[] = sorted.map((v) => ({
      id: v.id,
      date: v.date,
      ...(v.time ? { time: v.time } : {}),
      total: scores.get(v.id)?.total ?? null,
    }));
    const rules = request.rules?.[scale.id];
    const course = analyseCourse(scale, inputs, {
      baselineId: request.baselineVisitId,
      indexDate: request.indexDate,
      indexTime: request.indexTime,
      remissionRuleId: rules?.remissionRule,
      relapseRuleId: rules?.relapseRule,
    });
    return [{ scale, course, scores, figures: courseFigures(scale, course, request.indexDate) }];
  });
}

/** The scale that sums up a patient's state: HAMD-17, else MADRS, else PHQ-9. */
export function primaryCourse(courses: readonly ScaleCourse[]): ScaleCourse | undefined {
  for (const id of ['HAMD-17', 'MADRS', 'PHQ-9'] as const) {
    const found = courses.find((c) => c.scale.id === id && c.course.baselineIndex !== null);
    if (found) return found;
  }
  return undefined;
}
