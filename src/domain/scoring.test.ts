import { describe, expect, it } from 'vitest';
import { scoreEntry, type Score } from './scoring';
import type { AssessmentEntry, ItemEntry, SummaryEntry } from './assessment';
import { emptyItemEntry } from './assessment';
import type { ScaleDefinition } from './scale-types';
import { HAMD17 } from './scales/hamd17';
import { MADRS } from './scales/madrs';
import { PHQ9 } from './scales/phq9';
import { DARS } from './scales/dars';
import { CGI_S } from './scales/cgi-s';

const items = (responses: (number | null)[]): ItemEntry => ({ mode: 'items', responses });

const summary = (
  total: number | null,
  subscales: Record<string, number> = {},
  itemValues: Record<string, number> = {},
): SummaryEntry => ({ mode: 'summary', total, subscales, items: itemValues });

const score = (scale: ScaleDefinition, entry: AssessmentEntry): Score => {
  const result = scoreEntry(scale, entry);
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join(' '));
  return result.score;
};

/** `values` for items 1..n, with `missing` item numbers set to null. */
const withMissing = (values: readonly number[], missing: readonly number[]): (number | null)[] =>
  values.map((v, i) => (missing.includes(i + 1) ? null : v));

// HAMD-17 ranges: items 1–3, 7–11, 15 are 0–4; 4–6, 12–14, 16, 17 are 0–2 (scales.md §1).
const HAMD_VALUES = [2, 1, 0, 1, 2, 1, 3, 1, 0, 2, 1, 1, 1, 0, 1, 0, 1]; // sum 18

describe('complete item entries', () => {
  it('HAMD-17: the total is the sum of the 17 items (hand sum 18)', () => {
    const s = score(HAMD17, items(HAMD_VALUES));
    expect(s).toMatchObject({ completeness: 'complete', total: 18, missingItems: [] });
    expect(s.range).toEqual({ min: 0, max: 52 });
    expect(s.items.get(7)).toBe(3);
  });

  it('HAMD-17 at its maxima totals 52 (9 items 0–4 + 8 items 0–2; CamCOPS hamd.py)', () => {
    const max = HAMD17.items.map((i) => i.max);
    expect(score(HAMD17, items(max)).total).toBe(52);
  });

  it('MADRS: total and anhedonia subscale items 1, 2, 6, 7, 8 (McIntyre 2021, PMC7910099)', () => {
    const values = [1, 2, 3, 4, 5, 6, 0, 1, 2, 3]; // sum 27; items 1,2,6,7,8: 1+2+6+0+1 = 10
    const s = score(MADRS, items(values));
    expect(s.total).toBe(27);
    expect(s.subscales).toEqual([
      { id: 'anhedonia', name: 'Anhedonia subscale', min: 0, max: 30, score: 10 },
    ]);
  });

  it('DARS: total and the four domains 4/4/4/5 (Rizvi 2015)', () => {
    // hobbies 1+2+3+4 = 10, food 0+0+1+1 = 2, social 4+4+4+4 = 16, sensory 0+1+2+3+4 = 10.
    const values = [1, 2, 3, 4, 0, 0, 1, 1, 4, 4, 4, 4, 0, 1, 2, 3, 4];
    const s = score(DARS, items(values));
    expect(s.total).toBe(38);
    expect(s.subscales.map((d) => [d.id, d.score, d.max])).toEqual([
      ['hobbies', 10, 16],
      ['food', 2, 16],
      ['social', 16, 16],
      ['sensory', 10, 20],
    ]);
  });

  it('CGI-S: the single rating is the score (Guy 1976)', () => {
    expect(score(CGI_S, items([4])).total).toBe(4);
  });
});

