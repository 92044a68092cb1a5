import type { ItemDef, ScaleDefinition } from '../scale-types';

// Hamilton Anxiety Rating Scale (Hamilton 1959, Br J Med Psychol 32:50). Public domain (NINDS
// CDE, quoted by CamCOPS hama.rst), so item names and anchors may be shown. 14 items, each
// 0–4 with the same five anchors; total 0–56 (CamCOPS hama.py MAX_SCORE = 56).

const SEVERITY = ['Not present', 'Mild', 'Moderate', 'Severe', 'Very severe'];

const item = (number: number, shortName: string): ItemDef => ({
  number,
  shortName,
  min: 0,
  max: 4,
  flags: [],
  anchors: SEVERITY.map((label, value) => ({ value, label })),
});

export const HAMA: ScaleDefinition = {
  id: 'HAM-A',
  name: 'Hamilton Anxiety Rating Scale',
  version: 'HAM-A (Hamilton 1959)',
  rater: 'clinician',
  recallPeriod: 'the state at the interview (Hamilton 1959 sets no recall period)',
  direction: 'higher-is-worse',
  kind: 'severity',
  // Item names: Cambio CKM "HAM-A v.1" (after Hamilton 1959); CamCOPS hama.py.
  items: [
    item(1, 'Anxious mood'),
    item(2, 'Tension'),
    item(3, 'Fears'),
    item(4, 'Insomnia'),
    item(5, 'Intellectual (concentration, memory)'),
    item(6, 'Depressed mood'),
    item(7, 'Somatic (muscular)'),
    item(8, 'Somatic (sensory)'),
    item(9, 'Cardiovascular symptoms'),
    item(10, 'Respiratory symptoms'),
    item(11, 'Gastrointestinal symptoms'),
    item(12, 'Genitourinary symptoms'),
    item(13, 'Autonomic symptoms'),
    item(14, 'Behaviour at interview'),
  ],
  subscales: [],
  missing: {
    kind: 'none',
    source:
      'No prorating rule is published; CamCOPS hama.py gives no total unless all 14 items are rated.',
  },
  bandConventions: [
    {
      id: 'camcops',
      name: 'CamCOPS / Cambio CKM',
      source:
        'CamCOPS hama.py severity(): ≥31 very severe, ≥25 moderate to severe, ≥18 mild to moderate, otherwise mild; the same bands in Cambio CKM "HAM-A v.1" (citing Hamilton 1959 and Maier et al. 1988, J Affect Disord 14:61)',
      bands: [
        { label: 'Mild', min: 0, max: 17, level: 0 },
        { label: 'Mild to moderate', min: 18, max: 24, level: 1 },
        { label: 'Moderate to severe', min: 25, max: 30, level: 2 },
        { label: 'Very severe', min: 31, max: 56, level: 3 },
      ],
    },
  ],
  remission: [],
  relapse: [],
  safety: [],
  copyright:
    'HAM-A: public domain ("The HAM-A is in the public domain", NINDS Common Data Elements).',
  notes: [
    'The lowest band is "mild" from 0: these bands grade severity, they do not screen; a total of 0 is still "mild".',
    'Other bandings are in use (e.g. 0–13 / 14–24 / 25–56); only the one above is checked against its source.',
    'No response, remission or relapse rule, and no reliable-change figures, have been checked against a source for this app.',
  ],
};
