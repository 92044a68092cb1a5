import { describe, expect, it } from 'vitest';
import { SCALE_IDS } from '../domain/scales/registry';
import { totalKeyOf } from './patient-summary';
import { CURRENT_SCHEMA_VERSION, MIGRATION_STEPS, SCHEMA_VERSIONS } from './versions';

/**
 * Every shipped version, exactly as shipped. Versions are append-only: if this test fails
 * because a shipped entry changed, undo that change and add a new version instead.
 */
const SHIPPED: readonly {
  version: number;
  stores: Record<string, string | null>;
  steps: string[];
}[] = [
  {
    version: 1,
    stores: {
      patients: 'id, &code, name',
      events: 'id, [patientId+date]',
      visits: 'id, [patientId+date]',
      assessments: 'id, visitId, [patientId+date], [patientId+scaleId]',
      safetyAcks: 'id, patientId, assessmentId',
      history: '++id, recordId, patientId, at, groupId',
      meta: 'key',
    },
    steps: [],
  },
  {
    version: 2,
    stores: {
      patients: 'id, &codeKey, *nameWords',
      assessments: 'id, visitId, [patientId+date], [patientId+scaleId], *flaggedItems',
    },
    steps: ['v2-patient-code-keys', 'v2-assessment-safety-index'],
  },
  {
    version: 3,
    stores: {},
    steps: ['v3-event-drug-names'],
  },
  {
    version: 4,
    stores: {
      patientSummaries:
        'patientId, codeKey, *nameWords, [nameKey+codeKey], [lastVisit+codeKey], ' +
        '[totals.HAMD17+codeKey], [totals.MADRS+codeKey], [totals.PHQ9+codeKey], ' +
        '[totals.DARS+codeKey], [totals.CGIS+codeKey], [totals.CGII+codeKey], ' +
        '[statusRank+codeKey], [openFlags+codeKey]',
    },
    steps: ['v4-patient-summaries'],
  },
  {
    version: 5,
    stores: {
      patientSummaries:
        'patientId, codeKey, *nameWords, [nameKey+codeKey], [lastVisit+codeKey], ' +
        '[totals.HAMD17+codeKey], [totals.MADRS+codeKey], [totals.PHQ9+codeKey], ' +
        '[totals.DARS+codeKey], [totals.CGIS+codeKey], [totals.CGII+codeKey], ' +
        '[statusRank+codeKey], [openFlags+codeKey], [totals.HAMA+codeKey], [totals.GAD7+codeKey]',
    },
    steps: ['v5-summary-totals-new-scales'],
  },
  {
    version: 6,
    stores: {
      history: '++id, recordId, patientId, at, groupId, hlc',
      tombstones: 'id, patientId',
    },
    steps: ['v6-device-id', 'v6-history-clock', 'v6-record-authors', 'v6-delete-tombstones'],
  },
  {
    version: 7,
    stores: { scaleDefinitions: 'id, scaleId' },
    steps: ['v7-clinic-scales'],
  },
  {
    version: 8,
    stores: {
      cohorts: 'id, name',
      enrolments: 'id, cohortId, patientId, [cohortId+patientId]',
    },
    steps: ['v8-cohort-tables'],
  },
];

describe('schema versions', () => {
  it('indexes the latest total of every built-in scale, so the patient list sorts by each', () => {
    const summaries = SCHEMA_VERSIONS.flatMap((v) => v.stores.patientSummaries ?? []).at(-1) ?? '';
    const indexed = [...summaries.matchAll(/\[totals\.([A-Za-z0-9]+)\+codeKey\]/g)].map(
      (m) => m[1],
    );
    expect(indexed).toEqual(expect.arrayContaining(SCALE_IDS.map(totalKeyOf)));
  });

  it('keeps every shipped version unchanged', () => {
    const declared = SCHEMA_VERSIONS.slice(0, SHIPPED.length).map((v) => ({
      version: v.version,
      stores: v.stores,
      steps: v.steps.map((s) => s.name),
    }));
    expect(declared).toEqual(SHIPPED);
  });

  it('numbers versions 1, 2, 3, … with no gap or reordering', () => {
    expect(SCHEMA_VERSIONS.map((v) => v.version)).toEqual(SCHEMA_VERSIONS.map((_, i) => i + 1));
    expect(CURRENT_SCHEMA_VERSION).toBe(SCHEMA_VERSIONS.at(-1)?.version);
  });

  it('gives every step a unique name and the version it belongs to', () => {
    const names = MIGRATION_STEPS.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    for (const v of SCHEMA_VERSIONS)
      for (const step of v.steps) expect(step.version).toBe(v.version);
  });

  it('never changes a primary key (IndexedDB cannot, Dexie UpgradeError)', () => {
    const primary = new Map<string, string>();
    for (const v of SCHEMA_VERSIONS) {
      for (const [table, spec] of Object.entries(v.stores)) {
        if (spec === null) continue;
        const key = spec.split(',')[0]?.trim() ?? '';
        const earlier = primary.get(table);
        if (earlier !== undefined) expect(`${table}: ${key}`).toBe(`${table}: ${earlier}`);
        primary.set(table, key);
      }
    }
  });
});
