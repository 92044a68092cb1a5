import type { AssessmentEntry } from './assessment';
import { analyseCourse, type Course, type CourseInput } from './course';
import { courseFigures, type CourseFigures } from './course-figures';
import { SCALES } from './scales/registry';
import type { ScaleDefinition, ScaleId } from './scale-types';
import { scoreEntry, type Score } from './scoring';
import type { IsoDate } from './time';

export interface VisitInput {
  readonly id: string;
  readonly date: IsoDate;
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
  const sorted = [...visits].sort((a, b) =>
    a.date === b.date ? a.id.localeCompare(b.id) : a.date < b.date ? -1 : 1,
  );
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
      total: scores.get(v.id)?.total ?? null,
    }));
    const rules = request.rules?.[scale.id];
    const course = analyseCourse(scale, inputs, {
      baselineId: request.baselineVisitId,
      indexDate: request.indexDate,
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
