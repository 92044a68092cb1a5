import type { AssessmentEntry } from './assessment';
import { analyseCourse, type Course, type CourseInput } from './course';
import { courseFigures, type CourseFigures } from './course-figures';
import { scalesInUse } from './scales/registry';
import type { ScaleRegistry } from './scales/scale-registry';
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
  /** The definition version the entry was recorded under (absent: the current one). */
  readonly scaleVersion?: string;
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
  /** The scale definitions to score with (default: the scales in use, built-in and clinic-defined). */
  readonly registry?: ScaleRegistry;
}

/** One scale followed over every visit of a patient. */
export interface ScaleCourse {
  readonly scale: ScaleDefinition;
  /** One point per visit (sorted by date); total null where the scale has no total. */
  readonly course: Course;
  /** Score per visit id, where the scale was rated. */
  readonly scores: ReadonlyMap<string, Score>;
  /**
   * Per visit id, the definition version that scored it: the one the entry was recorded
   * under, so a newer definition never rescores an old record. Response, remission and
   * relapse follow the current definition (`scale`), one rule across the whole course.
   */
  readonly scoredWith: ReadonlyMap<string, ScaleDefinition>;
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
  const registry = request.registry ?? scalesInUse();
  return registry.current.flatMap((scale) => {
    const own = assessments.filter((a) => a.scaleId === scale.id);
    if (own.length === 0) return [];
    const scores = new Map<string, Score>();
    const scoredWith = new Map<string, ScaleDefinition>();
    for (const a of own) {
      // A version the registry does not know is read with the current definition, as scaleOf
      // does (imports refuse such versions).
      const definition =
        (a.scaleVersion === undefined ? undefined : registry.find(scale.id, a.scaleVersion)) ??
        scale;
      const result = scoreEntry(definition, a.entry);
      if (!result.ok) continue;
      scores.set(a.visitId, result.score);
      scoredWith.set(a.visitId, definition);
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
    const figures = courseFigures(scale, course, request.indexDate);
    return [{ scale, course, scores, scoredWith, figures }];
  });
}

/**
 * The scale that sums up a patient's state: the rated one with a baseline and the lowest
 * `summaryRank` (HAMD-17, else MADRS, else PHQ-9).
 */
export function primaryCourse(courses: readonly ScaleCourse[]): ScaleCourse | undefined {
  const ranked = courses.filter(
    (c) => c.scale.summaryRank !== undefined && c.course.baselineIndex !== null,
  );
  return ranked.sort((a, b) => (a.scale.summaryRank ?? 0) - (b.scale.summaryRank ?? 0))[0];
}
