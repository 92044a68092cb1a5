/**
 * Table 1 of the reference case (Wang, Lyu & Zhao 2024, Front Pharmacol 15:1411119, CC BY),
 * written out once, as published (docs/ARCHITECTURE.md, "Tests"): baseline and
 * 1, 2, 3 and 4 weeks after the single dezocine dose. Every test that needs the reference
 * course takes it from here (domain, charts, integration and end-to-end tests);
 * tests/integration/dezocine-fixture.test.ts checks that fixtures/dezocine-case.json, the
 * reference case as a backup file, holds exactly these numbers.
 */
import type { SummaryEntry } from '../assessment';

/** The five time points, as five-element tuples. */
type Five = readonly [number, number, number, number, number];

export const TABLE_1 = {
  /** The dezocine dose (the index event). */
  indexDate: '2023-11-30',
  /** Baseline, then the weekly follow-ups (about 2023-12-07, -14, -21, -28). */
  dates: ['2023-11-24', '2023-12-07', '2023-12-14', '2023-12-21', '2023-12-28'],
  'HAMD-17': { total: [18, 2, 5, 10, 17], items: { 7: [4, 0, 0, 2, 3] } },
  MADRS: { total: [23, 4, 9, 15, 22], items: { 8: [4, 0, 0, 2, 4] } },
  'PHQ-9': { total: [14, 1, 2, 8, 12], items: { 1: [3, 0, 0, 1, 3] } },
  DARS: {
    total: [17, 52, 49, 35, 28],
    domains: {
      hobbies: [3, 15, 15, 9, 9],
      food: [4, 9, 5, 8, 7],
      social: [4, 10, 10, 4, 1],
      sensory: [6, 18, 19, 14, 11],
    },
  },
} as const satisfies {
  indexDate: string;
  dates: readonly [string, string, string, string, string];
  'HAMD-17': { total: Five; items: Record<number, Five> };
  MADRS: { total: Five; items: Record<number, Five> };
  'PHQ-9': { total: Five; items: Record<number, Five> };
  DARS: { total: Five; domains: Record<'hobbies' | 'food' | 'social' | 'sensory', Five> };
};

/** The scales of Table 1, in the report's order. */
export const TABLE_1_SCALES = ['HAMD-17', 'MADRS', 'PHQ-9', 'DARS'] as const;
export type Table1Scale = (typeof TABLE_1_SCALES)[number];

/** Time points: 0 = baseline, 1–4 = weeks after the dose. */
export type TimePoint = 0 | 1 | 2 | 3 | 4;
export const TIME_POINTS: readonly TimePoint[] = [0, 1, 2, 3, 4];

const pick = (values: Record<string, Five>, t: TimePoint): Record<string, number> =>
  Object.fromEntries(Object.entries(values).map(([key, v]) => [key, v[t]]));

/** What Table 1 gives for one scale at one time point, as the summary entry a clinician types. */
export function table1Entry(scaleId: Table1Scale, t: TimePoint): SummaryEntry {
  if (scaleId === 'DARS') {
    const dars = TABLE_1.DARS;
    return { mode: 'summary', total: dars.total[t], subscales: pick(dars.domains, t), items: {} };
  }
  const scale = TABLE_1[scaleId];
  return { mode: 'summary', total: scale.total[t], subscales: {}, items: pick(scale.items, t) };
}
