/**
 * What the cohort page draws of a summary (cohort-summary.ts): every figure of the tables,
 * and of each patient's series only what the charts and Kaplan–Meier estimates read. The
 * full series (every visit's total, change and subscales, about 100,000 points for 1,000
 * patients × 26 visits × 4 scales) stays where the summary was computed, for the long CSV.
 */
import type { CohortSummary } from './cohort-summary';
import type { PatientSeries, SeriesPoint } from './patient-series';

/** A point of a patient's line on the improvement axis. */
export type LinePoint = Pick<SeriesPoint, 'day' | 'improvementShare'>;

/** One patient's series as drawn: a `PatientSeries` fits it. */
export interface SeriesLine extends Pick<
  PatientSeries,
  'patientId' | 'armId' | 'scaleId' | 'responseDay' | 'remissionDay' | 'relapseDay' | 'lastDay'
> {
  /** The points that have an improvement share (the others are not drawn). */
  readonly points: readonly LinePoint[];
}

/** A summary as the page draws it: a `CohortSummary` fits it. */
export interface CohortView extends Omit<CohortSummary, 'series'> {
  readonly series: readonly SeriesLine[];
}

/**
 * The summary without what is never drawn: same figures, a tenth of the size to send from
 * the worker to the page.
 */
export function toCohortView(summary: CohortSummary): CohortView {
  const { series, ...figures } = summary;
  return {
    ...figures,
    series: series.map((s) => {
      const points: LinePoint[] = [];
      for (const p of s.points) {
        if (p.improvementShare !== null)
          points.push({ day: p.day, improvementShare: p.improvementShare });
      }
      return {
        patientId: s.patientId,
        armId: s.armId,
        scaleId: s.scaleId,
        responseDay: s.responseDay,
        remissionDay: s.remissionDay,
        relapseDay: s.relapseDay,
        lastDay: s.lastDay,
        points,
      };
    }),
  };
}
