/**
 * Every schema version this app has shipped, oldest first. APPEND ONLY: never edit or remove
 * a shipped version (a device may still hold a database at that version, and primary keys
 * can never change); add a new one with its named steps. versions.test.ts holds a copy of
 * each shipped declaration and fails if one is edited.
 *
 * Upgrades run in IndexedDB's own versionchange transaction, which Dexie opens; the
 * database-wide 'strict' durability (db.ts) applies to every other transaction.
 */
import type { Dexie, Transaction } from 'dexie';
import type { MigrationStep } from './migrations/migration-step';
import { stepFailure } from './migrations/upgrade-failure';
import { v2PatientCodeKeys } from './migrations/v2-patient-code-keys';
import { v2SafetyIndex } from './migrations/v2-safety-index';
import { v3EventDrugNames } from './migrations/v3-event-drug-names';
import { v4PatientSummaries } from './migrations/v4-patient-summaries';
import { v5SummaryTotals } from './migrations/v5-summary-totals';
import { v6DeleteTombstones } from './migrations/v6-delete-tombstones';
import { v6DeviceId } from './migrations/v6-device-id';
import { v6HistoryClock } from './migrations/v6-history-clock';
import { v6RecordAuthors } from './migrations/v6-record-authors';
import { v7ClinicScales } from './migrations/v7-clinic-scales';
import { v8CohortTables } from './migrations/v8-cohort-tables';
import type { MetaRecord, MigrationLogEntry } from './schema';

export interface SchemaVersion {
  readonly version: number;
  /** Dexie store declarations: only tables that change; null deletes a table. */
  readonly stores: Readonly<Record<string, string | null>>;
  /** Named data changes run, in order, when a database is upgraded to this version. */
  readonly steps: readonly MigrationStep[];
}

/**
 * v4 (issue 18): one index per column of the patient list, each with the code as tie-break,
 * so any sort order is read a screenful at a time; codeKey and nameWords for search.
 */
const PATIENT_SUMMARY_INDEXES =
  'patientId, codeKey, *nameWords, [nameKey+codeKey], [lastVisit+codeKey], ' +
  '[totals.HAMD17+codeKey], [totals.MADRS+codeKey], [totals.PHQ9+codeKey], ' +
  '[totals.DARS+codeKey], [totals.CGIS+codeKey], [totals.CGII+codeKey], ' +
  '[statusRank+codeKey], [openFlags+codeKey]';

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
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
    steps: [v2PatientCodeKeys, v2SafetyIndex],
  },
  {
    version: 3,
    stores: {},
    steps: [v3EventDrugNames],
  },
  {
    version: 4,
    stores: {
      patientSummaries: PATIENT_SUMMARY_INDEXES,
    },
    steps: [v4PatientSummaries],
  },
  {
    version: 5,
    stores: {
      patientSummaries: `${PATIENT_SUMMARY_INDEXES}, [totals.HAMA+codeKey], [totals.GAD7+codeKey]`,
    },
    steps: [v5SummaryTotals],
  },
  {
    // Issue 17 (sync): ground work for replication.
    version: 6,
    stores: {
      history: '++id, recordId, patientId, at, groupId, hlc',
      tombstones: 'id, patientId',
    },
    steps: [v6DeviceId, v6HistoryClock, v6RecordAuthors, v6DeleteTombstones],
  },
  {
    // Issue 16: clinic-defined scales, one row per version (scale-schema.ts).
    version: 7,
    stores: {
      scaleDefinitions: 'id, scaleId',
    },
    steps: [v7ClinicScales],
  },
  {
    // Issue 14: stored cohorts (src/db/cohort-schema.ts). A patient is in a cohort at most
    // once; the repository keeps that rule (an index, not a unique one, so replication can
    // bring two and list them as a conflict instead of failing).
    version: 8,
    stores: {
      cohorts: 'id, name',
      enrolments: 'id, cohortId, patientId, [cohortId+patientId]',
    },
    steps: [v8CohortTables],
  },
];

/** The last version (the list length while versions are contiguous, as the test requires). */
export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS.at(-1)?.version ?? 0;

export const MIGRATION_STEPS: readonly MigrationStep[] = SCHEMA_VERSIONS.flatMap((v) => v.steps);

async function runSteps(tx: Transaction, steps: readonly MigrationStep[]): Promise<void> {
  const log: MigrationLogEntry[] = [];
  for (const step of steps) {
    let summary: string;
    try {
      summary = await step.run(tx);
    } catch (error) {
      // Thrown on: IndexedDB aborts the upgrade, and the app says which record blocked it.
      throw stepFailure(step.version, step.name, error);
    }
    log.push({ version: step.version, step: step.name, at: new Date().toISOString(), summary });
  }
  const meta = tx.table<MetaRecord, string>('meta');
  const previous = await meta.get('migrationLog');
  const earlier = previous?.key === 'migrationLog' ? previous.value : [];
  await meta.put({ key: 'migrationLog', value: [...earlier, ...log] });
}

/** Declares `versions` (the shipped list; tests append a test-only version to it). */
export function declareVersions(db: Dexie, versions = SCHEMA_VERSIONS): void {
  for (const { version, stores, steps } of versions) {
    const declared = db.version(version).stores(stores);
    if (steps.length) declared.upgrade((tx) => runSteps(tx, steps));
  }
}
