/**
 * The records the database keeps. Keys are string UUIDs made on the device
 * (`crypto.randomUUID()`): a primary key can never be changed by a later schema version, so
 * they are final from the first version on. Clinical dates are ISO calendar dates
 * ('YYYY-MM-DD'); createdAt/updatedAt and other instants are ISO timestamps.
 *
 * Each record type comes as `…Data` (what a backup file carries) and, where the database
 * adds index keys derived from the data, as the stored record. Derived keys are recomputed on
 * every write and on import, so a backup never has to carry them.
 */
import type { AssessmentEntry } from '../domain/assessment';
import type { ClinicalRules } from '../domain/clinical-rules';
import type { ScaleId } from '../domain/scale-types';
import type { IsoDate } from '../domain/time';
import type { ClockTime } from '../domain/visit-time';
import type { ClinicScaleRecord } from './scale-schema';
import type { Cohort, Enrolment } from './cohort-schema';
import type { SyncConflict, SyncResolution, SyncSettings, SyncState } from './sync-schema';

/** An ISO 8601 instant, e.g. '2024-01-05T09:30:00.000Z'. */
export type IsoTimestamp = string;

export type Sex = 'female' | 'male' | 'other' | 'unknown';

export interface PatientData {
  readonly id: string;
  /** Pseudonymous code the clinic chooses; unique ignoring case. */
  readonly code: string;
  readonly name?: string;
  readonly birthYear?: number;
  readonly sex?: Sex;
  readonly diagnosis?: string;
  readonly notes?: string;
  /**
   * The visit the clinician chose as this patient's baseline (absent = the default rule:
   * the last rating on or before the index event). Kept with the record, so every screen,
   * device and backup counts change from the same visit, and history shows who chose it.
   */
  readonly baselineVisitId?: string;
  /**
   * Days expected between visits, for the caseload's due and overdue lists. Absent = weekly
   * (`DEFAULT_VISIT_INTERVAL_DAYS`): the default stays a default, so no upgrade has to write
   * it into every patient (and history), and older backups need nothing.
   */
  readonly expectedIntervalDays?: number;
  readonly createdAt: IsoTimestamp;
  readonly updatedAt: IsoTimestamp;
}

export interface Patient extends PatientData {
  /** Revision "N-hash" (src/db/revision.ts), set by every write; absent on records older than revisions. */
  readonly rev?: string;
  /** Who made the last change (src/db/stamps.ts); absent before v6 and in backup files. */
  readonly author?: string;
  /** The device that made the last change (its id in meta `deviceId`). */
  readonly device?: string;
  /** `code` trimmed and lower-cased: the unique index that makes codes case-insensitive. */
  readonly codeKey: string;
  /** Lower-case words of the name, for prefix search (multi-entry index). */
  readonly nameWords: readonly string[];
}

export type EventKind =
  | 'single-dose'
  | 'medication-start'
  | 'medication-change'
  | 'medication-stop'
  | 'procedure'
  | 'note';

export interface TreatmentEvent {
  readonly id: string;
  readonly patientId: string;
  readonly date: IsoDate;
  /** Time of day of the event, 'HH:mm' local (a dose given at 10:00), when recorded. */
  readonly time?: ClockTime;
  readonly kind: EventKind;
  /** What a clinician reads on the chart: 'dezocine', 'rhinoplasty'. */
  readonly label: string;
  readonly drug?: string;
  readonly dose?: number;
  /** 'mg', 'mg/kg', ... */
  readonly unit?: string;
  /** 'IV', 'oral', ... */
  readonly route?: string;
  /** Free text such as '5 mg total'. */
  readonly totalDose?: string;
  readonly details?: string;
  /** The event time is counted from. At most one per patient (enforced by the repository). */
  readonly isIndex: boolean;
  /** Last day of an event that spans days (a procedure, a course of medication). */
  readonly endDate?: IsoDate;
  /** Revision "N-hash" (src/db/revision.ts), set by every write; absent on records older than revisions. */
  readonly rev?: string;
  /** Who made the last change (src/db/stamps.ts); absent before v6 and in backup files. */
  readonly author?: string;
  /** The device that made the last change (its id in meta `deviceId`). */
  readonly device?: string;
}

