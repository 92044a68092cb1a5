import type { ScaleDefinition } from '../scale-types';
import { CGI_COPYRIGHT } from './cgi-common';

// Clinical Global Impression (Guy 1976, ECDEU Assessment Manual). A US federal work: free
// to ship. Single items rated 1–7; CamCOPS's 0 "not assessed" is a missing value here.

const SEVERITY = [
  'Normal, not at all ill',
  'Borderline mentally ill',
  'Mildly ill',
  'Moderately ill',
  'Markedly ill',
  'Severely ill',
  'Among the most extremely ill',
];

export const CGI_S: ScaleDefinition = {
  id: 'CGI-S',
  name: 'Clinical Global Impression – Severity',
  version: 'CGI-S (Guy 1976)',
  rater: 'clinician',
  recallPeriod: 'the past week',
  direction: 'higher-is-worse',
  kind: 'severity',
  items: [
    {
      number: 1,
      shortName: 'Severity of illness',
      min: 1,
      max: 7,
      flags: [],
      anchors: SEVERITY.map((label, index) => ({ value: index + 1, label })),
    },
  ],
  subscales: [],
  missing: { kind: 'none', source: 'Single item.' },
  bandConventions: [
    {
      id: 'guy-1976',
      name: 'Guy 1976',
      source: 'ECDEU Assessment Manual; Busner & Targum 2007 (PMC2880930)',
      bands: SEVERITY.map((label, index) => ({
        label,
        min: index + 1,
        max: index + 1,
        level: index,
      })),
    },
  ],
  remission: [
    {
      id: 'eq1',
      cutoff: 1,
      inclusive: true,
      label: 'CGI-S = 1 (normal)',
      source: 'Riedel et al. 2010, J Psychiatr Res 44:1063 (remission anchor)',
    },
  ],
  relapse: [],
  safety: [],
  copyright: CGI_COPYRIGHT,
  notes: ['Response is rated on the CGI-I, not computed from the CGI-S.'],
};
