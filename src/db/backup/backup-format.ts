/**
 * The backup file: one JSON object, versioned by `formatVersion`. Version 2 (written since
 * backups stream) has one record per line and ends with a `checksum` trailer: the SHA-256 of
 * the canonical record stream (backup-text.ts), which import verifies. Version 1 files (no
 * checksum) still import, with a note. Records are stored as the
 * app keeps them minus derived index keys (codeKey, nameWords, flaggedItems), which import
 * recomputes. History is not part of a backup: it is this device's audit trail, and an
 * import writes its own history entries ('import' group) instead. A change of shape gets a
 * new formatVersion and a reader for the old one; a file from a newer version is refused.
 */
import type { ClinicalRules } from '../../domain/clinical-rules';
import type { ScaleDefinition } from '../../domain/scale-types';
import type {
  AssessmentData,
  CohortData,
  EnrolmentData,
  IsoTimestamp,
  PatientData,
  SafetyAck,
  TreatmentEvent,
  Visit,
} from '../schema';

export const BACKUP_FORMAT = 'trajectory-backup';
/** The version this app writes. */
export const BACKUP_FORMAT_VERSION = 2;
/** Versions this app reads: 1 (no checksum) and 2. */
export type BackupFormatVersion = 1 | 2;
export const OLDEST_FORMAT_VERSION = 1;

/** The trailer of a version 2 file. */
export interface BackupChecksum {
  readonly algorithm: 'SHA-256';
  /** Lower-case hex digest of the canonical record stream. */
  readonly value: string;
}

export type BackupScope = 'all' | 'patient';

export interface BackupTables {
  readonly patients: readonly PatientData[];
  readonly events: readonly TreatmentEvent[];
  readonly visits: readonly Visit[];
  readonly assessments: readonly AssessmentData[];
  readonly safetyAcks: readonly SafetyAck[];
  /**
   * Stored cohorts and enrolments (v8). Optional: files made before them have neither key
   * (and their checksum covers only the tables they hold). A one-patient file carries none:
   * a cohort is the clinic's, not the patient's.
   */
  readonly cohorts?: readonly CohortData[];
  readonly enrolments?: readonly EnrolmentData[];
}

export type BackupTable = keyof BackupTables;

export const BACKUP_TABLES: readonly BackupTable[] = [
  'patients',
  'events',
  'visits',
  'assessments',
  'safetyAcks',
  'cohorts',
  'enrolments',
];

export interface Backup extends BackupTables {
  readonly format: typeof BACKUP_FORMAT;
  readonly formatVersion: BackupFormatVersion;
  readonly exportedAt: IsoTimestamp;
  readonly appVersion?: string;
  /** 'patient': exactly one patient and its records. */
  readonly scope: BackupScope;
  /**
   * The conventions in use where the file was made (band, remission and relapse rules per
   * scale); absent when that device kept every default. Optional, so older files still read.
   */
  readonly clinicalRules?: ClinicalRules;
  /**
   * Every version of every clinic-defined scale stored where the file was made (v7), so its
   * assessments can be scored where it is imported; absent when there is none.
   */
  readonly clinicScales?: readonly ScaleDefinition[];
}

declare const checked: unique symbol;

/**
 * A backup that passed parseBackup: the only kind planImport and importBackup accept.
 * `checksum` says whether the file's checksum was verified, or the file had none (version 1).
 */
export type ValidBackup = Backup & {
  readonly [checked]: true;
  readonly checksum: 'verified' | 'absent';
};
