/**
 * A test-only registry holding two versions of the PHQ-9: the real Kroenke 2001 definition
 * and a made-up later one whose mild band starts at 6 instead of 5. Not a published change,
 * only the shape of one (a band moved in a new version), to prove old records keep the
 * figures of the version they were recorded under.
 */
import type { ScaleDefinition } from '../scale-types';
import { PHQ9 } from '../scales/phq9';
import { makeScaleRegistry } from '../scales/scale-registry';

export const PHQ9_V2: ScaleDefinition = {
  ...PHQ9,
  version: 'PHQ-9 (test: mild from 6)',
  bandConventions: [
    {
      id: 'kroenke-2001',
      name: 'Test bands',
      source: 'test only',
      bands: [
        { label: 'None–minimal', min: 0, max: 5, level: 0 },
        { label: 'Mild', min: 6, max: 9, level: 1 },
        { label: 'Moderate', min: 10, max: 14, level: 2 },
        { label: 'Moderately severe', min: 15, max: 19, level: 3 },
        { label: 'Severe', min: 20, max: 27, level: 4 },
      ],
    },
  ],
};

export const TWO_PHQ9_VERSIONS = makeScaleRegistry([PHQ9, PHQ9_V2]);

export const VERSIONED_VISITS = [
  { id: 'v0', date: '2024-01-01' },
  { id: 'v1', date: '2024-01-15' },
  { id: 'v2', date: '2024-01-29' },
] as const;

const total = (n: number) => ({ mode: 'summary' as const, total: n, subscales: {}, items: {} });

/** Totals 14 and 5 recorded under Kroenke 2001, then 5 under the later version. */
export const VERSIONED_ASSESSMENTS = [
  { id: 'a0', visitId: 'v0', scaleId: 'PHQ-9', scaleVersion: PHQ9.version, entry: total(14) },
  { id: 'a1', visitId: 'v1', scaleId: 'PHQ-9', scaleVersion: PHQ9.version, entry: total(5) },
  { id: 'a2', visitId: 'v2', scaleId: 'PHQ-9', scaleVersion: PHQ9_V2.version, entry: total(5) },
] as const;