describe('PHQ-9 missing items (NHS Data Dictionary: ≤ 2 missing → mean of the answered items)', () => {
  // Items 1–9, each 0–3; sum of all nine is 13.
  const PHQ_VALUES = [2, 1, 2, 1, 1, 2, 1, 3, 0];

  it('0 missing: complete, total 13 (Kroenke 2001: simple sum of items 1–9)', () => {
    const s = score(PHQ9, items([...PHQ_VALUES, 2]));
    expect(s).toMatchObject({ completeness: 'complete', total: 13, missingItems: [] });
  });

  // Hand check: items 1–7 and 9 answered: 2+1+2+1+1+2+1+0 = 10 over 8 items, mean 1.25,
  // prorated total 1.25 × 9 = 11.25.
  it('1 missing (item 8): prorated total = mean × 9 = 10 / 8 × 9 = 11.25 (NHS Data Dictionary)', () => {
    const s = score(PHQ9, items([...withMissing(PHQ_VALUES, [8]), null]));
    expect(s.completeness).toBe('prorated');
    expect(s.total).toBe(11.25);
    expect(s.missingItems).toEqual([8]);
    expect(s.note).toContain('item 8 missing');
    expect(s.note).toContain('mean of the 8 answered items (1.25)');
    expect(s.note).toContain('NHS Data Dictionary');
  });

  // Hand check: items 1–6 and 9 answered: 2+1+2+1+1+2+0 = 9 over 7 items, mean 9/7 = 1.2857…,
  // prorated total 81/7 = 11.5714…
  it('2 missing (items 7, 8): prorated total = 9 / 7 × 9 = 81/7 ≈ 11.57 (NHS Data Dictionary)', () => {
    const s = score(PHQ9, items([...withMissing(PHQ_VALUES, [7, 8]), null]));
    expect(s.completeness).toBe('prorated');
    expect(s.total).toBeCloseTo(81 / 7, 10);
    expect(s.missingItems).toEqual([7, 8]);
    expect(s.note).toContain('items 7, 8 missing');
    expect(s.note).toContain('7 answered items (1.29)');
  });

  // Hand check: items 1–8 answered, 1 each: 8 / 8 = 1, × 9 = 9 — a whole number even when prorated.
  it('1 missing with a whole mean stays a whole prorated total (8 × 1 → 9)', () => {
    const s = score(PHQ9, items([1, 1, 1, 1, 1, 1, 1, 1, null, null]));
    expect(s).toMatchObject({ completeness: 'prorated', total: 9 });
  });

  it('3 missing: no total, and the note says why (NHS Data Dictionary: more than 2 = discard)', () => {
    const s = score(PHQ9, items([...withMissing(PHQ_VALUES, [1, 5, 9]), 0]));
    expect(s.completeness).toBe('incomplete');
    expect(s.total).toBeNull();
    expect(s.missingItems).toEqual([1, 5, 9]);
    expect(s.note).toContain('No total');
    expect(s.note).toContain('3 items missing (1, 5, 9)');
    expect(s.note).toContain('more than 2 items are missing');
  });

  it('all 9 missing: no total', () => {
    const s = score(PHQ9, emptyItemEntry(10));
    expect(s).toMatchObject({ completeness: 'incomplete', total: null });
  });

  // Item 10 (difficulty) is not scored (scales.md §3: form "office coding"; awell-score README).
  it.each([
    ['unanswered', null],
    ['answered 0', 0],
    ['answered 3', 3],
  ] as const)('item 10 %s never counts as missing nor adds to the total', (_label, item10) => {
    const s = score(PHQ9, items([...PHQ_VALUES, item10]));
    expect(s).toMatchObject({ completeness: 'complete', total: 13, missingItems: [] });
  });
});

describe('no prorating: one missing item leaves no total (HAMD-17, MADRS, DARS)', () => {
  // scales.md §1 (CamCOPS hamd.py), §2 and §4: no published prorating rule.
  it.each([
    ['HAMD-17', HAMD17, HAMD_VALUES, 16],
    ['HAMD-17', HAMD17, HAMD_VALUES, 1],
    ['MADRS', MADRS, [1, 2, 3, 4, 5, 6, 0, 1, 2, 3], 10],
    ['MADRS', MADRS, [1, 2, 3, 4, 5, 6, 0, 1, 2, 3], 4],
    ['DARS', DARS, [1, 2, 3, 4, 0, 0, 1, 1, 4, 4, 4, 4, 0, 1, 2, 3, 4], 17],
    ['DARS', DARS, [1, 2, 3, 4, 0, 0, 1, 1, 4, 4, 4, 4, 0, 1, 2, 3, 4], 5],
  ] as const)(
    '%s with item %i missing → incomplete, no total, note names it',
    (id, scale, values, missing) => {
      const s = score(scale, items(withMissing(values, [missing])));
      expect(s.completeness).toBe('incomplete');
      expect(s.total).toBeNull();
      expect(s.missingItems).toEqual([missing]);
      expect(s.note).toBe(`No total: 1 item missing (${missing}); ${scale.missing.source}`);
      expect(s.note).toContain(id);
    },
  );

  it('HAMD-17 with items 4 and 16 missing names both', () => {
    const s = score(HAMD17, items(withMissing(HAMD_VALUES, [4, 16])));
    expect(s.note).toContain('2 items missing (4, 16)');
  });
});

