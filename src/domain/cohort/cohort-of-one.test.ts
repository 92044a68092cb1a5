/**
 * The reference case (fixtures/dezocine-case.json) as a cohort of one: its course figures
 * (../shared/reference/dezocine-case.md: HAMD-17 −88.89 % at week 1 … relapse by week 4) and
 * no confidence interval anywhere, each with the reason.
 */
import { describe, expect, it } from 'vitest';
import dezocine from '../../../fixtures/dezocine-case.json';
import { summariseCohort } from './cohort-summary';
import { drugArmId, drugCohortPatients } from './cohort-input';
import { recordsFromBackup } from './testing/synthetic-cohort';
import { timeToEvent } from './time-to-event';

const arm = { id: drugArmId('dezocine'), name: 'dezocine' };
const summary = summariseCohort({
  arms: [arm],
  patients: drugCohortPatients(recordsFromBackup(dezocine), [arm]),
});
const row = (measureId: string) => summary.table.find((t) => t.measure.id === measureId);

describe('the reference case as a cohort of one', () => {
  it('aligns the visits on the dezocine dose: weeks 1–4', () => {
    expect(summary.weeks).toEqual([1, 2, 3, 4]);
    expect(summary.armCounts.get(arm.id)).toBe(1);
  });
  it.each([
    ['HAMD-17', [18, 2, 5, 10, 17], [-88.89, -72.22, -44.44, -5.56]],
    ['MADRS', [23, 4, 9, 15, 22], [-82.61, -60.87, -34.78, -4.35]],
    ['PHQ-9', [14, 1, 2, 8, 12], [-92.86, -85.71, -42.86, -14.29]],
    ['DARS', [17, 52, 49, 35, 28], [205.88, 188.24, 105.88, 64.71]],
  ])('%s: totals and percent change as published', (scale, totals, pct) => {
    const weeks = row(scale)?.weeks ?? [];
    expect(weeks.map((w) => w.value.mean)).toEqual(totals);
    expect(weeks.slice(1).map((w) => Number(w.percentChange?.mean?.toFixed(2)))).toEqual(pct);
  });
  it('shows no CI, and says why', () => {
    for (const r of summary.table) {
      for (const w of r.weeks) {
        expect(w.value.ci.ok).toBe(false);
        if (w.change) expect(w.change.ci.ok).toBe(false);
      }
    }
    expect(row('HAMD-17')?.weeks[1]?.change?.ci).toEqual({
      ok: false,
      reason: 'n = 1: a confidence interval needs at least 2 observations.',
    });
  });
  it('counts the response at week 1 and its loss: 1/1, 1/1, 0/1, 0/1', () => {
    const r = row('HAMD-17')
      ?.weeks.slice(1)
      .map((w) => [w.response?.x, w.response?.n]);
    expect(r).toEqual([
      [1, 1],
      [1, 1],
      [0, 1],
      [0, 1],
    ]);
  });
  it('gives the DARS domains per week (hobbies 3 → 15)', () => {
    expect(row('DARS:hobbies')?.weeks.map((w) => w.value.mean)).toEqual([3, 15, 15, 9, 9]);
  });
  it('time to relapse after response on HAMD-17: 21 days (week 1 → week 4)', () => {
    const [km] = timeToEvent([arm], summary.series, 'HAMD-17', 'relapse');
    expect(km?.estimate.steps).toMatchObject([{ time: 21, atRisk: 1, events: 1, survival: 0 }]);
  });
});
