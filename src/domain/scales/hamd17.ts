import type { ItemDef, ScaleDefinition } from '../scale-types';

// Hamilton Rating Scale for Depression, 17 items (Hamilton 1960, 1967). Public domain
// (NINDS CDE, CDISC QRS), so item names and anchors may be shown.
// Facts: ../shared/reference/scales.md §1, with the sources named per field.

const item = (
  number: number,
  shortName: string,
  labels: readonly string[],
  extra: Partial<Pick<ItemDef, 'flags' | 'note' | 'notAssessedCode' | 'variants'>> = {},
): ItemDef => ({
  number,
  shortName,
  min: 0,
  max: labels.length - 1,
  flags: extra.flags ?? [],
  anchors: labels.map((label, value) => ({ value, label })),
  ...(extra.note === undefined ? {} : { note: extra.note }),
  ...(extra.notAssessedCode === undefined ? {} : { notAssessedCode: extra.notAssessedCode }),
  ...(extra.variants === undefined ? {} : { variants: extra.variants }),
});

export const HAMD17: ScaleDefinition = {
  id: 'HAMD-17',
  name: 'Hamilton Depression Rating Scale (17 items)',
  version: 'HAMD-17 (Hamilton 1960/1967)',
  rater: 'clinician',
  offeredByDefault: true,
  summaryRank: 1,
  recallPeriod: 'the past week',
  direction: 'higher-is-worse',
  kind: 'severity',
  items: [
    item(1, 'Depressed mood', [
      'Absent',
      'Indicated only on questioning',
      'Spontaneously reported verbally',
      'Communicated non-verbally (expression, posture, voice, weeping)',
      'Virtually only these feeling states, verbally and non-verbally',
    ]),
    item(2, 'Feelings of guilt', [
      'Absent',
      'Self-reproach, feels has let people down',
      'Ideas of guilt or rumination over past errors',
      'Present illness is a punishment; delusions of guilt',
      'Accusatory voices or threatening visual hallucinations',
    ]),
    item(
      3,
      'Suicide',
      [
        'Absent',
        'Feels life is not worth living',
        'Wishes were dead, or any thoughts of possible death to self',
        'Suicidal ideas or gestures',
        'Attempts at suicide',
      ],
      { flags: ['suicide'] },
    ),
    item(4, 'Insomnia, early', [
      'No difficulty falling asleep',
      'Occasional difficulty falling asleep (> 30 min)',
      'Nightly difficulty falling asleep',
    ]),
    item(5, 'Insomnia, middle', [
      'No difficulty',
      'Restless and disturbed during the night',
      'Waking during the night; getting out of bed (not to void)',
    ]),
    item(6, 'Insomnia, late', [
      'No difficulty',
      'Wakes in early hours but goes back to sleep',
      'Unable to fall asleep again if gets out of bed',
    ]),
    item(
      7,
      'Work and activities',
      [
        'No difficulty',
        'Thoughts and feelings of incapacity, fatigue or weakness',
        'Loss of interest in activities, hobbies or work',
        'Decrease in actual time spent or in productivity',
        'Stopped working because of present illness',
      ],
      { flags: ['anhedonia'] },
    ),
    item(8, 'Retardation', [
      'Normal speech and thought',
      'Slight retardation at interview',
      'Obvious retardation at interview',
      'Interview difficult',
      'Complete stupor',
    ]),
    item(9, 'Agitation', [
      'None',
      'Fidgetiness',
      'Playing with hands, hair, etc.',
      "Moving about, can't sit still",
      'Hand wringing, nail biting, hair pulling, lip biting',
    ]),
    item(10, 'Anxiety, psychic', [
      'No difficulty',
      'Subjective tension and irritability',
      'Worrying about minor matters',
      'Apprehensive attitude apparent in face or speech',
      'Fears expressed without questioning',
    ]),
    item(11, 'Anxiety, somatic', ['Absent', 'Mild', 'Moderate', 'Severe', 'Incapacitating']),
    item(12, 'Somatic symptoms, gastrointestinal', [
      'None',
      'Loss of appetite but eating without encouragement',
      'Difficulty eating without urging; needs laxatives or GI medication',
    ]),
    item(13, 'Somatic symptoms, general', [
      'None',
      'Heaviness in limbs, back or head; aches; loss of energy',
      'Any clear-cut symptom',
    ]),
    item(14, 'Genital symptoms', ['Absent', 'Mild', 'Severe']),
    item(15, 'Hypochondriasis', [
      'Not present',
      'Self-absorption (bodily)',
      'Preoccupation with health',
      'Frequent complaints, requests for help',
      'Hypochondriacal delusions',
    ]),
    item(
      16,
      'Loss of weight',
      [
        'A: no weight loss · B: < 1 lb lost this week',
        'A: probable weight loss with present illness · B: > 1 lb',
        'A: definite weight loss (per patient) · B: > 2 lb',
      ],
      {
        note: 'Rate 16A (from history) or 16B (measured), never both. 3 = not assessed (scores 0).',
        notAssessedCode: 3,
        variants: [
          { id: 'A', label: '16A: by history' },
          { id: 'B', label: '16B: by measured weight' },
        ],
      },
    ),
    item(17, 'Insight', [
      'Acknowledges being depressed and ill',
      'Acknowledges illness but attributes it to food, climate, overwork, virus...',
      'Denies being ill at all',
    ]),
  ],
  subscales: [],
  missing: {
    kind: 'none',
    source: 'No prorating rule is published; an incomplete HAMD-17 has no total (CamCOPS hamd.py).',
  },
  bandConventions: [
    {
      id: 'consensus',
      name: 'Consensus (cnsforum)',
      source: 'CamCOPS hamd.py severity(): ≥23 very severe, ≥19 severe, ≥14 moderate, ≥8 mild',
      bands: [
        { label: 'None', min: 0, max: 7, level: 0 },
        { label: 'Mild', min: 8, max: 13, level: 1 },
        { label: 'Moderate', min: 14, max: 18, level: 2 },
        { label: 'Severe', min: 19, max: 22, level: 3 },
        { label: 'Very severe', min: 23, max: 52, level: 4 },
      ],
    },
    {
      id: 'zimmerman-2013',
      name: 'Zimmerman 2013',
      source:
        'Zimmerman M et al. J Affect Disord 2013;150:384 (PubMed 23759278): cut-offs 17 and 24',
      bands: [
        { label: 'None', min: 0, max: 7, level: 0 },
        { label: 'Mild', min: 8, max: 16, level: 1 },
        { label: 'Moderate', min: 17, max: 23, level: 2 },
        { label: 'Severe', min: 24, max: 52, level: 3 },
      ],
    },
    {
      id: 'rush-2003',
      name: 'Rush 2003 (IDS/QIDS conversion)',
      source: 'ids-qids.org/interpretation.html',
      bands: [
        { label: 'None', min: 0, max: 7, level: 0 },
        { label: 'Mild', min: 8, max: 13, level: 1 },
        { label: 'Moderate', min: 14, max: 19, level: 2 },
        { label: 'Severe', min: 20, max: 25, level: 3 },
        { label: 'Very severe', min: 26, max: 52, level: 4 },
      ],
    },
  ],
  response: {
    kind: 'percent-reduction',
    percent: 50,
    label: '≥ 50 % reduction from baseline',
    source: 'Conventional response criterion (Riedel 2010, J Psychiatr Res 44:1063)',
  },
  remission: [
    {
      id: 'le7',
      cutoff: 7,
      inclusive: true,
      label: 'HAMD-17 ≤ 7',
      source: 'Frank et al. 1991 (MacArthur consensus)',
    },
    {
      id: 'le6',
      cutoff: 6,
      inclusive: true,
      label: 'HAMD-17 ≤ 6',
      source: 'Riedel et al. 2010, J Psychiatr Res 44:1063 (optimal cut-off against CGI)',
    },
  ],
  relapse: [
    {
      id: 'ge16',
      kind: 'threshold',
      minTotal: 16,
      consecutive: 1,
      label: 'HAMD-17 ≥ 16 after response',
      source: 'Desvenlafaxine relapse-prevention RCT (J Clin Psychiatry); McIntyre 2015 (PCC)',
    },
    {
      id: 'loss-of-response',
      kind: 'loss-of-response',
      label: 'Loss of response (< 50 % reduction) after response',
      source: 'Project option; not a published relapse definition',
    },
  ],
  reliableChange: {
    sd: 6.13,
    reliability: 0.789,
    reliabilityKind: 'alpha',
    source:
      'SD 6.13: MDD outpatients (PMC7416026); α 0.789: Trajković 2011 meta-analysis (Psychiatry Res 189:1)',
  },
  safety: [
    {
      item: 3,
      minValue: 2,
      message: 'HAMD-17 item 3 (suicide) ≥ 2: wishes to be dead or thoughts of death to self',
      source: 'Project safety rule (issue #2), documented in docs/ARCHITECTURE.md',
    },
  ],
  copyright:
    'HAMD-17: Hamilton M. J Neurol Neurosurg Psychiatry 1960;23:56. Public domain (NINDS CDE).',
  notes: [
    'Items 18–21 of the longer HAMD are not part of the HAMD-17 total.',
    'Item 16: 16A (history) or 16B (measured), only one is scored; code 3 = not assessed, scores 0 (CamCOPS hamd.py).',
  ],
};