describe('subscales with a missing item are null', () => {
  it('MADRS item 6 missing: no total, anhedonia subscale null (McIntyre 2021)', () => {
    const s = score(MADRS, items(withMissing([1, 2, 3, 4, 5, 6, 0, 1, 2, 3], [6])));
    expect(s.total).toBeNull();
    expect(s.subscales[0]?.score).toBeNull();
  });

  it('MADRS item 3 missing (outside the subscale): anhedonia subscale still 10', () => {
    const s = score(MADRS, items(withMissing([1, 2, 3, 4, 5, 6, 0, 1, 2, 3], [3])));
    expect(s.total).toBeNull();
    expect(s.subscales[0]?.score).toBe(10);
  });

  it('DARS item 14 missing: sensory domain null, the other three domains scored (Rizvi 2015)', () => {
    const s = score(
      DARS,
      items(withMissing([1, 2, 3, 4, 0, 0, 1, 1, 4, 4, 4, 4, 0, 1, 2, 3, 4], [14])),
    );
    expect(s.subscales.map((d) => d.score)).toEqual([10, 2, 16, null]);
  });
});

describe('summary entries', () => {
  // Wang, Lyu & Zhao 2024 (Front Pharmacol 15:1411119), Table 1, baseline: DARS 17 = 3 + 4 + 4 + 6.
  it('a transcribed total is kept and marked as summary data', () => {
    const s = score(DARS, summary(17, { hobbies: 3, food: 4, social: 4, sensory: 6 }));
    expect(s).toMatchObject({ completeness: 'summary', total: 17, missingItems: [] });
    expect(s.note).toContain('Summary data');
    expect(s.subscales.map((d) => d.score)).toEqual([3, 4, 4, 6]);
  });

  it('domains but no total: the total is computed from the domains (Table 1, 3 + 4 + 4 + 6 = 17)', () => {
    const s = score(DARS, summary(null, { hobbies: 3, food: 4, social: 4, sensory: 6 }));
    expect(s).toMatchObject({ completeness: 'summary', total: 17 });
    expect(s.note).toBe('Summary data: total computed from the transcribed subscale totals.');
  });

  it('only some domains and no total: no total, untranscribed domains null', () => {
    const s = score(DARS, summary(null, { hobbies: 3, food: 4 }));
    expect(s.total).toBeNull();
    expect(s.note).toBe('Summary data: no total recorded.');
    expect(s.subscales.map((d) => d.score)).toEqual([3, 4, null, null]);
  });

  it('MADRS anhedonia subscale alone does not make a total', () => {
    const s = score(MADRS, summary(null, { anhedonia: 12 }));
    expect(s.total).toBeNull();
  });

  // Table 1: HAMD-17 18 with item 7 = 4.
  it('transcribed single items are kept by number', () => {
    const s = score(HAMD17, summary(18, {}, { '7': 4 }));
    expect(s.items.get(7)).toBe(4);
    expect(s.items.has(3)).toBe(false);
  });
});

describe('invalid entries give issues, never a number', () => {
  it('an out-of-range item', () => {
    const result = scoreEntry(PHQ9, items([4, 0, 0, 0, 0, 0, 0, 0, 0, null]));
    expect(result.ok).toBe(false);
  });

  it('an inconsistent summary', () => {
    const result = scoreEntry(DARS, summary(50, { hobbies: 3, food: 4, social: 4, sensory: 6 }));
    expect(result.ok).toBe(false);
  });
});

describe('HAMD-17 item 16 not assessed (scales.md §1; CamCOPS hamd.py: code 3 scores nothing)', () => {
  it('gives a complete total with item 16 counted as 0, and says so', () => {
    const responses = HAMD17.items.map((i) => (i.number === 16 ? 3 : 1));
    const result = scoreEntry(HAMD17, { mode: 'items', responses });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.score.completeness).toBe('complete');
    expect(result.score.total).toBe(16);
    expect(result.score.missingItems).toEqual([]);
    expect(result.score.note).toContain('Item 16 not assessed (scores 0)');
  });
});
