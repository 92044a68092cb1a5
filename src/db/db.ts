/**
 * The one typed database. The singleton `db` is what the app uses; tests and tools open
 * fresh databases with `createTrajectoryDb(name)`. Code outside src/db never imports this
 * file: it reads through hooks.ts and writes through the repositories.
 */
import { Dexie, type EntityTable } from 'dexie';
import { loadClinicScales } from './clinic-scales-load';
import { loadDeviceClock } from './stamps';
import { declareVersions } from './versions';
import type {
  Assessment,
  ClinicScaleRecord,
  Cohort,
  Enrolment,
  HistoryEntry,
  MetaRecord,
  Patient,
  PatientSummary,
  SafetyAck,
  Tombstone,
  TreatmentEvent,
  Visit,
} from './schema';

export class TrajectoryDb extends Dexie {
  // Ids are made by the app, so inserts carry them (third type argument = the record itself).
  patients!: EntityTable<Patient, 'id', Patient>;
  events!: EntityTable<TreatmentEvent, 'id', TreatmentEvent>;
  visits!: EntityTable<Visit, 'id', Visit>;
  assessments!: EntityTable<Assessment, 'id', Assessment>;
  safetyAcks!: EntityTable<SafetyAck, 'id', SafetyAck>;
  /** Auto-increment id: inserted without one. */
  history!: EntityTable<HistoryEntry, 'id'>;
  meta!: EntityTable<MetaRecord, 'key', MetaRecord>;
  /** Derived from the records (patient-summary.ts); v4. */
  patientSummaries!: EntityTable<PatientSummary, 'patientId', PatientSummary>;
  /** Deleted records, without their content, for replication (schema.ts `Tombstone`). */
  tombstones!: EntityTable<Tombstone, 'id', Tombstone>;
  /** Clinic-defined scales, one row per version (v7; clinic-scales-repo.ts). */
  scaleDefinitions!: EntityTable<ClinicScaleRecord, 'id', ClinicScaleRecord>;
  /** Stored cohorts and their arms (cohort-schema.ts); v8. */
  cohorts!: EntityTable<Cohort, 'id', Cohort>;
  /** A patient in one arm of a cohort; v8. */
  enrolments!: EntityTable<Enrolment, 'id', Enrolment>;

  constructor(name: string) {
    // Chrome defaults to 'relaxed' durability since v121: a power cut could lose the last
    // committed transaction. Clinical writes are few and small, so every transaction is strict.
    super(name, { chromeTransactionDurability: 'strict' });
    declareVersions(this);
    // Dexie runs ready handlers before any other use of the opened database; sticky: on
    // every open, not only the first (a database deleted and opened again).
    this.on('ready', (vip) => loadDeviceClock(this, vip), true);
    // The clinic-defined scales join the registry before any record is read or scored.
    this.on('ready', (vip) => loadClinicScales(vip), true);
  }
}

export const DATABASE_NAME = 'trajectory';

export function createTrajectoryDb(name: string): TrajectoryDb {
  return new TrajectoryDb(name);
}

export const db = createTrajectoryDb(DATABASE_NAME);
