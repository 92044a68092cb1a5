import { describe, expect, it } from 'vitest';
import { scoreEntry } from '../scoring';
import { severityOf } from '../severity';
import { scoredItems, totalRange } from '../ranges';
import type { ScaleDefinition } from '../scale-types';
import { HAMA } from './hama';
import { GAD7 } from './gad7';
import { getScale } from './registry';

// Checked by hand against the sources named in each definition: HAM-A bands from CamCOPS
// hama.py severity() and Cambio CKM "HAM-A v.1" (≤17 mild, 18–24 mild to moderate, 25–30
// moderate to severe, >30 very severe); GAD-7 bands from Spitzer 2006 (cut points 5, 10, 15)
// and CamCOPS gad7.py. Both sides of every boundary are listed.

const labelOf = (scale: ScaleDefinition, total: number): string => {
  const result = severityOf(scale, total);
  if (!result.ok) throw new Error(result.reason);
  return result.value.band.label;
};

/** An item-by-item entry whose items add up to `total` (each item filled up to its max). */
const entryWithTotal = (scale: ScaleDefinition, total: number) => {
  let left = total;
  return {
    mode: 'items' as const,
    responses: scale.items.map((i) => {
      const v = Math.min(i.max, left);
      left -= v;
      return v;
    }),
  };
};

describe('HAM-A (Hamilton 1959)', () => {
  it('is in the registry: 14 items 0–4, total 0–56, clinician-rated, public domain', () => {
    expect(getScale('HAM-A')).toBe(HAMA);
    expect(HAMA.items).toHaveLength(14);
    expect(HAMA.items.every((i) => i.min === 0 && i.max === 4)).toBe(true);
    expect(scoredItems(HAMA)).toHaveLength(14);
    expect(totalRange(HAMA)).toEqual({ min: 0, max: 56 });
    expect(HAMA.rater).toBe('clinician');
    expect(HAMA.copyright).toMatch(/public domain/);
    expect(HAMA.items.map((i) => i.shortName)).toEqual([
      'Anxious mood',
      'Tension',
      'Fears',
      'Insomnia',
      'Intellectual (concentration, memory)',
      'Depressed mood',
      'Somatic (muscular)',
      'Somatic (sensory)',
      'Cardiovascular symptoms',
      'Respiratory symptoms',
      'Gastrointestinal symptoms',
      'Genitourinary symptoms',
      'Autonomic symptoms',
      'Behaviour at interview',
    ]);
  });

  it.each([
    [0, 'Mild'],
    [17, 'Mild'],
    [18, 'Mild to moderate'],
    [24, 'Mild to moderate'],
    [25, 'Moderate to severe'],
    [30, 'Moderate to severe'],
    [31, 'Very severe'],
    [56, 'Very severe'],
  ] as const)('band of a total of %i: %s', (total, label) => {
    expect(labelOf(HAMA, total)).toBe(label);
    const scored = scoreEntry(HAMA, entryWithTotal(HAMA, total));
    expect(scored.ok && scored.score.total).toBe(total);
  });

  it('refuses totals outside 0–56, and gives no total when an item is missing', () => {
    expect(severityOf(HAMA, 57).ok).toBe(false);
    expect(severityOf(HAMA, -1).ok).toBe(false);
    const responses = entryWithTotal(HAMA, 20).responses.map((v, i) => (i === 13 ? null : v));
    const scored = scoreEntry(HAMA, { mode: 'items', responses });
    expect(scored.ok && scored.score.total).toBe(null);
  });
});

describe('GAD-7 (Spitzer 2006)', () => {
  it('is in the registry: 7 items 0–3, total 0–21, self-report', () => {
    expect(getScale('GAD-7')).toBe(GAD7);
    expect(GAD7.items).toHaveLength(7);
    expect(GAD7.items.every((i) => i.min === 0 && i.max === 3)).toBe(true);
    expect(totalRange(GAD7)).toEqual({ min: 0, max: 21 });
    expect(GAD7.rater).toBe('self-report');
    expect(GAD7.items[0]?.anchors?.map((a) => a.label)).toEqual([
      'Not at all',
      'Several days',
      'More than half the days',
      'Nearly every day',
    ]);
  });

  it.each([
    [0, 'Minimal'],
    [4, 'Minimal'],
    [5, 'Mild'],
    [9, 'Mild'],
    [10, 'Moderate'],
    [14, 'Moderate'],
    [15, 'Severe'],
    [21, 'Severe'],
  ] as const)('band of a total of %i: %s', (total, label) => {
    expect(labelOf(GAD7, total)).toBe(label);
    const scored = scoreEntry(GAD7, entryWithTotal(GAD7, total));
    expect(scored.ok && scored.score.total).toBe(total);
  });

  it('names the screening cut-off of 10 with its source', () => {
    expect(GAD7.notes.join(' ')).toMatch(/≥ 10.*sensitivity 89 %, specificity 82 %; Spitzer 2006/);
  });

  it('refuses an item answered 4 (items run 0–3)', () => {
    const scored = scoreEntry(GAD7, { mode: 'items', responses: [4, 0, 0, 0, 0, 0, 0] });
    expect(scored.ok).toBe(false);
  });
});
