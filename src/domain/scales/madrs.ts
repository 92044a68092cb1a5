import type { ItemDef, ItemFlag, ScaleDefinition } from '../scale-types';

// Montgomery–Åsberg Depression Rating Scale (Montgomery & Åsberg 1979, Br J Psychiatry 134:382).
// © Royal College of Psychiatrists, which refused permission to reproduce it (CamCOPS
// _tasks_missing.rst): item NAMES and numeric 0–6 entry only, never anchor wording.

const item = (number: number, shortName: string, flags: readonly ItemFlag[] = []): ItemDef => ({
  number,
  shortName,
  min: 0,
  max: 6,
  flags,
});

export const MADRS: ScaleDefinition = {
  id: 'MADRS',
  name: 'Montgomery–Åsberg Depression Rating Scale',
  version: 'MADRS (Montgomery & Åsberg 1979)',
  rater: 'clinician',
  offeredByDefault: true,
  summaryRank: 2,
  recallPeriod: 'the past week',
  direction: 'higher-is-worse',
  kind: 'severity',
  items: [
    item(1, 'Apparent sadness', ['observed', 'anhedonia']),
    item(2, 'Reported sadness', ['anhedonia']),
    item(3, 'Inner tension'),
    item(4, 'Reduced sleep'),
    item(5, 'Reduced appetite'),
    item(6, 'Concentration difficulties', ['anhedonia']),
    item(7, 'Lassitude', ['anhedonia']),
    item(8, 'Inability to feel', ['anhedonia']),
    item(9, 'Pessimistic thoughts'),
    item(10, 'Suicidal thoughts', ['suicide']),
  ],
  subscales: [
    // McIntyre, Loft & Christensen 2021, Neuropsychiatr Dis Treat 17:575 (PMC7910099).
    { id: 'anhedonia', name: 'Anhedonia subscale', items: [1, 2, 6, 7, 8] },
  ],
  missing: {
    kind: 'none',
    source: 'No prorating rule is published; an incomplete MADRS has no total.',
  },
  bandConventions: [
    {
      id: 'snaith-1986',
      name: 'Snaith 1986',
      source: 'Snaith et al. 1986, Br J Psychiatry 148:599 (McDowell, Measuring Health)',
      bands: [
        { label: 'Normal', min: 0, max: 6, level: 0 },
        { label: 'Mild', min: 7, max: 19, level: 1 },
        { label: 'Moderate', min: 20, max: 34, level: 2 },
        { label: 'Severe', min: 35, max: 60, level: 3 },
      ],
    },
    {
      id: 'alternative-12-24-35',
      name: 'Alternative 12/24/35',
      source:
        'Alternative cut-points in McDowell, Measuring Health ("12 mild, 24 moderate, 35 severe")',
      bands: [
        { label: 'Normal', min: 0, max: 11, level: 0 },
        { label: 'Mild', min: 12, max: 23, level: 1 },
        { label: 'Moderate', min: 24, max: 34, level: 2 },
        { label: 'Severe', min: 35, max: 60, level: 3 },
      ],
    },
  ],
  response: {
    kind: 'percent-reduction',
    percent: 50,
    label: '≥ 50 % reduction from baseline',
    source: 'Conventional response criterion (Leucht 2017, J Affect Disord 210:287)',
  },
  remission: [
    {
      id: 'le10',
      cutoff: 10,
      inclusive: true,
      label: 'MADRS ≤ 10',
      source: 'Common trial cut-off (Zimmerman 2004, J Clin Psychiatry 65:163; NCT00596817)',
    },
    {
      id: 'le12',
      cutoff: 12,
      inclusive: true,
      label: 'MADRS ≤ 12',
      source: 'Esketamine ASPIRE and SUSTAIN-3; vortioxetine RESET',
    },
    {
      id: 'le9',
      cutoff: 9,
      inclusive: true,
      label: 'MADRS ≤ 9',
      source: 'Hawley 2002 (PubMed 12200208): "< 10"',
    },
  ],
  relapse: [
    {
      id: 'ge22',
      kind: 'threshold',
      minTotal: 22,
      consecutive: 1,
      label: 'MADRS ≥ 22 after response',
      source: 'Vortioxetine RESET, NCT02371980',
    },
    {
      id: 'ge22x2',
      kind: 'threshold',
      minTotal: 22,
      consecutive: 2,
      label: 'MADRS ≥ 22 at 2 consecutive visits',
      source: 'Esketamine SUSTAIN-1 (Daly 2019, PMC6551577)',
    },
    {
      id: 'ge18x2',
      kind: 'threshold',
      minTotal: 18,
      consecutive: 2,
      label: 'MADRS ≥ 18 at 2 consecutive visits',
      source: 'Vilazodone (Durgam 2018, Int Clin Psychopharmacol 33:304)',
    },
    {
      id: 'loss-of-response',
      kind: 'loss-of-response',
      label: 'Loss of response (< 50 % reduction) after response',
      source: 'Project option; not a published relapse definition',
    },
  ],
  reliableChange: {
    sd: 13.2,
    reliability: 0.86,
    reliabilityKind: 'alpha',
    source: 'SD 13.2: Müller 2003 (J Affect Disord 77:255); α 0.86 (McDowell, Measuring Health)',
  },
  safety: [
    {
      item: 10,
      minValue: 4,
      message: 'MADRS item 10 (suicidal thoughts) ≥ 4',
      source: 'Project safety rule (issue #2), documented in docs/ARCHITECTURE.md',
    },
  ],
  copyright:
    'MADRS © The Royal College of Psychiatrists (Montgomery & Åsberg, Br J Psychiatry 1979;134:382). Item wording not reproduced.',
  notes: ['Anchors exist at 0, 2, 4 and 6; odd values sit between anchors.'],
};
