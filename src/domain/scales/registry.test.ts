import { describe, expect, it } from 'vitest';
import { SCALES, SCALE_IDS, getScale, isScaleId } from './registry';
import { scoredItems, subscaleRange, totalRange } from '../ranges';
import type { ScaleDefinition } from '../scale-types';
import { HAMD17 } from './hamd17';
import { MADRS } from './madrs';
import { PHQ9 } from './phq9';
import { DARS } from './dars';
import { CGI_S } from './cgi-s';
import { CGI_I } from './cgi-i';

const itemNumbersWith = (scale: ScaleDefinition, flag: string): number[] =>
  scale.items.filter((i) => (i.flags as readonly string[]).includes(flag)).map((i) => i.number);

describe('registry', () => {
  it('holds the eight scales in visit order, and finds them by id', () => {
    expect(SCALE_IDS).toEqual([
      'HAMD-17',
      'MADRS',
      'PHQ-9',
      'DARS',
      'CGI-S',
      'CGI-I',
      'HAM-A',
      'GAD-7',
    ]);
    for (const scale of SCALES) expect(getScale(scale.id)).toBe(scale);
    expect(isScaleId('MADRS')).toBe(true);
    expect(isScaleId('HAMD-21')).toBe(false);
  });
});

describe('structure', () => {
  // HAMD-17 17 items (CamCOPS hamd.py); MADRS 10 (Montgomery & Åsberg 1979); PHQ-9 9 + the
  // unscored difficulty item (Kroenke 2001; LOINC 44249-1); DARS 17 (Rizvi 2015; Yamamoto 2019);
  // CGI-S and CGI-I one item 1–7 (Guy 1976).
  it.each([
    ['HAMD-17', HAMD17, 17, 17, 0, 52],
    ['MADRS', MADRS, 10, 10, 0, 60],
    ['PHQ-9', PHQ9, 10, 9, 0, 27],
    ['DARS', DARS, 17, 17, 0, 68],
    ['CGI-S', CGI_S, 1, 1, 1, 7],
    ['CGI-I', CGI_I, 1, 1, 1, 7],
  ] as const)('%s: items, scored items and total range', (_id, scale, count, scored, min, max) => {
    expect(scale.items).toHaveLength(count);
    expect(scoredItems(scale)).toHaveLength(scored);
    expect(totalRange(scale)).toEqual({ min, max });
  });

  it.each(SCALES.map((s) => [s.id, s] as const))(
    '%s: items numbered 1..n in order, integer ranges',
    (_id, scale) => {
      expect(scale.items.map((i) => i.number)).toEqual(scale.items.map((_, index) => index + 1));
      for (const item of scale.items) {
        expect(Number.isInteger(item.min) && Number.isInteger(item.max)).toBe(true);
        expect(item.min).toBeLessThan(item.max);
      }
    },
  );

  // scales.md §1: 9 items 0–4 and 8 items 0–2.
  it('HAMD-17: items 1–3, 7–11, 15 are 0–4; 4–6, 12–14, 16, 17 are 0–2 (CamCOPS; CDISC QRS)', () => {
    expect(HAMD17.items.filter((i) => i.max === 4).map((i) => i.number)).toEqual([
      1, 2, 3, 7, 8, 9, 10, 11, 15,
    ]);
    expect(HAMD17.items.filter((i) => i.max === 2).map((i) => i.number)).toEqual([
      4, 5, 6, 12, 13, 14, 16, 17,
    ]);
  });

  it('HAMD-17 item 16 explains the A/B choice (CDISC: "Q16 uses only Part A or Part B")', () => {
    expect(HAMD17.items[15]?.note).toMatch(/16A.*16B/);
  });

  it('MADRS items are 0–6; PHQ-9 items 0–3; DARS items 0–4 (scales.md §2–4)', () => {
    expect(MADRS.items.every((i) => i.min === 0 && i.max === 6)).toBe(true);
    expect(PHQ9.items.every((i) => i.min === 0 && i.max === 3)).toBe(true);
    expect(DARS.items.every((i) => i.min === 0 && i.max === 4)).toBe(true);
  });

  // Kroenke 2001; therandomtandem form copy; awell-score README: item 10 is not scored.
  it('PHQ-9 item 10 is unscored (Kroenke 2001 form; awell-score)', () => {
    expect(itemNumbersWith(PHQ9, 'unscored')).toEqual([10]);
  });

  it('every subscale lists existing items', () => {
    for (const scale of SCALES) {
      const numbers = scale.items.map((i) => i.number);
      for (const sub of scale.subscales)
        expect(sub.items.every((n) => numbers.includes(n))).toBe(true);
    }
  });

  // McIntyre, Loft & Christensen 2021, Neuropsychiatr Dis Treat 17:575 (PMC7910099).
  it('MADRS anhedonia subscale: items 1, 2, 6, 7, 8, range 0–30 (McIntyre 2021)', () => {
    const sub = MADRS.subscales.find((s) => s.id === 'anhedonia')!;
    expect(sub.items).toEqual([1, 2, 6, 7, 8]);
    expect(subscaleRange(MADRS, sub)).toEqual({ min: 0, max: 30 });
  });

  // Rizvi 2015 Table A1 (public scoring code); Wellan 2021; Gorostowicz 2023.
  it.each([
    ['hobbies', [1, 2, 3, 4], 16],
    ['food', [5, 6, 7, 8], 16],
    ['social', [9, 10, 11, 12], 16],
    ['sensory', [13, 14, 15, 16, 17], 20],
  ] as const)('DARS domain %s: items %j, range 0–%i (Rizvi 2015)', (id, items, max) => {
    const sub = DARS.subscales.find((s) => s.id === id)!;
    expect(sub.items).toEqual(items);
    expect(subscaleRange(DARS, sub)).toEqual({ min: 0, max });
  });

  it('DARS has exactly the four domains, 4/4/4/5 items (Rizvi 2015)', () => {
    expect(DARS.subscales.map((s) => s.items.length)).toEqual([4, 4, 4, 5]);
  });

  it('directions: DARS higher is better (Rizvi 2015); the symptom scales higher is worse', () => {
    expect(DARS.direction).toBe('higher-is-better');
    for (const scale of [HAMD17, MADRS, PHQ9, CGI_S, CGI_I])
      expect(scale.direction).toBe('higher-is-worse');
    expect(CGI_I.kind).toBe('change');
  });

  it('raters and recall periods (scales.md)', () => {
    expect([HAMD17, MADRS, PHQ9, DARS].map((s) => [s.rater, s.recallPeriod])).toEqual([
      ['clinician', 'the past week'],
      ['clinician', 'the past week'],
      ['self-report', 'the last 2 weeks'],
      ['self-report', 'right now'],
    ]);
  });
});

