/**
 * A single-dose design on the reference patient: pre-dose, +2 h, +24 h and day 7 around
 * the dezocine dose of 2023-11-30 (given at 10:00 here; the report gives no hour), after
 * the enrolment baseline of 2023-11-24. The in-between HAMD-17 totals are invented for the
 * design; 18 and 2 are Table 1's baseline and week 1. Visits are listed out of order on
 * purpose: the course sorts them.
 */
import type { AssessmentEntry } from '../assessment';

export const SINGLE_DOSE_INDEX = { date: '2023-11-30', time: '10:00' } as const;

export const SINGLE_DOSE_VISITS = [
  { id: 'd7', date: '2023-12-07' },
  { id: 'plus24', date: '2023-12-01', time: '10:00' },
  { id: 'plus2', date: '2023-11-30', time: '12:00' },
  { id: 'pre', date: '2023-11-30', time: '08:00' },
  { id: 'enrol', date: '2023-11-24' },
] as const;

export const SINGLE_DOSE_TOTALS: Readonly<Record<string, number>> = {
  enrol: 18,
  pre: 17,
  plus2: 12,
  plus24: 8,
  d7: 2,
};

const total = (t: number): AssessmentEntry => ({
  mode: 'summary',
  total: t,
  subscales: {},
  items: {},
});

export const SINGLE_DOSE_ASSESSMENTS = SINGLE_DOSE_VISITS.map((v) => ({
  id: `a-${v.id}`,
  visitId: v.id,
  scaleId: 'HAMD-17' as const,
  entry: total(SINGLE_DOSE_TOTALS[v.id] ?? 0),
}));
