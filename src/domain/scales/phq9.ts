import type { ItemDef, ItemFlag, ScaleDefinition } from '../scale-types';

// Patient Health Questionnaire-9 (Kroenke, Spitzer & Williams 2001, J Gen Intern Med 16:606).
// Pfizer grants reproduction without permission, so item text and anchors are shown.

const FREQUENCY = ['Not at all', 'Several days', 'More than half the days', 'Nearly every day'];

const item = (number: number, shortName: string, flags: readonly ItemFlag[] = []): ItemDef => ({
  number,
  shortName,
  min: 0,
  max: 3,
  flags,
  anchors: FREQUENCY.map((label, value) => ({ value, label })),
});

export const PHQ9: ScaleDefinition = {
  id: 'PHQ-9',
  name: 'Patient Health Questionnaire-9',
  version: 'PHQ-9 (Kroenke 2001)',
  rater: 'self-report',
  offeredByDefault: true,
  summaryRank: 3,
  recallPeriod: 'the last 2 weeks',
  direction: 'higher-is-worse',
  kind: 'severity',
  items: [
    item(1, 'Little interest or pleasure in doing things', ['anhedonia']),
    item(2, 'Feeling down, depressed, or hopeless'),
    item(3, 'Trouble falling or staying asleep, or sleeping too much'),
    item(4, 'Feeling tired or having little energy'),
    item(5, 'Poor appetite or overeating'),
    item(6, 'Feeling bad about yourself, or that you are a failure'),
    item(7, 'Trouble concentrating on things'),
    item(8, 'Moving or speaking slowly, or being fidgety or restless'),
    item(9, 'Thoughts that you would be better off dead or of hurting yourself', ['suicide']),
    {
      number: 10,
      shortName: 'How difficult have these problems made things (not scored)',
      min: 0,
      max: 3,
      flags: ['unscored'],
      anchors: [
        'Not difficult at all',
        'Somewhat difficult',
        'Very difficult',
        'Extremely difficult',
      ].map((label, value) => ({ value, label })),
      note: 'Asked only if any problem was endorsed. Not part of the total.',
    },
  ],
  subscales: [],
  missing: {
    kind: 'prorate-mean',
    maxMissing: 2,
    source:
      'NHS Data Dictionary (PHQ-9): 1–2 missing items are replaced by the mean of the answered items; more missing = no score',
  },
  bandConventions: [
    {
      id: 'kroenke-2001',
      name: 'Kroenke 2001',
      source: 'Kroenke et al. 2001, J Gen Intern Med 16:606; LOINC LL382-3',
      bands: [
        { label: 'None–minimal', min: 0, max: 4, level: 0 },
        { label: 'Mild', min: 5, max: 9, level: 1 },
        { label: 'Moderate', min: 10, max: 14, level: 2 },
        { label: 'Moderately severe', min: 15, max: 19, level: 3 },
        { label: 'Severe', min: 20, max: 27, level: 4 },
      ],
    },
  ],
  response: {
    kind: 'percent-reduction',
    percent: 50,
    label: '≥ 50 % reduction from baseline',
    source: 'SUSTAIN-3 Table 3 PHQ-9 columns (PMC10439056)',
  },
  remission: [
    {
      id: 'lt5',
      cutoff: 5,
      inclusive: false,
      label: 'PHQ-9 < 5',
      source: 'SUSTAIN-3 Table 3 (PMC10439056); below the mild band (Kroenke 2001)',
    },
  ],
  relapse: [
    {
      id: 'ge10',
      kind: 'threshold',
      minTotal: 10,
      consecutive: 1,
      label: 'PHQ-9 ≥ 10 after response',
      source:
        'Kroenke 2001 cut-off for major depression (≥ 10: sensitivity and specificity 88 %); no trial relapse rule is published',
    },
    {
      id: 'loss-of-response',
      kind: 'loss-of-response',
      label: 'Loss of response (< 50 % reduction) after response',
      source: 'Project option; not a published relapse definition',
    },
  ],
  reliableChange: {
    sd: 6.1,
    reliability: 0.737,
    reliabilityKind: 'test-retest',
    source: 'SD 6.1: primary-care samples (PMC6734346); 2-week test-retest 0.737 (PMC7525967)',
  },
  safety: [
    {
      item: 9,
      minValue: 1,
      message:
        'PHQ-9 item 9 endorsed: any answer other than "not at all" needs a clinician suicide-risk assessment',
      source: 'AACN Crit Care Nurse; Simon et al. 2013, Psychiatr Serv',
    },
  ],
  copyright:
    'PHQ-9: developed by Drs Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.',
  notes: [
    'A zero on item 9 does not mean "safe": most people who die by suicide answered "not at all" (Louzon 2016).',
    'Minimal clinically important change: 5 points (Löwe 2004, Med Care 42:1194).',
  ],
};
