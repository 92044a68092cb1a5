import type { ScaleDefinition } from '../scale-types';
import { CGI_COPYRIGHT } from './cgi-common';

// Clinical Global Impression (Guy 1976, ECDEU Assessment Manual). A US federal work: free
// to ship. Single items rated 1–7; CamCOPS's 0 "not assessed" is a missing value here.

const IMPROVEMENT = [
  'Very much improved',
  'Much improved',
  'Minimally improved',
  'No change',
  'Minimally worse',
  'Much worse',
  'Very much worse',
];

export const CGI_I: ScaleDefinition = {
  id: 'CGI-I',
  name: 'Clinical Global Impression – Improvement',
  version: 'CGI-I (Guy 1976)',
  rater: 'clinician',
  recallPeriod: 'compared with the start of treatment',
  direction: 'higher-is-worse',
  kind: 'change',
  items: [
    {
      number: 1,
      shortName: 'Global improvement',
      min: 1,
      max: 7,
      flags: [],
      anchors: IMPROVEMENT.map((label, index) => ({ value: index + 1, label })),
    },
  ],
  subscales: [],
  missing: { kind: 'none', source: 'Single item.' },
  bandConventions: [],
  response: {
    kind: 'max-value',
    maxValue: 2,
    label: 'CGI-I 1–2 (much or very much improved)',
    source: 'Riedel et al. 2010, J Psychiatr Res 44:1063',
  },
  remission: [],
  relapse: [],
  safety: [],
  copyright: CGI_COPYRIGHT,
  notes: ['CGI-I rates change itself: no baseline arithmetic applies.'],
};
