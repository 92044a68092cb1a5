/**
 * The dezocine reference course (Table 1, src/domain/testing/table-1.ts) as chart input, for
 * the chart tests. Summary data: only totals and the DARS domains were published.
 */
import { analyseCourse, type Course } from '../../domain/course';
import type { ScaleDefinition, ScaleId } from '../../domain/scale-types';
import { TABLE_1 } from '../../domain/testing/table-1';
import type { IsoDate } from '../../domain/time';
import type { PointMetaById, TreatmentEvent } from '../chart-types';

export const REF_DATES: readonly IsoDate[] = TABLE_1.dates;
export const REF_INDEX_DATE: IsoDate = TABLE_1.indexDate;

export const REF_TOTALS: Readonly<Partial<Record<ScaleId, readonly (number | null)[]>>> = {
  'HAMD-17': TABLE_1['HAMD-17'].total,
  MADRS: TABLE_1.MADRS.total,
  'PHQ-9': TABLE_1['PHQ-9'].total,
  DARS: TABLE_1.DARS.total,
};

export const REF_DARS_DOMAINS: Readonly<Record<string, readonly number[]>> = TABLE_1.DARS.domains;

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