export type RecordStatus = 'draft' | 'final';

export interface Visit {
  readonly id: string;
  readonly patientId: string;
  readonly date: IsoDate;
  /**
   * Time of day, 'HH:mm' local, when recorded: several visits on one day (pre-dose, +2 h)
   * each have one and are ordered by it. No index needs it: a patient's visits are read
   * together and ordered in memory (src/domain/visit-time.ts).
   */
  readonly time?: ClockTime;
  readonly notes?: string;
  /** Adverse events / side effects noted at the visit (free text, normalised). */
  readonly adverseEvents?: readonly string[];
  readonly status: RecordStatus;
  readonly createdAt: IsoTimestamp;
  readonly updatedAt: IsoTimestamp;
  readonly finalizedAt?: IsoTimestamp;
  /** Revision "N-hash" (src/db/revision.ts), set by every write; absent on records older than revisions. */
  readonly rev?: string;
  /** Who made the last change (src/db/stamps.ts); absent before v6 and in backup files. */
  readonly author?: string;
  /** The device that made the last change (its id in meta `deviceId`). */
  readonly device?: string;
}

export interface AssessmentData {
  readonly id: string;
  readonly visitId: string;
  readonly patientId: string;
  /** Copy of the visit's date, kept in step by the repository, for per-patient date queries. */
  readonly date: IsoDate;
  readonly scaleId: ScaleId;
  /** The scale definition's `version` string when the entry was made. */
  readonly scaleVersion: string;
  /** All item responses (or the summary) as one value: one record per assessment. */
  readonly entry: AssessmentEntry;
  readonly rater?: string;
  /** Always the status of its visit. */
  readonly status: RecordStatus;
  readonly updatedAt: IsoTimestamp;
}

export interface Assessment extends AssessmentData {
  /** Revision "N-hash" (src/db/revision.ts), set by every write; absent on records older than revisions. */
  readonly rev?: string;
  /** Who made the last change (src/db/stamps.ts); absent before v6 and in backup files. */
  readonly author?: string;
  /** The device that made the last change (its id in meta `deviceId`). */
  readonly device?: string;
  /**
   * Item numbers whose safety rule (src/domain/safety.ts) is met by this entry: a cache of the
   * domain rule, recomputed on every save, indexed so that open flags of all patients are
   * found without reading every assessment. A change of a safety rule needs a schema version
   * whose upgrade recomputes it.
   */
  readonly flaggedItems: readonly number[];
}

export interface SafetyAck {
  readonly id: string;
  readonly patientId: string;
  readonly assessmentId: string;
  readonly scaleId: ScaleId;
  readonly item: number;
  /** The item value acknowledged. A later different value opens the flag again. */
  readonly value: number;
  readonly acknowledgedBy: string;
  readonly acknowledgedAt: IsoTimestamp;
  readonly note?: string;
  /** Revision "N-hash" (src/db/revision.ts), set by every write; absent on records older than revisions. */
  readonly rev?: string;
  /** Who made the last change (src/db/stamps.ts); absent before v6 and in backup files. */
  readonly author?: string;
  /** The device that made the last change (its id in meta `deviceId`). */
  readonly device?: string;
}

/** The tables whose every change is kept in history. */
export type ClinicalTable =
  'patients' | 'events' | 'visits' | 'assessments' | 'safetyAcks' | 'cohorts' | 'enrolments';

export interface RecordMap {
  patients: Patient;
  events: TreatmentEvent;
  visits: Visit;
  assessments: Assessment;
  safetyAcks: SafetyAck;
  cohorts: Cohort;
  enrolments: Enrolment;
}

export type ClinicalRecord = RecordMap[ClinicalTable];

export type HistoryAction = 'create' | 'update' | 'delete' | 'undo';

