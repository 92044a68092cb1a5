/**
 * The dezocine reference course (shared/reference/dezocine-case.md, Table 1) as chart input,
 * for the chart tests. Summary data: only totals and the DARS domains were published.
 */
import { analyseCourse, type Course } from '../../domain/course';
import type { ScaleDefinition, ScaleId } from '../../domain/scale-types';
import type { IsoDate } from '../../domain/time';
import type { PointMetaById, TreatmentEvent } from '../chart-types';

export const REF_DATES: readonly IsoDate[] = [
  '2023-11-24',
  '2023-12-07',
  '2023-12-14',
  '2023-12-21',
  '2023-12-28',
];
export const REF_INDEX_DATE: IsoDate = '2023-11-30';

export const REF_TOTALS: Readonly<Partial<Record<ScaleId, readonly (number | null)[]>>> = {
  'HAMD-17': [18, 2, 5, 10, 17],
  MADRS: [23, 4, 9, 15, 22],
  'PHQ-9': [14, 1, 2, 8, 12],
  DARS: [17, 52, 49, 35, 28],
};

export const REF_DARS_DOMAINS: Readonly<Record<string, readonly number[]>> = {
  hobbies: [3, 15, 15, 9, 9],
  food: [4, 9, 5, 8, 7],
  social: [4, 10, 10, 4, 1],
  sensory: [6, 18, 19, 14, 11],
};

export const REF_INDEX_EVENT: TreatmentEvent = {
  id: 'dose-1',
  date: REF_INDEX_DATE,
  label: 'dezocine 0.1 mg/kg IV',
  isIndex: true,
};

/** A hypothetical re-dose, to check that several dose events are all drawn. */
export const REF_REDOSE: TreatmentEvent = {
  id: 'dose-2',
  date: '2023-12-21',
  label: 'dezocine 0.1 mg/kg IV (re-dose)',
  isIndex: false,
};

export const pointId = (scale: ScaleId, i: number): string => `${scale}-${i}`;

export function referenceCourse(
  scale: ScaleDefinition,
  totals: readonly (number | null)[] = REF_TOTALS[scale.id] ?? [],
  dates: readonly IsoDate[] = REF_DATES,
): Course {
  const input = totals.map((total, i) => ({
    id: pointId(scale.id, i),
    date: dates[i] ?? '2024-01-01',
    total,
  }));
  return analyseCourse(scale, input, { indexDate: REF_INDEX_DATE });
}

/** Every reference point is summary data (published totals, items unknown). */
export function summaryMeta(course: Course): PointMetaById {
  return Object.fromEntries(
    course.points.map((p) => [
      p.id,
      { completeness: 'summary' as const, note: 'Table 1 of the case report' },
    ]),
  );
}