describe('flags', () => {
  it.each([
    // HAMD-7 (McIntyre 2002): item 7 "work and activities" as the anhedonia proxy; item 3 suicide.
    ['HAMD-17', [7], [3], HAMD17],
    // McIntyre 2021 anhedonia subscale items; item 10 suicidal thoughts.
    ['MADRS', [1, 2, 6, 7, 8], [10], MADRS],
    // Kroenke 2001: item 1 anhedonia, item 9 thoughts of death or self-harm.
    ['PHQ-9', [1], [9], PHQ9],
    // Rizvi 2015: every DARS item measures hedonic capacity.
    ['DARS', DARS.items.map((i) => i.number), [], DARS],
  ] as const)('%s: anhedonia items %j, suicide items %j', (_id, anhedonia, suicide, scale) => {
    expect(itemNumbersWith(scale, 'anhedonia')).toEqual(anhedonia);
    expect(itemNumbersWith(scale, 'suicide')).toEqual(suicide);
  });

  // Hermens 2006: MADRS item 1 is the only item rated purely on observation.
  it('MADRS item 1 is the only observed item (Hermens 2006)', () => {
    expect(itemNumbersWith(MADRS, 'observed')).toEqual([1]);
  });
});

describe('licensing (scales.md §9)', () => {
  // RCPsych refused permission (CamCOPS _tasks_missing.rst); DARS: no licence found (Rizvi 2015).
  it.each([
    ['MADRS', MADRS],
    ['DARS', DARS],
  ] as const)('%s carries no anchor wording', (_id, scale) => {
    for (const item of scale.items) expect(item.anchors).toBeUndefined();
  });

  it('HAMD-17 (public domain), PHQ-9 (Pfizer grant) and CGI (US federal work) carry an anchor per value', () => {
    for (const scale of [HAMD17, PHQ9, CGI_S, CGI_I]) {
      for (const item of scale.items) {
        expect(item.anchors?.map((a) => a.value)).toEqual(
          Array.from({ length: item.max - item.min + 1 }, (_, k) => item.min + k),
        );
      }
    }
  });

  it('every scale names its copyright holder or status', () => {
    for (const scale of SCALES) expect(scale.copyright.length).toBeGreaterThan(0);
    expect(PHQ9.copyright).toContain('Pfizer');
    expect(MADRS.copyright).toContain('Royal College of Psychiatrists');
  });
});

