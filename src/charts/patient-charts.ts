import type { ScaleCourse } from '../domain/patient-course';
import type { IsoDate } from '../domain/time';
import type { AllScalesInput } from './all-scales';
import type { PointMetaById, TimeAxisChoice, TimeAxisMode, TreatmentEvent } from './chart-types';
import { hoursAxisOffered, resolveTimeAxis } from './time-axis';
import type { DarsDomainsInput } from './dars-domains';
import type { TrajectoryInput } from './trajectory';

/** A treatment event as stored, reduced to what a chart marker needs. */
export interface EventLike {
  readonly id: string;
  readonly date: IsoDate;
  /** The time of day, when recorded. */
  readonly time?: string | undefined;
  readonly label: string;
  readonly dose?: number | undefined;
  readonly unit?: string | undefined;
  readonly route?: string | undefined;
  readonly isIndex: boolean;
}

export interface PatientChartsRequest {
  readonly courses: readonly ScaleCourse[];
  readonly events: readonly EventLike[];
  readonly indexDate: IsoDate | null;
  /** The clinician's choice; 'auto' is resolved here from the course's span. */
  readonly timeAxis: TimeAxisChoice;
  readonly bandConvention: (scaleId: string) => string | undefined;
}

export interface PatientCharts {
  readonly trajectories: readonly TrajectoryInput[];
  readonly allScales: AllScalesInput | null;
  readonly darsDomains: DarsDomainsInput | null;
  /** The axis drawn. */
  readonly timeAxis: TimeAxisMode;
  /** Whether the course is short enough for hours since the index event. */
  readonly hoursOffered: boolean;
}

/** "dezocine 0.1 mg/kg IV": drug and dose, as the marker label. */
export function markerLabel(e: EventLike): string {
  const dose = e.dose === undefined ? '' : ` ${e.dose}${e.unit ? ` ${e.unit}` : ''}`;
  return `${e.label}${dose}${e.route ? ` ${e.route}` : ''}`;
}

const pointMetaOf = (c: ScaleCourse): PointMetaById =>
  Object.fromEntries(
    [...c.scores].map(([visitId, score]) => {
      const definition = c.scoredWith.get(visitId);
      const older = definition !== undefined && definition !== c.scale;
      return [
        visitId,
        {
          completeness: score.completeness,
          note: score.note,
          scoredWith: older ? definition : undefined,
        },
      ];
    }),
  );

/**
 * Every chart of one patient's course, from the domain's courses: one trajectory per
 * severity scale, the all-scales chart when two or more scales have a baseline, and the
 * DARS domains when DARS was rated. Used by the course view and by the print summary.
 */
export function patientCharts(req: PatientChartsRequest): PatientCharts {
  const events: TreatmentEvent[] = req.events.map((e) => ({
    id: e.id,
    date: e.date,
    ...(e.time ? { time: e.time } : {}),
    label: markerLabel(e),
    isIndex: e.isIndex,
  }));
  const index = events.find((e) => e.isIndex && e.date === req.indexDate);
  const points = req.courses.flatMap((c) => c.course.points);
  const hoursOffered = hoursAxisOffered(
    points,
    index ?? (req.indexDate ? { date: req.indexDate } : undefined),
  );
  const timeAxis = resolveTimeAxis(req.timeAxis, hoursOffered);
  const severity = req.courses.filter((c) => c.scale.kind === 'severity');
  const trajectories = severity.map((c): TrajectoryInput => ({
    scale: c.scale,
    course: c.course,
    pointMeta: pointMetaOf(c),
    events,
    bandConventionId: req.bandConvention(c.scale.id),
    timeAxis,
    indexDate: req.indexDate,
  }));
  const withBaseline = severity.filter((c) => c.course.baselineIndex !== null);
  const dars = req.courses.find((c) => c.scale.subscaleProfile === true);
  return {
    trajectories,
    allScales:
      withBaseline.length >= 2
        ? { courses: withBaseline, events, timeAxis, indexDate: req.indexDate }
        : null,
    darsDomains: dars
      ? {
          scale: dars.scale,
          visits: dars.course.points.flatMap((p) => {
            const score = dars.scores.get(p.id);
            return score
              ? [
                  {
                    id: p.id,
                    date: p.date,
                    ...(p.time ? { time: p.time } : {}),
                    subscales: score.subscales,
                    completeness: score.completeness,
                  },
                ]
              : [];
          }),
          events,
          timeAxis,
          indexDate: req.indexDate,
        }
      : null,
    timeAxis,
    hoursOffered,
  };
}
