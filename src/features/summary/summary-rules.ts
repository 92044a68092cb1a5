/**
 * The footer's facts: which rules produced the bands, statuses and relapse on the page, the
 * scale versions rated, and the copyright notices the scales' licences ask to be shown.
 */
import type { ScaleCourse } from '../../domain/patient-course';
import type { ScaleId } from '../../domain/scale-types';
import { bandConvention } from '../../domain/severity';

export interface ScaleRules {
  readonly scaleId: ScaleId;
  readonly name: string;
  /** Versions the assessments were made with; the definition's when none is stored. */
  readonly versions: readonly string[];
  readonly bands: string | null;
  readonly response: string | null;
  readonly remission: string | null;
  readonly relapse: string | null;
  readonly copyright: string;
  /** E.g. a stale rule preference replaced by the default. */
  readonly notes: readonly string[];
}

export function scaleRules(
  courses: readonly ScaleCourse[],
  bandConventionId: (scaleId: ScaleId) => string | undefined,
  versionsRated: ReadonlyMap<ScaleId, ReadonlySet<string>>,
): ScaleRules[] {
  return courses.map(({ scale, course }) => {
    const bands = bandConvention(scale, bandConventionId(scale.id));
    const rated = [...(versionsRated.get(scale.id) ?? [])];
    return {
      scaleId: scale.id,
      name: scale.name,
      versions: rated.length ? rated : [scale.version],
      bands: bands.ok ? bands.value.name : null,
      response: scale.response?.label ?? null,
      remission: course.rules.remission?.label ?? null,
      relapse: course.rules.relapse?.label ?? null,
      copyright: scale.copyright,
      notes: course.notes,
    };
  });
}

/** True when any shown total is transcribed summary data rather than item responses. */
export const hasSummaryData = (courses: readonly ScaleCourse[]): boolean =>
  courses.some((c) => c.course.points.some((p) => c.scores.get(p.id)?.completeness === 'summary'));
