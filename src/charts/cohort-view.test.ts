/**
 * The page draws the cohort from the view the worker sends (cohort-view.ts), not from the
 * full summary: every chart, table and Kaplan–Meier estimate must come out the same.
 */
import { describe, expect, it } from 'vitest';
import { summariseCohort } from '../domain/cohort/cohort-summary';
import { toCohortView } from '../domain/cohort/cohort-view';
import { timeToEvent } from '../domain/cohort/time-to-event';
import { ARM_A, ARM_B, syntheticPatients } from '../domain/cohort/testing/synthetic-cohort';
import { buildCohortImprovement, buildCohortResponse } from './cohort-course';
import { buildKaplanMeier } from './cohort-km';

const summary = summariseCohort({ arms: [ARM_A, ARM_B], patients: syntheticPatients() });
const view = toCohortView(summary);
const scales = [...new Set(summary.series.map((s) => s.scaleId))];

describe('the cohort view sent to the page', () => {
  it('keeps every figure of the tables', () => {
    expect({ ...view, series: [] }).toEqual({ ...summary, series: [] });
  });
  it('keeps one line per patient and scale, with every point that has an improvement share', () => {
    expect(view.series).toHaveLength(summary.series.length);
    summary.series.forEach((s, i) => {
      expect(view.series[i]?.points.map((p) => [p.day, p.improvementShare])).toEqual(
        s.points.filter((p) => p.improvementShare !== null).map((p) => [p.day, p.improvementShare]),
      );
    });
  });
  it.each(scales)('draws the same %s charts and Kaplan–Meier estimates', (scaleId) => {
    expect(buildCohortImprovement({ summary: view, scaleId })).toEqual(
      buildCohortImprovement({ summary, scaleId }),
    );
    expect(buildCohortResponse({ summary: view, scaleId })).toEqual(
      buildCohortResponse({ summary, scaleId }),
    );
    for (const kind of ['response', 'remission', 'relapse'] as const) {
      expect(buildKaplanMeier({ summary: view, scaleId, kind })).toEqual(
        buildKaplanMeier({ summary, scaleId, kind }),
      );
      expect(timeToEvent(view.arms, view.series, scaleId, kind)).toEqual(
        timeToEvent(summary.arms, summary.series, scaleId, kind),
      );
    }
  });
});

describe('a large arm on the spaghetti chart', () => {
  const lineOf = view.series.find((s) => s.armId === ARM_A.id && s.scaleId === 'MADRS');
  if (!lineOf) throw new Error('no MADRS line in arm A');
  const many = (n: number) => ({
    ...view,
    series: Array.from({ length: n }, (_, i) => ({ ...lineOf, patientId: `p${i}` })),
  });
  const patientLines = (n: number) =>
    buildCohortImprovement({ summary: many(n), scaleId: 'MADRS' }).datasets.filter((d) =>
      d.id.includes('-p-'),
    );

  it('draws every patient’s line, with point markers up to 50 patients and without above', () => {
    expect(patientLines(50).map((d) => d.pointRadius)).toEqual(Array(50).fill(2));
    const lines = patientLines(51);
    expect(lines.map((d) => d.pointRadius)).toEqual(Array(51).fill(0));
    expect(lines.every((d) => d.data.length === lineOf.points.length)).toBe(true);
  });
});
