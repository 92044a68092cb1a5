import type { ItemDef, ScaleDefinition, SubscaleDef } from '../scale-types';

// Dimensional Anhedonia Rating Scale (Rizvi et al. 2015, Psychiatry Res 229:109).
// 17 items scored 0–4 in four domains (4/4/4/5); HIGHER = MORE hedonic capacity = LESS
// anhedonia. No licence statement is known, so no item wording: domain and number only.

const DOMAINS: readonly (SubscaleDef & { short: string })[] = [
  { id: 'hobbies', name: 'Pastimes/hobbies', short: 'Hobbies', items: [1, 2, 3, 4] },
  { id: 'food', name: 'Food/drinks', short: 'Food/drinks', items: [5, 6, 7, 8] },
  { id: 'social', name: 'Social activities', short: 'Social', items: [9, 10, 11, 12] },
  { id: 'sensory', name: 'Sensory experiences', short: 'Sensory', items: [13, 14, 15, 16, 17] },
];

const items: ItemDef[] = DOMAINS.flatMap((domain) =>
  domain.items.map((number, index) => ({
    number,
    shortName: `${domain.short} ${index + 1}`,
    min: 0,
    max: 4,
    flags: ['anhedonia'],
  })),
);

export const DARS: ScaleDefinition = {
  id: 'DARS',
  name: 'Dimensional Anhedonia Rating Scale',
  version: 'DARS 17-item (Rizvi 2015)',
  rater: 'self-report',
  offeredByDefault: true,
  subscaleProfile: true,
  recallPeriod: 'right now',
  direction: 'higher-is-better',
  kind: 'severity',
  items,
  subscales: DOMAINS.map(({ id, name, items: domainItems }) => ({ id, name, items: domainItems })),
  missing: {
    kind: 'none',
    source: 'No prorating rule is published; an incomplete DARS has no total.',
  },
  bandConventions: [],
  remission: [],
  relapse: [],
  safety: [],
  copyright:
    'DARS: Rizvi SJ et al. Psychiatry Res 2015;229:109–119. Item wording not reproduced; ask the authors before using it.',
  notes: [
    'Higher DARS = less anhedonia: improvement is an increase.',
    'No published severity bands, response, remission or minimal important change.',
    'No verified normative SD: no reliable change index.',
    'Responses 0 not at all, 1 slightly, 2 moderately, 3 mostly, 4 very much.',
  ],
};
