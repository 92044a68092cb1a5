/**
 * The cohort chart builders against the synthetic cohort (fixtures/cohort-synthetic.json;
 * the per-day table is in src/domain/cohort/cohort-synthetic.test.ts). Expected values are
 * computed by hand: improvement share = (baseline − x) / baseline × 100 on MADRS; the week 1
 * CI of arm A (30 %, 25 %, 7.14 %) with t(2) = 4.302653 by scipy.
 */
import { describe, expect, it } from 'vitest';
import { summariseCohort } from '../domain/cohort/cohort-summary';
import { ARM_A, ARM_B, syntheticPatients } from '../domain/cohort/testing/synthetic-cohort';
import type { ChartModel, LineSeries } from './chart-types';
import { buildCohortImprovement, buildCohortResponse } from './cohort-course';
import { buildKaplanMeier } from './cohort-km';
import { buildChartOptions, toChartData } from './options';

const summary = summariseCohort({ arms: [ARM_A, ARM_B], patients: syntheticPatients() });

function line(model: ChartModel, id: string): LineSeries {
  const found = model.datasets.find((d) => d.id === id);
  if (!found) throw new Error(`no dataset ${id} in ${model.datasets.map((d) => d.id).join()}`);
  return found;
}
const xy = (s: LineSeries) => s.data.map((p) => [p.x, p.y]);
const row = (model: ChartModel, header: string) =>
  model.table.rows.find((r) => r.cells[0] === header)?.cells;

describe('every patient’s course with the arm mean', () => {
  const model = buildCohortImprovement({ summary, scaleId: 'MADRS' });
  it('draws one line per patient at their visit days, only the first of an arm in the legend', () => {
    const patients = model.datasets.filter((d) => d.id.includes('-p-'));
    expect(patients).toHaveLength(6);
    expect(patients.filter((d) => d.hideInLegend !== true).map((d) => d.label)).toEqual([
      'Drug A: each patient',
      'Drug B: each patient',
    ]);
    // A1: baseline day −2 (30), day 7 21, day 13 15, day 15 14, day 28 10.
    const a1 = patients[0];
    expect(a1?.data.map((p) => p.x)).toEqual([-2 / 7, 1, 13 / 7, 15 / 7, 4]);
    expect(a1?.data.map((p) => p.y)).toEqual([0, 30, 50, (16 / 30) * 100, (20 / 30) * 100]);
  });
  it('gives arm A’s mean by week from 0 at baseline, and its t-based 95 % CI', () => {
    const mean = xy(line(model, `${ARM_A.id}-mean`));
    expect(mean.map(([x]) => x)).toEqual([0, 1, 2, 3, 4]);
    expect(mean[1]?.[1]).toBeCloseTo(20.714286, 5);
    expect(mean[2]?.[1]).toBeCloseTo(50, 10);
    expect(mean[3]?.[1]).toBeCloseTo(200 / 3, 10);
    expect(mean[4]?.[1]).toBeCloseTo(100 / 3, 10);
    const lower = line(model, `${ARM_A.id}-lo`).data;
    // Week 3 has one patient: no CI point there.
    expect(lower.map((p) => p.x)).toEqual([1, 2, 4]);
    expect(lower[0]?.y).toBeCloseTo(-9.135475, 4);
    expect(line(model, `${ARM_A.id}-hi`).data[0]?.y).toBeCloseTo(50.564046, 4);
  });
  it('puts the same figures, n and the reason for a missing CI in its table', () => {
    expect(row(model, 'Drug A, week 1 (day 7 ± 3)')).toEqual([
      'Drug A, week 1 (day 7 ± 3)',
      '3',
      '20.7 %',
      '−9.1 % to 50.6 %',
    ]);
    expect(row(model, 'Drug A, week 3 (day 21 ± 3)')?.[3]).toBe(
      'n = 1: a confidence interval needs at least 2 observations.',
    );
    expect(model.table.caption).toContain('Drug A n = 3, Drug B n = 3');
    expect(model.table.notes).toContain('Observed cases, unadjusted, no imputation.');
    expect(model.summary).toContain('Observed cases, unadjusted, no imputation');
  });
});

