/**
 * The reference case: Wang H, Lyu N, Zhao Q. Case report: Dezocine's rapid and sustained
 * antidepressant effects. Front Pharmacol 2024;15:1411119 (CC BY), Table 1, as transcribed in
 * ../shared/reference/dezocine-case.md. Every expected figure below is either stated in the
 * report or computed by hand from Table 1 (the "Figures to expect" table of dezocine-case.md).
 */
import { describe, expect, it } from 'vitest';
import { formatPercent, formatSigned, round } from './format';
import { safetyChecks } from './safety';
import { scoreEntry } from './scoring';
import { validateSummary } from './validation';
import { HAMD17 } from './scales/hamd17';
import { MADRS } from './scales/madrs';
import { PHQ9 } from './scales/phq9';
import { DARS } from './scales/dars';

// Timeline (dezocine-case.md): baseline 2023-11-24, dezocine 2023-11-30, weekly follow-ups.
import {
  IDS,
  HAMD_TOTALS,
  MADRS_TOTALS,
  PHQ_TOTALS,
  DARS_TOTALS,
  summaryAt,
  follow,
  changes,
} from './testing/reference-case';

describe('the transcribed data are valid summary data (Wang 2024, Table 1)', () => {
  it.each(IDS.map((id, t) => [id, t] as const))(
    '%s: every scale validates as summary data',
    (_id, t) => {
      for (const scale of [HAMD17, MADRS, PHQ9, DARS]) {
        expect(validateSummary(scale, summaryAt(scale.id, t))).toEqual({ ok: true });
      }
    },
  );

  // dezocine-case.md: "DARS domains add up to the DARS total at every time point".
  it.each(IDS.map((id, t) => [id, t] as const))(
    '%s: the four DARS domains sum to the DARS total',
    (_id, t) => {
      const s = summaryAt('DARS', t);
      const sum = Object.values(s.subscales).reduce((a, b) => a + b, 0);
      expect(sum).toBe(DARS_TOTALS[t]);
      // The same domains without the total give that total back.
      const result = scoreEntry(DARS, { ...s, total: null });
      expect(result.ok && result.score.total).toBe(DARS_TOTALS[t]);
    },
  );

  it('scores are marked as summary data, not item responses', () => {
    const result = scoreEntry(HAMD17, summaryAt('HAMD-17', 0));
    expect(result.ok && result.score.completeness).toBe('summary');
  });

  // The report gives no PHQ-9 item 9, MADRS item 10 or HAMD-17 item 3: nothing to call "safe".
  it('safety items were not published: "not-recorded" on every scale', () => {
    for (const scale of [HAMD17, MADRS, PHQ9]) {
      const result = scoreEntry(scale, summaryAt(scale.id, 0));
      if (!result.ok) throw new Error('invalid');
      expect(safetyChecks(scale, result.score).map((c) => c.status)).toEqual(['not-recorded']);
    }
  });
});

describe('percent reduction from baseline (Wang 2024; dezocine-case.md "Figures to expect")', () => {
  // Stated in the report: (18 − 2)/18, (18 − 5)/18, (18 − 10)/18; week 4 (18 − 17)/18.
  it('HAMD-17: 88.89, 72.22, 44.44, 5.56 % (Wang 2024)', () => {
    expect(changes(HAMD17, HAMD_TOTALS).map((c) => formatPercent(c.percentImprovement!))).toEqual([
      '88.89 %',
      '72.22 %',
      '44.44 %',
      '5.56 %',
    ]);
  });

  it('MADRS: 82.61, 60.87, 34.78, 4.35 % (computed from Table 1)', () => {
    expect(changes(MADRS, MADRS_TOTALS).map((c) => round(c.percentImprovement!))).toEqual([
      82.61, 60.87, 34.78, 4.35,
    ]);
  });

  it('PHQ-9: 92.86, 85.71, 42.86, 14.29 % (computed from Table 1)', () => {
    expect(changes(PHQ9, PHQ_TOTALS).map((c) => round(c.percentImprovement!))).toEqual([
      92.86, 85.71, 42.86, 14.29,
    ]);
  });

  it('on the symptom scales the raw percent change keeps its sign (a fall is negative)', () => {
    expect(formatPercent(changes(HAMD17, HAMD_TOTALS)[0]!.percentChange!)).toBe('−88.89 %');
  });
});

describe('DARS: a rise is improvement (Rizvi 2015; Wang 2024)', () => {
  const dars = changes(DARS, DARS_TOTALS);

  // Stated in the report: +35 points at week 1 and +32 at week 2.
  it('+35, +32, +18, +11 points, each recognised as improvement (Wang 2024)', () => {
    expect(dars.map((c) => formatSigned(c.change))).toEqual(['+35', '+32', '+18', '+11']);
    expect(dars.map((c) => c.direction)).toEqual([
      'improvement',
      'improvement',
      'improvement',
      'improvement',
    ]);
    expect(dars.map((c) => c.improvement)).toEqual([35, 32, 18, 11]);
  });

  it('percent change from baseline +205.88, +188.24, +105.88, +64.71 % (computed from Table 1)', () => {
    expect(dars.map((c) => formatPercent(c.percentChange!, { signed: true }))).toEqual([
      '+205.88 %',
      '+188.24 %',
      '+105.88 %',
      '+64.71 %',
    ]);
    expect(dars.map((c) => round(c.percentImprovement!))).toEqual([205.88, 188.24, 105.88, 64.71]);
  });

  it('share of possible improvement (x − b)/(68 − b): 68.63, 62.75, 35.29, 21.57 % (dezocine-case.md)', () => {
    expect(dars.map((c) => round(c.improvementShare!))).toEqual([68.63, 62.75, 35.29, 21.57]);
  });

  it('on the common axis the symptom scales read their percent reduction', () => {
    expect(changes(HAMD17, HAMD_TOTALS).map((c) => round(c.improvementShare!))).toEqual([
      88.89, 72.22, 44.44, 5.56,
    ]);
  });

  it('DARS course points are "rated" (no published response rule) and say improvement', () => {
    const course = follow(DARS);
    expect(course.points.map((p) => p.status)).toEqual([
      'baseline',
      'rated',
      'rated',
      'rated',
      'rated',
    ]);
    expect(course.points.slice(1).map((p) => p.change?.direction)).toEqual([
      'improvement',
      'improvement',
      'improvement',
      'improvement',
    ]);
  });
});