describe('band conventions', () => {
  const conventions = SCALES.flatMap((scale) =>
    scale.bandConventions.map(
      (convention) => [`${scale.id} ${convention.id}`, scale, convention] as const,
    ),
  );

  it.each(conventions)(
    '%s runs contiguously from the scale minimum to its maximum',
    (_name, scale, convention) => {
      const range = totalRange(scale);
      const bands = convention.bands;
      expect(bands[0]?.min).toBe(range.min);
      expect(bands[bands.length - 1]?.max).toBe(range.max);
      bands.forEach((band, i) => {
        expect(band.min).toBeLessThanOrEqual(band.max);
        expect(band.level).toBe(i);
        const next = bands[i + 1];
        // No gap and no overlap between whole-number bands.
        if (next) expect(next.min).toBe(band.max + 1);
      });
      expect(convention.source.length).toBeGreaterThan(0);
    },
  );

  it('the conventions each scale offers (scales.md §1–3, §5)', () => {
    expect(SCALES.map((s) => [s.id, s.bandConventions.map((c) => c.id)])).toEqual([
      ['HAMD-17', ['consensus', 'zimmerman-2013', 'rush-2003']],
      ['MADRS', ['snaith-1986', 'alternative-12-24-35']],
      ['PHQ-9', ['kroenke-2001']],
      ['DARS', []],
      ['CGI-S', ['guy-1976']],
      ['CGI-I', []],
      ['HAM-A', ['camcops']],
      ['GAD-7', ['spitzer-2006']],
    ]);
  });
});

describe('rules in the definitions', () => {
  it('response ≥ 50 % on HAMD-17, MADRS and PHQ-9; CGI-I 1–2; none for DARS and CGI-S', () => {
    for (const scale of [HAMD17, MADRS, PHQ9]) {
      expect(scale.response).toMatchObject({ kind: 'percent-reduction', percent: 50 });
    }
    expect(CGI_I.response).toMatchObject({ kind: 'max-value', maxValue: 2 });
    expect(DARS.response).toBeUndefined();
    expect(CGI_S.response).toBeUndefined();
  });

  it('default remission: HAMD-17 ≤ 7 (Frank 1991), MADRS ≤ 10 (Zimmerman 2004), PHQ-9 < 5 (SUSTAIN-3)', () => {
    expect(HAMD17.remission[0]?.cutoff).toBe(7);
    expect(MADRS.remission[0]?.cutoff).toBe(10);
    expect(MADRS.remission.map((r) => r.cutoff)).toContain(12);
    expect(PHQ9.remission[0]?.label).toBe('PHQ-9 < 5');
  });

  it('default relapse: HAMD-17 ≥ 16 (desvenlafaxine RCT), MADRS ≥ 22 (RESET NCT02371980)', () => {
    expect(HAMD17.relapse[0]).toMatchObject({ kind: 'threshold', minTotal: 16, consecutive: 1 });
    expect(MADRS.relapse[0]).toMatchObject({ kind: 'threshold', minTotal: 22, consecutive: 1 });
    expect(MADRS.relapse.find((r) => r.id === 'ge22x2')).toMatchObject({
      minTotal: 22,
      consecutive: 2,
    });
    expect(MADRS.relapse.find((r) => r.id === 'ge18x2')).toMatchObject({
      minTotal: 18,
      consecutive: 2,
    });
  });

  it('safety thresholds: PHQ-9 item 9 ≥ 1, MADRS item 10 ≥ 4, HAMD-17 item 3 ≥ 2 (issue #2)', () => {
    expect(PHQ9.safety.map((r) => [r.item, r.minValue])).toEqual([[9, 1]]);
    expect(MADRS.safety.map((r) => [r.item, r.minValue])).toEqual([[10, 4]]);
    expect(HAMD17.safety.map((r) => [r.item, r.minValue])).toEqual([[3, 2]]);
    expect(DARS.safety).toEqual([]);
  });

  // scales.md §7.
  it('reliable change figures: HAMD-17 SD 6.13, α 0.789; MADRS SD 13.2, α 0.86; none for DARS', () => {
    expect(HAMD17.reliableChange).toMatchObject({
      sd: 6.13,
      reliability: 0.789,
      reliabilityKind: 'alpha',
    });
    expect(MADRS.reliableChange).toMatchObject({
      sd: 13.2,
      reliability: 0.86,
      reliabilityKind: 'alpha',
    });
    expect(DARS.reliableChange).toBeUndefined();
  });

  it('PHQ-9 prorates up to 2 missing items (NHS Data Dictionary); the others do not prorate', () => {
    expect(PHQ9.missing).toMatchObject({ kind: 'prorate-mean', maxMissing: 2 });
    for (const scale of [HAMD17, MADRS, DARS]) expect(scale.missing.kind).toBe('none');
  });
});
