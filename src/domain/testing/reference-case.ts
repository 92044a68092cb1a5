/**
 * The dezocine reference course (Wang, Lyu & Zhao 2024, Front Pharmacol 15:1411119, Table 1)
 * as domain inputs, shared by the reference-case tests.
 */
import type { SummaryEntry } from '../assessment';
import { analyseCourse, type Course, type CourseInput } from '../course';
import { changeFromBaseline, type Change } from '../change';
import { scoreEntry } from '../scoring';
import type { ScaleDefinition } from '../scale-types';

// Timeline (dezocine-case.md): baseline 2023-11-24, dezocine 2023-11-30, weekly follow-ups.
export const INDEX_DATE = '2023-11-30';
export const DATES = [
  '2023-11-24',
  '2023-12-07',
  '2023-12-14',
  '2023-12-21',
  '2023-12-28',
] as const;
export const IDS = ['baseline', 'w1', 'w2', 'w3', 'w4'] as const;

// Table 1 (Wang 2024): baseline, 1, 2, 3, 4 weeks after the dezocine dose.
export const HAMD_TOTALS = [18, 2, 5, 10, 17] as const;
export const MADRS_TOTALS = [23, 4, 9, 15, 22] as const;
export const PHQ_TOTALS = [14, 1, 2, 8, 12] as const;
export const DARS_TOTALS = [17, 52, 49, 35, 28] as const;
export const DARS_DOMAINS = {
  hobbies: [3, 15, 15, 9, 9],
  food: [4, 9, 5, 8, 7],
  social: [4, 10, 10, 4, 1],
  sensory: [6, 18, 19, 14, 11],
} as const;
export const HAMD_ITEM7 = [4, 0, 0, 2, 3] as const;
export const MADRS_ITEM8 = [4, 0, 0, 2, 4] as const;
export const PHQ_ITEM1 = [3, 0, 0, 1, 3] as const;

export const WEEKS = [1, 2, 3, 4] as const;

export const summaryAt = (scaleId: string, t: number): SummaryEntry => {
  const at = (values: readonly number[]) => values[t]!;
  switch (scaleId) {
    case 'HAMD-17':
      return {
        mode: 'summary',
        total: at(HAMD_TOTALS),
        subscales: {},
        items: { '7': at(HAMD_ITEM7) },
      };
    case 'MADRS':
      return {
        mode: 'summary',
        total: at(MADRS_TOTALS),
        subscales: {},
        items: { '8': at(MADRS_ITEM8) },
      };
    case 'PHQ-9':
      return {
        mode: 'summary',
        total: at(PHQ_TOTALS),
        subscales: {},
        items: { '1': at(PHQ_ITEM1) },
      };
    default:
      return {
        mode: 'summary',
        total: at(DARS_TOTALS),
        subscales: {
          hobbies: at(DARS_DOMAINS.hobbies),
          food: at(DARS_DOMAINS.food),
          social: at(DARS_DOMAINS.social),
          sensory: at(DARS_DOMAINS.sensory),
        },
        items: {},
      };
  }
};

/** Score every time point of one scale through the real pipeline, then follow the course. */
export const courseInput = (scale: ScaleDefinition): CourseInput[] =>
  DATES.map((date, t) => {
    const result = scoreEntry(scale, summaryAt(scale.id, t));
    if (!result.ok) throw new Error(result.issues.map((i) => i.message).join(' '));
    return { id: IDS[t]!, date, total: result.score.total };
  });

export const follow = (scale: ScaleDefinition, relapseRuleId?: string): Course =>
  analyseCourse(scale, courseInput(scale), { indexDate: INDEX_DATE, relapseRuleId });

export const changes = (scale: ScaleDefinition, totals: readonly number[]): Change[] =>
  WEEKS.map((w) => {
    const result = changeFromBaseline(scale, totals[0]!, totals[w]!);
    if (!result.ok) throw new Error(result.reason);
    return result.value;
  });
