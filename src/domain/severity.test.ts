import { describe, expect, it } from 'vitest';
import { bandConvention, severityOf } from './severity';
import { totalRange } from './ranges';
import { SCALES } from './scales/registry';
import { HAMD17 } from './scales/hamd17';
import { MADRS } from './scales/madrs';
import { PHQ9 } from './scales/phq9';
import { DARS } from './scales/dars';
import { CGI_S } from './scales/cgi-s';
import { CGI_I } from './scales/cgi-i';
import type { ScaleDefinition } from './scale-types';

// Every case below was checked by hand against ../shared/reference/scales.md (the section and
// the published source are named on each table). Both sides of every boundary are listed.

const labelOf = (scale: ScaleDefinition, total: number, conventionId?: string): string => {
  const result = severityOf(scale, total, conventionId);
  if (!result.ok) throw new Error(result.reason);
  return result.value.band.label;
};

describe('HAMD-17 bands', () => {
  // Consensus (cnsforum): CamCOPS hamd.py severity(), "≥23 very severe, ≥19 severe, ≥14 moderate,
  // ≥8 mild" (scales.md §1).
  it.each([
    [0, 'None'],
    [7, 'None'],
    [8, 'Mild'],
    [13, 'Mild'],
    [14, 'Moderate'],
    [18, 'Moderate'],
    [19, 'Severe'],
    [22, 'Severe'],
    [23, 'Very severe'],
    [52, 'Very severe'],
  ] as const)('consensus (CamCOPS hamd.py): %i → %s', (total, label) => {
    expect(labelOf(HAMD17, total, 'consensus')).toBe(label);
    // The consensus convention is the default.
    expect(labelOf(HAMD17, total)).toBe(label);
  });

  // Zimmerman 2013, J Affect Disord 150:384 (PubMed 23759278): cut-offs 17 and 24 (scales.md §1).
  it.each([
    [0, 'None'],
    [7, 'None'],
    [8, 'Mild'],
    [16, 'Mild'],
    [17, 'Moderate'],
    [23, 'Moderate'],
    [24, 'Severe'],
    [52, 'Severe'],
  ] as const)('Zimmerman 2013 (PubMed 23759278): %i → %s', (total, label) => {
    expect(labelOf(HAMD17, total, 'zimmerman-2013')).toBe(label);
  });

  // Rush 2003 / IDS–QIDS conversion table, ids-qids.org/interpretation.html (scales.md §1).
  it.each([
    [0, 'None'],
    [7, 'None'],
    [8, 'Mild'],
    [13, 'Mild'],
    [14, 'Moderate'],
    [19, 'Moderate'],
    [20, 'Severe'],
    [25, 'Severe'],
    [26, 'Very severe'],
    [52, 'Very severe'],
  ] as const)('Rush 2003 (ids-qids.org): %i → %s', (total, label) => {
    expect(labelOf(HAMD17, total, 'rush-2003')).toBe(label);
  });
});

describe('MADRS bands', () => {
  // Snaith et al. 1986, Br J Psychiatry 148:599, via McDowell, Measuring Health (scales.md §2).
  it.each([
    [0, 'Normal'],
    [6, 'Normal'],
    [7, 'Mild'],
    [19, 'Mild'],
    [20, 'Moderate'],
    [34, 'Moderate'],
    [35, 'Severe'],
    [60, 'Severe'],
  ] as const)('Snaith 1986 (McDowell): %i → %s', (total, label) => {
    expect(labelOf(MADRS, total, 'snaith-1986')).toBe(label);
    expect(labelOf(MADRS, total)).toBe(label);
  });

  // Alternative cut-points in the same text: "12 mild, 24 moderate, 35 severe" (scales.md §2).
  it.each([
    [0, 'Normal'],
    [11, 'Normal'],
    [12, 'Mild'],
    [23, 'Mild'],
    [24, 'Moderate'],
    [34, 'Moderate'],
    [35, 'Severe'],
    [60, 'Severe'],
  ] as const)('alternative 12/24/35 (McDowell): %i → %s', (total, label) => {
    expect(labelOf(MADRS, total, 'alternative-12-24-35')).toBe(label);
  });
});

