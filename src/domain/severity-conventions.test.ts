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

// Every band convention of every scale, whole total by whole total, against the published
// tables written out below (severity.test.ts has the boundary cases of each scale).
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
