import { describe, expect, it } from 'vitest';
import { severityOf } from './severity';
import { HAMD17 } from './scales/hamd17';
import { MADRS } from './scales/madrs';
import { PHQ9 } from './scales/phq9';
import { CGI_S } from './scales/cgi-s';
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