describe('PHQ-9 bands', () => {
  // Kroenke 2001, J Gen Intern Med 16:606; LOINC LL382-3: thresholds 5, 10, 15, 20 (scales.md §3).
  it.each([
    [0, 'None–minimal'],
    [4, 'None–minimal'],
    [5, 'Mild'],
    [9, 'Mild'],
    [10, 'Moderate'],
    [14, 'Moderate'],
    [15, 'Moderately severe'],
    [19, 'Moderately severe'],
    [20, 'Severe'],
    [27, 'Severe'],
  ] as const)('Kroenke 2001 (LOINC LL382-3): %i → %s', (total, label) => {
    expect(labelOf(PHQ9, total, 'kroenke-2001')).toBe(label);
    expect(labelOf(PHQ9, total)).toBe(label);
  });

  // Prorated totals (NHS Data Dictionary rule) are not whole numbers: a band runs up to the
  // next band's lower bound, so 9.43 is still below the Kroenke 2001 threshold of 10.
  it.each([
    [4.5, 'None–minimal'],
    [4.99, 'None–minimal'],
    [9.43, 'Mild'],
    [9.99, 'Mild'],
    [10.125, 'Moderate'],
  ] as const)('prorated PHQ-9 total %d → %s (Kroenke 2001)', (total, label) => {
    expect(labelOf(PHQ9, total)).toBe(label);
  });
});

describe('CGI-S bands', () => {
  // Guy 1976 (ECDEU); Busner & Targum 2007 (PMC2880930): one band per rating (scales.md §5).
  it.each([
    [1, 'Normal, not at all ill', 0],
    [2, 'Borderline mentally ill', 1],
    [3, 'Mildly ill', 2],
    [4, 'Moderately ill', 3],
    [5, 'Markedly ill', 4],
    [6, 'Severely ill', 5],
    [7, 'Among the most extremely ill', 6],
  ] as const)('Guy 1976: CGI-S %i → %s (level %i)', (total, label, level) => {
    const result = severityOf(CGI_S, total);
    expect(result.ok && result.value.band).toMatchObject({ label, level });
  });
});

// Every band of every convention as scales.md gives it (§1 HAMD-17, §2 MADRS, §3 PHQ-9,
// §5 CGI-S): [label, lowest total, highest total], lowest band first. Written out from the
// published tables, not read from the scale definitions under test.
const PUBLISHED_BANDS: Readonly<Record<string, readonly (readonly [string, number, number])[]>> = {
  // CamCOPS hamd.py: "≥23 very severe, ≥19 severe, ≥14 moderate, ≥8 mild"; total 0–52.
  'HAMD-17 consensus': [
    ['None', 0, 7],
    ['Mild', 8, 13],
    ['Moderate', 14, 18],
    ['Severe', 19, 22],
    ['Very severe', 23, 52],
  ],
  // Zimmerman 2013 (PubMed 23759278): cut-offs 17 and 24; none 0–7, mild from 8.
  'HAMD-17 zimmerman-2013': [
    ['None', 0, 7],
    ['Mild', 8, 16],
    ['Moderate', 17, 23],
    ['Severe', 24, 52],
  ],
  // Rush 2003 / IDS–QIDS conversion table (ids-qids.org/interpretation.html).
  'HAMD-17 rush-2003': [
    ['None', 0, 7],
    ['Mild', 8, 13],
    ['Moderate', 14, 19],
    ['Severe', 20, 25],
    ['Very severe', 26, 52],
  ],
  // Snaith et al. 1986 (McDowell, Measuring Health); total 0–60.
  'MADRS snaith-1986': [
    ['Normal', 0, 6],
    ['Mild', 7, 19],
    ['Moderate', 20, 34],
    ['Severe', 35, 60],
  ],
  // Alternative cut-points in the same text: "12 mild, 24 moderate, 35 severe".
  'MADRS alternative-12-24-35': [
    ['Normal', 0, 11],
    ['Mild', 12, 23],
    ['Moderate', 24, 34],
    ['Severe', 35, 60],
  ],
  // Kroenke 2001; LOINC LL382-3: thresholds 5, 10, 15, 20; total 0–27.
  'PHQ-9 kroenke-2001': [
    ['None–minimal', 0, 4],
    ['Mild', 5, 9],
    ['Moderate', 10, 14],
    ['Moderately severe', 15, 19],
    ['Severe', 20, 27],
  ],
  // Guy 1976 (ECDEU); Busner & Targum 2007: one band per rating, 1–7.
  'CGI-S guy-1976': [
    ['Normal, not at all ill', 1, 1],
    ['Borderline mentally ill', 2, 2],
    ['Mildly ill', 3, 3],
    ['Moderately ill', 4, 4],
    ['Markedly ill', 5, 5],
    ['Severely ill', 6, 6],
    ['Among the most extremely ill', 7, 7],
  ],
  // CamCOPS hama.py severity(); Cambio CKM "HAM-A v.1" (≤17, 18–24, 25–30, >30).
  'HAM-A camcops': [
    ['Mild', 0, 17],
    ['Mild to moderate', 18, 24],
    ['Moderate to severe', 25, 30],
    ['Very severe', 31, 56],
  ],
  // Spitzer 2006: cut points 5, 10 and 15.
  'GAD-7 spitzer-2006': [
    ['Minimal', 0, 4],
    ['Mild', 5, 9],
    ['Moderate', 10, 14],
    ['Severe', 15, 21],
  ],
};

