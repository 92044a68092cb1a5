/**
 * The dezocine reference course (Table 1, ./table-1.ts) through the domain pipeline, shared
 * by the reference-case tests.
 */
import type { SummaryEntry } from '../assessment';
import { analyseCourse, type Course, type CourseInput } from '../course';
import { changeFromBaseline, type Change } from '../change';
import { scoreEntry } from '../scoring';
import type { ScaleDefinition } from '../scale-types';
import { TABLE_1, TABLE_1_SCALES, TIME_POINTS, table1Entry, type Table1Scale } from './table-1';

export const INDEX_DATE = TABLE_1.indexDate;
export const DATES = TABLE_1.dates;
export const IDS = ['baseline', 'w1', 'w2', 'w3', 'w4'] as const;

export const HAMD_TOTALS = TABLE_1['HAMD-17'].total;
export const MADRS_TOTALS = TABLE_1.MADRS.total;
export const PHQ_TOTALS = TABLE_1['PHQ-9'].total;
export const DARS_TOTALS = TABLE_1.DARS.total;

export const WEEKS = [1, 2, 3, 4] as const;

const isTable1Scale = (id: string): id is Table1Scale =>
  (TABLE_1_SCALES as readonly string[]).includes(id);

/** Table 1 for one scale at time point t (0 = baseline), as a summary entry. */
export function summaryAt(scaleId: string, t: number): SummaryEntry {
  const point = TIME_POINTS.find((p) => p === t);
  if (!isTable1Scale(scaleId) || point === undefined)
    throw new Error(`Table 1 has no ${scaleId} at time point ${t}`);
  return table1Entry(scaleId, point);
}

/** Score every time point of one scale through the real pipeline, then follow the course. */
export function courseInput(scale: ScaleDefinition): CourseInput[] {
  return TIME_POINTS.map((t) => {
    const result = scoreEntry(scale, summaryAt(scale.id, t));
    if (!result.ok) throw new Error(result.issues.map((i) => i.message).join(' '));
    return { id: IDS[t], date: DATES[t], total: result.score.total };
  });
}

export const follow = (scale: ScaleDefinition, relapseRuleId?: string): Course =>
  analyseCourse(scale, courseInput(scale), { indexDate: INDEX_DATE, relapseRuleId });

export const changes = (scale: ScaleDefinition, totals: readonly number[]): Change[] =>
  WEEKS.map((w) => {
    const result = changeFromBaseline(scale, totals[0]!, totals[w]!);
    if (!result.ok) throw new Error(result.reason);
    return result.value;
  });