describe('response rate by week', () => {
  const model = buildCohortResponse({ summary, scaleId: 'MADRS' });
  it('plots x/n per week with Wilson limits', () => {
    expect(xy(line(model, `${ARM_A.id}-rate`))).toEqual([
      [1, 0],
      [2, 100],
      [3, 100],
      [4, 50],
    ]);
    expect(line(model, `${ARM_A.id}-lo`).data[1]?.y).toBeCloseTo(34.238, 3);
    expect(line(model, `${ARM_A.id}-lo`).data[3]?.y).toBeCloseTo(9.4531, 3);
    expect(line(model, `${ARM_B.id}-hi`).data[1]?.y).toBeCloseTo(79.234, 3);
  });
  it('tabulates responders over patients seen', () => {
    expect(row(model, 'Drug B, week 2 (day 14 ± 3)')).toEqual([
      'Drug B, week 2 (day 14 ± 3)',
      '1/3',
      '33.3 %',
      '6.1 % to 79.2 %',
    ]);
  });
  it('uses CGI-I’s own 1–2 rule', () => {
    const cgi = buildCohortResponse({ summary, scaleId: 'CGI-I' });
    expect(line(cgi, `${ARM_A.id}-rate`).data[0]?.y).toBeCloseTo(200 / 3, 10);
    expect(cgi.summary).toContain('rating 1–2');
  });
});

describe('Kaplan–Meier curves', () => {
  it('time to response: steps that drop at each event and + marks at censored times', () => {
    const model = buildKaplanMeier({ summary, scaleId: 'MADRS', kind: 'response' });
    const a = line(model, `${ARM_A.id}-km`);
    expect(a.stepped).toBe(true);
    expect(xy(a)).toEqual([
      [0, 100],
      [8, 100],
      [13, 50],
      [14, 0],
    ]);
    expect(xy(line(model, `${ARM_A.id}-cens`))).toEqual([[8, 100]]);
    const b = line(model, `${ARM_B.id}-km`);
    expect(b.data.map((p) => p.x)).toEqual([0, 14, 17, 28]);
    expect(b.data[1]?.y).toBeCloseTo(200 / 3, 10);
    expect(b.data[3]?.y).toBe(0);
    expect(line(model, `${ARM_B.id}-cens`).data.map((p) => p.x)).toEqual([17]);
    expect(row(model, 'Drug A, day 13')).toEqual([
      'Drug A, day 13',
      '2',
      '1',
      '0',
      '50.0 %',
      expect.stringMatching(/ to 100\.0 %$/),
    ]);
    expect(model.title).toContain('Drug A n = 3, Drug B n = 3');
  });
  it('time to relapse counts responders only, from the first response', () => {
    const model = buildKaplanMeier({ summary, scaleId: 'MADRS', kind: 'relapse' });
    expect(xy(line(model, `${ARM_A.id}-km`))).toEqual([
      [0, 100],
      [15, 50],
    ]);
    expect(xy(line(model, `${ARM_A.id}-cens`))).toEqual([[15, 50]]);
    expect(model.xAxis.title).toBe('Days since first response');
    expect(line(model, `${ARM_A.id}-km`).label).toBe('Drug A (n = 2, 1 event)');
  });
});

describe('drawing the cohort models', () => {
  const model = buildKaplanMeier({ summary, scaleId: 'MADRS', kind: 'response' });
  it('steps Kaplan–Meier curves level until the next time, then down (Chart.js "before")', () => {
    const data = toChartData(model);
    expect(data.datasets[0]?.stepped).toBe('before');
    const course = toChartData(buildCohortImprovement({ summary, scaleId: 'MADRS' }));
    expect(course.datasets[0]?.stepped).toBe(false);
  });
  it('leaves the upper CI limits out of the legend', () => {
    const filter = buildChartOptions(model).plugins?.legend?.labels?.filter;
    const shown = model.datasets
      .map((d, datasetIndex) => ({ d, datasetIndex }))
      .filter(({ datasetIndex }) =>
        filter?.({ datasetIndex, text: '' }, toChartData(model) as never),
      )
      .map(({ d }) => d.label);
    expect(shown).toEqual([
      'Drug A (n = 3, 2 events)',
      'Drug A: 95 % CI',
      'Drug A: censored (+)',
      'Drug B (n = 3, 2 events)',
      'Drug B: 95 % CI',
      'Drug B: censored (+)',
    ]);
  });
});