describe('every convention of every scale', () => {
  const conventions = SCALES.flatMap((scale) =>
    scale.bandConventions.map((convention) => ({ scale, convention })),
  );

  it('every convention the scales offer is one published above, and each of those is offered', () => {
    expect(conventions.map(({ scale, convention }) => `${scale.id} ${convention.id}`)).toEqual(
      Object.keys(PUBLISHED_BANDS),
    );
  });

  it.each(Object.entries(PUBLISHED_BANDS))(
    '%s: every whole total from the lowest to the highest falls in its published band',
    (name, published) => {
      const [scaleId = '', conventionId = ''] = name.split(' ');
      const scale = SCALES.find((s) => s.id === scaleId);
      if (!scale) throw new Error(`no scale ${scaleId}`);
      const lowest = published[0]![1];
      const highest = published[published.length - 1]![2];
      const seen: string[] = [];
      const expected: string[] = [];
      for (let total = lowest; total <= highest; total++) {
        const level = published.findIndex(([, min, max]) => total >= min && total <= max);
        const [label, min, max] = published[level]!;
        expected.push(`${total}: ${label} (${min}–${max}, level ${level})`);
        const result = severityOf(scale, total, conventionId);
        seen.push(
          result.ok
            ? `${total}: ${result.value.band.label} (${result.value.band.min}–${result.value.band.max}, level ${result.value.band.level})`
            : `${total}: refused (${result.reason})`,
        );
      }
      expect(seen).toEqual(expected);
    },
  );

  it.each(conventions.map(({ scale, convention }) => [scale.id, convention.id, scale] as const))(
    '%s %s: min − 1 and max + 1 are refused, naming the scale and its range',
    (id, conventionId, scale) => {
      const range = totalRange(scale);
      for (const total of [range.min - 1, range.max + 1]) {
        const result = severityOf(scale, total, conventionId);
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(result.reason).toContain(id);
          expect(result.reason).toContain(`${range.min}–${range.max}`);
        }
      }
    },
  );

  // Ranges: HAMD-17 0–52 (CamCOPS), MADRS 0–60, PHQ-9 0–27 (Kroenke 2001), CGI-S 1–7 (Guy 1976).
  it.each([
    ['HAMD-17', -1, HAMD17],
    ['HAMD-17', 53, HAMD17],
    ['MADRS', -1, MADRS],
    ['MADRS', 61, MADRS],
    ['PHQ-9', -1, PHQ9],
    ['PHQ-9', 28, PHQ9],
    ['CGI-S', 0, CGI_S],
    ['CGI-S', 8, CGI_S],
  ] as const)('%s total %i is out of range', (_id, total, scale) => {
    expect(severityOf(scale, total).ok).toBe(false);
  });

  it('NaN and Infinity are refused', () => {
    expect(severityOf(HAMD17, Number.NaN).ok).toBe(false);
    expect(severityOf(HAMD17, Number.POSITIVE_INFINITY).ok).toBe(false);
  });
});

describe('scales without bands and unknown conventions', () => {
  // Rizvi 2015: no published DARS severity bands (scales.md §4).
  it('DARS has no bands and says so (Rizvi 2015)', () => {
    const result = severityOf(DARS, 40);
    expect(result).toEqual({ ok: false, reason: 'DARS has no published severity bands.' });
    expect(bandConvention(DARS).ok).toBe(false);
  });

  it('CGI-I rates change, not severity: no bands', () => {
    expect(severityOf(CGI_I, 2).ok).toBe(false);
  });

  it('an unknown convention id is refused by name', () => {
    const result = severityOf(HAMD17, 10, 'no-such');
    expect(result).toEqual({ ok: false, reason: 'HAMD-17 has no band convention "no-such".' });
  });

  it('the default convention is the first one', () => {
    const result = bandConvention(MADRS);
    expect(result.ok && result.value.id).toBe('snaith-1986');
  });
});
