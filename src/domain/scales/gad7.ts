import type { ItemDef, ScaleDefinition } from '../scale-types';

// Generalized Anxiety Disorder 7-item scale (Spitzer, Kroenke, Williams & Löwe 2006, Arch
// Intern Med 166:1092). Developed with an educational grant from Pfizer, which grants
// reproduction without permission (as for the PHQ-9), so item text and anchors are shown.

const FREQUENCY = ['Not at all', 'Several days', 'More than half the days', 'Nearly every day'];

const item = (number: number, shortName: string): ItemDef => ({
  number,
  shortName,
  min: 0,
  max: 3,
  flags: [],
  anchors: FREQUENCY.map((label, value) => ({ value, label })),
});

export const GAD7: ScaleDefinition = {
  id: 'GAD-7',
  name: 'Generalized Anxiety Disorder 7-item scale',
  version: 'GAD-7 (Spitzer 2006)',
  rater: 'self-report',
  recallPeriod: 'the last 2 weeks',
  direction: 'higher-is-worse',
  kind: 'severity',
  items: [
    item(1, 'Feeling nervous, anxious, or on edge'),
    item(2, 'Not being able to stop or control worrying'),
    item(3, 'Worrying too much about different things'),
    item(4, 'Trouble relaxing'),
    item(5, 'Being so restless that it is hard to sit still'),
    item(6, 'Becoming easily annoyed or irritable'),
    item(7, 'Feeling afraid, as if something awful might happen'),
  ],
  subscales: [],
  missing: {
    kind: 'none',
    source:
      'No prorating rule is published; CamCOPS gad7.py gives no total unless all 7 items are answered.',
  },
  bandConventions: [
    {
      id: 'spitzer-2006',
      name: 'Spitzer 2006',
      source:
        'Spitzer et al. 2006, Arch Intern Med 166:1092: scores of 5, 10 and 15 are the cut points for mild, moderate and severe anxiety (CamCOPS gad7.py: ≥15 severe, ≥10 moderate, ≥5 mild)',
      bands: [
        { label: 'Minimal', min: 0, max: 4, level: 0 },
        { label: 'Mild', min: 5, max: 9, level: 1 },
        { label: 'Moderate', min: 10, max: 14, level: 2 },
        { label: 'Severe', min: 15, max: 21, level: 3 },
      ],
    },
  ],
  remission: [],
  relapse: [],
  safety: [],
  copyright:
    'GAD-7: developed by Drs Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.',
  notes: [
    'Screening cut-off: a total ≥ 10 calls for further evaluation (generalized anxiety disorder: sensitivity 89 %, specificity 82 %; Spitzer 2006).',
    'No published response, remission or relapse rule has been checked for this app.',
  ],
};