interface HistoryBase {
  /** Auto-increment: gives the exact order of changes, even within one millisecond. */
  readonly id: number;
  readonly recordId: string;
  readonly patientId: string;
  readonly action: HistoryAction;
  readonly at: IsoTimestamp;
  readonly by?: string;
  /** Every entry written by one user action shares it; undo works on the whole group. */
  readonly groupId: string;
  /** What the user did, in words: 'edit patient', 'finalize visit', 'import', ... */
  readonly operation: string;
  /** On 'undo' entries: the group that was undone. */
  readonly undoOf?: string;
  /**
   * Hybrid logical clock of the change (src/domain/hlc.ts): orders changes across devices
   * where `id` orders them on one. Absent only on entries of a database not yet at v6.
   */
  readonly hlc?: string;
  /** The device that made the change. */
  readonly device?: string;
}

/** One change of one record: the value before (null = did not exist) and after (null = gone). */
export type RecordHistoryEntry = {
  [K in ClinicalTable]: HistoryBase & {
    readonly table: K;
    readonly before: RecordMap[K] | null;
    readonly after: RecordMap[K] | null;
  };
}[ClinicalTable];

/**
 * A change of the conventions in use (meta `clinicalRules`, src/db/clinical-choices.ts). It
 * belongs to no patient (`patientId` ''), and `recordId` is 'clinicalRules'. Before null: the
 * defaults were in use (nothing stored).
 */
export type RulesHistoryEntry = HistoryBase & {
  readonly table: 'clinicalRules';
  readonly before: ClinicalRules | null;
  readonly after: ClinicalRules | null;
};

/**
 * A clinic-defined scale version added (v7). Never undone or deleted: assessments may have
 * been recorded under it. `recordId` is the row's id, `patientId` ''.
 */
export type ScaleHistoryEntry = HistoryBase & {
  readonly table: 'scaleDefinitions';
  readonly before: null;
  readonly after: ClinicScaleRecord;
};

export type HistoryEntry = RecordHistoryEntry | RulesHistoryEntry | ScaleHistoryEntry;

export type { PatientSummary, SummaryScore, TotalKey } from './summary-schema';
export type {
  Cohort,
  CohortArm,
  CohortData,
  CohortKind,
  Enrolment,
  EnrolmentData,
} from './cohort-schema';

export interface MigrationLogEntry {
  readonly version: number;
  readonly step: string;
  readonly at: IsoTimestamp;
  /** What the step changed, e.g. '2 patient codes renamed'. */
  readonly summary: string;
}

export interface PinHash {
  readonly algorithm: 'PBKDF2-SHA-256';
  readonly iterations: number;
  /** Base64. */
  readonly salt: string;
  /** Base64 of the 256-bit derived key. */
  readonly hash: string;
  readonly setAt: IsoTimestamp;
}

export type {
  SyncConflict,
  SyncConflictKind,
  SyncResolution,
  SyncSettings,
  SyncState,
  SyncVersion,
  Tombstone,
} from './sync-schema';
export type { ClinicScaleRecord } from './scale-schema';

/** Settings and bookkeeping, one row per key. */
export interface MetaValues {
  /** This device's stable id (a UUID), made once: names the device in records and clocks. */
  deviceId: string;
  /** The band, remission and relapse conventions in use (absent: every scale's default). */
  clinicalRules: ClinicalRules;
  /** When the whole database was last exported to a backup file. */
  lastExportAt: IsoTimestamp;
  /** The line printed at the top of reports. */
  clinicHeader: string;
  /**
   * The clinician's PIN that ends patient mode, as a salted PBKDF2 hash (never the PIN).
   * Kept on this device only: backups do not carry it.
   */
  clinicianPin: PinHash;
  /** Where replication stands (src/db/sync-store.ts); absent until sync first ran. */
  syncState: SyncState;
  /** Whether and where this device syncs (src/db/sync-settings.ts); absent: sync off. */
  syncSettings: SyncSettings;
  /** Records two devices changed apart, waiting for a clinician's choice (never picked silently). */
  syncConflicts: readonly SyncConflict[];
  /** Conflicts resolved here whose resolution is not sent yet (sync-schema.ts). */
  syncResolved: readonly SyncResolution[];
  /** Every migration step that ran on this device. */
  migrationLog: readonly MigrationLogEntry[];
}

export type MetaKey = keyof MetaValues;

export type MetaRecord = {
  [K in MetaKey]: { readonly key: K; readonly value: MetaValues[K] };
}[MetaKey];
