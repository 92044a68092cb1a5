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
import { v2PatientCodeKeys } from './migrations/v2-patient-code-keys';
import { v2SafetyIndex } from './migrations/v2-safety-index';
import { v3EventDrugNames } from './migrations/v3-event-drug-names';
import { v8DeleteTombstones } from './migrations/v8-delete-tombstones';
import { v8DeviceId } from './migrations/v8-device-id';
import { v8HistoryClock } from './migrations/v8-history-clock';
import { v8RecordAuthors } from './migrations/v8-record-authors';
import type { MetaRecord, MigrationLogEntry } from './schema';

export interface SchemaVersion {
  readonly version: number;
  /** Dexie store declarations: only tables that change; null deletes a table. */
  readonly stores: Readonly<Record<string, string | null>>;
  /** Named data changes run, in order, when a database is upgraded to this version. */
  readonly steps: readonly MigrationStep[];
}

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
    // Issue 17 (sync). Numbered 8 as assigned: v4–v7 come from other branches at merge.
    version: 8,
    stores: {
      history: '++id, recordId, patientId, at, groupId, hlc',
      tombstones: 'id, patientId',
    },
    steps: [v8DeviceId, v8HistoryClock, v8RecordAuthors, v8DeleteTombstones],
  },
];

/** The last version (the list length while versions are contiguous, as the test requires). */
export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS.at(-1)?.version ?? 0;

export const MIGRATION_STEPS: readonly MigrationStep[] = SCHEMA_VERSIONS.flatMap((v) => v.steps);

async function runSteps(tx: Transaction, steps: readonly MigrationStep[]): Promise<void> {
  const log: MigrationLogEntry[] = [];
  for (const step of steps) {
    const summary = await step.run(tx);
    log.push({ version: step.version, step: step.name, at: new Date().toISOString(), summary });
  }
  const meta = tx.table<MetaRecord, string>('meta');
  const previous = await meta.get('migrationLog');
  const earlier = previous?.key === 'migrationLog' ? previous.value : [];
  await meta.put({ key: 'migrationLog', value: [...earlier, ...log] });
}

export function declareVersions(db: Dexie): void {
  for (const { version, stores, steps } of SCHEMA_VERSIONS) {
    const declared = db.version(version).stores(stores);
    if (steps.length) declared.upgrade((tx) => runSteps(tx, steps));
  }
}
